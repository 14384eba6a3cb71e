/**
 * Whole program, issue 14 (PCI DSS v4 10.2.1.3, Security Hub S3.9): in every stack, every bucket's
 * S3 server access logs go to one locked-down log bucket, which does not log itself; and the
 * DeploymentRole may configure all of it.
 */
import { expect } from "chai";
import { deploymentRolePolicy } from "../../security/crossAccountPolicies";
import type { PolicyStatement } from "../../lib/iamDocuments";
import { planOf, STACKS, StackName } from "../support/plans";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
/** The audit buckets each stack has (dev: CloudTrail only, §2.2.3 switches), and the ALB's. */
const LOGGED_BUCKETS: Record<StackName, readonly string[]> = {
    dev: ["cloudtrail", "alb-logs"],
    staging: ["cloudtrail", "config", "alb-logs"],
    prod: ["cloudtrail", "config", "alb-logs"],
};
const BUCKET = "aws:s3/bucket:Bucket";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const S3_MAX_NAME = 63;

const logBucketName = (stack: StackName) => `fivestar-payments-${stack}-s3-access-logs-${ACCOUNTS[stack]}`;

describe("whole program: S3 server access logging per stack (issue 14)", () => {
    for (const stack of STACKS) {
        const isProd = stack === "prod";
        describe(stack, () => {
            it(`every audit bucket (${LOGGED_BUCKETS[stack].join(", ")}) logs to the log bucket, under its own prefix, after the log bucket's grant`, async () => {
                const plan = await planOf(stack);
                const logBucket = plan.one(BUCKET, "s3-access-logs");
                const logPolicy = plan.one("aws:s3/bucketPolicy:BucketPolicy", "s3-access-logs");
                const expected = LOGGED_BUCKETS[stack].map((purpose) => `fivestar-payments-${stack}-${purpose}-${ACCOUNTS[stack]}`);
                const others = plan.ofType(BUCKET).filter((b) => b.urn !== logBucket.urn).map((b) => String(b.inputs.bucket));
                expect(others).to.have.members(expected);
                const loggings = plan.ofType(LOGGING);
                expect(loggings.map((l) => l.inputs.bucket)).to.have.members(expected);
                for (const l of loggings) {
                    expect(l.inputs, String(l.inputs.bucket)).to.deep.include({ targetBucket: logBucketName(stack), targetPrefix: `${String(l.inputs.bucket)}/` });
                    expect(l.dependencies, String(l.inputs.bucket)).to.include(logPolicy.urn);
                }
            });

            it("the log bucket: SSE-S3, private, owner-enforced, versioned, 400-day retention, does not log itself; protected in prod only", async () => {
                const plan = await planOf(stack);
                const name = logBucketName(stack);
                expect(name.length).to.be.at.most(S3_MAX_NAME);
                expect(plan.one(BUCKET, "s3-access-logs").inputs).to.deep.include({ bucket: name, forceDestroy: !isProd });
                expect(plan.one(BUCKET, "s3-access-logs").protect).to.equal(isProd);
                expect(plan.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "s3-access-logs").inputs.rules)
                    .to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
                expect(plan.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "s3-access-logs").inputs.rule).to.deep.equal({ objectOwnership: "BucketOwnerEnforced" });
                expect(plan.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "s3-access-logs").inputs)
                    .to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                const [rule] = plan.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "s3-access-logs").inputs.rules as Record<string, unknown>[];
                // PCI DSS v4 10.5.1: at least 12 months, the last 3 immediately available (no transition out of S3 Standard).
                expect(rule).to.deep.include({ status: "Enabled", expiration: { days: 400 } });
                expect(rule.transitions ?? []).to.deep.equal([]);
                expect(plan.ofType(LOGGING).filter((l) => l.inputs.bucket === name)).to.deep.equal([]);
            });

            it("the log bucket's policy: the S3 logging service, per source bucket and prefix, this account only; TLS only; no deletes in prod", async () => {
                const plan = await planOf(stack);
                const doc = JSON.parse(String(plan.one("aws:s3/bucketPolicy:BucketPolicy", "s3-access-logs").inputs.policy)) as { Statement: PolicyStatement[] };
                const grants = doc.Statement.filter((s) => s.Effect === "Allow");
                const sources = plan.ofType(LOGGING).map((l) => String(l.inputs.bucket));
                expect(grants.map((g) => (g.Condition as Record<string, Record<string, string>>).ArnLike["aws:SourceArn"])).to.have.members(sources.map((s) => `arn:aws:s3:::${s}`));
                for (const g of grants) {
                    const source = String((g.Condition as Record<string, Record<string, string>>).ArnLike["aws:SourceArn"]).replace("arn:aws:s3:::", "");
                    expect(g).to.deep.include({ Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject" });
                    expect(g.Resource).to.match(new RegExp(`/${source}/\\*$`));
                    expect(g.Condition).to.deep.include({ StringEquals: { "aws:SourceAccount": ACCOUNTS[stack] } });
                }
                expect(doc.Statement.map((s) => s.Sid).filter((sid) => sid && !sid.startsWith("S3ServerAccessLogs")))
                    .to.deep.equal(isProd ? ["DenyInsecureTransport", "DenyObjectDeletion"] : ["DenyInsecureTransport"]);
            });

            it("the DeploymentRole may create and configure every bucket of the plan (logging included)", async () => {
                const plan = await planOf(stack);
                const policy = deploymentRolePolicy({
                    accountId: ACCOUNTS[stack], region: "ap-south-1", additionalRegions: [], bootstrapRoleArns: [], lockGuardrails: isProd,
                });
                const actions = ["s3:CreateBucket", "s3:PutBucketLogging", "s3:GetBucketLogging", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration",
                    "s3:PutBucketOwnershipControls", "s3:PutBucketPublicAccessBlock", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration"];
                for (const bucket of plan.ofType(BUCKET)) {
                    const arn = `arn:aws:s3:::${String(bucket.inputs.bucket)}`;
                    for (const action of actions) expect(allowed(policy.Statement, action, arn), `${action} on ${arn}`).to.equal(true);
                }
            });
        });
    }

    it("the DeploymentRole check can fail: a bucket outside the fivestar- names is not covered", () => {
        const policy = deploymentRolePolicy({ accountId: "123456789014", region: "ap-south-1", additionalRegions: [], bootstrapRoleArns: [], lockGuardrails: true });
        expect(allowed(policy.Statement, "s3:PutBucketLogging", "arn:aws:s3:::payments-prod-s3-access-logs")).to.equal(false);
    });
});

/** IAM wildcards (`*`, `?`) of an action or resource pattern, as a regular expression. */
const pattern = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
const matches = (globs: string | string[] | undefined, value: string) => [globs ?? []].flat().some((g) => pattern(g).test(value));

/** Identity-policy evaluation for an unconditioned request of the full deployer: some Allow matches, no Deny does. */
function allowed(statements: readonly PolicyStatement[], action: string, resource: string): boolean {
    const applies = (s: PolicyStatement) => matches(s.Action, action) && matches(s.Resource, resource);
    // Conditions on Allow here only exclude limited sessions; Deny conditions (region) do not apply to S3 bucket ARNs.
    return statements.some((s) => s.Effect === "Allow" && applies(s)) && !statements.some((s) => s.Effect === "Deny" && applies(s) && !s.Condition);
}
