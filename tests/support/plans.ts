/**
 * Whole-program tests: each stack is evaluated by the offline plan on the plan workers of
 * lib/planProcess.ts (the Pulumi runtime is a process-wide singleton), from the real
 * Pulumi.<stack>.yaml. Results are cached per job, so every test file can ask for a plan, a first
 * preview or a CLI run without paying twice.
 */
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { CliConfigInput, FailedPlan, runJob, runPlanProcess } from "../../lib/planProcess";

export type { FailedPlan } from "../../lib/planProcess";

export const STACKS = ["dev", "staging", "prod"] as const;
export type StackName = (typeof STACKS)[number];

const cache = new Map<string, Promise<unknown>>();
function once<T>(key: unknown[], start: () => Promise<T>): Promise<T> {
    const k = JSON.stringify(key);
    if (!cache.has(k)) {
        const pending = start();
        pending.catch(() => undefined); // awaited by a test; a failure is reported there
        cache.set(k, pending);
    }
    return cache.get(k) as Promise<T>;
}

/** The offline plan of a stack (optionally with config overrides), once per test run. */
export function runPlan(stack: string, overrides: Record<string, string> = {}): Promise<EvaluatedStack | FailedPlan> {
    return once(["plan", stack, overrides], () => runPlanProcess(stack, overrides));
}

/** `npm run plan -- <argv>`: its exit code and what it printed (run on a plan worker, not cached). */
export function runPlanCli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return runJob({ kind: "cli", argv });
}

/** The stack's resources at its first preview: computed outputs unknown (tools/offline/mocks.ts `firstPreviewMocks`). */
export async function previewOf(stack: string): Promise<RegisteredResource[]> {
    return (await once(["preview", stack], () => runJob({ kind: "preview", stack }))).resources;
}

/** The program run as the Pulumi CLI runs it (config from the runtime; a preview unless `preview` is false). */
export function runProgram(input: CliConfigInput, preview = true): Promise<{ registered: number; error?: string }> {
    return once(["program", input, preview], () => runJob({ kind: "program", input, preview }));
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
