/**
 * Runs a rollout: a list of steps, each an `up` (whole stack, or targeted) followed by the
 * validation checks that apply at that point, stopping at the first failure (§1.2, §11). The steps
 * are built purely from the strategy and the phase plan; running them goes through two small
 * functions (`up`, `validate`) so the order and the stop-on-failure logic are tested without a cloud.
 */
import { OpMap } from "./events";
import { Phase, PHASE_MODULES, PhaseModule, RolloutStrategy } from "./phases";
import { CheckName, checksFor } from "./validation/checks";

export interface RolloutStep {
    readonly label: string;
    /** undefined: the whole stack (big bang). Never an empty list: that would mean "everything". */
    readonly targets?: readonly string[];
    readonly checks: readonly CheckName[];
}

/**
 * The steps of an `up`: one untargeted step for a big-bang stack; for a phased stack one step per
 * phase that has targets, each validated with the checks of every module deployed so far.
 * `present` is the set of modules the plan has resources in: a check runs only once its module exists.
 */
export function rolloutSteps(strategy: RolloutStrategy, phases: readonly Phase[], present: ReadonlySet<PhaseModule>): RolloutStep[] {
    if (strategy === "big-bang") return [{ label: "whole stack", checks: checksFor(present) }];
    const deployedSoFar = new Set<PhaseModule>();
    const steps: RolloutStep[] = [];
    for (const phase of [...phases].sort((a, b) => PHASE_MODULES.indexOf(a.module) - PHASE_MODULES.indexOf(b.module))) {
        if (present.has(phase.module)) deployedSoFar.add(phase.module);
        if (phase.targets.length === 0) continue;
        steps.push({ label: `phase ${PHASE_MODULES.indexOf(phase.module) + 1}/${PHASE_MODULES.length}: ${phase.module}`, targets: phase.targets, checks: checksFor(deployedSoFar) });
    }
    return steps;
}

export interface StepOutcome {
    readonly ok: boolean;
    /** One line saying what happened (the change summary, or why validation failed). */
    readonly detail: string;
}

export interface RolloutActions {
    up(targets: readonly string[] | undefined): Promise<OpMap>;
    validate(checks: readonly CheckName[]): Promise<StepOutcome>;
    log(line: string): void;
}

export interface RolloutResult {
    readonly ok: boolean;
    readonly completed: readonly string[];
    /** The step that failed and why; absent when every step succeeded. */
    readonly failed?: { readonly label: string; readonly stage: "up" | "validate"; readonly reason: string };
}

export async function runRollout(steps: readonly RolloutStep[], actions: RolloutActions, summarize: (changes: OpMap) => string): Promise<RolloutResult> {
    const completed: string[] = [];
    for (const step of steps) {
        if (step.targets !== undefined && step.targets.length === 0) {
            throw new Error(`step "${step.label}" has an empty target list; refusing (Pulumi would update the whole stack)`);
        }
        actions.log(`\n== ${step.label}${step.targets ? ` (${step.targets.length} targets)` : ""}`);
        let changes: OpMap;
        try {
            changes = await actions.up(step.targets);
        } catch (e) {
            return { ok: false, completed, failed: { label: step.label, stage: "up", reason: (e as Error).message } };
        }
        actions.log(`   changes: ${summarize(changes)}`);
        if (step.checks.length === 0) {
            actions.log("   validation: no checks apply yet");
        } else {
            const outcome = await actions.validate(step.checks);
            if (!outcome.ok) return { ok: false, completed, failed: { label: step.label, stage: "validate", reason: outcome.detail } };
        }
        completed.push(step.label);
    }
    return { ok: true, completed };
}
