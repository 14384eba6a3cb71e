/**
 * Pulumi URNs and aliases, computed the way the engine does, so the safety checks can tell whether a
 * resource that left one URN is still the same resource under another.
 *
 *   urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>
 */

export interface ParsedUrn {
    readonly stack: string;
    readonly project: string;
    /** The parent chain's types and the resource's own type, joined by "$". */
    readonly qualifiedType: string;
    /** The resource's own type (last element of qualifiedType). */
    readonly type: string;
    readonly name: string;
}

export function parseUrn(urn: string): ParsedUrn {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) throw new Error(`not a Pulumi URN: ${urn}`);
    const qualifiedType = parts[2];
    return {
        stack: parts[0].slice("urn:pulumi:".length),
        project: parts[1],
        qualifiedType,
        type: qualifiedType.split("$").pop() ?? qualifiedType,
        // A logical name may itself contain "::".
        name: parts.slice(3).join("::"),
    };
}

/** The root stack resource is every top-level resource's implicit parent but is left out of URNs. */
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

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
