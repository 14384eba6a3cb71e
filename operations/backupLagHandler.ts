/**
 * Issue 17: how far prod's replicated RDS automated backups in the recovery Region fall behind. RDS
 * publishes no metric for backup replication, so this Lambda, run every 5 minutes in the primary Region,
 * reads the replicated backups' RestoreWindow.LatestTime in the recovery Region and publishes
 * now − LatestTime (seconds) as a custom CloudWatch metric; monitoring/replicationAlarmPlan.ts alarms on it.
 *
 * No usable replicated backup of the source instance: nothing is published and an error is logged, so
 * the alarm (missing data = breaching) pages as it does when this function itself is broken.
 *
 * Bundled by operations/lambdaCode.ts with replicatedBackups.ts. The AWS SDK v3 clients are the ones the
 * Lambda Node.js runtime provides: "Node.js 18 and later runtimes include the AWS SDK for JavaScript v3"
 * (Lambda Developer Guide, lambda-nodejs.html and lambda-runtimes.html).
 */
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { RDSClient } from "@aws-sdk/client-rds";
import { backupLagSeconds, chooseBackups, listAutomatedBackups } from "./replicatedBackups";

export interface BackupLagSettings {
    /** The source instance (names.dbInstance), as the replicated backups carry it in DBInstanceIdentifier. */
    readonly sourceInstance: string;
    /** Where the replicated backups are. */
    readonly replicationRegion: string;
    readonly namespace: string;
    readonly metricName: string;
}

/** The settings from the function's environment; every missing variable named at once. */
export function backupLagSettings(env: NodeJS.ProcessEnv): BackupLagSettings {
    const keys = { sourceInstance: "SOURCE_DB_INSTANCE", replicationRegion: "REPLICATION_REGION", namespace: "METRIC_NAMESPACE", metricName: "METRIC_NAME" } as const;
    const missing = Object.values(keys).filter((k) => !env[k]);
    if (missing.length > 0) throw new Error(`backup lag checker: environment variable(s) ${missing.join(", ")} not set`);
    return {
        sourceInstance: env[keys.sourceInstance]!, replicationRegion: env[keys.replicationRegion]!,
        namespace: env[keys.namespace]!, metricName: env[keys.metricName]!,
    };
}

export type BackupLagResult =
    | { readonly published: true; readonly lagSeconds: number; readonly latest: string; readonly backupsArn: string }
    | { readonly published: false; readonly reason: string };

/** One check: read the replicated backups, publish the lag (or log why not). */
export async function checkBackupLag(s: BackupLagSettings, rds: RDSClient, cloudwatch: CloudWatchClient, now: Date): Promise<BackupLagResult> {
    const all = await listAutomatedBackups(rds);
    const window = chooseBackups(all, s.sourceInstance);
    if (!window) {
        const seen = all.map((b) => `${b.DBInstanceIdentifier} (${b.Status})`).join(", ") || "none";
        const reason = `no usable replicated automated backups of ${s.sourceInstance} in ${s.replicationRegion} (found: ${seen}); metric not published, the lag alarm treats that as breaching`;
        console.error(JSON.stringify({ level: "ERROR", action: "rds-backup-lag", reason }));
        return { published: false, reason };
    }
    const lagSeconds = backupLagSeconds(window, now);
    await cloudwatch.send(new PutMetricDataCommand({
        Namespace: s.namespace,
        MetricData: [{ MetricName: s.metricName, Dimensions: [{ Name: "DBInstanceIdentifier", Value: s.sourceInstance }], Value: lagSeconds, Unit: "Seconds", Timestamp: now }],
    }));
    const result = { published: true as const, lagSeconds, latest: window.latest.toISOString(), backupsArn: window.arn };
    console.log(JSON.stringify({ level: "INFO", action: "rds-backup-lag", ...result }));
    return result;
}

export async function handler(): Promise<BackupLagResult> {
    const s = backupLagSettings(process.env);
    return checkBackupLag(s, new RDSClient({ region: s.replicationRegion }), new CloudWatchClient({}), new Date());
}
