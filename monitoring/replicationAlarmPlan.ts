/**
 * Alarms on prod's continuous replication to the recovery region (issue 17), as data: DynamoDB global
 * table replication latency against the RPO budget, and RDS automated-backup replication being stopped.
 *
 * §2.2.3 sets RPO < 1 hour. An alarm must fire while there is still time to act, not when the hour is
 * gone: latency above 10 minutes for 10 consecutive minutes pages when at most ~20 minutes of writes are
 * missing from the replica, leaving ~40 minutes of the budget to fix replication (or fail over with the
 * loss still inside the RPO). `rpoHeadroomMinutes` states that margin and is checked, not assumed.
 */
import * as pulumi from "@pulumi/pulumi";
import { Environment } from "../config/names";
import { AlarmSpec } from "./alarmPlan";
import { sustainedFor, summedOver } from "../lib/thresholds";

/** §2.2.3 "RPO < 1 hour". */
export const RPO_MINUTES = 60;

/** DynamoDB ReplicationLatency: the worst item of each minute, above `thresholdMinutes` for `sustainedMinutes`. */
export const REPLICATION_LATENCY = { thresholdMinutes: 10, sustainedMinutes: 10 } as const;

/** Minutes of the RPO left when the latency alarm fires (latency can have grown by the sustained window meanwhile). */
export function rpoHeadroomMinutes(latency: { thresholdMinutes: number; sustainedMinutes: number } = REPLICATION_LATENCY): number {
    return RPO_MINUTES - (latency.thresholdMinutes + latency.sustainedMinutes);
}

/** Namespace of the metric the CloudTrail log filter counts. */
export const DR_NAMESPACE = "Fivestar/DisasterRecovery";
export const backupReplicationStoppedMetric = (env: Environment) => `${env}-rds-backup-replication-stopped`;

/**
 * The RDS API calls that end backup replication: stopping it (called in the destination region) or
 * deleting the replicated backups. RDS publishes no metric for automated-backup replication (the RDS
 * CloudWatch metrics list has no replication-lag metric for it), so the calls themselves are counted from
 * the multi-region trail's CloudWatch Logs group, which receives every region's management events.
 */
export const BACKUP_REPLICATION_STOP_EVENTS = ["StopDBInstanceAutomatedBackupsReplication", "DeleteDBInstanceAutomatedBackup"] as const;

/** CloudWatch Logs JSON filter pattern matching those calls when they succeed. */
export function backupReplicationStoppedPattern(): string {
    const names = BACKUP_REPLICATION_STOP_EVENTS.map((e) => `($.eventName = "${e}")`).join(" || ");
    return `{ ($.eventSource = "rds.amazonaws.com") && (${names}) && ($.errorCode NOT EXISTS) }`;
}

export interface ReplicationAlarmInput {
    readonly environment: Environment;
    /** The recovery region: the replicas' ReceivingRegion. */
    readonly region: string;
    /** Table name by table key (as MonitoredResources.tableNames). */
    readonly tableNames: Readonly<Record<string, pulumi.Input<string>>>;
    /** Whether RDS backups are replicated (then the stop alarm is planned). */
    readonly backupReplication: boolean;
}

export function planReplicationAlarms(i: ReplicationAlarmInput): AlarmSpec[] {
    if (rpoHeadroomMinutes() <= 0) throw new RangeError(`the replication latency alarm leaves no RPO headroom (${rpoHeadroomMinutes()} minutes)`);
    const l = REPLICATION_LATENCY;
    const tables: AlarmSpec[] = Object.entries(i.tableNames).map(([key, tableName]) => ({
        key: `${key}-replication-latency`,
        alarmName: `${i.environment}-fivestar-${key}-replication-latency`,
        description: `DynamoDB ${key}: replication to ${i.region} has lagged more than ${l.thresholdMinutes} min for ${l.sustainedMinutes} min; ` +
            `the replica is behind and the ${RPO_MINUTES}-min RPO (§2.2.3) is at risk (${rpoHeadroomMinutes()} min left to act). ` +
            "No data means no writes to replicate and keeps the alarm's state.",
        comparisonOperator: "GreaterThanThreshold",
        threshold: l.thresholdMinutes * 60_000,
        window: sustainedFor(l.sustainedMinutes),
        treatMissingData: "missing",
        metric: { namespace: "AWS/DynamoDB", metricName: "ReplicationLatency", dimensions: { TableName: tableName, ReceivingRegion: i.region }, stat: "Maximum" },
    }));
    const backups: AlarmSpec[] = i.backupReplication ? [{
        key: "rds-backup-replication-stopped",
        alarmName: `${i.environment}-fivestar-rds-backup-replication-stopped`,
        description: `Someone stopped the database's automated-backup replication to ${i.region} or deleted the replicated backups ` +
            `(${BACKUP_REPLICATION_STOP_EVENTS.join(", ")}): no point-in-time restore is possible there until it is restarted (pulumi up restores it).`,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        window: summedOver(5),
        treatMissingData: "notBreaching",
        metric: { namespace: DR_NAMESPACE, metricName: backupReplicationStoppedMetric(i.environment), dimensions: {}, stat: "Sum" },
    }] : [];
    return [...tables, ...backups];
}
