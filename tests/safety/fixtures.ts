/**
 * Fixtures for the safety checks: modified copies of a real stack's plan (the records the offline
 * engine really produced), changed the way a refactor would change them, with URNs recomputed the
 * way the engine computes them.
 */
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { AliasSpec, parseUrn, urnFor } from "../../lib/urns";

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
export type EditableResource = Mutable<RegisteredResource>;
export interface EditablePlan extends Omit<EvaluatedStack, "resources" | "outputs"> {
    resources: EditableResource[];
    outputs: EvaluatedStack["outputs"];
}

export const FLOW_LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

export function copyOf(plan: EvaluatedStack): EditablePlan {
    return structuredClone(plan) as EditablePlan;
}

export function find(plan: EditablePlan, type: string, name: string): EditableResource {
    const found = plan.resources.filter((r) => r.type === type && r.name === name);
    if (found.length !== 1) throw new Error(`fixture: expected one ${type} ${name}, found ${found.length}`);
    return found[0];
}

/** Replaces every reference to `from` (parent, provider, dependencies) with `to`. */
function repoint(plan: EditablePlan, from: string, to: string): void {
    for (const r of plan.resources) {
        if (r.parent === from) r.parent = to;
        if (r.provider === from) r.provider = to;
        r.dependencies = r.dependencies.map((d) => (d === from ? to : d));
    }
}

/** Gives a resource a new name and/or parent; its URN and those of its descendants follow. */
export function reidentify(plan: EditablePlan, resource: EditableResource, change: { name?: string; parent?: string }): EditableResource {
    const { stack, project } = parseUrn(resource.urn);
    const oldUrn = resource.urn;
    resource.name = change.name ?? resource.name;
    resource.parent = change.parent ?? resource.parent;
    resource.urn = urnFor(stack, project, resource.type, resource.name, resource.parent);
    repoint(plan, oldUrn, resource.urn);
    // Children keep their names, but their URNs carry the parent's type chain.
    for (const child of plan.resources.filter((r) => r.parent === resource.urn)) reidentify(plan, child, {});
    return resource;
}

/** Renames a component and, as `${name}-...` naming does, every descendant named after it. */
export function renameComponent(plan: EditablePlan, component: EditableResource, newName: string): EditableResource {
    const oldName = component.name;
    const descendants = (urn: string): EditableResource[] =>
        plan.resources.filter((r) => r.parent === urn).flatMap((c) => [c, ...descendants(c.urn)]);
    const inside = descendants(component.urn);
    reidentify(plan, component, { name: newName });
    for (const r of inside) if (r.name.startsWith(oldName)) reidentify(plan, r, { name: newName + r.name.slice(oldName.length) });
    return component;
}

/** Adds an alias in the shape the engine records it (see tools/offline/evaluate.ts). */
export function addAlias(resource: EditableResource, alias: AliasSpec): EditableResource {
    resource.aliases = [...resource.aliases, alias];
    return resource;
}

/** A new resource registered next to an existing one: same record, another name (as a copy-paste would). */
export function addCopy(plan: EditablePlan, of: EditableResource, name: string, changes: Partial<EditableResource> = {}): EditableResource {
    const { stack, project } = parseUrn(of.urn);
    const copy = { ...structuredClone(of), name, ...changes };
    copy.urn = urnFor(stack, project, copy.type, name, copy.parent);
    plan.resources.push(copy);
    return copy;
}

export function remove(plan: EditablePlan, resource: EditableResource): void {
    plan.resources = plan.resources.filter((r) => r !== resource);
}
