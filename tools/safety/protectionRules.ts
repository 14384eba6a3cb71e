/**
 * What "protected" means for each stateful type in a stack that protects its stateful resources
 * (prod): Pulumi `protect` so `pulumi destroy`/a replace stops, plus the service's own deletion
 * protection wherever it offers one, so a console click or another tool cannot delete the data either.
 * The rules are data in one place; `auditProtection` applies them to every registered resource.
 */
import { isStateful, StatefulTypeName } from "./statefulTypes";

/** What a rule reads of a registered resource. */
export interface AuditedResource {
    readonly urn: string;
    readonly type: string;
    readonly protect: boolean;
    readonly inputs: Record<string, unknown>;
}

export interface ProtectionRule {
    /** The requirement as a reviewer reads it in a failure. */
    readonly requirement: string;
    /** When set, the rule holds only for resources it selects (e.g. the RDS primary, not replicas). */
    readonly onlyFor?: { readonly description: string; readonly selects: (r: AuditedResource) => boolean };
    readonly read: (r: AuditedResource) => unknown;
    readonly holds: (value: unknown) => boolean;
}

const PROTECT: ProtectionRule = { requirement: "Pulumi protect: true", read: (r) => r.protect, holds: (v) => v === true };
const input = (name: string, expected: unknown, why = ""): ProtectionRule => ({
    requirement: `${name}: ${JSON.stringify(expected)}${why ? ` (${why})` : ""}`,
    read: (r) => r.inputs[name],
    holds: (v) => v === expected,
});
const notTrue = (name: string, why: string): ProtectionRule => ({
    requirement: `${name} not true (${why})`,
    read: (r) => r.inputs[name],
    holds: (v) => v !== true,
});
const nonEmpty = (name: string, why: string): ProtectionRule => ({
    requirement: `${name} set (${why})`,
    read: (r) => r.inputs[name],
    holds: (v) => typeof v === "string" && v.length > 0,
});
const primaryOnly = (rule: ProtectionRule): ProtectionRule => ({
    ...rule,
    // A read replica has no final snapshot or backups of its own; the primary holds them.
    onlyFor: { description: "RDS primary (not a read replica)", selects: (r) => !r.inputs.replicateSourceDb },
});

export const PROTECTION_RULES: Readonly<Record<StatefulTypeName, readonly ProtectionRule[]>> = {
    "aws:rds/instance:Instance": [
        PROTECT,
        input("deletionProtection", true),
        primaryOnly(input("skipFinalSnapshot", false, "a final snapshot is taken if it is ever deleted")),
        primaryOnly(nonEmpty("finalSnapshotIdentifier", "the name of that final snapshot")),
        primaryOnly(input("deleteAutomatedBackups", false, "§6.1.1: backups outlive the instance")),
    ],
    "aws:dynamodb/table:Table": [PROTECT, input("deletionProtectionEnabled", true)],
    "aws:kms/key:Key": [PROTECT, input("deletionWindowInDays", 30, "the longest window AWS allows to cancel a key deletion")],
    "aws:secretsmanager/secret:Secret": [PROTECT, input("recoveryWindowInDays", 30, "the longest window to restore a deleted secret")],
    "aws:s3/bucket:Bucket": [PROTECT, notTrue("forceDestroy", "it would delete every object with the bucket")],
    "aws:s3/bucketV2:BucketV2": [PROTECT, notTrue("forceDestroy", "it would delete every object with the bucket")],
    "aws:cloudwatch/logGroup:LogGroup": [PROTECT, input("deletionProtectionEnabled", true)],
    "aws:ecr/repository:Repository": [PROTECT, notTrue("forceDelete", "it would delete every image with the repository")],
};

export interface ProtectionViolation {
    readonly urn: string;
    readonly type: string;
    readonly requirement: string;
    readonly found: unknown;
}

/** Every rule broken by any stateful resource in `resources` (all of them, not a chosen few). */
export function auditProtection(resources: readonly AuditedResource[]): ProtectionViolation[] {
    const violations: ProtectionViolation[] = [];
    for (const r of resources) {
        if (!isStateful(r.type)) continue;
        for (const rule of PROTECTION_RULES[r.type]) {
            if (rule.onlyFor && !rule.onlyFor.selects(r)) continue;
            const found = rule.read(r);
            if (!rule.holds(found)) violations.push({ urn: r.urn, type: r.type, requirement: rule.requirement, found });
        }
    }
    return violations;
}

export function violationsMessage(stack: string, violations: readonly ProtectionViolation[]): string {
    return [
        `${violations.length} protection rule(s) broken in stack ${stack} (rules: tools/safety/protectionRules.ts):`,
        ...violations.map((v) => `  ${v.urn}\n    needs ${v.requirement}; found ${v.found === undefined ? "unset" : JSON.stringify(v.found)}`),
    ].join("\n");
}
