/**
 * Which inputs of each resource type force a replacement (ForceNew), as data with its source:
 * tools/safety/forceNew.json. Extend that file for every new resource type (a test names any type
 * of the program that is missing).
 */
import table from "./forceNew.json";

export interface ForceNewEntry {
    /** The Terraform resource pulumi-aws bridges. */
    readonly terraform: string;
    /** Where the schema is declared (hashicorp/terraform-provider-aws unless said otherwise). */
    readonly source: string;
    /** Pulumi input names (camelCase) whose change replaces the resource. */
    readonly forceNew: readonly string[];
    /** Where the entry was checked line by line against the source, if it was. */
    readonly read?: string;
    readonly note?: string;
}

export const FORCE_NEW: Readonly<Record<string, ForceNewEntry>> = Object.fromEntries(
    Object.entries(table).filter(([type]) => !type.startsWith("$")),
) as Record<string, ForceNewEntry>;

export function hasForceNewData(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(FORCE_NEW, type);
}

/** The ForceNew inputs of a type; none for a component or a type without data (a test catches those). */
export function forceNewInputs(type: string): readonly string[] {
    return hasForceNewData(type) ? FORCE_NEW[type].forceNew : [];
}

/** The resource types (deduplicated) that have no ForceNew data: each must be added to forceNew.json. */
export function typesWithoutForceNew(types: readonly string[]): string[] {
    return [...new Set(types)].filter((t) => !hasForceNewData(t)).sort();
}
