/**
 * The weekly cleanup Lambda (§2.2.2): gathers the inventory, asks cleanupRules.ts what to remove, and
 * removes it, logging one JSON line per action and a summary. DRY_RUN=true only logs.
 *
 * Bundled into the function by operations/lambdaCode.ts together with cleanupRules.ts. The AWS SDK v3
 * clients are the ones the Lambda Node.js runtime provides (not bundled).
 */
import { BatchDeleteImageCommand, BatchGetImageCommand, DescribeImagesCommand, ECRClient, ImageDetail } from "@aws-sdk/client-ecr";
import { DeregisterTaskDefinitionCommand, DescribeServicesCommand, ECSClient, ListServicesCommand, ListTaskDefinitionsCommand, ListTasksCommand, DescribeTasksCommand } from "@aws-sdk/client-ecs";
import { DeleteDBSnapshotCommand, DescribeDBSnapshotsCommand, RDSClient } from "@aws-sdk/client-rds";
import { CleanupInventory, cleanupPlan, CleanupSettings, DbSnapshot, EcrImage, manifestChildDigests, parseCleanupSettings, parseTaskDefinitionArn, TaskDefinitionRevision } from "./cleanupRules";

const ecs = new ECSClient({});
const rds = new RDSClient({});
const ecr = new ECRClient({});

async function taskDefinitions(families: readonly string[]): Promise<TaskDefinitionRevision[]> {
    const found: TaskDefinitionRevision[] = [];
    for (const familyPrefix of families) {
        let nextToken: string | undefined;
        do {
            const page = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix, status: "ACTIVE", nextToken }));
            for (const arn of page.taskDefinitionArns ?? []) {
                const parsed = parseTaskDefinitionArn(arn);
                if (parsed && parsed.family === familyPrefix) found.push(parsed);
            }
            nextToken = page.nextToken;
        } while (nextToken);
    }
    return found;
}

async function inUse(cluster: string): Promise<{ taskDefinitions: string[]; images: string[] }> {
    const taskDefinitions: string[] = [];
    const images: string[] = [];
    let nextToken: string | undefined;
    do {
        const page = await ecs.send(new ListServicesCommand({ cluster, nextToken }));
        const arns = page.serviceArns ?? [];
        for (let i = 0; i < arns.length; i += 10) {
            const described = await ecs.send(new DescribeServicesCommand({ cluster, services: arns.slice(i, i + 10) }));
            for (const svc of described.services ?? []) {
                if (svc.taskDefinition) taskDefinitions.push(svc.taskDefinition);
                for (const d of svc.deployments ?? []) if (d.taskDefinition) taskDefinitions.push(d.taskDefinition);
            }
        }
        nextToken = page.nextToken;
    } while (nextToken);
    nextToken = undefined;
    do {
        const page: { taskArns?: string[]; nextToken?: string } = await ecs.send(new ListTasksCommand({ cluster, nextToken }));
        const arns = page.taskArns ?? [];
        for (let i = 0; i < arns.length; i += 100) {
            const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }));
            for (const task of described.tasks ?? []) {
                if (task.taskDefinitionArn) taskDefinitions.push(task.taskDefinitionArn);
                for (const c of task.containers ?? []) if (c.imageDigest) images.push(c.imageDigest);
            }
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return { taskDefinitions, images };
}

async function snapshots(): Promise<DbSnapshot[]> {
    const found: DbSnapshot[] = [];
    let marker: string | undefined;
    do {
        const page = await rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: "manual", Marker: marker }));
        for (const s of page.DBSnapshots ?? []) {
            if (!s.DBSnapshotIdentifier) continue;
            found.push({
                id: s.DBSnapshotIdentifier,
                type: s.SnapshotType ?? "unknown",
                status: s.Status ?? "unknown",
                createdAt: s.SnapshotCreateTime,
                tags: Object.fromEntries((s.TagList ?? []).map((t) => [t.Key ?? "", t.Value ?? ""])),
            });
        }
        marker = page.Marker;
    } while (marker);
    return found;
}

async function images(repositories: readonly string[]): Promise<{ images: EcrImage[]; referenced: string[] }> {
    const all: EcrImage[] = [];
    const referenced: string[] = [];
    for (const repositoryName of repositories) {
        const details: ImageDetail[] = [];
        let nextToken: string | undefined;
        do {
            const page = await ecr.send(new DescribeImagesCommand({ repositoryName, nextToken }));
            details.push(...(page.imageDetails ?? []));
            nextToken = page.nextToken;
        } while (nextToken);
        // Tagged image indexes: their per-platform children are untagged but in use.
        const indexes = details.filter((d) => (d.imageTags ?? []).length > 0 && /index|manifest\.list/.test(d.imageManifestMediaType ?? ""));
        for (let i = 0; i < indexes.length; i += 100) {
            const got = await ecr.send(new BatchGetImageCommand({ repositoryName, imageIds: indexes.slice(i, i + 100).map((d) => ({ imageDigest: d.imageDigest })) }));
            for (const image of got.images ?? []) referenced.push(...manifestChildDigests(image.imageManifest ?? "{}"));
        }
        for (const d of details) {
            if (d.imageDigest) all.push({ repository: repositoryName, digest: d.imageDigest, tags: d.imageTags ?? [], pushedAt: d.imagePushedAt });
        }
    }
    return { images: all, referenced };
}

export async function gatherInventory(s: CleanupSettings, cluster: string): Promise<CleanupInventory> {
    const [defs, used, snaps, imgs] = await Promise.all([taskDefinitions(s.families), inUse(cluster), snapshots(), images(s.repositories)]);
    return { taskDefinitions: defs, taskDefinitionsInUse: used.taskDefinitions, snapshots: snaps, images: imgs.images, digestsInUse: [...imgs.referenced, ...used.images] };
}

export async function handler(): Promise<{ deregistered: number; snapshotsDeleted: number; imagesDeleted: number; dryRun: boolean }> {
    const settings = parseCleanupSettings(process.env.CLEANUP_SETTINGS);
    const cluster = process.env.CLUSTER_NAME;
    if (!cluster) throw new Error("CLUSTER_NAME is not set");
    const dryRun = process.env.DRY_RUN === "true";
    const plan = cleanupPlan(await gatherInventory(settings, cluster), settings, new Date());
    for (const td of plan.deregisterTaskDefinitions) {
        console.log(JSON.stringify({ action: "deregister-task-definition", arn: td.arn, dryRun }));
        if (!dryRun) await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: td.arn }));
    }
    for (const snap of plan.deleteSnapshots) {
        console.log(JSON.stringify({ action: "delete-db-snapshot", id: snap.id, createdAt: snap.createdAt, dryRun }));
        if (!dryRun) await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: snap.id }));
    }
    for (const repository of settings.repositories) {
        const doomed = plan.deleteImages.filter((i) => i.repository === repository);
        for (let i = 0; i < doomed.length; i += 100) {
            const batch = doomed.slice(i, i + 100);
            console.log(JSON.stringify({ action: "delete-untagged-images", repository, digests: batch.map((b) => b.digest), dryRun }));
            if (!dryRun) await ecr.send(new BatchDeleteImageCommand({ repositoryName: repository, imageIds: batch.map((b) => ({ imageDigest: b.digest })) }));
        }
    }
    const summary = { deregistered: plan.deregisterTaskDefinitions.length, snapshotsDeleted: plan.deleteSnapshots.length, imagesDeleted: plan.deleteImages.length, dryRun };
    console.log(JSON.stringify({ action: "summary", ...summary }));
    return summary;
}
