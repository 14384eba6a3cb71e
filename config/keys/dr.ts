/**
 * Disaster-recovery keys (issue 17, §2.2.3 RTO < 4 h, RPO < 1 h). Only a recovery stack (config/stacks.ts
 * `recovers`, e.g. prod-dr) reads them:
 * - drMode: "standby" (default there: network, keys, roles, cluster, ALB, WAF, alarms; services at 0 tasks; no
 *   database) or "active" (the database restored to a point in time from the primary's replicated automated
 *   backups; services at the stack's counts);
 * - drRestoreTime: "latest" or an ISO-8601 UTC time, required when active;
 * - drRestoreSourceBackupsArn: the primary's replicated automated backups in this stack's region
 *   (`arn:aws:rds:<region>:<account>:auto-backup:ab-...`), required when active.
 */
import { z } from "zod";
import { collect } from "../checks";
import { key, oneOf, ParsedKeys, qualified, show } from "../keyHelpers";
import { Deployment, Environment } from "../names";

export const DR_MODES = ["standby", "active"] as const;
export const LATEST_RESTORE_TIME = "latest";

const RESTORE_TIME_RULE = `must be "${LATEST_RESTORE_TIME}" or an ISO-8601 UTC time such as 2026-11-30T21:15:00Z`;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/**
 * RDS names replicated automated backups `auto-backup:ab-<id>` (DescribeDBInstanceAutomatedBackups,
 * DBInstanceAutomatedBackupsArn); the id is upper-case letters and digits in AWS's own example,
 * arn:aws:rds:us-east-1:123456789012:auto-backup:ab-L2IJCEXJP7XQ7HOJ4SIEXAMPLE (RDS API Reference).
 */
const BACKUPS_ARN = /^arn:aws:rds:([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d):(\d{12}):auto-backup:ab-[A-Za-z0-9]+$/;
const BACKUPS_ARN_RULE = "must be the ARN of replicated automated backups, arn:aws:rds:<region>:<account>:auto-backup:ab-<id> " +
    "(aws rds describe-db-instance-automated-backups --region <this stack's region>)";

export const DR_KEYS = {
    drMode: key("string", `Disaster-recovery stacks only (config/stacks.ts recovers): ${DR_MODES.join(" or ")} (default standby); active restores the database and runs the services.`,
        oneOf(DR_MODES), { default: undefined }),
    drRestoreTime: key("string", `Disaster-recovery stacks, active: the point in time the database is restored to, "${LATEST_RESTORE_TIME}" or an ISO-8601 UTC time.`,
        z.string({ error: RESTORE_TIME_RULE }).refine((t) => t === LATEST_RESTORE_TIME || (ISO_UTC.test(t) && !Number.isNaN(Date.parse(t))), RESTORE_TIME_RULE),
        { default: undefined }),
    drRestoreSourceBackupsArn: key("string", "Disaster-recovery stacks, active: ARN of the primary's automated backups replicated to this stack's region (auto-backup:ab-...).",
        z.string({ error: BACKUPS_ARN_RULE }).regex(BACKUPS_ARN, BACKUPS_ARN_RULE), { default: undefined }),
} as const;

/** A dr* key's name (automation/dr/ names them without loading this module: type-only). */
export type DrKeyName = keyof typeof DR_KEYS;
const DR_KEY_NAMES = Object.keys(DR_KEYS) as DrKeyName[];

/** What config validation knows about the stack beyond its keys. */
export interface StackContext {
    readonly stack?: string;
    /** config/stacks.ts `recovers`: the environment this stack recovers; undefined for a primary stack. */
    readonly recovers?: Environment;
    /** The time a restore time may not be after. */
    readonly now: Date;
}

type Raw = ParsedKeys<typeof DR_KEYS> & {
    environment: Environment; region: string; awsAccountId: string; drReplicationRegion: string | undefined; cloudTrailEnabled: boolean;
};

function primaryStackProblems(c: Raw, ctx: StackContext): string[] {
    const where = ctx.stack === undefined ? "outside a disaster-recovery stack" : `in stack "${ctx.stack}"`;
    return DR_KEY_NAMES.filter((k) => c[k] !== undefined).map((k) =>
        `${qualified(k)} = ${show(c[k])} ${where}: only a disaster-recovery stack (config/stacks.ts "recovers", e.g. prod-dr) takes the dr* keys; remove it`);
}

function recoveryStackProblems(c: Raw, ctx: StackContext): string[] {
    const active = c.drMode === "active";
    return collect(
        () => active && c.drRestoreTime === undefined &&
            `${qualified("drRestoreTime")} is not set with ${qualified("drMode")} = "active": set the point in time to restore to, "${LATEST_RESTORE_TIME}" or an ISO-8601 UTC time`,
        () => active && c.drRestoreSourceBackupsArn === undefined &&
            `${qualified("drRestoreSourceBackupsArn")} is not set with ${qualified("drMode")} = "active": set the ARN of ${c.environment}'s automated backups replicated to ` +
            `${c.region} (aws rds describe-db-instance-automated-backups --region ${c.region})`,
        () => c.drRestoreTime !== undefined && c.drRestoreTime !== LATEST_RESTORE_TIME && Date.parse(c.drRestoreTime) > ctx.now.getTime() &&
            `${qualified("drRestoreTime")} = ${show(c.drRestoreTime)} is in the future (now ${ctx.now.toISOString()}): a point-in-time restore needs a time already backed up, or "${LATEST_RESTORE_TIME}"`,
        () => {
            const m = c.drRestoreSourceBackupsArn === undefined ? null : BACKUPS_ARN.exec(c.drRestoreSourceBackupsArn);
            return m !== null && (m[1] !== c.region || m[2] !== c.awsAccountId) &&
                `${qualified("drRestoreSourceBackupsArn")} = ${show(c.drRestoreSourceBackupsArn)}: must be backups in this stack's region ${c.region} and account ` +
                `${c.awsAccountId} (${qualified("region")}, ${qualified("awsAccountId")}); the restore must not depend on another region`;
        },
        () => c.drReplicationRegion !== undefined &&
            `${qualified("drReplicationRegion")} = ${show(c.drReplicationRegion)} in disaster-recovery stack "${ctx.stack}": must be unset, ` +
            `a recovery stack creates nothing outside ${c.region} (it runs when the primary region is lost)`,
        () => c.cloudTrailEnabled &&
            `${qualified("cloudTrailEnabled")} = true in disaster-recovery stack "${ctx.stack}": must be false, ${ctx.recovers}'s multi-region trail already records ${c.region}; a second trail would double every event`,
    );
}

export function drProblems(c: Raw, ctx: StackContext): string[] {
    return ctx.recovers === undefined ? primaryStackProblems(c, ctx) : recoveryStackProblems(c, ctx);
}

/** A recovery stack's mode and, when active, where its database is restored from. */
export type DrSettings =
    | { readonly mode: "standby"; readonly recovers: Environment }
    | { readonly mode: "active"; readonly recovers: Environment; readonly restore: { readonly time: string; readonly sourceBackupsArn: string } };

export function drSections(c: Raw, ctx: StackContext) {
    const deployment: Deployment = ctx.recovers !== undefined ? `${c.environment}-dr` : c.environment;
    let dr: DrSettings | undefined;
    if (ctx.recovers !== undefined) {
        dr = c.drMode === "active" && c.drRestoreTime !== undefined && c.drRestoreSourceBackupsArn !== undefined
            ? { mode: "active", recovers: ctx.recovers, restore: { time: c.drRestoreTime, sourceBackupsArn: c.drRestoreSourceBackupsArn } }
            : { mode: "standby", recovers: ctx.recovers };
    }
    return {
        /** The name part of account-wide names (config/names.ts Deployment): `prod-dr` in the recovery stack, else the environment. */
        deployment,
        /** Undefined on a primary stack. */
        dr,
    };
}
