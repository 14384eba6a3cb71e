/**
 * The CloudWatch alarms of §12.2.1 (see alarmPlan.ts for what each one watches). Every alarm
 * notifies the alert topic when it fires and when it clears, so operators see both edges.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlarmPlanInput, AlarmSpec, MetricQuery, planAlarms } from "./alarmPlan";

export interface AlarmsArgs extends AlarmPlanInput {
    /** ARN of the alert SNS topic (AlertTopic.topicArn): every alarm's alarm and OK action. */
    readonly topicArn: pulumi.Input<string>;
}

function metricQuery(q: MetricQuery, period: number): aws.types.input.cloudwatch.MetricAlarmMetricQuery {
    return {
        id: q.id,
        expression: q.expression,
        label: q.label,
        returnData: q.returnData,
        metric: q.metric && {
            namespace: q.metric.namespace,
            metricName: q.metric.metricName,
            dimensions: q.metric.dimensions,
            stat: q.metric.stat,
            period,
        },
    };
}

function alarmMetric(spec: AlarmSpec): Partial<aws.cloudwatch.MetricAlarmArgs> {
    if (spec.metricQueries) return { metricQueries: spec.metricQueries.map((q) => metricQuery(q, spec.window.period)) };
    const m = spec.metric;
    if (!m) throw new Error(`alarm ${spec.key} has neither a metric nor metric queries`);
    return { namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions, statistic: m.stat, period: spec.window.period };
}

/** A MetricAlarm from its spec, notifying the topic when it fires and when it clears. */
export function metricAlarmArgs(spec: AlarmSpec, topicArn: pulumi.Input<string>): aws.cloudwatch.MetricAlarmArgs {
    return {
        name: spec.alarmName,
        alarmDescription: spec.description,
        comparisonOperator: spec.comparisonOperator,
        threshold: spec.threshold,
        evaluationPeriods: spec.window.evaluationPeriods,
        datapointsToAlarm: spec.window.datapointsToAlarm,
        treatMissingData: spec.treatMissingData,
        ...alarmMetric(spec),
        actionsEnabled: true,
        alarmActions: [topicArn],
        okActions: [topicArn],
    };
}

export class Alarms extends pulumi.ComponentResource {
    /** Alarm ARN by alarm key (e.g. "internal-pe-cpu", "db-replica-1-connections"). */
    public readonly alarmArns: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: AlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        const specs = planAlarms(args);
        super("fivestar:monitoring:Alarms", name, {}, opts);
        this.alarmArns = {};
        for (const spec of specs) {
            const alarm = new aws.cloudwatch.MetricAlarm(`${name}-${spec.key}`, metricAlarmArgs(spec, args.topicArn), { parent: this });
            this.alarmArns[spec.key] = alarm.arn;
        }
        this.registerOutputs({ alarmArns: this.alarmArns });
    }
}
