/**
 * The identity snapshot: every resource's URN, type and parent per stack, committed under
 * tests/snapshots/. Pulumi matches resources between deployments by URN alone, so any change to this
 * list is a create or a delete in `pulumi up`; keeping it in a reviewed file makes every such change
 * visible, and a stateful resource may only leave it through an alias or an explicit allowance.
 */
import { AliasedResource, aliasIndex, parseUrn, urnFor } from "../../lib/urns";
import { isStateful, STATEFUL_TYPES } from "./statefulTypes";

export interface SnapshotEntry {
    readonly urn: string;
    readonly type: string;
    /** Parent URN; "" at the stack root. Kept so a removal can be answered with the exact alias. */
    readonly parent: string;
}

export interface IdentitySnapshot {
    readonly project: string;
    readonly stack: string;
    readonly resources: readonly SnapshotEntry[];
}

/** The command that regenerates a stack's snapshot (printed wherever a snapshot is stale). */
export const updateCommand = (stacks: readonly string[] = []) => ["npm run snapshot -- --update", ...stacks].join(" ");

export function snapshotOf(plan: { project: string; stack: string; resources: readonly SnapshotEntry[] }): IdentitySnapshot {
    const resources = plan.resources
        .map((r) => ({ urn: r.urn, type: r.type, parent: r.parent }))
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    return { project: plan.project, stack: plan.stack, resources };
}

/** JSON with one resource per line, so a review diff shows exactly the identities that changed. */
export function formatSnapshot(snapshot: IdentitySnapshot): string {
    const lines = snapshot.resources.map((r) => `    ${JSON.stringify(r)}`);
    return [
        "{",
        `  "about": ${JSON.stringify(`Identity of every resource of stack ${snapshot.stack}: a change here is a create or delete in pulumi up. Regenerate deliberately with: ${updateCommand([snapshot.stack])}`)},`,
        `  "project": ${JSON.stringify(snapshot.project)},`,
        `  "stack": ${JSON.stringify(snapshot.stack)},`,
        `  "resources": [`,
        lines.join(",\n"),
        "  ]",
        "}",
        "",
    ].join("\n");
}

export function parseSnapshot(text: string): IdentitySnapshot {
    const json = JSON.parse(text) as Partial<IdentitySnapshot>;
    if (typeof json.stack !== "string" || typeof json.project !== "string" || !Array.isArray(json.resources)) {
        throw new Error("not an identity snapshot (needs project, stack and resources)");
    }
    return withEngineUrns({ project: json.project, stack: json.stack, resources: json.resources });
}

/**
 * The snapshot with every URN as the engine forms it (the parent's whole qualified type before the
 * child's type). Snapshots written before the offline plan did so carry only the parent's own type
 * for resources nested two levels or more; each entry's parent link is enough to rebuild the real
 * URN, so such a snapshot reads as the same resources. Idempotent on a current snapshot.
 */
export function withEngineUrns(snapshot: IdentitySnapshot): IdentitySnapshot {
    const byUrn = new Map(snapshot.resources.map((r) => [r.urn, r]));
    const fixed = new Map<string, string>();
    const engineUrn = (urn: string): string => {
        const known = fixed.get(urn);
        if (known !== undefined) return known;
        const entry = byUrn.get(urn);
        const { name, type } = parseUrn(urn);
        const parent = entry?.parent ? engineUrn(entry.parent) : "";
        const result = entry ? urnFor(snapshot.stack, snapshot.project, type, name, parent) : urn;
        fixed.set(urn, result);
        return result;
    };
    const resources = snapshot.resources
        .map((r) => ({ urn: engineUrn(r.urn), type: r.type, parent: r.parent ? engineUrn(r.parent) : "" }))
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    return { ...snapshot, resources };
}

/** A resource of the current program, as the comparison needs it. */
export type CurrentResource = SnapshotEntry & AliasedResource;

export interface StatefulRemoval {
    readonly removed: SnapshotEntry;
    /** A newly added resource of the same type: probably the same one under a new identity. */
    readonly likelyNow?: SnapshotEntry;
}

export interface IdentityChange {
    readonly added: string[];
    readonly removed: string[];
    /** Removed URNs that a current resource keeps through an alias: Pulumi moves them, no delete. */
    readonly aliased: { readonly from: string; readonly to: string }[];
    /** Stateful resources that would be deleted: removed and not kept by any alias. */
    readonly statefulRemovals: StatefulRemoval[];
}

export function compareIdentity(snapshot: IdentitySnapshot, current: readonly CurrentResource[]): IdentityChange {
    const before = new Map(snapshot.resources.map((r) => [r.urn, r]));
    const now = new Set(current.map((r) => r.urn));
    const added = current.filter((r) => !before.has(r.urn));
    const removed = snapshot.resources.filter((r) => !now.has(r.urn));
    const keptBy = aliasIndex(current);
    const aliased = removed.filter((r) => keptBy.has(r.urn)).map((r) => ({ from: r.urn, to: keptBy.get(r.urn)!.urn }));
    const statefulRemovals = removed
        .filter((r) => isStateful(r.type) && !keptBy.has(r.urn))
        .map((r) => {
            const sameType = added.filter((a) => a.type === r.type);
            return sameType.length === 1 ? { removed: r, likelyNow: sameType[0] } : { removed: r };
        });
    return { added: added.map((r) => r.urn).sort(), removed: removed.map((r) => r.urn).sort(), aliased, statefulRemovals };
}

export const isUnchanged = (change: IdentityChange) => change.added.length === 0 && change.removed.length === 0;

/** `pulumi.createUrn(...)` for a snapshot URN: names an old parent the same way in every stack. */
function createUrnExpression(urn: string, byUrn: ReadonlyMap<string, SnapshotEntry>): string {
    const { name, type } = parseUrn(urn);
    const parent = byUrn.get(urn)?.parent;
    const args = [JSON.stringify(name), JSON.stringify(type)];
    if (parent) args.push(createUrnExpression(parent, byUrn));
    return `pulumi.createUrn(${args.join(", ")})`;
}

/**
 * The `aliases` entry that keeps a removed resource: its old name, type and parent, leaving out what
 * the likely new resource already shares.
 */
export function aliasAdvice(removal: StatefulRemoval, snapshot: IdentitySnapshot): string {
    const old = parseUrn(removal.removed.urn);
    const now = removal.likelyNow && parseUrn(removal.likelyNow.urn);
    const byUrn = new Map(snapshot.resources.map((r) => [r.urn, r]));
    const fields: string[] = [];
    if (!now || now.name !== old.name) fields.push(`name: ${JSON.stringify(old.name)}`);
    if (!now || now.type !== old.type) fields.push(`type: ${JSON.stringify(old.type)}`);
    if (!removal.likelyNow || removal.likelyNow.parent !== removal.removed.parent) {
        fields.push(`parent: ${removal.removed.parent ? createUrnExpression(removal.removed.parent, byUrn) : "pulumi.rootStackResource"}`);
    }
    return `aliases: [{ ${fields.join(", ")} }]`;
}

/** A URN for a shell command line: URNs contain "$", which an unquoted shell argument would expand. */
export const shellQuoted = (urn: string) => `'${urn.replace(/'/g, `'\\''`)}'`;

/** The failure text for one stateful resource that would be deleted: what is lost and the two ways out. */
export function removalMessage(removal: StatefulRemoval, snapshot: IdentitySnapshot): string {
    const { type, urn } = removal.removed;
    const holds = isStateful(type) ? STATEFUL_TYPES[type].holds : type;
    return [
        `Stateful resource would be DELETED by pulumi up (${holds}):`,
        `  ${urn}`,
        removal.likelyNow ? `  It looks like it is now: ${removal.likelyNow.urn}` : `  No new ${type} was added; find the resource that replaces it.`,
        `  To keep it, add to the options of ${removal.likelyNow ? "that resource" : "the resource that replaces it"}:`,
        `    ${aliasAdvice(removal, snapshot)}`,
        `  Only if deleting it (and its data) is intended: ${updateCommand([snapshot.stack])} --allow-removal ${shellQuoted(urn)}`,
    ].join("\n");
}

export function staleMessage(snapshot: IdentitySnapshot, change: IdentityChange, file: string): string {
    const lines = [`The identity snapshot of stack ${snapshot.stack} (${file}) does not match the program.`];
    if (change.added.length) lines.push(`Added (${change.added.length}):`, ...change.added.map((u) => `  + ${u}`));
    if (change.removed.length) {
        const to = new Map(change.aliased.map((a) => [a.from, a.to]));
        lines.push(`Removed (${change.removed.length}):`, ...change.removed.map((u) => `  - ${u}${to.has(u) ? `  (kept by an alias on ${to.get(u)})` : ""}`));
    }
    lines.push(`If these identity changes are intended, run \`${updateCommand([snapshot.stack])}\` and commit ${file}.`);
    return lines.join("\n");
}

export interface UpdateDecision {
    /** Stateful removals that no --allow-removal names: the update must not be written. */
    readonly refused: StatefulRemoval[];
    /** Stateful removals an --allow-removal names: written, data loss accepted. */
    readonly allowed: StatefulRemoval[];
}

/** Whether `--update` may write the new snapshot of one stack, given the explicitly allowed removals. */
export function decideUpdate(change: IdentityChange, allowRemovals: ReadonlySet<string>): UpdateDecision {
    return {
        refused: change.statefulRemovals.filter((r) => !allowRemovals.has(r.removed.urn)),
        allowed: change.statefulRemovals.filter((r) => allowRemovals.has(r.removed.urn)),
    };
}

/** --allow-removal URNs that name no stateful removal of any stack being updated (a typo, or stale). */
export function unusedAllowances(allowRemovals: ReadonlySet<string>, decisions: readonly UpdateDecision[]): string[] {
    const used = new Set(decisions.flatMap((d) => d.allowed.map((r) => r.removed.urn)));
    return [...allowRemovals].filter((u) => !used.has(u)).sort();
}
