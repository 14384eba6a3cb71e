/**
 * The alarms of replicationAlarmPlan.ts (issue 17), to the alert topic, and the CloudTrail log metric
 * filter that counts the calls stopping RDS backup replication.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { metricAlarmArgs } from "./alarms";
import {
    backupReplicationStoppedMetric, backupReplicationStoppedPattern, DR_NAMESPACE, planReplicationAlarms, ReplicationAlarmInput,
} from "./replicationAlarmPlan";

export interface ReplicationAlarmsArgs extends ReplicationAlarmInput {
    /** AlertTopic.topicArn. */
    readonly topicArn: pulumi.Input<string>;
    /** The trail's CloudWatch Logs group (AccountGuardrails.cloudTrailLogGroupName); required with backupReplication. */
    readonly cloudTrailLogGroupName?: pulumi.Input<string>;
}

export class ReplicationAlarms extends pulumi.ComponentResource {
    constructor(name: string, args: ReplicationAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        const specs = planReplicationAlarms(args);
        if (args.backupReplication && args.cloudTrailLogGroupName === undefined) {
            throw new Error("ReplicationAlarms: watching RDS backup replication needs the trail's log group (cloudTrailLogGroupName)");
        }
        super("fivestar:monitoring:ReplicationAlarms", name, {}, opts);
        const filter = args.backupReplication && args.cloudTrailLogGroupName !== undefined
            ? new aws.cloudwatch.LogMetricFilter(`${name}-rds-backup-replication-stopped`, {
                name: backupReplicationStoppedMetric(args.environment),
                logGroupName: args.cloudTrailLogGroupName,
                pattern: backupReplicationStoppedPattern(),
                metricTransformation: { namespace: DR_NAMESPACE, name: backupReplicationStoppedMetric(args.environment), value: "1", unit: "Count" },
            }, { parent: this })
            : undefined;
        for (const spec of specs) {
            new aws.cloudwatch.MetricAlarm(`${name}-${spec.key}`, metricAlarmArgs(spec, args.topicArn), { parent: this, dependsOn: filter ? [filter] : [] });
        }
        this.registerOutputs({});
    }
}
