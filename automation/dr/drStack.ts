/**
 * What the disaster-recovery commands need to know about a recovery stack (issue 17), read from its
 * committed stack file: its mode and restore settings (the keys the prod-dr stack defines:
 * drMode "standby" | "active", drRestoreTime "latest" | ISO-8601 UTC, drRestoreSourceBackupsArn), and
 * the config overrides that turn its offline plan into the active one.
 *
 * A stack is a recovery stack when its own Pulumi.<stack>.yaml sets drMode (a project-wide default
 * would not make prod one): the failover refuses any other stack, so it can never restore over prod.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { DrKeyName } from "../../config/keys/dr";
import { Environment, names } from "../../config/names";
import { UsageError } from "../errors";
import { StackFacts } from "../stackFacts";

/** The stack's dr* keys, held to config/keys/dr.ts by the compiler (a type-only import: no config loaded here). */
export const DR_KEYS = { mode: "drMode", restoreTime: "drRestoreTime", sourceArn: "drRestoreSourceBackupsArn" } as const satisfies Record<string, DrKeyName>;
import { LATEST } from "./restoreWindow";
export { LATEST };

export interface DrSettings {
    readonly mode: string;
    readonly restoreTime?: string;
    readonly sourceArn?: string;
}

/** Pure: the DR settings of a stack file's text; undefined when the file does not set drMode. */
export function drSettingsOf(stackFileText: string, project: string): DrSettings | undefined {
    const config = (YAML.parse(stackFileText)?.config ?? {}) as Record<string, unknown>;
    const read = (key: string) => {
        const v = config[`${project}:${key}`];
        return v === undefined || v === null ? undefined : String(v);
    };
    const mode = read(DR_KEYS.mode);
    return mode === undefined ? undefined : { mode, restoreTime: read(DR_KEYS.restoreTime), sourceArn: read(DR_KEYS.sourceArn) };
}

/** The DR settings of a committed stack; refuses a stack that is not a recovery stack. */
export function loadDrSettings(facts: StackFacts, projectDir: string): DrSettings {
    const settings = drSettingsOf(fs.readFileSync(path.join(projectDir, `Pulumi.${facts.stack}.yaml`), "utf8"), facts.project);
    if (!settings) {
        throw new UsageError(`stack "${facts.stack}" is not a disaster-recovery stack: Pulumi.${facts.stack}.yaml does not set ${facts.project}:${DR_KEYS.mode} ` +
            "(the recovery stack, e.g. prod-dr, sets it to standby or active)");
    }
    return settings;
}

/** The production instance whose replicated automated backups the recovery stack restores (§6.1.1 name). */
export const sourceDbInstance = (environment: Environment) => names.dbInstance(environment);

/**
 * A well-formed replicated-backups ARN for offline plans only (no AWS call can find the real one
 * offline): `arn:aws:rds:<region>:<account>:auto-backup:ab-<26 characters>`, a shape the stack's
 * config check (config/keys/dr.ts) accepts.
 */
export const offlineSourceArn = (facts: StackFacts) => `arn:aws:rds:${facts.region}:${facts.accountId}:auto-backup:ab-offlineplanplaceholder0000`;

/**
 * Pure: the --set overrides that make the offline plan the active one: drMode active, and the restore
 * settings the stack file already has, else "latest" and the offline placeholder ARN.
 */
export function activeOverrides(facts: StackFacts, settings: DrSettings): Record<string, string> {
    return {
        [DR_KEYS.mode]: "active",
        [DR_KEYS.restoreTime]: settings.restoreTime ?? LATEST,
        [DR_KEYS.sourceArn]: settings.sourceArn ?? offlineSourceArn(facts),
    };
}
