/**
 * Whole program, security (§3.1.2, §7.1.1, §4.2, §2.2.3): the rules, keys, roles, secrets,
 * parameters and guardrails each stack really creates.
 */
import { expect } from "chai";
import { planOf, STACKS } from "../support/plans";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
/** §2.2.3 / §4.1.3 switches per stack (dev keeps only CloudTrail; staging mirrors prod for testing). */
const GUARDRAILS = {
    dev: { guardDuty: 0, config: 0, trail: 1, waf: 0 },
    staging: { guardDuty: 1, config: 1, trail: 1, waf: 1 },
    prod: { guardDuty: 1, config: 1, trail: 1, waf: 1 },
} as const;

type Rule = { group: string; direction: "in" | "out"; port?: number; protocol: string; peer: string };

describe("whole program: security per stack", () => {
    for (const stack of STACKS) {
        const isProd = stack === "prod";
        describe(stack, () => {
            it("§3.1.2 security group rules, exactly", async () => {
                const plan = await planOf(stack);
                const group = (id: unknown) => String(id).replace(/^security-groups-/, "").replace(/-id$/, "");
                const rules: Rule[] = [
                    ...plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => ({ direction: "in" as const, r })),
                    ...plan.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => ({ direction: "out" as const, r })),
                ].map(({ direction, r }) => ({
                    group: group(r.inputs.securityGroupId),
                    direction,
                    port: r.inputs.fromPort as number | undefined,
                    protocol: String(r.inputs.ipProtocol),
                    peer: r.inputs.cidrIpv4 ? String(r.inputs.cidrIpv4) : group(r.inputs.referencedSecurityGroupId),
                }));
                expect(rules).to.have.deep.members([
                    { group: "alb", direction: "in", port: 443, protocol: "tcp", peer: "0.0.0.0/0" },
                    { group: "alb", direction: "in", port: 80, protocol: "tcp", peer: "0.0.0.0/0" },
                    { group: "alb", direction: "out", port: undefined, protocol: "-1", peer: "ecs" },
                    { group: "ecs", direction: "in", port: 8080, protocol: "tcp", peer: "alb" },
                    { group: "ecs", direction: "in", port: 8443, protocol: "tcp", peer: "alb" },
                    { group: "ecs", direction: "out", port: 5432, protocol: "tcp", peer: "rds" },
                    { group: "ecs", direction: "out", port: 443, protocol: "tcp", peer: "0.0.0.0/0" },
                    { group: "rds", direction: "in", port: 5432, protocol: "tcp", peer: "ecs" },
                    { group: "rds", direction: "in", port: 5432, protocol: "tcp", peer: "lambda" },
                    { group: "lambda", direction: "out", port: 443, protocol: "tcp", peer: "0.0.0.0/0" },
                    { group: "lambda", direction: "out", port: 5432, protocol: "tcp", peer: "rds" },
                ]);
                expect(rules).to.have.length(11);
                for (const sg of plan.ofType("aws:ec2/securityGroup:SecurityGroup")) {
                    expect(sg.inputs.vpcId, sg.name).to.equal("network-vpc-id");
                    expect(sg.inputs.ingress ?? [], sg.name).to.deep.equal([]);
                    expect(sg.inputs.egress ?? [], sg.name).to.deep.equal([]);
                }
            });

            it("customer-managed keys with rotation for database, logs and general use; protected in prod only", async () => {
                const plan = await planOf(stack);
                const aliases = plan.ofType("aws:kms/alias:Alias").map((a) => a.inputs.name);
                expect(aliases).to.include.members([`alias/fivestar/${stack}/database`, `alias/fivestar/${stack}/logs`, `alias/fivestar/${stack}/general`]);
                for (const key of plan.ofType("aws:kms/key:Key")) {
                    expect(key.inputs, key.name).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
                    expect(key.protect, key.name).to.equal(isProd);
                }
            });

            it("the ECS task role grants §7.1.1 exactly on this environment's names", async () => {
                const plan = await planOf(stack);
                const account = ACCOUNTS[stack];
                const policy = JSON.parse(String(plan.one("aws:iam/rolePolicy:RolePolicy", "ecs-roles-task-access").inputs.policy));
                const statement = (sid: string) => policy.Statement.find((s: { Sid: string }) => s.Sid === sid);
                expect(statement("TransactionTables").Resource).to.deep.equal([
                    `arn:aws:dynamodb:ap-south-1:${account}:table/${stack}-fivestar-transactions`,
                    `arn:aws:dynamodb:ap-south-1:${account}:table/${stack}-fivestar-transactions/index/*`,
                    `arn:aws:dynamodb:ap-south-1:${account}:table/${stack}-fivestar-transaction-queue`,
                    `arn:aws:dynamodb:ap-south-1:${account}:table/${stack}-fivestar-transaction-queue/index/*`,
                ]);
                expect(statement("ReadEnvironmentSecrets").Resource).to.equal(`arn:aws:secretsmanager:ap-south-1:${account}:secret:fivestar/payments/${stack}/*`);
                for (const s of policy.Statement) expect(s.Resource, s.Sid).to.not.equal("*");
            });

            it("secrets fivestar/payments/<env>/{database,razorpay,juspay}, CMK-encrypted, none with placeholder values", async () => {
                const plan = await planOf(stack);
                const secrets = plan.ofType("aws:secretsmanager/secret:Secret");
                expect(secrets.map((s) => s.inputs.name).sort()).to.deep.equal(["database", "juspay", "razorpay"].map((n) => `fivestar/payments/${stack}/${n}`));
                for (const s of secrets) expect(String(s.inputs.kmsKeyId), s.name).to.match(/^arn:aws:kms:/);
                // No integration secret is set in the committed stack files, so only the database secret has a value
                // (written by the data layer once the endpoint exists).
                expect(plan.ofType("aws:secretsmanager/secretVersion:SecretVersion").map((v) => v.name)).to.deep.equal(["database-connection-secret"]);
            });

            it("parameters under /fivestar/payments/<env>/{app,integrations,features}/, secrets as SecureString", async () => {
                const plan = await planOf(stack);
                const params = Object.fromEntries(plan.ofType("aws:ssm/parameter:Parameter").map((p) => [String(p.inputs.name).replace(`/fivestar/payments/${stack}/`, ""), p.inputs.type]));
                expect(params).to.deep.equal({
                    "app/database_url": "String",
                    "app/redis_url": "String",
                    "app/jwt_secret_key": "SecureString",
                    "app/razorpay_key_id": "SecureString",
                    "app/juspay_merchant_id": "SecureString",
                    "integrations/lms_endpoint": "String",
                    "integrations/razorpay_environment": "String",
                    "integrations/razorpay_endpoint": "String",
                    "integrations/juspay_environment": "String",
                    "integrations/juspay_endpoint": "String",
                    "integrations/lms_environment": "String",
                    "integrations/mulesoft_endpoint": "String",
                    "integrations/banking_partner_configs": "String",
                    "features/maintenance_mode": "String",
                    "features/feature_flags": "String",
                    "features/rate_limits": "String",
                });
            });

            const want = GUARDRAILS[stack];
            it(`account guardrails: GuardDuty ${want.guardDuty}, Config ${want.config}, CloudTrail ${want.trail}, WAF ${want.waf}`, async () => {
                const plan = await planOf(stack);
                expect(plan.ofType("aws:guardduty/detector:Detector")).to.have.length(want.guardDuty);
                expect(plan.ofType("aws:cfg/recorder:Recorder")).to.have.length(want.config);
                expect(plan.ofType("aws:wafv2/webAcl:WebAcl")).to.have.length(want.waf);
                const trails = plan.ofType("aws:cloudtrail/trail:Trail");
                expect(trails).to.have.length(want.trail);
                expect(trails[0].inputs).to.include({ isMultiRegionTrail: true, enableLogFileValidation: true });
            });

            it("every S3 bucket blocks public access and is encrypted", async () => {
                const plan = await planOf(stack);
                const buckets = plan.ofType("aws:s3/bucket:Bucket");
                const blocks = plan.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
                const encryption = plan.ofType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
                for (const b of buckets) {
                    const id = `${b.name}-id`;
                    const block = blocks.find((x) => x.inputs.bucket === id || x.inputs.bucket === b.inputs.bucket);
                    expect(block?.inputs, b.name).to.include({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                    expect(encryption.some((x) => x.inputs.bucket === id || x.inputs.bucket === b.inputs.bucket), b.name).to.equal(true);
                }
            });
        });
    }
});
