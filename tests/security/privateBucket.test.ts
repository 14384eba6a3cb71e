/**
 * PrivateBucket: the one S3 bucket recipe (issue 15 "one home each"), and the aliases that moved the
 * existing buckets under it without replacing anything (issue 14/15).
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { PrivateBucket, PrivateBucketArgs } from "../../security/privateBucket";
import { aliasIndex } from "../../lib/urns";
import { construct, inAccount, TEST_LOG_TARGET } from "../support/component";
import { planOf, STACKS } from "../support/plans";

const KEY = "arn:aws:kms:ap-south-1:123456789012:key/logs";
const T = {
    bucket: "aws:s3/bucket:Bucket",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    logging: "aws:s3/bucketLogging:BucketLogging",
};

let counter = 0;
function build(overrides: Partial<PrivateBucketArgs> = {}, opts: pulumi.ComponentResourceOptions = {}) {
    const name = `pb${++counter}`;
    const args: PrivateBucketArgs = {
        bucketName: `fivestar-payments-test-${name}-123456789012`,
        encryption: { kmsKeyArn: KEY },
        grants: () => [],
        serverAccessLogging: TEST_LOG_TARGET,
        protect: true,
        ...overrides,
    };
    return construct(() => new PrivateBucket(name, args, { ...inAccount(), ...opts })).then((built) => ({ ...built, name, args }));
}

describe("PrivateBucket: what every bucket gets", () => {
    it("owner-enforced (ACLs off), all public access blocked, versioned, SSE-KMS with a bucket key on the given key, no lifecycle, server access logs to the target under a folder named after the bucket", async () => {
        const { one, ofType, name, args } = await build();
        expect(one(T.ownership, name).inputs.rule).to.deep.equal({ objectOwnership: "BucketOwnerEnforced" });
        expect(one(T.pab, name).inputs).to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        expect(one(T.versioning, name).inputs.versioningConfiguration).to.deep.equal({ status: "Enabled" });
        expect(one(T.sse, name).inputs.rules).to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }]);
        expect(ofType(T.lifecycle)).to.have.length(0);
        expect(one(T.logging, name).inputs).to.deep.include({ bucket: args.bucketName, targetBucket: TEST_LOG_TARGET.targetBucket, targetPrefix: `${args.bucketName}/` });
    });

    it("SSE-S3 where asked; lifecycle only where rules are given (after versioning); the log bucket itself does not log", async () => {
        const s3 = await build({ encryption: "SSE-S3" });
        expect(s3.one(T.sse, s3.name).inputs.rules).to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        const rules = [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 10 } }];
        const some = await build({ lifecycleRules: rules });
        expect(some.one(T.lifecycle, some.name).inputs.rules).to.deep.equal(rules);
        expect(some.one(T.lifecycle, some.name).dependencies).to.include(some.one(T.versioning, some.name).urn);
        const target = await build({ serverAccessLogging: "is-log-target" });
        expect(target.ofType(T.logging)).to.have.length(0);
    });

    it("a TLS-only policy first, then the caller's grants; the deletion deny only where asked; applied after the public access block", async () => {
        const grant = { Sid: "Writer", Effect: "Allow" as const, Principal: { Service: "example.amazonaws.com" }, Action: "s3:PutObject", Resource: "x" };
        const plain = await build({ grants: () => [grant] });
        const doc = JSON.parse(String(plain.one(T.policy, plain.name).inputs.policy));
        expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["DenyInsecureTransport", "Writer"]);
        expect(doc.Statement[0]).to.deep.include({ Effect: "Deny", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
        expect(plain.one(T.policy, plain.name).dependencies).to.include(plain.one(T.pab, plain.name).urn);

        const locked = await build({ denyObjectDeletion: true });
        const lockedDoc = JSON.parse(String(locked.one(T.policy, locked.name).inputs.policy));
        expect(lockedDoc.Statement[1]).to.deep.include({ Sid: "DenyObjectDeletion", Effect: "Deny", Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"] });
    });

    it("protect decides Pulumi protect and forceDestroy together", async () => {
        for (const protect of [true, false]) {
            const { one, name } = await build({ protect });
            expect(one(T.bucket, name).protect).to.equal(protect);
            expect(one(T.bucket, name).inputs.forceDestroy).to.equal(!protect);
        }
    });

    it("logging is configured only after the target's grant (asLogTarget)", async () => {
        const logs = await build({ serverAccessLogging: "is-log-target", encryption: "SSE-S3" });
        const source = await build({ serverAccessLogging: logs.component.asLogTarget() });
        expect(source.one(T.logging, source.name).inputs.targetBucket).to.equal(logs.args.bucketName);
        expect(source.one(T.logging, source.name).dependencies).to.include(logs.one(T.policy, logs.name).urn);
    });

    it("formerParent aliases every child to the same name under that parent; no alias otherwise", async () => {
        // Former parents only (the provider's own type aliases, e.g. Bucket's to BucketV2, stay under the current parent).
        const parents = (r: { parent: string; aliases: { parentUrn?: string }[] }) => r.aliases.map((a) => a.parentUrn).filter((u) => u !== undefined && u !== r.parent);
        const plain = await build();
        expect(plain.resources.filter((r) => r.custom).flatMap(parents)).to.deep.equal([]);
        const ownerName = `owner${counter}`;
        const owner = await construct(() => new pulumi.ComponentResource("test:index:Owner", ownerName, {}, inAccount()));
        const kept = await build({ formerParent: owner.component });
        const children = kept.resources.filter((r) => r.type.startsWith("aws:s3/") && r.type !== T.logging);
        expect(children.length).to.equal(6);
        for (const r of children) expect(parents(r), r.type).to.deep.equal([owner.one("test:index:Owner", ownerName).urn]);
    });
});

describe("PrivateBucket aliases: every URN the buckets had before still answers (no replacement)", () => {
    const CHILDREN = [T.bucket, T.ownership, T.pab, T.sse, T.versioning, T.policy];
    for (const stack of STACKS) {
        it(`${stack}: the audit and ALB log buckets' former URNs are kept by aliases`, async () => {
            const p = `urn:pulumi:${stack}::fivestar-payments::`;
            const audits = stack === "dev" ? ["cloudtrail"] : ["cloudtrail", "config"];
            const alb = `${p}fivestar:compute:Compute$fivestar:compute:PublicLoadBalancer$fivestar:compute:AccessLogBucket`;
            const former = [
                ...audits.flatMap((purpose) => CHILDREN.map((type) => `${p}fivestar:security:AccountGuardrails$${type}::guardrails-${purpose}-bucket`)),
                ...[...CHILDREN, T.lifecycle].map((type) => `${alb}$${type}::compute-alb-access-logs`),
                `${alb}::compute-alb-access-logs`,
            ];
            const plan = await planOf(stack);
            const current = new Set(plan.resources.map((r) => r.urn));
            const keptBy = aliasIndex(plan.resources);
            for (const urn of former) {
                expect(current.has(urn), `${urn} is no longer a URN of the program`).to.equal(false);
                const now = keptBy.get(urn);
                expect(now, `nothing keeps ${urn}`).to.not.equal(undefined);
                expect(now!.name, urn).to.equal(urn.split("::").pop());
                // The component itself changed type (AccessLogBucket -> PrivateBucket); every resource in AWS keeps its type.
                if (now!.custom) expect(now!.type, urn).to.equal(urn.split("::")[2].split("$").pop());
            }
        });
    }
});
