/**
 * The one place that reads stack config. `loadStackConfig()` reads `pulumi.Config` once, validates
 * every key and the rules between keys, and returns one typed, frozen object. Components never read
 * config; they take plain typed args cut from this object.
 *
 * Every failure names the config key, the value and what is allowed, and is thrown before the
 * program registers its first resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { PROJECT_NAME, qualified, show } from "./keyHelpers";
import { computeProblems, computeSections } from "./keys/compute";
import { costProblems, costSections } from "./keys/cost";
import { dataProblems, dataSections } from "./keys/data";
import { foundationProblems, foundationSections } from "./keys/foundation";
import { monitoringProblems, monitoringSections } from "./keys/monitoring";
import { operationsProblems, operationsSections } from "./keys/operations";
import { securityProblems, securitySections } from "./keys/security";
import { CONFIG_KEYS, ConfigKey, RawConfig, rawConfigSchema } from "./schema";

export { PROJECT_NAME } from "./keyHelpers";

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

function sections(c: RawConfig) {
    return {
        ...foundationSections(c),
        ...securitySections(c),
        ...dataSections(c),
        ...computeSections(c),
        ...monitoringSections(c),
        ...costSections(c),
        ...operationsSections(c),
    };
}

/** Everything the program needs from stack config, validated: see config/keys/<module>.ts. */
export type StackConfig = DeepReadonly<ReturnType<typeof sections>>;

/** Raised for invalid stack config; `problems` holds one line per offending key. */
export class StackConfigError extends Error {
    constructor(public readonly problems: readonly string[]) {
        super(`Invalid stack configuration (nothing was created):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "StackConfigError";
    }
}

/** Reads this project's keys from the Pulumi runtime (once) and validates them. */
export function loadStackConfig(): StackConfig {
    const config = new pulumi.Config(PROJECT_NAME);
    const raw: Record<string, string | undefined> = {};
    for (const name of Object.keys(CONFIG_KEYS)) raw[name] = config.get(name);
    return parseStackConfig(raw);
}

/** Pure: validates raw key/value strings (or typed values) and builds the frozen StackConfig. */
export function parseStackConfig(raw: Readonly<Record<string, unknown>>): StackConfig {
    const parsed = rawConfigSchema.safeParse(raw);
    if (!parsed.success) {
        throw new StackConfigError(parsed.error.issues.map((issue) => {
            const name = String(issue.path[0]) as ConfigKey;
            const given = raw[name];
            const value = given === undefined ? "is not set" : `= ${show(given)}`;
            return `${qualified(name)} ${value}: ${given === undefined && CONFIG_KEYS[name]?.required ? "required" : issue.message}`;
        }));
    }
    const c = parsed.data;
    const problems = [
        ...foundationProblems(c),
        ...securityProblems(c),
        ...dataProblems(c),
        ...computeProblems(c),
        ...monitoringProblems(c),
        ...costProblems(c),
        ...operationsProblems(c),
    ];
    if (problems.length > 0) throw new StackConfigError(problems);
    return deepFreeze(sections(c));
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
        for (const child of Object.values(value)) deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}
