/**
 * Happens-before over the whole plan. Under mocks every resource is created at once, so an order the
 * engine does not know about only fails in an account:
 *
 * - IAM is checked when a service acts, not when a role is created: whatever takes a role (task
 *   definitions, flow logs, RDS monitoring, schedules, the Config recorder, CloudTrail's log delivery,
 *   anything with a role ARN) must wait for every policy and attachment of that role.
 * - A secret exists long before its value: whatever reads a secret must wait for its version(s).
 *
 * "Wait" is what the engine sees: the dependencies recorded for each registration (explicit dependsOn
 * and the resources behind every input), followed transitively. A resource consumes a role or secret
 * when one of its inputs carries that resource; references inside policy documents only grant access
 * and do not count. The resources that make up a role or secret (its policies, attachments, versions)
 * are recognised by type and the input that points at their owner, below.
 */
import type { EvaluatedStack, RegisteredResource } from "../../../lib/planRecord";
import { isCloudResource, PlanFinding } from "./autoNaming";

export const HAPPENS_BEFORE_CHECK = "happens-before";

export interface Prerequisites {
    /** The resource others consume (a role, a secret). */
    readonly ownerType: string;
    /** What a consumer waits for, in messages. */
    readonly describe: string;
    /**
     * Types that belong to the owner, by the input that points at it; `required`: consumers must wait for
     * it (a role's policies; a secret's versions, not its rotation or resource policy).
     */
    readonly parts: Readonly<Record<string, { readonly property: string; readonly required: boolean }>>;
}

export const PREREQUISITES: readonly Prerequisites[] = [
    {
        ownerType: "aws:iam/role:Role",
        describe: "policies and attachments",
        parts: {
            "aws:iam/rolePolicy:RolePolicy": { property: "role", required: true },
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { property: "role", required: true },
            "aws:iam/policyAttachment:PolicyAttachment": { property: "roles", required: true },
            "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive": { property: "roleName", required: true },
            "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": { property: "roleName", required: true },
        },
    },
    {
        ownerType: "aws:secretsmanager/secret:Secret",
        describe: "versions",
        parts: {
            "aws:secretsmanager/secretVersion:SecretVersion": { property: "secretId", required: true },
            "aws:secretsmanager/secretRotation:SecretRotation": { property: "secretId", required: false },
            "aws:secretsmanager/secretPolicy:SecretPolicy": { property: "secretArn", required: false },
        },
    },
];

/** Inputs that are policy documents: a reference there grants access, it does not use the resource. */
export const POLICY_DOCUMENT_INPUTS: readonly string[] = ["policy", "assumeRolePolicy", "policyDocument", "accessPolicies", "inlinePolicies"];

/** Every resource `urn` waits for, directly or through the resources it waits for. */
export function dependencyClosure(byUrn: ReadonlyMap<string, RegisteredResource>, urn: string): Set<string> {
    const seen = new Set<string>();
    const stack = [...(byUrn.get(urn)?.dependencies ?? [])];
    while (stack.length > 0) {
        const next = stack.pop() as string;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(byUrn.get(next)?.dependencies ?? []));
    }
    return seen;
}

const refersTo = (r: RegisteredResource, property: string, urn: string) => (r.propertyDependencies[property] ?? []).includes(urn);

export function checkHappensBefore(plan: Pick<EvaluatedStack, "resources">, prerequisites: readonly Prerequisites[] = PREREQUISITES): PlanFinding[] {
    const resources = plan.resources.filter(isCloudResource);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const findings: PlanFinding[] = [];
    for (const p of prerequisites) {
        for (const owner of resources.filter((r) => r.type === p.ownerType)) {
            const parts = resources.filter((r) => p.parts[r.type] && refersTo(r, p.parts[r.type].property, owner.urn));
            const required = parts.filter((r) => p.parts[r.type].required);
            const partUrns = new Set(parts.map((r) => r.urn));
            const consumers = resources.filter((r) => r.urn !== owner.urn && !partUrns.has(r.urn) &&
                Object.keys(r.propertyDependencies).some((prop) => !POLICY_DOCUMENT_INPUTS.includes(prop) && refersTo(r, prop, owner.urn)));
            for (const consumer of consumers) {
                const waitsFor = dependencyClosure(byUrn, consumer.urn);
                const missing = required.filter((part) => !waitsFor.has(part.urn));
                if (missing.length === 0) continue;
                const inputs = Object.keys(consumer.propertyDependencies).filter((prop) => refersTo(consumer, prop, owner.urn));
                findings.push({
                    check: HAPPENS_BEFORE_CHECK,
                    type: consumer.type,
                    name: consumer.name,
                    message: `uses ${owner.type} "${owner.name}" (input ${inputs.join(", ")}) but does not wait for its ${p.describe}: ` +
                        missing.map((m) => `${m.type} "${m.name}"`).join(", "),
                });
            }
        }
    }
    return findings;
}
