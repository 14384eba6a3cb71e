/**
 * The reviewable diff of two offline plans of one stack (e.g. the PR's and its base branch's): what
 * `pulumi up` would create, delete, move and change, with every stateful resource flagged and every
 * deletion or replacement of one called out first. Only property names are shown, never values, so
 * the diff can be posted on a PR without exposing a secret.
 */
import { aliasIndex, AliasSpec } from "./urns";
import { isStateful, STATEFUL_TYPES } from "./statefulTypes";

/** The part of a plan resource the diff reads (older saved plans may lack the optional fields). */
export interface DiffedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string;
    readonly provider?: string;
    readonly protect?: boolean;
    readonly aliases?: readonly AliasSpec[];
    readonly inputs?: Record<string, unknown>;
}

export interface DiffedPlan {
    readonly stack: string;
    readonly resources: readonly DiffedResource[];
    readonly outputs?: Readonly<Record<string, { readonly value: unknown; readonly secret?: boolean }>>;
}

export interface ResourceRef {
    readonly urn: string;
    readonly type: string;
    readonly stateful: boolean;
}

export interface ResourceChange extends ResourceRef {
    /** Input paths whose value differs (a.b, list[2]). */
    readonly properties: string[];
    /** Set when `protect` differs. */
    readonly protect?: { readonly from: boolean; readonly to: boolean };
    /** Set when the provider differs: the resource is then created by the new provider, i.e. replaced. */
    readonly provider?: { readonly from: string; readonly to: string };
    /** Why the provider will replace it (changed replace-on-change inputs or provider); empty if in place. */
    readonly replacedBecause: string[];
    /** For a resource kept by an alias: the URN it had before. */
    readonly movedFrom?: string;
}

export interface PlanDiff {
    readonly stack: string;
    readonly added: ResourceRef[];
    readonly removed: ResourceRef[];
    /** Same resource under a new URN, kept by an alias (it may also have changed). */
    readonly moved: ResourceChange[];
    readonly changed: ResourceChange[];
    readonly outputs: { readonly added: string[]; readonly removed: string[]; readonly changed: string[] };
}

const ref = (r: DiffedResource): ResourceRef => ({ urn: r.urn, type: r.type, stateful: isStateful(r.type) });

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths at which two values differ, as deep as both sides keep the same shape. */
export function changedPaths(before: unknown, after: unknown, at = ""): string[] {
    if (isPlainObject(before) && isPlainObject(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        return keys.flatMap((k) => changedPaths(before[k], after[k], at ? `${at}.${k}` : k));
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        return before.flatMap((v, i) => changedPaths(v, after[i], `${at}[${i}]`));
    }
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [at];
}

function compare(before: DiffedResource, after: DiffedResource): ResourceChange | undefined {
    const properties = changedPaths(before.inputs ?? {}, after.inputs ?? {});
    const protect = (before.protect ?? false) !== (after.protect ?? false) ? { from: before.protect ?? false, to: after.protect ?? false } : undefined;
    const provider = (before.provider ?? "") !== (after.provider ?? "") ? { from: before.provider ?? "", to: after.provider ?? "" } : undefined;
    if (properties.length === 0 && !protect && !provider && before.urn === after.urn) return undefined;
    const forcing = isStateful(after.type) ? STATEFUL_TYPES[after.type].replaceOnChange : [];
    const replacedBecause = [
        ...new Set(properties.map((p) => p.split(/[.[]/)[0]).filter((p) => (forcing as readonly string[]).includes(p))),
        ...(provider ? ["provider"] : []),
    ];
    return { ...ref(after), properties, protect, provider, replacedBecause, movedFrom: before.urn === after.urn ? undefined : before.urn };
}

export function diffPlans(before: DiffedPlan, after: DiffedPlan): PlanDiff {
    const old = new Map(before.resources.map((r) => [r.urn, r]));
    const now = new Map(after.resources.map((r) => [r.urn, r]));
    const keptBy = aliasIndex(after.resources.map((r) => ({ ...r, aliases: r.aliases ?? [] })));

    const moved: ResourceChange[] = [];
    const removed: ResourceRef[] = [];
    const movedTo = new Set<string>();
    for (const r of before.resources) {
        if (now.has(r.urn)) continue;
        const successor = keptBy.get(r.urn);
        if (successor && !old.has(successor.urn)) {
            moved.push(compare(r, now.get(successor.urn)!)!);
            movedTo.add(successor.urn);
        } else removed.push(ref(r));
    }
    const added = after.resources.filter((r) => !old.has(r.urn) && !movedTo.has(r.urn)).map(ref);
    const changed = after.resources
        .filter((r) => old.has(r.urn))
        .map((r) => compare(old.get(r.urn)!, r))
        .filter((c): c is ResourceChange => c !== undefined);

    const beforeOut = before.outputs ?? {};
    const afterOut = after.outputs ?? {};
    const outputs = {
        added: Object.keys(afterOut).filter((k) => !(k in beforeOut)).sort(),
        removed: Object.keys(beforeOut).filter((k) => !(k in afterOut)).sort(),
        changed: Object.keys(afterOut).filter((k) => k in beforeOut && JSON.stringify(beforeOut[k]) !== JSON.stringify(afterOut[k])).sort(),
    };
    return { stack: after.stack, added, removed, moved, changed, outputs };
}

/** The stateful resources this change would delete or replace: the reasons to stop a merge. */
export function dataLossRisks(diff: PlanDiff): string[] {
    return [
        ...diff.removed.filter((r) => r.stateful).map((r) => `DELETED  ${r.urn}`),
        ...[...diff.moved, ...diff.changed].filter((c) => c.stateful && c.replacedBecause.length > 0)
            .map((c) => `REPLACED ${c.urn} (${c.replacedBecause.join(", ")} changed)`),
    ];
}

/** Loud but not data loss by itself: a stateful resource that stops being protected. */
function unprotected(diff: PlanDiff): string[] {
    return [...diff.moved, ...diff.changed].filter((c) => c.stateful && c.protect?.from === true && c.protect.to === false)
        .map((c) => `UNPROTECTED ${c.urn} (protect true -> false)`);
}

const STATEFUL = "  [STATEFUL]";

function describeChange(c: ResourceChange): string {
    const parts = [...c.properties];
    if (c.protect) parts.push(`protect ${c.protect.from} -> ${c.protect.to}`);
    if (c.provider) parts.push(`provider ${c.provider.from || "(default)"} -> ${c.provider.to || "(default)"}`);
    const what = parts.length ? `: ${parts.join(", ")}` : "";
    return `${c.urn}${what}${c.stateful ? STATEFUL : ""}${c.replacedBecause.length ? "  [REPLACE]" : ""}`;
}

export function renderDiff(diff: PlanDiff, beforeCount: number, afterCount: number): string {
    const lines = [`Plan diff for stack "${diff.stack}": saved plan ${beforeCount} resources -> current plan ${afterCount} resources`];
    const risks = dataLossRisks(diff);
    const warnings = unprotected(diff);
    if (risks.length) {
        lines.push("", `!!! ${risks.length} stateful resource(s) would be DELETED or REPLACED: their data would be lost !!!`);
        lines.push(...risks.map((r) => `!!!   ${r}`));
        lines.push("!!! Keep a moved resource with an `aliases` entry (see `npm run snapshot`); a replace-on-change input must not change.");
    }
    if (warnings.length) lines.push("", ...warnings.map((w) => `!! ${w}`));
    const section = (title: string, items: string[]) => {
        if (items.length) lines.push("", `${title} (${items.length}):`, ...items);
    };
    section("Added", diff.added.map((r) => `  + ${r.urn}${r.stateful ? STATEFUL : ""}`));
    section("Removed", diff.removed.map((r) => `  - ${r.urn}${r.stateful ? STATEFUL : ""}`));
    section("Moved (kept by an alias)", diff.moved.map((c) => `  > ${c.movedFrom}\n    -> ${describeChange(c)}`));
    section("Changed", diff.changed.map((c) => `  ~ ${describeChange(c)}`));
    const o = diff.outputs;
    section("Stack outputs", [...o.added.map((k) => `  + ${k}`), ...o.removed.map((k) => `  - ${k}`), ...o.changed.map((k) => `  ~ ${k}`)]);
    if (lines.length === 1) lines.push("No changes: same resources, inputs, options and outputs.");
    return lines.join("\n");
}

/** The saved plan given to --diff, checked: it must be a successful plan of the same stack. */
export function parseSavedPlan(text: string, stack: string, file: string): DiffedPlan {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (e) {
        throw new Error(`${file} is not JSON: ${(e as Error).message}`);
    }
    const plan = json as Partial<DiffedPlan> & { error?: string };
    if (plan.error !== undefined) throw new Error(`${file} is a failed plan (${plan.error}); diff against a plan that succeeded`);
    if (typeof plan.stack !== "string" || !Array.isArray(plan.resources)) {
        throw new Error(`${file} is not an offline plan: write one with \`npm run plan -- ${stack} --json ${file}\``);
    }
    if (plan.stack !== stack) throw new Error(`${file} is a plan of stack "${plan.stack}", not "${stack}"`);
    return plan as DiffedPlan;
}
