/**
 * §2.2.1 resource limit guards (dev): one alarm per limit (usageLimitPlan.ts) to the alert topic, on
 * ALARM and on OK. Missing data is "not breaching": an account that runs no EC2 publishes no vCPU usage.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UsageLimits, usageLimitAlarms } from "./usageLimitPlan";
import type { StackScope } from "../config/names";

export interface UsageLimitGuardsArgs extends Pick<StackScope, "environment"> {
    readonly limits: UsageLimits;
    readonly topicArn: pulumi.Input<string>;
}

export class UsageLimitGuards extends pulumi.ComponentResource {
    constructor(name: string, args: UsageLimitGuardsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:monitoring:UsageLimitGuards", name, {}, opts);
        for (const spec of usageLimitAlarms(args.environment, args.limits)) {
            new aws.cloudwatch.MetricAlarm(`${name}-${spec.limit}`, {
                name: spec.name,
                alarmDescription: spec.description,
                namespace: spec.namespace,
                metricName: spec.metricName,
                dimensions: Object.keys(spec.dimensions).length > 0 ? { ...spec.dimensions } : undefined,
                statistic: spec.statistic,
                period: spec.periodSeconds,
                evaluationPeriods: 1,
                datapointsToAlarm: 1,
                threshold: spec.threshold,
                comparisonOperator: spec.comparisonOperator,
                treatMissingData: "notBreaching",
                alarmActions: [args.topicArn],
                okActions: [args.topicArn],
            }, { parent: this });
        }
        this.registerOutputs({});
    }
}
