/**
 * The recovery-time estimate of a failover (`npm run ops -- dr-plan <stack>`), purely, from two offline
 * plans of the recovery stack: the one deployed (standby) and the one the failover deploys (active).
 *
 * What a failover waits for is the critical path of the runbook, not of the program alone:
 *   - the human and runbook steps before the deployment (decision, restore window, secret promotion);
 *   - the phased rollout `up` runs (automation/phases.ts): one targeted update per module, in order,
 *     each followed by its §11 checks. Phases are sequential, so the path runs through each phase's
 *     own critical path (the longest chain of its targets through their dependencies);
 *   - the final validation and the DNS cut-over.
 * Inside a phase a resource waits for what the engine waits for: its dependencies (explicit and
 * through inputs; a dependency on a component means all of the component's resources) and its
 * provider. A parent is not waited for (a component registers instantly).
 *
 * A resource costs time only if the failover changes it: created (in active, not in standby) or
 * updated (in both, different inputs). Its duration comes from durations.json (data, each figure with
 * its source): by type and operation, with the RDS cases told apart by their inputs (restore, read
 * replica, Multi-AZ conversion) and scaled by storage.
 */
import { z } from "zod";
import raw from "./durations.json";
import { modulesIn, PhaseModule, planPhases, PlannedResource } from "../phases";
import { checksFor } from "../validation/checks";
import { providerUrnOf } from "../../lib/urns";
import { RESOURCE_TYPES } from "../../lib/types";

const EVIDENCE = ["aws-docs", "provider-timeout", "measured", "estimate"] as const;

const activitySchema = z.object({
    label: z.string().min(1),
    minutes: z.number().nonnegative(),
    minutesPer1000Gb: z.number().nonnegative().optional(),
    evidence: z.enum(EVIDENCE),
    source: z.string().min(20),
});
const durationsSchema = z.object({
    rtoTargetMinutes: z.number().positive(),
    rtoSource: z.string(),
    assumedStorageGb: z.number().positive(),
    activities: z.record(z.string(), activitySchema),
    types: z.record(z.string(), z.object({ create: z.string().optional(), update: z.string().optional() })),
    defaults: z.object({ create: z.string(), update: z.string() }),
    runbook: z.object({ before: z.array(z.string()), perPhase: z.array(z.string()), afterPhaseWithChecks: z.array(z.string()), after: z.array(z.string()) }),
    rpo: z.array(z.object({ store: z.string(), mechanism: z.string(), bound: z.string(), measure: z.string(), source: z.string() })).min(1),
}).superRefine((d, ctx) => {
    const named = [
        ...Object.values(d.types).flatMap((t) => [t.create, t.update]), d.defaults.create, d.defaults.update,
        ...d.runbook.before, ...d.runbook.perPhase, ...d.runbook.afterPhaseWithChecks, ...d.runbook.after, ...Object.values(RDS_ACTIVITIES),
    ].filter((n): n is string => n !== undefined);
    for (const name of new Set(named)) {
        if (!Object.hasOwn(d.activities, name)) ctx.addIssue({ code: "custom", message: `activity "${name}" is named but not defined in activities` });
    }
});

export type Durations = z.infer<typeof durationsSchema>;

/** The RDS cases the inputs tell apart (aws:rds/instance:Instance). */
const RDS_ACTIVITIES = { restore: "rdsPointInTimeRestore", replica: "rdsReadReplica", multiAz: "rdsMultiAzConversion" } as const;
const RDS_INSTANCE = RESOURCE_TYPES.rdsInstance;

/** Parses and checks duration data (every named activity defined, every figure sourced). */
export function parseDurations(data: unknown): Durations {
    const parsed = durationsSchema.safeParse(data);
    if (!parsed.success) throw new Error(`durations data: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
    return parsed.data;
}

export const DURATIONS: Durations = parseDurations(raw);

/** What the estimate needs of a planned resource (a RegisteredResource of the offline plan fits). */
export interface EstimatedResource extends PlannedResource {
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly inputs: Readonly<Record<string, unknown>>;
}

export type Operation = "create" | "update" | "none";

export interface PathEntry {
    /** "runbook" for human/runbook steps, else the phase's module. */
    readonly stage: string;
    /** A resource ("<type> <name>") or a runbook step's label. */
    readonly what: string;
    readonly operation?: Operation;
    readonly minutes: number;
    /** The activities the minutes come from (names in durations.json). */
    readonly activities: readonly string[];
    /** Storage the minutes were scaled by, when any activity scales. */
    readonly storageGb?: number;
}

export interface PhaseEstimate {
    readonly module: string;
    readonly changed: number;
    readonly minutes: number;
}

export interface RecoveryEstimate {
    readonly criticalPath: readonly PathEntry[];
    readonly totalMinutes: number;
    readonly targetMinutes: number;
    readonly withinTarget: boolean;
    readonly phases: readonly PhaseEstimate[];
    /** Types whose changed resources were timed with the default activities (so a reader sees what is assumed). */
    readonly defaulted: readonly string[];
    /** Minutes each further 1000 GB of storage adds to the total (the scaling activities on the path). */
    readonly minutesPer1000Gb: number;
}

const stable = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** How the failover changes each resource of the active plan, against the deployed (standby) plan. */
export function operations(standby: readonly EstimatedResource[], active: readonly EstimatedResource[]): Map<string, Operation> {
    const before = new Map(standby.map((r) => [r.urn, r]));
    return new Map(active.map((r) => {
        const was = before.get(r.urn);
        return [r.urn, !was ? "create" : stable(was.inputs) === stable(r.inputs) ? "none" : "update"];
    }));
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== false && v !== "" && !(Array.isArray(v) && v.length === 0);

/** Pure: the activities that time one changed resource, and whether the type fell back to the defaults. */
export function activitiesFor(r: EstimatedResource, op: Operation, before: EstimatedResource | undefined, data: Durations): { names: string[]; defaulted: boolean } {
    // Components register instantly; a provider is configuration, created without any AWS call.
    if (op === "none" || !r.custom || r.type.startsWith("pulumi:providers:")) return { names: [], defaulted: false };
    if (r.type === RDS_INSTANCE) {
        if (op === "create" && isSet(r.inputs.restoreToPointInTime)) return { names: [RDS_ACTIVITIES.restore], defaulted: false };
        if (op === "create" && isSet(r.inputs.replicateSourceDb)) return { names: [RDS_ACTIVITIES.replica], defaulted: false };
        if (op === "update" && r.inputs.multiAz === true && before?.inputs.multiAz !== true) return { names: [RDS_ACTIVITIES.multiAz], defaulted: false };
    }
    const mapped = data.types[r.type]?.[op];
    return mapped ? { names: [mapped], defaulted: false } : { names: [data.defaults[op]], defaulted: true };
}

const minutesOf = (data: Durations, names: readonly string[], storageGb: number) =>
    names.reduce((sum, n) => sum + data.activities[n].minutes + (data.activities[n].minutesPer1000Gb ?? 0) * storageGb / 1000, 0);
const scales = (data: Durations, names: readonly string[]) => names.some((n) => (data.activities[n].minutesPer1000Gb ?? 0) > 0);

/** The storage an RDS instance's time scales with: its own, else the largest in the plan (a replica or a restore inherits its source's). */
function storageOf(r: EstimatedResource, planStorage: number | undefined, data: Durations): number {
    const own = Number(r.inputs.allocatedStorage);
    return Number.isFinite(own) && own > 0 ? own : planStorage ?? data.assumedStorageGb;
}

function runbookEntries(data: Durations, names: readonly string[]): PathEntry[] {
    return names.map((n) => ({ stage: "runbook", what: data.activities[n].label, minutes: data.activities[n].minutes, activities: [n] }));
}

/**
 * The critical path of a failover and its total against the RTO target. `standby` is the plan of what
 * is deployed ([] when nothing is: a cold start), `active` the plan the failover deploys.
 */
export function estimateRecovery(standby: readonly EstimatedResource[], active: readonly EstimatedResource[], data: Durations = DURATIONS): RecoveryEstimate {
    const ops = operations(standby, active);
    const byUrn = new Map(active.map((r) => [r.urn, r]));
    const before = new Map(standby.map((r) => [r.urn, r]));
    const storages = active.filter((r) => r.type === RDS_INSTANCE).map((r) => Number(r.inputs.allocatedStorage)).filter((n) => Number.isFinite(n) && n > 0);
    const planStorage = storages.length > 0 ? Math.max(...storages) : undefined;

    const children = new Map<string, string[]>();
    for (const r of active) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    const descendants = (urn: string): string[] => (children.get(urn) ?? []).flatMap((c) => [c, ...descendants(c)]);
    const waitsFor = (r: EstimatedResource): string[] => [providerUrnOf(r.provider), ...r.dependencies]
        .filter((d) => d && byUrn.has(d))
        .flatMap((d) => (byUrn.get(d)!.custom || d === providerUrnOf(r.provider) ? [d] : descendants(d)));

    const defaulted = new Set<string>();
    const timing = new Map<string, { minutes: number; names: string[]; storageGb?: number }>();
    for (const r of active) {
        const { names, defaulted: d } = activitiesFor(r, ops.get(r.urn)!, before.get(r.urn), data);
        if (d) defaulted.add(r.type);
        const storageGb = scales(data, names) ? storageOf(r, planStorage, data) : undefined;
        timing.set(r.urn, { minutes: minutesOf(data, names, storageGb ?? 0), names, storageGb });
    }

    const path: PathEntry[] = runbookEntries(data, data.runbook.before);
    const phases: PhaseEstimate[] = [];
    const deployed = new Set<string>();
    // As rolloutSteps: after each phase, the checks of every module deployed so far.
    const present = modulesIn(active);
    const deployedModules = new Set<PhaseModule>();
    let per1000 = 0;
    for (const phase of planPhases(active)) {
        const targets = new Set(phase.targets.filter((u) => !deployed.has(u) && byUrn.has(u)));
        for (const u of targets) deployed.add(u);
        if (present.has(phase.module)) deployedModules.add(phase.module);
        if (phase.targets.length === 0) continue;
        // Longest chain ending at each target, through the targets of this phase only (the rest is done).
        const finish = new Map<string, { at: number; via?: string }>();
        const finishOf = (urn: string, seen: Set<string>): number => {
            const known = finish.get(urn);
            if (known) return known.at;
            if (seen.has(urn)) throw new Error(`dependency cycle through ${urn}`);
            seen.add(urn);
            let start = 0;
            let via: string | undefined;
            for (const dep of waitsFor(byUrn.get(urn)!)) {
                if (!targets.has(dep)) continue;
                const at = finishOf(dep, seen);
                if (at > start) [start, via] = [at, dep];
            }
            seen.delete(urn);
            const at = start + timing.get(urn)!.minutes;
            finish.set(urn, { at, via });
            return at;
        };
        let end: string | undefined;
        let longest = 0;
        for (const urn of [...targets].sort()) {
            const at = finishOf(urn, new Set());
            if (at > longest) [longest, end] = [at, urn];
        }
        const chain: PathEntry[] = [];
        for (let u = end; u; u = finish.get(u)!.via) {
            const r = byUrn.get(u)!;
            const t = timing.get(u)!;
            if (t.minutes > 0) chain.unshift({ stage: phase.module, what: `${r.type} ${r.name}`, operation: ops.get(u), minutes: t.minutes, activities: t.names, storageGb: t.storageGb });
            if (t.storageGb !== undefined) per1000 += t.names.reduce((s, n) => s + (data.activities[n].minutesPer1000Gb ?? 0), 0);
        }
        const overhead = runbookEntries(data, data.runbook.perPhase).map((e) => ({ ...e, stage: phase.module }));
        const checks = checksFor(deployedModules).length > 0
            ? runbookEntries(data, data.runbook.afterPhaseWithChecks).map((e) => ({ ...e, stage: phase.module })) : [];
        const entries = [...overhead, ...chain, ...checks];
        path.push(...entries);
        phases.push({ module: phase.module, changed: [...targets].filter((u) => timing.get(u)!.names.length > 0).length, minutes: entries.reduce((s, e) => s + e.minutes, 0) });
    }
    path.push(...runbookEntries(data, data.runbook.after));
    const totalMinutes = Math.round(path.reduce((s, e) => s + e.minutes, 0));
    return {
        criticalPath: path, totalMinutes, targetMinutes: data.rtoTargetMinutes, withinTarget: totalMinutes < data.rtoTargetMinutes,
        phases, defaulted: [...defaulted].sort(), minutesPer1000Gb: per1000,
    };
}

const hm = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(Math.round(minutes % 60)).padStart(2, "0")} min`;

/** The text `dr-plan` prints: the critical path with each figure's evidence, the total, how it scales. */
export function renderEstimate(stack: string, e: RecoveryEstimate, data: Durations = DURATIONS): string {
    const rows = e.criticalPath.map((p, i) => {
        const evidence = [...new Set(p.activities.map((a) => data.activities[a].evidence))].join(", ");
        const what = p.operation ? `${p.operation} ${p.what}${p.storageGb !== undefined ? ` (${p.storageGb} GB)` : ""}: ${p.activities.map((a) => data.activities[a].label).join(" + ")}` : p.what;
        return [`${i + 1}.`, p.stage, `${Math.round(p.minutes)}`, evidence, what];
    });
    const header = ["#", "STAGE", "MIN", "EVIDENCE", "WHAT"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : i === 2 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join("  ");
    const spare = e.targetMinutes - e.totalMinutes;
    const verdict = e.withinTarget
        ? `within the RTO target of ${hm(e.targetMinutes)} (${spare} min spare)`
        : `OVER the RTO target of ${hm(e.targetMinutes)} by ${-spare} min`;
    const scaling = e.minutesPer1000Gb > 0
        ? `Scaling: each further 1000 GB of database storage adds about ${e.minutesPer1000Gb} min (${e.criticalPath.filter((p) => p.storageGb !== undefined).map((p) => p.activities.join("+")).join(", ")} on the path)` +
          (e.withinTarget ? `; at this rate the target is reached near ${Math.round((e.criticalPath.find((p) => p.storageGb !== undefined)?.storageGb ?? 0) + spare * 1000 / e.minutesPer1000Gb)} GB.` : ".")
        : "Scaling: no storage-dependent step is on the path.";
    return [
        `Recovery-time estimate of "${stack}": failover from standby to active (durations: automation/dr/durations.json; target: ${data.rtoSource})`,
        "",
        "Critical path",
        line(header),
        ...rows.map(line),
        "",
        `Per phase: ${e.phases.map((p) => `${p.module} ${Math.round(p.minutes)} min (${p.changed} changed)`).join(", ")}`,
        `Estimated recovery time: ${hm(e.totalMinutes)} (${e.totalMinutes} min), ${verdict}.`,
        scaling,
        e.defaulted.length > 0 ? `Timed with the default control-plane durations: ${e.defaulted.join(", ")}.` : "Every changed type has its own duration.",
        "Sources of each figure: automation/dr/durations.json; replace an estimate with the game day's measurement (docs/disaster-recovery.md).",
    ].join("\n");
}

/** The RPO per store, from the replication mechanisms (durations.json `rpo`). */
export function renderRpo(data: Durations = DURATIONS): string {
    return ["Recovery point (RPO target < 1 h, §2.2.3), per store:",
        ...data.rpo.flatMap((r) => [`  ${r.store}: ${r.bound}`, `      mechanism: ${r.mechanism}`, `      measured by: ${r.measure}`, `      source: ${r.source}`])].join("\n");
}
