/**
 * The one place that reads stack config. `loadStackConfig()` reads everything Pulumi hands the
 * program once (every key of every namespace, and which are secrets), validates the input as a whole,
 * every key, the rules between keys and the stack's binding to its environment and account, and returns
 * one typed, frozen object. Components never read config; they take plain typed args cut from this object.
 *
 * Every failure names the config key, the value and what is allowed; all of them are reported together,
 * and thrown before the program registers its first resource.
 */
import { collect, withoutFailedKeys } from "./checks";
import { StackConfigError } from "./errors";
import { ConfigInput, inputProblems, runtimeConfigInput } from "./input";
import { PROJECT_NAME, qualified, show } from "./keyHelpers";
import { computeProblems, computeSections } from "./keys/compute";
import { dataProblems, dataSections } from "./keys/data";
import { drProblems, drSections, StackContext } from "./keys/dr";
import { foundationProblems, foundationSections } from "./keys/foundation";
import { monitoringProblems, monitoringSections } from "./keys/monitoring";
import { operationsProblems, operationsSections } from "./keys/operations";
import { securityProblems, securitySections } from "./keys/security";
import { CONFIG_KEYS, ConfigKey, RawConfig } from "./schema";
import { stackSecretsProblems } from "./secretKeys";
import { recoveredEnvironment, stackBindingProblems } from "./stacks";

export { PROJECT_NAME } from "./keyHelpers";
export { StackConfigError } from "./errors";
export type { ConfigInput } from "./input";

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

function sections(c: RawConfig, ctx: StackContext) {
    return {
        ...foundationSections(c),
        ...securitySections(c),
        ...dataSections(c),
        ...computeSections(c),
        ...monitoringSections(c),
        ...operationsSections(c),
        ...drSections(c, ctx),
    };
}

/** Everything the program needs from stack config, validated: see config/keys/<module>.ts. */
export type StackConfig = DeepReadonly<ReturnType<typeof sections>>;

/** Reads everything Pulumi hands the program (once) and validates it: see `checkStackConfig`. */
export function loadStackConfig(): StackConfig {
    return checkStackConfig(runtimeConfigInput());
}

/**
 * Pure: validates a whole config input (every namespace, secrecy, the stack's binding, every key and
 * every rule between keys) and builds the frozen StackConfig; throws every problem at once.
 */
export function checkStackConfig(input: ConfigInput): StackConfig {
    const prefix = `${PROJECT_NAME}:`;
    const raw = Object.fromEntries(Object.entries(input.config).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    const result = evaluateConfig(raw, input.stack);
    const problems = [...inputProblems(input), ...stackSecretsProblems((k) => raw[k]), ...result.problems];
    if (problems.length > 0 || !result.config) throw new StackConfigError(problems);
    return result.config;
}

/**
 * Pure: validates this project's keys (unqualified; strings as Pulumi hands them, or typed values) and
 * builds the frozen StackConfig. With `stack`, also checks the stack's environment and account binding.
 */
export function parseStackConfig(raw: Readonly<Record<string, unknown>>, stack?: string): StackConfig {
    const result = evaluateConfig(raw, stack);
    if (!result.config) throw new StackConfigError(result.problems);
    return result.config;
}

/** Every key on its own, then every rule between keys that does not read a refused key. */
function evaluateConfig(raw: Readonly<Record<string, unknown>>, stack: string | undefined): { problems: string[]; config?: StackConfig } {
    const problems: string[] = [];
    const values: Record<string, unknown> = {};
    const failed = new Set<string>();
    for (const [name, spec] of Object.entries(CONFIG_KEYS) as [ConfigKey, (typeof CONFIG_KEYS)[ConfigKey]][]) {
        const given = raw[name];
        const parsed = spec.schema.safeParse(given);
        if (parsed.success) {
            values[name] = parsed.data;
            continue;
        }
        failed.add(name);
        const value = given === undefined ? "is not set" : `= ${show(given)}`;
        for (const issue of parsed.error.issues) problems.push(`${qualified(name)} ${value}: ${given === undefined && spec.required ? "required" : issue.message}`);
    }
    const c = withoutFailedKeys(values as RawConfig, failed);
    // A disaster-recovery stack (config/stacks.ts recovers) is known by its name only (issue 17).
    const ctx: StackContext = { stack, recovers: recoveredEnvironment(stack), now: new Date() };
    const rules = [foundationProblems, securityProblems, dataProblems, computeProblems, monitoringProblems, operationsProblems, drProblems];
    problems.push(...collect(
        ...rules.map((rule) => () => rule(c, ctx)),
        () => stack !== undefined && stackBindingProblems(stack, c),
    ));
    if (problems.length > 0) return { problems };
    return { problems, config: deepFreeze(sections(values as RawConfig, ctx)) };
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
        for (const child of Object.values(value)) deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}
