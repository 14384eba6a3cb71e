import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { AccountGuardrails, AccountGuardrailsArgs, GuardrailSwitches } from "../../security/guardrails";
import { cloudTrailBucketStatements, cloudTrailLogsPolicy, configDeliveryPolicy, wafLogDeliveryPolicy, webAclRules } from "../../security/guardrailPolicies";
import { construct, inAccount, TEST_LOG_TARGET, valueOf } from "../support/component";

const LOGS_KEY = "arn:aws:kms:ap-south-1:123456789014:key/logs";
const ALL_ON: GuardrailSwitches = { guardDuty: true, awsConfig: true, cloudTrail: true, waf: true };
const ALL_OFF: GuardrailSwitches = { guardDuty: false, awsConfig: false, cloudTrail: false, waf: false };

const T = {
    detector: "aws:guardduty/detector:Detector",
    recorder: "aws:cfg/recorder:Recorder",
    channel: "aws:cfg/deliveryChannel:DeliveryChannel",
    status: "aws:cfg/recorderStatus:RecorderStatus",
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    wafLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
    logPolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
};

function args(switches: GuardrailSwitches, overrides: Partial<AccountGuardrailsArgs> = {}): AccountGuardrailsArgs {
    return {
        environment: "prod", accountId: "123456789014", region: "ap-south-1", switches,
        logsKmsKeyArn: LOGS_KEY, logRetentionDays: 90, protect: true, wafRateLimit: 2000, serverAccessLogging: TEST_LOG_TARGET, ...overrides,
    };
}

const build = (switches: GuardrailSwitches, overrides: Partial<AccountGuardrailsArgs> = {}) =>
    construct(() => new AccountGuardrails("guardrails", args(switches, overrides), inAccount()));

describe("account guardrails: switches per stack (§2.2.3, §4.1.3)", () => {
    const stackFile = (stack: string) => YAML.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "..", `Pulumi.${stack}.yaml`), "utf8")).config;
    // The switches' values per stack are asserted once, on the real plans: tests/program/security.test.ts.
    it("each stack file states every switch explicitly", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            for (const k of ["guardDutyEnabled", "awsConfigEnabled", "cloudTrailEnabled", "wafEnabled"]) expect(stackFile(stack), `${stack} ${k}`).to.have.property(`fivestar-payments:${k}`);
        }
    });
});

describe("AccountGuardrails component (§2.2.3, §4.1.3)", () => {
    it("all switches off: creates nothing and outputs undefined", async () => {
        const built = await build(ALL_OFF);
        expect(built.resources.filter((r) => r.custom && r.type.startsWith("aws:") && r.type !== "pulumi:providers:aws")).to.deep.equal([]);
        const c = built.component;
        expect(await Promise.all([c.webAclArn, c.cloudTrailBucketName, c.configBucketName, c.guardDutyDetectorId].map((o) => valueOf(o)))).to.deep.equal([undefined, undefined, undefined, undefined]);
    });

    for (const only of ["guardDuty", "awsConfig", "cloudTrail", "waf"] as const) {
        it(`only ${only} on: only its resources`, async () => {
            const built = await build({ ...ALL_OFF, [only]: true });
            expect(built.ofType(T.detector).length > 0, "detector").to.equal(only === "guardDuty");
            expect(built.ofType(T.recorder).length > 0, "recorder").to.equal(only === "awsConfig");
            expect(built.ofType(T.trail).length > 0, "trail").to.equal(only === "cloudTrail");
            expect(built.ofType(T.webAcl).length > 0, "web acl").to.equal(only === "waf");
            if (only !== "guardDuty") return;
            // GuardDuty: an enabled detector.
            expect(built.one(T.detector, "guardrails-guardduty").inputs.enable).to.equal(true);
            expect(await valueOf(built.component.guardDutyDetectorId)).to.equal("guardrails-guardduty-id");
        });
    }

    describe("audit buckets", () => {
        for (const purpose of ["config", "cloudtrail"] as const) {
            it(`${purpose}: named fivestar-payments-prod-${purpose}-<account>, private, versioned, SSE-KMS with the logs key, protected in prod`, async () => {
                const built = await build(ALL_ON);
                const id = `guardrails-${purpose}-bucket`;
                const bucket = built.one(T.bucket, id);
                expect(bucket.inputs.bucket).to.equal(`fivestar-payments-prod-${purpose}-123456789014`);
                expect(bucket.inputs.forceDestroy).to.equal(false);
                expect(bucket.protect).to.equal(true);
                expect(built.one(T.pab, id).inputs).to.include({ bucket: `${id}-id`, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                expect(built.one(T.ownership, id).inputs.rule).to.deep.equal({ objectOwnership: "BucketOwnerEnforced" });
                expect(built.one(T.versioning, id).inputs.versioningConfiguration).to.deep.equal({ status: "Enabled" });
                expect(built.one(T.sse, id).inputs.rules).to.deep.equal([
                    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: LOGS_KEY }, bucketKeyEnabled: true },
                ]);
                const policy = JSON.parse(String(built.one(T.bucketPolicy, id).inputs.policy));
                expect(policy.Statement[0]).to.deep.equal({
                    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*",
                    Resource: [`arn:aws:s3:ap-south-1:123456789012:${id}`, `arn:aws:s3:ap-south-1:123456789012:${id}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                });
            });
        }

        it("buckets are not protected outside prod", async () => {
            const built = await build(ALL_ON, { environment: "staging", accountId: "123456789013", protect: false });
            for (const b of built.ofType(T.bucket)) expect(b.protect, b.name).to.equal(false);
        });

        it("no statement of a bucket policy allows a public principal", () => {
            const statements = cloudTrailBucketStatements("arn:aws:s3:::b", "123456789014", "arn:aws:cloudtrail:ap-south-1:123456789014:trail/prod-fivestar-trail");
            for (const s of statements.filter((x) => x.Effect === "Allow")) expect(s.Principal).to.deep.equal({ Service: "cloudtrail.amazonaws.com" });
        });
    });

    describe("AWS Config", () => {
        it("recorder of all supported resource types (global included), through its own role; a delivery channel to the encrypted config bucket before it is switched on", async () => {
            const built = await build({ ...ALL_OFF, awsConfig: true });
            const recorder = built.one(T.recorder, "guardrails-config-recorder");
            expect(recorder.inputs.name).to.equal("prod-fivestar-config");
            expect(recorder.inputs.recordingGroup).to.deep.equal({ allSupported: true, includeGlobalResourceTypes: true });
            expect(recorder.inputs.roleArn).to.match(/guardrails-config$/);
            const trust = JSON.parse(String(built.one(T.role, "guardrails-config").inputs.assumeRolePolicy));
            expect(trust.Statement[0].Principal).to.deep.equal({ Service: "config.amazonaws.com" });
            // Delivery channel to the config bucket, encrypted with the logs key; the recorder is switched on after it.
            const channel = built.one(T.channel, "guardrails-config-delivery");
            expect(channel.inputs).to.include({ s3BucketName: "fivestar-payments-prod-config-123456789014", s3KmsKeyArn: LOGS_KEY });
            const status = built.one(T.status, "guardrails-config-recorder");
            expect(status.inputs).to.include({ name: "prod-fivestar-config", isEnabled: true });
            expect(status.dependencies).to.include(channel.urn);
        });

        it("the Config role may write only under AWSLogs/<account>/Config/ and use only the logs key", () => {
            const doc = configDeliveryPolicy("arn:aws:s3:::bucket", "123456789014", LOGS_KEY);
            expect(doc.Statement.find((s) => s.Sid === "WriteConfigHistory")?.Resource).to.equal("arn:aws:s3:::bucket/AWSLogs/123456789014/Config/*");
            expect(doc.Statement.find((s) => s.Sid === "EncryptWithLogsKey")?.Resource).to.equal(LOGS_KEY);
        });
    });

    describe("CloudTrail", () => {
        it("multi-region trail with log file validation, KMS, global events, logging on, delivered to a KMS-encrypted log group through a role limited to it", async () => {
            const built = await build({ ...ALL_OFF, cloudTrail: true });
            const trail = built.one(T.trail, "guardrails-cloudtrail");
            expect(trail.inputs).to.include({
                name: "prod-fivestar-trail",
                s3BucketName: "fivestar-payments-prod-cloudtrail-123456789014",
                isMultiRegionTrail: true,
                enableLogFileValidation: true,
                includeGlobalServiceEvents: true,
                enableLogging: true,
                kmsKeyId: LOGS_KEY,
            });
            // It delivers to a KMS-encrypted CloudWatch log group through a role limited to that group.
            const group = built.one(T.logGroup, "guardrails-cloudtrail");
            expect(group.inputs).to.include({ name: "/aws/cloudtrail/prod-fivestar-trail", retentionInDays: 90, kmsKeyId: LOGS_KEY });
            // CloudTrail wants the group ARN with ":*"; the role may write streams of that group only.
            const groupArn = String(trail.inputs.cloudWatchLogsGroupArn).replace(/:\*$/, "");
            expect(String(trail.inputs.cloudWatchLogsGroupArn)).to.match(/\/aws\/cloudtrail\/prod-fivestar-trail:\*$/);
            expect(trail.inputs.cloudWatchLogsRoleArn).to.match(/guardrails-cloudtrail-logs$/);
            const policy = JSON.parse(String(built.one(T.rolePolicy, "guardrails-cloudtrail-logs").inputs.policy));
            expect(policy).to.deep.equal(cloudTrailLogsPolicy(groupArn));
            expect(policy.Statement[0].Resource).to.equal(`${groupArn}:log-stream:*`);
            expect(policy.Statement[0].Action).to.have.members(["logs:CreateLogStream", "logs:PutLogEvents"]);
        });

        it("the bucket admits CloudTrail only for this trail and this account's prefix, with bucket-owner-full-control; the trail waits for that policy", async () => {
            const built = await build({ ...ALL_OFF, cloudTrail: true });
            const policy = JSON.parse(String(built.one(T.bucketPolicy, "guardrails-cloudtrail-bucket").inputs.policy));
            const write = policy.Statement.find((s: { Sid: string }) => s.Sid === "CloudTrailWrite");
            expect(write.Resource).to.equal("arn:aws:s3:ap-south-1:123456789012:guardrails-cloudtrail-bucket/AWSLogs/123456789014/*");
            expect(write.Condition).to.deep.equal({ StringEquals: {
                "aws:SourceArn": "arn:aws:cloudtrail:ap-south-1:123456789014:trail/prod-fivestar-trail", "s3:x-amz-acl": "bucket-owner-full-control",
            } });
            // The trail waits for its bucket policy (CloudTrail checks it on creation).
            expect(built.one(T.trail, "guardrails-cloudtrail").dependencies).to.include(built.one(T.bucketPolicy, "guardrails-cloudtrail-bucket").urn);
        });
    });

    describe("WAF", () => {
        it("a REGIONAL web ACL with the configured rate limit that allows by default, with metrics and sampled requests on, logged to an encrypted aws-waf-logs- group with credentials redacted", async () => {
            const built = await build({ ...ALL_OFF, waf: true }, { wafRateLimit: 500 });
            const acl = built.one(T.webAcl, "guardrails-web-acl");
            // The component passes the configured rate limit.
            const rules = acl.inputs.rules as { name: string; statement: { rateBasedStatement?: { limit: number } } }[];
            expect(rules.find((r) => r.name === "RateLimitPerIp")?.statement.rateBasedStatement?.limit).to.equal(500);
            expect(acl.inputs).to.include({ name: "prod-fivestar-web-acl", scope: "REGIONAL" });
            expect(acl.inputs.defaultAction).to.deep.equal({ allow: {} });
            expect(acl.inputs.visibilityConfig).to.deep.equal({ cloudwatchMetricsEnabled: true, metricName: "prod-fivestar-web-acl", sampledRequestsEnabled: true });
            expect(await valueOf(built.component.webAclArn)).to.equal("arn:aws:wafv2:ap-south-1:123456789012:prod-fivestar-web-acl");
            // It logs to an aws-waf-logs- group encrypted with the logs key, with credentials headers redacted.
            expect(built.one(T.logGroup, "guardrails-waf-logs").inputs).to.include({ name: "aws-waf-logs-prod-fivestar", kmsKeyId: LOGS_KEY, retentionInDays: 90 });
            const logging = built.one(T.wafLogging, "guardrails-waf-logs");
            expect(logging.inputs.resourceArn).to.equal("arn:aws:wafv2:ap-south-1:123456789012:prod-fivestar-web-acl");
            const destinations = logging.inputs.logDestinationConfigs as string[];
            expect(destinations).to.have.length(1);
            expect(destinations[0]).to.match(/aws-waf-logs-prod-fivestar$/);
            expect(logging.inputs.redactedFields).to.deep.equal([{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
        });

        it("rules: AWS common rule set, known bad inputs, then a per-IP rate limit that blocks, each with metrics", () => {
            const rules = webAclRules("prod", 2000);
            expect(rules.map((r) => r.name)).to.deep.equal(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp"]);
            expect(rules[0].statement).to.deep.equal({ managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } });
            expect(rules[1].statement).to.deep.equal({ managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" } });
            expect(rules[0].overrideAction).to.deep.equal({ none: {} });
            expect(rules[2].action).to.deep.equal({ block: {} });
            expect(rules[2].statement).to.deep.equal({ rateBasedStatement: { limit: 2000, aggregateKeyType: "IP", evaluationWindowSec: 300 } });
            expect(new Set(rules.map((r) => r.priority)).size).to.equal(3);
            for (const r of rules) expect(r.visibilityConfig).to.include({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true });
        });

        it("log delivery may write only to this environment's WAF log group, for this account", () => {
            const doc = wafLogDeliveryPolicy("prod", "123456789014", "ap-south-1");
            expect(doc.Statement[0].Principal).to.deep.equal({ Service: "delivery.logs.amazonaws.com" });
            expect(doc.Statement[0].Resource).to.equal("arn:aws:logs:ap-south-1:123456789014:log-group:aws-waf-logs-prod-fivestar:log-stream:*");
            expect(doc.Statement[0].Condition?.StringEquals).to.deep.equal({ "aws:SourceAccount": "123456789014" });
        });
    });
});
