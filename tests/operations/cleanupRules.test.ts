/**
 * §2.2.2 staging's weekly cleanup: what it removes, and above all what it never touches.
 */
import { expect } from "chai";
import { cleanupSettings } from "../../operations/weeklyCleanup";
import {
    cleanupPlan, CleanupSettings, DbSnapshot, EcrImage, imagesToDelete, manifestChildDigests, parseCleanupSettings, parseTaskDefinitionArn,
    RETAIN_TAG, snapshotsToDelete, taskDefinitionsToDeregister, TaskDefinitionRevision,
} from "../../operations/cleanupRules";

const NOW = new Date("2026-11-29T21:30:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3600 * 1000);
const td = (family: string, revision: number): TaskDefinitionRevision =>
    ({ arn: `arn:aws:ecs:ap-south-1:123456789013:task-definition/${family}:${revision}`, family, revision });
const SETTINGS: CleanupSettings = cleanupSettings("staging", { keepTaskRevisions: 10, snapshotMaxAgeDays: 14, untaggedImageMinAgeDays: 7 });
const PE = "staging-fivestar-internal-pe";

describe("weekly cleanup rules (§2.2.2)", () => {
    it("touches only the program's staging families, repositories, and keeps the final snapshot", () => {
        expect(SETTINGS.families).to.deep.equal(["staging-fivestar-internal-pe", "staging-fivestar-customer-portal", "staging-fivestar-debug-task"]);
        expect(SETTINGS.repositories).to.deep.equal(["fivestar-internal-pe", "fivestar-customer-portal", "fivestar-debug-tools"]);
        expect(SETTINGS.protectedSnapshotIds).to.deep.equal(["staging-fivestar-payments-db-final"]);
    });

    describe("task definition revisions", () => {
        const revisions = Array.from({ length: 15 }, (_, i) => td(PE, i + 1));
        it("deregisters the revisions beyond the newest 10, oldest included; refuses to keep fewer than one", () => {
            expect(taskDefinitionsToDeregister(revisions, [], [PE], 10).map((r) => r.revision)).to.deep.equal([5, 4, 3, 2, 1]);
            expect(() => taskDefinitionsToDeregister(revisions, [], [PE], 0)).to.throw(/at least 1/);
        });
        it("never a revision a service, deployment or task uses, however old", () => {
            const inUse = [td(PE, 2).arn, td(PE, 15).arn];
            expect(taskDefinitionsToDeregister(revisions, inUse, [PE], 10).map((r) => r.revision)).to.deep.equal([5, 4, 3, 1]);
        });
        it("never the newest (Pulumi's current revision), and nothing of a family not the program's", () => {
            const other = Array.from({ length: 20 }, (_, i) => td("someone-elses-family", i + 1));
            const plan = taskDefinitionsToDeregister([...revisions, ...other], [], [PE], 10);
            expect(plan.map((r) => r.revision)).to.not.include(15);
            expect(plan.every((r) => r.family === PE)).to.equal(true);
        });
        it("reads family and revision from an ARN", () => {
            expect(parseTaskDefinitionArn(td(PE, 7).arn)).to.deep.equal(td(PE, 7));
            expect(parseTaskDefinitionArn("arn:aws:ecs:ap-south-1:1:cluster/x")).to.equal(undefined);
        });
    });

    describe("RDS snapshots", () => {
        const snap = (id: string, over: Partial<DbSnapshot> = {}): DbSnapshot => ({ id, type: "manual", status: "available", createdAt: daysAgo(30), tags: {}, ...over });
        it("deletes available manual snapshots older than 14 days; never an automated snapshot, the final snapshot, a retained one, one in progress, or one of unknown age", () => {
            const kept = [
                snap("rds:staging-fivestar-payments-db-2026-10-01", { type: "automated" }),
                snap("staging-fivestar-payments-db-final"),
                snap("for-perf-test", { tags: { [RETAIN_TAG]: "true", Project: "FivestarPaymentsEngine" } }),
                snap("copying", { status: "creating" }),
                snap("no-date", { createdAt: undefined }),
            ];
            expect(snapshotsToDelete([snap("old"), snap("recent", { createdAt: daysAgo(13) }), ...kept], SETTINGS, NOW).map((s) => s.id)).to.deep.equal(["old"]);
        });
    });

    describe("ECR images", () => {
        const image = (digest: string, over: Partial<EcrImage> = {}): EcrImage => ({ repository: "fivestar-internal-pe", digest, tags: [], pushedAt: daysAgo(10), ...over });
        it("deletes untagged images pushed more than 7 days ago; never a tagged image, one a tagged index refers to or a task runs, or one of another repository", () => {
            const kept = [
                image("sha256:tagged", { tags: ["1.4.2"] }),
                image("sha256:child"),
                image("sha256:running"),
                image("sha256:other", { repository: "not-ours" }),
            ];
            expect(imagesToDelete([image("sha256:a"), image("sha256:b", { pushedAt: daysAgo(6) }), ...kept], SETTINGS, ["sha256:child", "sha256:running"], NOW).map((i) => i.digest))
                .to.deep.equal(["sha256:a"]);
        });
        it("reads the children of an image index", () => {
            expect(manifestChildDigests(JSON.stringify({ manifests: [{ digest: "sha256:x" }, { digest: "sha256:y" }] }))).to.deep.equal(["sha256:x", "sha256:y"]);
            expect(manifestChildDigests("not json")).to.deep.equal([]);
        });
    });

    it("a whole plan from one inventory", () => {
        const plan = cleanupPlan({
            taskDefinitions: Array.from({ length: 12 }, (_, i) => td(PE, i + 1)),
            taskDefinitionsInUse: [td(PE, 12).arn],
            snapshots: [{ id: "old", type: "manual", status: "available", createdAt: daysAgo(20), tags: {} }],
            images: [{ repository: "fivestar-customer-portal", digest: "sha256:z", tags: [], pushedAt: daysAgo(30) }],
            digestsInUse: [],
        }, SETTINGS, NOW);
        expect(plan.deregisterTaskDefinitions.map((r) => r.revision)).to.deep.equal([2, 1]);
        expect(plan.deleteSnapshots.map((s) => s.id)).to.deep.equal(["old"]);
        expect(plan.deleteImages.map((i) => i.digest)).to.deep.equal(["sha256:z"]);
    });

    it("the handler's settings are validated", () => {
        expect(parseCleanupSettings(JSON.stringify(SETTINGS))).to.deep.equal(SETTINGS);
        expect(() => parseCleanupSettings(undefined)).to.throw(/not set/);
        expect(() => parseCleanupSettings(JSON.stringify({ ...SETTINGS, keepTaskRevisions: 0 }))).to.throw(/keepTaskRevisions/);
        expect(() => parseCleanupSettings(JSON.stringify({ ...SETTINGS, families: "x" }))).to.throw(/families/);
    });
});
