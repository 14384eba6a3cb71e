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
import { Environment, StackScope } from "../config/names";
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

/**
 * How far the replicated automated backups fall behind: operations/backupLagHandler.ts publishes
 * now − RestoreWindow.LatestTime of the backups in the recovery Region every `checkEveryMinutes`.
 * RDS uploads transaction logs every 5 minutes (RDS User Guide, USER_PIT.html) and replication copies
 * them "as soon as they are ready" (USER_ReplicateBackups.html), so a healthy lag is ~5-15 minutes.
 * Above 30 minutes in two consecutive 5-minute checks pages: at most ~40 minutes of writes are then
 * missing from the recovery Region, leaving ~20 minutes of the 1-hour RPO to restart replication (or to
 * fail over with the loss inside the RPO); one late or failed check alone does not page.
 */
export const BACKUP_LAG = { thresholdMinutes: 30, checkEveryMinutes: 5, periods: 2 } as const;
export const BACKUP_LAG_METRIC = "RdsReplicatedBackupLagSeconds";

/** Minutes of the RPO left when the backup lag alarm fires. */
export function backupLagHeadroomMinutes(lag: { thresholdMinutes: number; checkEveryMinutes: number; periods: number } = BACKUP_LAG): number {
    return rpoHeadroomMinutes({ thresholdMinutes: lag.thresholdMinutes, sustainedMinutes: lag.checkEveryMinutes * lag.periods });
}

export interface ReplicationAlarmInput extends Pick<StackScope, "environment"> {
    /** The recovery region: the replicas' ReceivingRegion. */
    readonly region: string;
    /** Table name by table key (as MonitoredResources.tableNames). */
    readonly tableNames: Readonly<Record<string, pulumi.Input<string>>>;
    /** Whether RDS backups are replicated (then the stop and lag alarms are planned). */
    readonly backupReplication: boolean;
    /** The source instance whose replicated backups' lag is alarmed on (names.dbInstance). */
    readonly dbInstanceIdentifier?: string;
}

export function planReplicationAlarms(i: ReplicationAlarmInput): AlarmSpec[] {
    if (rpoHeadroomMinutes() <= 0) throw new RangeError(`the replication latency alarm leaves no RPO headroom (${rpoHeadroomMinutes()} minutes)`);
    if (backupLagHeadroomMinutes() <= 0) throw new RangeError(`the RDS backup lag alarm leaves no RPO headroom (${backupLagHeadroomMinutes()} minutes)`);
    if (i.backupReplication && !i.dbInstanceIdentifier) throw new Error("planReplicationAlarms: the backup lag alarm needs the source instance (dbInstanceIdentifier)");
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
    }, {
        key: "rds-backup-replication-lag",
        alarmName: `${i.environment}-fivestar-rds-backup-replication-lag`,
        description: `The database's newest restorable point in ${i.region} (replicated automated backups' LatestTime) has been more than ` +
            `${BACKUP_LAG.thresholdMinutes} min old in ${BACKUP_LAG.periods} consecutive checks: the ${RPO_MINUTES}-min RPO (§2.2.3) is at risk ` +
            `(${backupLagHeadroomMinutes()} min left to act). No data means the checker (${i.environment}-fivestar-rds-backup-lag) failed or ` +
            "found no replicated backups: read its log.",
        comparisonOperator: "GreaterThanThreshold",
        threshold: BACKUP_LAG.thresholdMinutes * 60,
        window: { period: BACKUP_LAG.checkEveryMinutes * 60, evaluationPeriods: BACKUP_LAG.periods, datapointsToAlarm: BACKUP_LAG.periods },
        treatMissingData: "breaching",
        metric: { namespace: DR_NAMESPACE, metricName: BACKUP_LAG_METRIC, dimensions: { DBInstanceIdentifier: i.dbInstanceIdentifier! }, stat: "Maximum" },
    }] : [];
    return [...tables, ...backups];
}
