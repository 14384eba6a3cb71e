/**
 * Runbook step 1: the restorable window of prod's automated backups replicated to the recovery
 * Region, and the check of the chosen restore time against it.
 *
 * DescribeDBInstanceAutomatedBackups, called in the recovery Region, lists the replicated backups
 * there with their ARN (the `SourceDBInstanceAutomatedBackupsArn` a restore takes) and RestoreWindow
 * {EarliestTime, LatestTime} (RDS API Reference, DBInstanceAutomatedBackup; User Guide
 * AutomatedBackups.Replicating.Describe.html). The call is filtered here by the source instance's
 * identifier rather than with the DBInstanceIdentifier parameter, which "must match the identifier
 * of an existing DB instance" — in the recovery Region there is none until the restore.
 * It needs only the recovery Region: nothing here depends on ap-south-1 being up.
 */
// Types only at load time: `ops --help` parses --restore-time without loading the AWS SDK (issue 15).
import type { RDSClient } from "@aws-sdk/client-rds";
// Type-only as well: the literal is config/keys/dr.ts's, checked by the compiler without loading config.
import type { LATEST_RESTORE_TIME } from "../../config/keys/dr";
import { chooseBackups, listAutomatedBackups, RestoreWindow } from "../../operations/replicatedBackups";
import { RefusedError, UsageError } from "../errors";

/** The restore time meaning the latest restorable point of the replicated backups. */
export const LATEST: typeof LATEST_RESTORE_TIME = "latest";

export { chooseBackups } from "../../operations/replicatedBackups";
export type { RestoreWindow } from "../../operations/replicatedBackups";

/** Reads the replicated backups in the client's Region (every page) and chooses the source instance's. */
export async function findRestoreWindow(rds: RDSClient, sourceInstance: string, region: string): Promise<RestoreWindow> {
    const all = await listAutomatedBackups(rds);
    const chosen = chooseBackups(all, sourceInstance);
    if (!chosen) {
        const seen = all.map((b) => `${b.DBInstanceIdentifier} (${b.Status})`).join(", ") || "none";
        throw new RefusedError(`no usable replicated automated backups of ${sourceInstance} in ${region} (found: ${seen}); ` +
            "is backup replication on in prod (drReplicationRegion) and has its first snapshot been copied?");
    }
    return chosen;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** Pure: `latest` or an ISO-8601 UTC time (`2026-11-30T18:05:00Z`), as the config value drRestoreTime takes it. */
export function parseRestoreTime(raw: string): typeof LATEST | Date {
    if (raw === LATEST) return LATEST;
    const at = new Date(raw);
    if (!ISO_UTC.test(raw) || Number.isNaN(at.getTime())) {
        throw new UsageError(`--restore-time must be "latest" or an ISO-8601 UTC time such as 2026-11-30T18:05:00Z, got "${raw}"`);
    }
    return at;
}

/** The config value of a restore time: "latest", or the time to the second in UTC (RFC 3339, as the provider parses it). */
export const restoreTimeValue = (t: typeof LATEST | Date) => (t === LATEST ? LATEST : t.toISOString().replace(/\.\d{3}Z$/, "Z"));

/** Pure: refuses a restore time outside the window (a restore there would fail after the failover started). */
export function checkRestoreTime(t: typeof LATEST | Date, window: RestoreWindow): string {
    if (t !== LATEST && (t.getTime() < window.earliest.getTime() || t.getTime() > window.latest.getTime())) {
        throw new RefusedError(`restore time ${restoreTimeValue(t)} is outside the restorable window ${restoreTimeValue(window.earliest)} .. ${restoreTimeValue(window.latest)} of ${window.arn}`);
    }
    return restoreTimeValue(t);
}

/** One line: the window and how old its latest point is (the data a restore to "latest" would lose). */
export function describeWindow(window: RestoreWindow, now: Date): string {
    const lagMinutes = Math.max(0, Math.round((now.getTime() - window.latest.getTime()) / 60_000));
    return `restorable window of ${window.arn} (${window.status}${window.region ? `, from ${window.region}` : ""}${window.storageGb ? `, ${window.storageGb} GB` : ""}): ` +
        `${restoreTimeValue(window.earliest)} .. ${restoreTimeValue(window.latest)}; the latest point is ${lagMinutes} min old (RDS RPO if restored now to latest)`;
}
