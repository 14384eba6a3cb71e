/**
 * What the offline plan records (tools/offline/evaluate.ts writes it, `npm run plan -- <stack> --json`
 * prints it): every registration with the options that decide its identity and safety. The contract
 * between the plan engine and its readers: the plan, snapshot, cost and delivery tools, the policy
 * pack's offline run and the tests.
 */
import type { AliasSpec } from "./urns";

export interface RegisteredResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** URN of the parent; "" for resources at the stack root. */
    readonly parent: string;
    /** URN of the provider a custom resource uses; "" for components and providers. */
    readonly provider: string;
    readonly custom: boolean;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly ignoreChanges: string[];
    readonly aliases: AliasSpec[];
    /** Every resource the engine waits for: explicit dependsOn plus the resources behind every input. */
    readonly dependencies: string[];
    /** Which inputs (top-level property names) carry which of those dependencies. */
    readonly propertyDependencies: Record<string, string[]>;
    readonly additionalSecretOutputs: string[];
    /** Inputs with secrets unwrapped; `secretPaths` says which were secret. */
    readonly inputs: Record<string, unknown>;
    readonly secretPaths: string[];
}

export interface StackOutput {
    readonly value: unknown;
    readonly secret: boolean;
}

export interface EvaluatedStack {
    readonly project: string;
    readonly stack: string;
    readonly resources: RegisteredResource[];
    readonly outputs: Record<string, StackOutput>;
}

/** The engine's marker for a value unknown until a resource exists; recorded inputs keep it as is. */
export const UNKNOWN_INPUT = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Exit code of `npm run plan` when a check fails (the plan itself was evaluated). */
export const CHECKS_FAILED_EXIT_CODE = 4;
