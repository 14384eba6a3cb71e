/**
 * Text the CLI prints about a rollout plan (pure).
 */
import { Phase, RolloutStrategy } from "./phases";
import { RolloutResult, RolloutStep } from "./rollout";
import { parseUrn } from "../lib/urns";

function describeUrn(urn: string): string {
    const { type, name } = parseUrn(urn);
    return `${type}  ${name}`;
}

/** The plan `up` follows: the strategy, then each step with its targets, hoists and checks. */
export function renderRolloutPlan(stack: string, strategy: RolloutStrategy, steps: readonly RolloutStep[], phases: readonly Phase[], listTargets: boolean): string {
    const lines = [`Rollout of stack "${stack}": ${strategy === "phased" ? "phased (§1.2, production)" : "one update of the whole stack (§1.2)"}`];
    if (strategy === "phased") {
        for (const phase of phases) {
            const step = steps.find((s) => s.label.endsWith(`: ${phase.module}`));
            if (!step) {
                lines.push(`  ${phase.module}: nothing to deploy (skipped)`);
                continue;
            }
            lines.push(`  ${step.label}: ${phase.targets.length} targets; then ${step.checks.length ? `validate ${step.checks.join(", ")}` : "no checks apply yet"}`);
            for (const h of phase.hoisted) lines.push(`    brought forward from ${h.from}: ${describeUrn(h.urn)} (needed by ${parseUrn(h.neededBy).name})`);
            if (listTargets) for (const t of phase.targets) lines.push(`    ${describeUrn(t)}`);
        }
    } else {
        const checks = steps[0]?.checks ?? [];
        lines.push(`  then validate ${checks.length ? checks.join(", ") : "(no checks apply yet: no data or compute resources in the plan)"}`);
    }
    return lines.join("\n");
}

export function renderRolloutResult(result: RolloutResult): string {
    if (result.ok) return `Rollout complete: ${result.completed.join("; ") || "nothing to do"}`;
    const failed = result.failed!;
    const done = result.completed.length ? `completed before it: ${result.completed.join("; ")}` : "no step completed";
    return `Rollout STOPPED at ${failed.label} (${failed.stage === "up" ? "pulumi up failed" : "validation failed"}): ${failed.reason}\n${done}; later steps were not run`;
}
