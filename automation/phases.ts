/**
 * The deployment strategy of §1.2: development and staging update in one go ("big bang"); production
 * is rolled out in phases, one module at a time, in the order the modules build on each other
 * (network → security → data → compute → monitoring), validating between phases.
 *
 * A phase is a targeted `pulumi up`. Its targets are computed here, purely, from
 *   - the offline plan (every resource the program registers, with its dependencies), and
 *   - the URNs in the stack's current state (so a resource removed from a module is deleted in that
 *     module's phase: Pulumi deletes a resource in a targeted update only when it is targeted).
 * A resource belongs to the module of its top-level `fivestar:<module>:*` component (read from the
 * URN), together with the component and all its descendants. Providers at the stack root go first.
 *
 * Pulumi refuses a targeted update that would create a resource depending on one that is neither
 * targeted nor existing. Modules do depend "forwards" (the compute module's services write to the
 * monitoring module's log groups, which must exist before a task logs), so each phase also
 * takes every not-yet-deployed resource its targets depend on, with that resource's ancestors. Such
 * hoisted resources are reported, and deployed again (as a no-op) in their own module's phase.
 */
import { RefusedError } from "./errors";
import { ownerOf, providerUrnOf } from "../lib/urns";

export const PHASE_MODULES = ["network", "security", "data", "compute", "monitoring"] as const;
export type PhaseModule = (typeof PHASE_MODULES)[number];

export type RolloutStrategy = "big-bang" | "phased";

/** §1.2: prod is phased; every other environment updates in one go. */
export function strategyFor(environment: string): RolloutStrategy {
    return environment === "prod" ? "phased" : "big-bang";
}

/** What the planner needs of a planned resource (a RegisteredResource of the offline plan fits). */
export interface PlannedResource {
    readonly urn: string;
    /** URN of the parent, "" at the root. */
    readonly parent: string;
    /** URN (or `urn::id` reference) of the provider, "" for components and providers. */
    readonly provider: string;
    readonly dependencies: readonly string[];
}

export interface Hoist {
    readonly urn: string;
    /** The module whose phase would otherwise create it ("provider" for root providers). */
    readonly from: string;
    /** The target that needs it (directly or through another hoisted resource). */
    readonly neededBy: string;
}

export interface Phase {
    readonly module: PhaseModule;
    /** Sorted; empty when the module has nothing in the plan or the state (the phase is skipped). */
    readonly targets: readonly string[];
    readonly hoisted: readonly Hoist[];
}

/** A refusal: a prod rollout that would skip resources does not start. */
export class PhasePlanningError extends RefusedError {
    constructor(message: string) {
        super(message);
        this.name = "PhasePlanningError";
    }
}

function bucketOf(urn: string): PhaseModule | "first" | "ignore" | { unowned: string } {
    const owner = ownerOf(urn);
    switch (owner.kind) {
        case "provider":
            return "first";
        case "stack":
            return "ignore";
        case "unowned":
            return { unowned: owner.topType };
        case "module":
            return (PHASE_MODULES as readonly string[]).includes(owner.module) ? (owner.module as PhaseModule) : { unowned: `fivestar:${owner.module}:*` };
    }
}

/**
 * Plans the phases of a production rollout. Throws PhasePlanningError when a resource belongs to no
 * phase (a resource outside any module component, or a module not in PHASE_MODULES): deploying it
 * in no phase would silently skip it, so the plan refuses instead and names it.
 */
export function planPhases(planned: readonly PlannedResource[], stateUrns: readonly string[] = []): Phase[] {
    const byUrn = new Map(planned.map((r) => [r.urn, r]));
    const members = new Map<PhaseModule, Set<string>>(PHASE_MODULES.map((m) => [m, new Set<string>()]));
    const homeOf = new Map<string, string>();
    const unowned: string[] = [];

    for (const urn of new Set([...planned.map((r) => r.urn), ...stateUrns])) {
        const bucket = bucketOf(urn);
        if (bucket === "ignore") continue;
        if (typeof bucket === "object") {
            unowned.push(`${urn} (top-level type ${bucket.unowned})`);
            continue;
        }
        const module = bucket === "first" ? PHASE_MODULES[0] : bucket;
        members.get(module)!.add(urn);
        homeOf.set(urn, bucket === "first" ? "provider" : bucket);
    }
    if (unowned.length > 0) {
        throw new PhasePlanningError(
            `these resources belong to no rollout phase (${PHASE_MODULES.join(", ")}); put them inside a fivestar:<module>:* component:\n` +
            unowned.sort().map((u) => `  - ${u}`).join("\n"));
    }

    const deployed = new Set<string>();
    return PHASE_MODULES.map((module) => {
        const targets = new Set(members.get(module));
        const hoisted: Hoist[] = [];
        const pending = [...targets];
        while (pending.length > 0) {
            const urn = pending.pop()!;
            const resource = byUrn.get(urn);
            if (!resource) continue; // only in the state: being deleted, needs nothing created
            const needs = [resource.parent, providerUrnOf(resource.provider), ...resource.dependencies];
            for (const need of needs) {
                // Only resources this program registers can be created; anything else already exists.
                if (!need || targets.has(need) || deployed.has(need) || !byUrn.has(need)) continue;
                if (bucketOf(need) === "ignore") continue;
                targets.add(need);
                hoisted.push({ urn: need, from: homeOf.get(need) ?? "unknown", neededBy: urn });
                pending.push(need);
            }
        }
        for (const urn of targets) deployed.add(urn);
        return { module, targets: [...targets].sort(), hoisted: hoisted.sort((a, b) => a.urn.localeCompare(b.urn)) };
    });
}

/** The modules that have at least one resource in the plan (the validation checks follow them). */
export function modulesIn(planned: readonly PlannedResource[]): Set<PhaseModule> {
    const present = new Set<PhaseModule>();
    for (const { urn } of planned) {
        const bucket = bucketOf(urn);
        if (typeof bucket === "string" && bucket !== "first" && bucket !== "ignore") present.add(bucket);
    }
    return present;
}

/** The phases up to and including `last`, in order (a game day stops after data: automation/dr/failover.ts). */
export function throughPhase(phases: readonly Phase[], last: PhaseModule): Phase[] {
    return phases.filter((p) => PHASE_MODULES.indexOf(p.module) <= PHASE_MODULES.indexOf(last));
}
