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

function hasForceNewData(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(FORCE_NEW, type);
}

/** The ForceNew inputs of a type; none for a component or a type without data (a test catches those). */
export function forceNewInputs(type: string): readonly string[] {
    return hasForceNewData(type) ? FORCE_NEW[type].forceNew : [];
}

/**
 * The ForceNew entry a changed input path hits, if any: the entry itself ("name"), a path inside it
 * ("volumes[0].name" hits "volumes"), or, for a nested entry ("s3Import.bucketName"), the path itself or
 * the block around it (adding or removing "s3Import" changes its ForceNew attributes). List indices are
 * ignored. The shortest matching entry is returned, so a top-level entry wins over its nested ones.
 */
export function forcingEntry(forcing: readonly string[], path: string): string | undefined {
    const at = path.replace(/\[\d+\]/g, "");
    const hits = forcing.filter((f) => at === f || at.startsWith(`${f}.`) || f.startsWith(`${at}.`));
    return hits.sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}

/** The resource types (deduplicated) that have no ForceNew data: each must be added to forceNew.json. */
export function typesWithoutForceNew(types: readonly string[]): string[] {
    return [...new Set(types)].filter((t) => !hasForceNewData(t)).sort();
}
