/**
 * Pulumi URNs and aliases, computed the way the engine does: the safety checks tell a resource that
 * left one URN but is still the same resource under another, and the delivery tool reads which module
 * a resource belongs to from its URN alone (for resources in the plan and those only left in the state).
 *
 *   urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>
 *
 * The qualified type is the chain of parent types (the root stack left out), so its first element is
 * the resource's top-level ancestor.
 */

export interface ParsedUrn {
    readonly stack: string;
    readonly project: string;
    /** The parent chain's types and the resource's own type, joined by "$". */
    readonly qualifiedType: string;
    /** The same chain split: parent types and the resource's own type, outermost first. */
    readonly typeChain: readonly string[];
    /** The resource's own type (last element of the chain). */
    readonly type: string;
    readonly name: string;
}

export function parseUrn(urn: string): ParsedUrn {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) throw new Error(`not a Pulumi URN: "${urn}"`);
    const qualifiedType = parts[2];
    const typeChain = qualifiedType.split("$");
    return {
        stack: parts[0].slice("urn:pulumi:".length),
        project: parts[1],
        qualifiedType,
        typeChain,
        type: typeChain[typeChain.length - 1],
        // A logical name may itself contain "::".
        name: parts.slice(3).join("::"),
    };
}

/** The root stack resource is every top-level resource's implicit parent but is left out of URNs. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
export const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** The URN a resource of `type` named `name` gets under `parentUrn` ("" for the stack root). */
export function urnFor(stack: string, project: string, type: string, name: string, parentUrn: string): string {
    const parentType = parentUrn ? parseUrn(parentUrn).qualifiedType : "";
    const qualifiedType = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/** An alias as the offline plan records it (the engine's alias spec, or a whole URN). */
export interface AliasSpec {
    readonly name?: string;
    readonly type?: string;
    readonly parentUrn?: string;
    readonly noParent?: boolean;
    readonly urn?: string;
}

/** What alias resolution needs of a registered resource. */
export interface AliasedResource {
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    /** Parent URN; "" at the stack root. */
    readonly parent: string;
    readonly aliases: readonly AliasSpec[];
}

/** Unset fields of a spec mean "as the resource is now". */
function specUrn(resource: AliasedResource, spec: AliasSpec): string {
    if (spec.urn) return spec.urn;
    const { stack, project } = parseUrn(resource.urn);
    const parent = spec.noParent ? "" : spec.parentUrn ?? resource.parent;
    return urnFor(stack, project, spec.type ?? resource.type, spec.name ?? resource.name, parent);
}

/**
 * Every earlier URN a resource answers to: its own aliases, plus the aliases it inherits from its
 * parent chain (the engine gives a child of an aliased component the matching old URN; a child name
 * that starts with the parent's name has that prefix swapped for the parent's old name, as Pulumi
 * does for `${name}-child` naming).
 *
 * `parentOf` finds a resource by URN among the current registrations.
 */
export function aliasUrns(resource: AliasedResource, parentOf: (urn: string) => AliasedResource | undefined): string[] {
    const found = new Set(resource.aliases.map((spec) => specUrn(resource, spec)));
    const parent = resource.parent ? parentOf(resource.parent) : undefined;
    if (parent) {
        const { stack, project } = parseUrn(resource.urn);
        // Own identities that are relative to the current parent combine with each old parent URN.
        const relative = resource.aliases.filter((a) => !a.urn && !a.noParent && (a.parentUrn === undefined || a.parentUrn === resource.parent));
        const identities = [{ name: resource.name, type: resource.type }, ...relative.map((a) => ({ name: a.name ?? resource.name, type: a.type ?? resource.type }))];
        for (const oldParentUrn of aliasUrns(parent, parentOf)) {
            const oldParentName = parseUrn(oldParentUrn).name;
            for (const id of identities) {
                const name = id.name.startsWith(parent.name) ? oldParentName + id.name.slice(parent.name.length) : id.name;
                found.add(urnFor(stack, project, id.type, name, oldParentUrn));
            }
        }
    }
    found.delete(resource.urn);
    return [...found].sort();
}

/** Old URN -> the current resource that declares (or inherits) an alias to it. */
export function aliasIndex<R extends AliasedResource>(resources: readonly R[]): Map<string, R> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const index = new Map<string, R>();
    for (const r of resources) {
        for (const old of aliasUrns(r, (urn) => byUrn.get(urn))) index.set(old, r);
    }
    return index;
}

export type UrnOwner =
    | { readonly kind: "module"; readonly module: string }
    | { readonly kind: "provider" }
    | { readonly kind: "stack" }
    | { readonly kind: "unowned"; readonly topType: string };

/**
 * Who a resource belongs to: the module of its top-level `fivestar:<module>:<Type>` component, a
 * provider at the stack root, the root stack itself, or nothing (a resource outside any component).
 */
export function ownerOf(urn: string): UrnOwner {
    const { typeChain } = parseUrn(urn);
    const top = typeChain[0];
    const module = /^fivestar:([^:]+):[^:]+$/.exec(top)?.[1];
    if (module) return { kind: "module", module };
    if (typeChain.length === 1 && top.startsWith(PROVIDER_TYPE_PREFIX)) return { kind: "provider" };
    if (typeChain.length === 1 && top === ROOT_STACK_TYPE) return { kind: "stack" };
    return { kind: "unowned", topType: top };
}

/** A provider reference in state or in a registration is `<provider urn>::<provider id>`. */
export function providerUrnOf(reference: string): string {
    if (!reference) return "";
    const at = reference.lastIndexOf("::");
    return at > 0 && reference.slice(0, at).split("::").length >= 4 ? reference.slice(0, at) : reference;
}
