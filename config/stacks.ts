/**
 * The one committed table that binds each stack to its environment and AWS account (§2.2). The stack
 * name decides both: a stack file cannot point dev at prod's account or call itself staging, because
 * any disagreement with this table is refused, naming the key. A stack not listed here cannot run.
 *
 * A stack is added by adding a row. `prod-dr` (issue 17) is the disaster-recovery copy of prod in another
 * region: bound to prod's account, every production rule (environment "prod") applies to it, and
 * `recovers` marks it as a recovery stack (config/keys/dr.ts: drMode; names take the `prod-dr` part).
 */
import { collect } from "./checks";
import { qualified } from "./keyHelpers";
import { Environment } from "./names";

export interface StackBinding {
    readonly environment: Environment;
    /** 12 digits, as a string (a leading zero is part of an account id). */
    readonly awsAccountId: string;
    /** Where the guide fixes the account. */
    readonly section: string;
    /** Set on a disaster-recovery stack: the environment whose stack it recovers, in another region of the same account (issue 17). */
    readonly recovers?: Environment;
}

export const STACK_BINDINGS: Readonly<Record<string, StackBinding>> = Object.freeze({
    dev: { environment: "dev", awsAccountId: "123456789012", section: "§2.2.1" },
    staging: { environment: "staging", awsAccountId: "123456789013", section: "§2.2.2" },
    prod: { environment: "prod", awsAccountId: "123456789014", section: "§2.2.3" },
    "prod-dr": { environment: "prod", awsAccountId: "123456789014", section: "§2.2.3", recovers: "prod" },
});

/** The environment a stack recovers, when it is a disaster-recovery stack (issue 17); undefined otherwise or when the stack is unknown. */
export function recoveredEnvironment(stack: string | undefined): Environment | undefined {
    return stack !== undefined && Object.hasOwn(STACK_BINDINGS, stack) ? STACK_BINDINGS[stack].recovers : undefined;
}

/** The stack whose bootstrap (bootstrap/Pulumi.<stack>.yaml) builds the DeploymentRole a stack deploys with: its account's primary stack. */
export function bootstrapStackOf(stack: string): string {
    return recoveredEnvironment(stack) ?? stack;
}

/** What is wrong with a stack's environment and account, given the stack's name. */
export function stackBindingProblems(stack: string, c: { readonly environment: string; readonly awsAccountId: string }): string[] {
    const binding = Object.hasOwn(STACK_BINDINGS, stack) ? STACK_BINDINGS[stack] : undefined;
    if (!binding) {
        return [`stack "${stack}" is not in config/stacks.ts: every stack is bound there to its environment and AWS account (§2.2); ` +
            `stacks: ${Object.keys(STACK_BINDINGS).join(", ")}`];
    }
    const table = `(config/stacks.ts, ${binding.section})`;
    return collect(
        () => c.environment !== binding.environment &&
            `${qualified("environment")} = "${c.environment}" in stack "${stack}": stack ${stack} is environment "${binding.environment}" ${table}`,
        () => c.awsAccountId !== binding.awsAccountId &&
            `${qualified("awsAccountId")} = "${c.awsAccountId}" in stack "${stack}": stack ${stack} deploys only into account ${binding.awsAccountId} ${table}`,
    );
}
