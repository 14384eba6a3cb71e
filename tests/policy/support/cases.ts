/**
 * Rule cases: for every rule, resources it must accept and resources it must reject (with the
 * message expected). tests/policy/rules.test.ts runs them all and checks that no rule of the pack
 * is without both.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { RegisteredResource } from "../../../lib/planRecord";
import { PackConfig, validateResource, validateStack } from "./engine";

export interface Case {
    readonly title: string;
    /** One resource for a resource rule (each is checked); the whole stack for a stack rule. */
    readonly resources: readonly RegisteredResource[];
    readonly config?: PackConfig;
}

export interface FailingCase extends Case {
    /** What the violation message must say. */
    readonly expect: RegExp;
}

export interface RuleCases {
    readonly pass: readonly Case[];
    readonly fail: readonly FailingCase[];
}

export type CaseTable = Readonly<Record<string, RuleCases>>;

/** Every message the policy reports for the case's resources. */
export async function findingsOf(policy: ResourceValidationPolicy | StackValidationPolicy, c: Case): Promise<string[]> {
    if ("validateStack" in policy) return (await validateStack(policy, c.resources, c.config)).map((f) => f.message);
    const messages: string[] = [];
    for (const r of c.resources) messages.push(...(await validateResource(policy, r, c.config, c.resources)));
    return messages;
}
