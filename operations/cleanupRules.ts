/**
 * What staging's weekly cleanup (§2.2.2) removes: pure functions from an inventory to a plan.
 * The Lambda handler (cleanupHandler.ts) only gathers the inventory and carries the plan out.
 *
 * Safe to remove, and only that:
 *  - task definition revisions of the program's own families beyond the newest N, never one a
 *    service or a running deployment uses (Pulumi's current revision is the newest and in use);
 *  - MANUAL RDS snapshots older than N days that are `available` (not being made or copied), never
 *    the final snapshot the program names (names.dbFinalSnapshot), never one tagged `fivestar:retain`;
 *    automated snapshots are RDS's (the backup retention), never touched;
 *  - UNTAGGED ECR images pushed more than N days ago, never a digest a tagged image index refers to
 *    (the per-architecture images of a multi-arch tag are untagged) or a running task uses.
 * DynamoDB items are not cleaned: the transactions table holds financial records (no TTL by design,
 * docs/decisions.md A4) and the queue already expires items by TTL; nothing marks an item as test data.
 *
 * No dependencies: this file is bundled into the Lambda as is (operations/lambdaCode.ts).
 */

/** A resource tagged with this key and value "true" is never removed by the cleanup. */
export const RETAIN_TAG = "fivestar:retain";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CleanupSettings {
    /** The program's task definition families in this environment: the only ones touched. */
    readonly families: readonly string[];
    readonly keepTaskRevisions: number;
    /** Never deleted, whatever their age (the program's final snapshot). */
    readonly protectedSnapshotIds: readonly string[];
    readonly snapshotMaxAgeDays: number;
    /** The program's repositories: the only ones touched. */
    readonly repositories: readonly string[];
    readonly untaggedImageMinAgeDays: number;
}

export interface TaskDefinitionRevision {
    readonly arn: string;
    readonly family: string;
    readonly revision: number;
}

export interface DbSnapshot {
    readonly id: string;
    readonly type: string;
    readonly status: string;
    readonly createdAt?: Date;
    readonly tags: Readonly<Record<string, string>>;
}

export interface EcrImage {
    readonly repository: string;
    readonly digest: string;
    readonly tags: readonly string[];
    readonly pushedAt?: Date;
}

export interface CleanupInventory {
    /** ACTIVE revisions of the program's families. */
    readonly taskDefinitions: readonly TaskDefinitionRevision[];
    /** Task definition ARNs services and their deployments use, and those of running tasks. */
    readonly taskDefinitionsInUse: readonly string[];
    readonly snapshots: readonly DbSnapshot[];
    readonly images: readonly EcrImage[];
    /** Image digests that must stay: referenced by a tagged index, or running. */
    readonly digestsInUse: readonly string[];
}

export interface CleanupPlan {
    readonly deregisterTaskDefinitions: readonly TaskDefinitionRevision[];
    readonly deleteSnapshots: readonly DbSnapshot[];
    readonly deleteImages: readonly EcrImage[];
}

/** "family:revision" from a task definition ARN (…:task-definition/<family>:<revision>). */
export function parseTaskDefinitionArn(arn: string): TaskDefinitionRevision | undefined {
    const match = /:task-definition\/([A-Za-z0-9_-]+):(\d+)$/.exec(arn);
    return match ? { arn, family: match[1], revision: Number(match[2]) } : undefined;
}

export function taskDefinitionsToDeregister(
    revisions: readonly TaskDefinitionRevision[], inUse: readonly string[], families: readonly string[], keepNewest: number,
): TaskDefinitionRevision[] {
    if (!Number.isInteger(keepNewest) || keepNewest < 1) throw new Error(`keepNewest must be a whole number of at least 1, got ${keepNewest}`);
    const used = new Set(inUse);
    return families.flatMap((family) => revisions
        .filter((r) => r.family === family)
        .sort((a, b) => b.revision - a.revision)
        .slice(keepNewest)
        .filter((r) => !used.has(r.arn)));
}

const retained = (tags: Readonly<Record<string, string>>) => (tags[RETAIN_TAG] ?? "").toLowerCase() === "true";
const olderThan = (when: Date | undefined, days: number, now: Date) => when !== undefined && now.getTime() - when.getTime() > days * DAY_MS;

export function snapshotsToDelete(snapshots: readonly DbSnapshot[], s: Pick<CleanupSettings, "protectedSnapshotIds" | "snapshotMaxAgeDays">, now: Date): DbSnapshot[] {
    return snapshots.filter((snap) => snap.type === "manual"
        && snap.status === "available"
        && !s.protectedSnapshotIds.includes(snap.id)
        && !retained(snap.tags)
        && olderThan(snap.createdAt, s.snapshotMaxAgeDays, now));
}

export function imagesToDelete(images: readonly EcrImage[], s: Pick<CleanupSettings, "repositories" | "untaggedImageMinAgeDays">, digestsInUse: readonly string[], now: Date): EcrImage[] {
    const used = new Set(digestsInUse);
    return images.filter((image) => s.repositories.includes(image.repository)
        && image.tags.length === 0
        && !used.has(image.digest)
        && olderThan(image.pushedAt, s.untaggedImageMinAgeDays, now));
}

export function cleanupPlan(inventory: CleanupInventory, s: CleanupSettings, now: Date): CleanupPlan {
    return {
        deregisterTaskDefinitions: taskDefinitionsToDeregister(inventory.taskDefinitions, inventory.taskDefinitionsInUse, s.families, s.keepTaskRevisions),
        deleteSnapshots: snapshotsToDelete(inventory.snapshots, s, now),
        deleteImages: imagesToDelete(inventory.images, s, inventory.digestsInUse, now),
    };
}

/** Digests an image index (multi-architecture manifest list) refers to. */
export function manifestChildDigests(manifestJson: string): string[] {
    try {
        const manifest = JSON.parse(manifestJson) as { manifests?: { digest?: unknown }[] };
        return (manifest.manifests ?? []).map((m) => m.digest).filter((d): d is string => typeof d === "string");
    } catch {
        return [];
    }
}

/** The settings the handler reads from its environment (CLEANUP_SETTINGS, JSON), validated. */
export function parseCleanupSettings(json: string | undefined): CleanupSettings {
    if (!json) throw new Error("CLEANUP_SETTINGS is not set");
    const s = JSON.parse(json) as CleanupSettings;
    const lists = ["families", "protectedSnapshotIds", "repositories"] as const;
    const numbers = ["keepTaskRevisions", "snapshotMaxAgeDays", "untaggedImageMinAgeDays"] as const;
    for (const k of lists) if (!Array.isArray(s[k])) throw new Error(`CLEANUP_SETTINGS.${k} must be a list`);
    for (const k of numbers) if (!Number.isInteger(s[k]) || s[k] < 1) throw new Error(`CLEANUP_SETTINGS.${k} must be a whole number of at least 1`);
    return s;
}
