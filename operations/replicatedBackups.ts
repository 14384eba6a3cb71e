/**
 * Pure reading of RDS replicated automated backups (issue 17), shared by the failover runbook
 * (automation/dr/restoreWindow.ts) and the backup lag checker Lambda (backupLagHandler.ts, which bundles
 * this file; so it imports only the AWS SDK, which the Lambda Node.js runtime provides).
 *
 * DescribeDBInstanceAutomatedBackups, called in the recovery Region, lists the replicated backups there
 * with their ARN and RestoreWindow {EarliestTime, LatestTime} (RDS API Reference, DBInstanceAutomatedBackup;
 * User Guide AutomatedBackups.Replicating.Describe.html).
 */
// Types only at load time: `ops --help` loads this file (through the runbook) without loading the AWS SDK (issue 15).
import type { DBInstanceAutomatedBackup, RDSClient } from "@aws-sdk/client-rds";

export interface RestoreWindow {
    readonly arn: string;
    readonly earliest: Date;
    readonly latest: Date;
    readonly status: string;
    /** The Region the backups come from (the source instance's). */
    readonly region?: string;
    readonly storageGb?: number;
}

/** Statuses of usable backups, best first (`retained`: the source instance was deleted, still restorable). */
const STATUS_RANK = ["replicating", "active", "retained"];

/** The newest usable replicated backups of the source instance; undefined when there are none. */
export function chooseBackups(backups: readonly DBInstanceAutomatedBackup[], sourceInstance: string): RestoreWindow | undefined {
    const usable = backups.flatMap((b): RestoreWindow[] => {
        const earliest = b.RestoreWindow?.EarliestTime;
        const latest = b.RestoreWindow?.LatestTime;
        if (b.DBInstanceIdentifier !== sourceInstance || !b.DBInstanceAutomatedBackupsArn || !earliest || !latest) return [];
        if (!STATUS_RANK.includes(b.Status ?? "")) return [];
        return [{ arn: b.DBInstanceAutomatedBackupsArn, earliest, latest, status: b.Status!, region: b.Region, storageGb: b.AllocatedStorage }];
    });
    usable.sort((a, b) => STATUS_RANK.indexOf(a.status) - STATUS_RANK.indexOf(b.status) || b.latest.getTime() - a.latest.getTime());
    return usable[0];
}

/** Seconds of writes a restore to "latest" would lose now: now − LatestTime, never negative (clock skew). */
export function backupLagSeconds(window: Pick<RestoreWindow, "latest">, now: Date): number {
    return Math.max(0, Math.round((now.getTime() - window.latest.getTime()) / 1000));
}

/** Every replicated automated backup in the client's Region (all pages). */
export async function listAutomatedBackups(rds: RDSClient): Promise<DBInstanceAutomatedBackup[]> {
    const { DescribeDBInstanceAutomatedBackupsCommand } = await import("@aws-sdk/client-rds");
    const all: DBInstanceAutomatedBackup[] = [];
    let marker: string | undefined;
    do {
        const page = await rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ Marker: marker }));
        all.push(...(page.DBInstanceAutomatedBackups ?? []));
        marker = page.Marker;
    } while (marker);
    return all;
}
