/**
 * Whole-program tests: each stack is evaluated by the offline plan in its own process (the Pulumi
 * runtime is a process-wide singleton), from the real Pulumi.<stack>.yaml. Results are cached per
 * stack and config override, so every test file can ask for a plan without paying twice.
 */
import * as path from "path";
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { FailedPlan, runPlanProcess } from "../../lib/planProcess";

export type { FailedPlan } from "../../lib/planProcess";

export const STACKS = ["dev", "staging", "prod"] as const;
export type StackName = (typeof STACKS)[number];

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");

const cache = new Map<string, Promise<EvaluatedStack | FailedPlan>>();

/** Runs the offline plan for a stack (optionally with config overrides) in a child process, once. */
export function runPlan(stack: string, overrides: Record<string, string> = {}): Promise<EvaluatedStack | FailedPlan> {
    const key = JSON.stringify([stack, overrides]);
    let pending = cache.get(key);
    if (!pending) {
        pending = runPlanProcess(stack, PROJECT_DIR, overrides);
        cache.set(key, pending);
    }
    return pending;
}

/** The plan of a stack from its committed config; fails the test if the plan itself fails. */
export async function planOf(stack: StackName): Promise<Plan> {
    const result = await runPlan(stack);
    if ("error" in result) throw new Error(`stack ${stack} did not plan: ${result.error}`);
    return new Plan(result);
}

/** Query helpers over one evaluated stack. */
export class Plan {
    constructor(public readonly evaluated: EvaluatedStack) {}

    get resources(): RegisteredResource[] {
        return this.evaluated.resources;
    }

    get outputs() {
        return this.evaluated.outputs;
    }

    ofType(type: string): RegisteredResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The one resource of a type with a logical name; throws if there is not exactly one. */
    one(type: string, name: string): RegisteredResource {
        const found = this.resources.filter((r) => r.type === type && r.name === name);
        if (found.length !== 1) {
            const names = this.ofType(type).map((r) => r.name).join(", ") || "none";
            throw new Error(`expected one ${type} named ${name}, found ${found.length} (have: ${names})`);
        }
        return found[0];
    }

    byUrn(urn: string): RegisteredResource | undefined {
        return this.resources.find((r) => r.urn === urn);
    }

    /** Resources whose parent chain leads to the given component URN. */
    descendantsOf(urn: string): RegisteredResource[] {
        const children = this.resources.filter((r) => r.parent === urn);
        return children.flatMap((c) => [c, ...this.descendantsOf(c.urn)]);
    }

    component(type: string): RegisteredResource {
        const found = this.ofType(type);
        if (found.length !== 1) throw new Error(`expected one component ${type}, found ${found.length}`);
        return found[0];
    }
}
