/**
 * Reading Pulumi URNs. A URN is `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, where the
 * qualified type is the chain of parent types joined by `$` (the root stack left out). So the first
 * type of the chain is the resource's top-level ancestor: which module a resource belongs to can be
 * read from its URN alone, for resources in the plan and for resources only left in the state.
 */

export interface ParsedUrn {
    readonly stack: string;
    readonly project: string;
    /** Parent types and the resource's own type, outermost first. */
    readonly typeChain: readonly string[];
    readonly type: string;
    readonly name: string;
}

export function parseUrn(urn: string): ParsedUrn {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) throw new Error(`not a Pulumi URN: "${urn}"`);
    const typeChain = parts[2].split("$");
    return {
        stack: parts[0].slice("urn:pulumi:".length),
        project: parts[1],
        typeChain,
        type: typeChain[typeChain.length - 1],
        // A name may itself contain "::".
        name: parts.slice(3).join("::"),
    };
}

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
export const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

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
