/**
 * The offline plan of a stack (tools/plan.ts), run in a child process because the Pulumi runtime it
 * evaluates the program in is a process-wide singleton. The rollout phases and the checks that apply
 * are computed from it; it needs no credentials and makes no cloud call.
 */
import type { EvaluatedStack } from "../lib/planRecord";
import { planInChildProcess } from "../lib/planProcess";

export function loadOfflinePlan(stack: string, projectDir: string): Promise<EvaluatedStack> {
    return planInChildProcess(stack, projectDir);
}
