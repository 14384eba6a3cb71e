/**
 * The reviewable diff of two offline plans of one stack (e.g. the PR's and its base branch's): what
 * `pulumi up` would create, delete, move, update and replace. Which input changes replace a resource
 * is the provider's ForceNew (tools/safety/forceNew.ts), and a replacement propagates: inputs that
 * referenced the replaced resource's id, ARN or name change too (unknown until it exists again),
 * which may replace their resource in turn. Deleting or replacing a stateful resource, or what one
 * sits in (VPC, subnet, DB subnet group), is data loss. Rendered by tools/safety/previewRender.ts.
 */
import { aliasIndex, AliasSpec } from "../../lib/urns";
import { isStateful } from "./statefulTypes";
import { forceNewInputs, forcingEntry } from "./forceNew";
import { shortType } from "../../lib/types";
import { RESOURCE_TYPES } from "../../lib/types";

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
    /** URNs whose outputs this resource's inputs use (recorded by the offline plan). */
    readonly dependencies?: readonly string[];
    /** Input paths that were secret (their values are never printed). */
    readonly secretPaths?: readonly string[];
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

/** An input that changes: its value before and after (after is UNKNOWN_AFTER_REPLACE when derived). */
export interface ValueChange {
    readonly path: string;
    readonly before: unknown;
    readonly after: unknown;
    readonly secret: boolean;
    /** Set when the change comes from a replaced dependency (its logical name). */
    readonly because?: string;
}

export interface ResourceChange extends ResourceRef {
    /** Input paths whose value differs (a.b, list[2]), including those a replaced dependency changes. */
    readonly properties: string[];
    /** The same, with values (secrets marked). */
    readonly values: ValueChange[];
    /** Set when `protect` differs. */
    readonly protect?: { readonly from: boolean; readonly to: boolean };
    /** Set when the provider differs: the resource is then created by the new provider, i.e. replaced. */
    readonly provider?: { readonly from: string; readonly to: string };
    /** Why the provider will replace it (changed ForceNew inputs or provider); empty if in place. */
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

/** Input values are printed in the diff, except secret ones and anything named like a credential. */
const CREDENTIAL = /password|secret(?!sManager)|token|credential|privatekey/i;
function isSecretPath(path: string, ...resources: DiffedResource[]): boolean {
    if (CREDENTIAL.test(path)) return true;
    return resources.some((r) => (r.secretPaths ?? []).some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`) || s.startsWith(`${path}.`) || s.startsWith(`${path}[`)));
}

/** The value at an input path (a.b[2].c). */
export function valueAt(inputs: Record<string, unknown> | undefined, path: string): unknown {
    let at: unknown = inputs;
    for (const part of path.match(/[^.[\]]+/g) ?? []) {
        if (at === null || typeof at !== "object") return undefined;
        at = (at as Record<string, unknown>)[part];
    }
    return at;
}

function compare(before: DiffedResource, after: DiffedResource): ResourceChange | undefined {
    const properties = changedPaths(before.inputs ?? {}, after.inputs ?? {});
    const protect = (before.protect ?? false) !== (after.protect ?? false) ? { from: before.protect ?? false, to: after.protect ?? false } : undefined;
    const provider = (before.provider ?? "") !== (after.provider ?? "") ? { from: before.provider ?? "", to: after.provider ?? "" } : undefined;
    if (properties.length === 0 && !protect && !provider && before.urn === after.urn) return undefined;
    const forcing = forceNewInputs(after.type);
    const replacedBecause = [
        ...new Set(properties.map((p) => forcingEntry(forcing, p)).filter((p): p is string => p !== undefined)),
        ...(provider ? ["provider"] : []),
    ];
    const values = properties.map((path) => ({ path, before: valueAt(before.inputs, path), after: valueAt(after.inputs, path), secret: isSecretPath(path, before, after) }));
    return { ...ref(after), properties, values, protect, provider, replacedBecause, movedFrom: before.urn === after.urn ? undefined : before.urn };
}

/** What an input becomes when the resource it refers to is replaced: unknown until it exists again. */
export const UNKNOWN_AFTER_REPLACE = "(known after replace)";

/** The strings by which the offline plan's inputs refer to a resource: mock id, name, ARN tail. */
function referenceTokens(r: DiffedResource): string[] {
    const physical = ["name", "identifier", "bucket", "family", "dashboardName"].map((k) => r.inputs?.[k]).filter((v): v is string => typeof v === "string");
    return [`${r.name}-id`, `mock-key-${r.name}`, r.name, ...physical];
}
const refersTo = (value: unknown, tokens: readonly string[]) => typeof value === "string" &&
    tokens.some((t) => value === t || value.endsWith(`:${t}`) || value.endsWith(`/${t}`) || value.startsWith(`${t}.`));

/** Leaf paths of a value whose string refers to one of the tokens. */
function referringPaths(value: unknown, tokens: readonly string[], at = ""): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => referringPaths(v, tokens, `${at}[${i}]`));
    if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => referringPaths(v, tokens, at ? `${at}.${k}` : k));
    return refersTo(value, tokens) ? [at] : [];
}

/**
 * Replacement propagation: every resource that depends on a replaced one gets the inputs that referred
 * to it as changed (to an unknown value); a ForceNew one among them replaces that resource too, and so
 * on until nothing more changes (VPC → subnets → NAT gateways, route table associations, ...).
 */
function propagate(changes: Map<string, ResourceChange>, before: Map<string, DiffedResource>, after: readonly DiffedResource[]): void {
    const done = new Set<string>();
    for (;;) {
        const replaced = [...changes.values()].filter((c) => c.replacedBecause.length > 0 && !done.has(c.urn));
        if (replaced.length === 0) return;
        for (const r of replaced) {
            done.add(r.urn);
            const old = before.get(r.movedFrom ?? r.urn);
            if (!old) continue;
            const tokens = referenceTokens(old);
            for (const d of after.filter((x) => (x.dependencies ?? []).includes(r.urn) || (x.dependencies ?? []).includes(old.urn))) {
                const paths = referringPaths(d.inputs ?? {}, tokens);
                if (paths.length === 0) continue;
                const existing = changes.get(d.urn);
                const known = new Set(existing?.properties ?? []);
                const added = paths.filter((p) => !known.has(p)).map((path) => ({
                    path, before: valueAt(d.inputs, path), after: UNKNOWN_AFTER_REPLACE, secret: isSecretPath(path, d), because: old.name,
                }));
                if (added.length === 0) continue;
                const forcing = forceNewInputs(d.type);
                const because = [...new Set(added.map((a) => forcingEntry(forcing, a.path)).filter((p): p is string => p !== undefined))].map((p) => `${p} (${old.name} replaced)`);
                const base: ResourceChange = existing ?? { ...ref(d), properties: [], values: [], replacedBecause: [] };
                changes.set(d.urn, {
                    ...base,
                    properties: [...base.properties, ...added.map((a) => a.path)],
                    values: [...base.values, ...added],
                    replacedBecause: [...base.replacedBecause, ...because.filter((b) => !base.replacedBecause.includes(b))],
                });
            }
        }
    }
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
    const changes = new Map<string, ResourceChange>();
    for (const c of [...moved, ...after.resources.filter((r) => old.has(r.urn)).map((r) => compare(old.get(r.urn)!, r))]) {
        if (c) changes.set(c.urn, c);
    }
    propagate(changes, old, after.resources);
    const movedUrns = new Set(moved.map((m) => m.urn));
    moved.splice(0, moved.length, ...moved.map((m) => changes.get(m.urn)!));
    const changed = [...changes.values()].filter((c) => !movedUrns.has(c.urn)).sort((a, b) => a.urn.localeCompare(b.urn));

    const beforeOut = before.outputs ?? {};
    const afterOut = after.outputs ?? {};
    const outputs = {
        added: Object.keys(afterOut).filter((k) => !(k in beforeOut)).sort(),
        removed: Object.keys(beforeOut).filter((k) => !(k in afterOut)).sort(),
        changed: Object.keys(afterOut).filter((k) => k in beforeOut && JSON.stringify(beforeOut[k]) !== JSON.stringify(afterOut[k])).sort(),
    };
    return { stack: after.stack, added, removed, moved, changed, outputs };
}

/** What a stateful resource sits in: replacing or deleting one of these moves it out from under its data. */
export const PLACEMENT_TYPES: readonly string[] = [RESOURCE_TYPES.ec2Vpc, RESOURCE_TYPES.ec2Subnet, RESOURCE_TYPES.rdsSubnetGroup];

/** The stateful resources of a plan that (transitively) depend on a resource. */
function statefulDependents(urn: string, plan: readonly DiffedResource[]): string[] {
    const dependents = new Map<string, string[]>();
    for (const r of plan) for (const d of r.dependencies ?? []) dependents.set(d, [...(dependents.get(d) ?? []), r.urn]);
    const seen = new Set<string>();
    const queue = [urn];
    while (queue.length) for (const next of dependents.get(queue.shift()!) ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    return plan.filter((r) => seen.has(r.urn) && isStateful(r.type)).map((r) => r.name);
}

/**
 * The reasons to stop a merge: a stateful resource deleted or replaced, or what one sits in (its VPC,
 * subnets, DB subnet group). `before`/`after` (the two plans) find what sits where; without them only
 * stateful resources themselves are checked.
 */
export function dataLossRisks(diff: PlanDiff, before: readonly DiffedResource[] = [], after: readonly DiffedResource[] = []): string[] {
    const under = (urn: string, plan: readonly DiffedResource[]) => {
        const names = statefulDependents(urn, plan);
        return names.length ? ` under stateful ${names.join(", ")}` : "";
    };
    const replaced = [...diff.moved, ...diff.changed].filter((c) => c.replacedBecause.length > 0);
    const what = (r: ResourceRef) => `${shortType(r.type)} ${r.urn.split("::").pop()}`;
    const why = (c: ResourceChange) => `(${c.replacedBecause.join("; ")})`;
    return [
        ...diff.removed.filter((r) => r.stateful).map((r) => `DELETED  ${what(r)}`),
        ...diff.removed.filter((r) => !r.stateful && PLACEMENT_TYPES.includes(r.type) && under(r.urn, before))
            .map((r) => `DELETED  ${what(r)}${under(r.urn, before)}`),
        ...replaced.filter((c) => c.stateful).map((c) => `REPLACED ${what(c)} ${why(c)}`),
        ...replaced.filter((c) => !c.stateful && PLACEMENT_TYPES.includes(c.type) && under(c.urn, after))
            .map((c) => `REPLACED ${what(c)} ${why(c)}${under(c.urn, after)}`),
    ];
}

/** `text` of `file` as JSON, or an error naming the file. */
export function parseJsonFile(text: string, file: string): unknown {
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new Error(`${file} is not JSON: ${(e as Error).message}`);
    }
}

/** The saved plan given to --diff, checked: it must be a successful plan of the same stack. */
export function parseSavedPlan(text: string, stack: string, file: string): DiffedPlan {
    const plan = parseJsonFile(text, file) as Partial<DiffedPlan> & { error?: string };
    if (plan.error !== undefined) throw new Error(`${file} is a failed plan (${plan.error}); diff against a plan that succeeded`);
    if (typeof plan.stack !== "string" || !Array.isArray(plan.resources)) {
        throw new Error(`${file} is not an offline plan: write one with \`npm run plan -- ${stack} --json ${file}\``);
    }
    if (plan.stack !== stack) throw new Error(`${file} is a plan of stack "${plan.stack}", not "${stack}"`);
    return plan as DiffedPlan;
}
