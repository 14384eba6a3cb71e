import { expect } from "chai";
import { ENVIRONMENTS } from "../../config/names";
import { KEY_DELETION_WINDOW_DAYS, KmsKeys, KmsKeysArgs } from "../../security/kms";
import { databaseKeyPolicy, generalKeyPolicy, logsKeyPolicy } from "../../security/kmsPolicies";
import { construct, inAccount, valueOf } from "../support/component";
import { sid } from "./fixtures";

const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const ACCOUNT = "123456789014";
const ctx = { environment: "prod" as const, accountId: ACCOUNT, region: "ap-south-1" };

function args(overrides: Partial<KmsKeysArgs> = {}): KmsKeysArgs {
    return { environment: "prod", accountId: ACCOUNT, region: "ap-south-1", protect: true, ...overrides };
}

describe("KMS key policies (issue 3 KMS)", () => {
    it("every key lets IAM policies of its own account decide (account root, kms:*), so it never becomes unmanageable, and no other statement grants kms:*; the database key nothing else", () => {
        for (const policy of [databaseKeyPolicy(ctx), logsKeyPolicy(ctx), generalKeyPolicy(ctx)]) {
            expect(sid(policy.Statement, "EnableIamPolicies")).to.deep.equal({
                Sid: "EnableIamPolicies", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789014:root" }, Action: "kms:*", Resource: "*",
            });
            // No statement but the account root's grants a wildcard action.
            expect(policy.Statement.filter((s) => s.Sid !== "EnableIamPolicies" && [s.Action].flat().includes("kms:*"))).to.deep.equal([]);
        }
        // The database key admits no service principal: RDS and Secrets Manager use it through the caller's grants.
        expect(databaseKeyPolicy(ctx).Statement).to.have.length(1);
    });

    it("the logs key lets CloudWatch Logs of this region use it, only for log groups of this account and region, and CloudTrail encrypt only for this stack's trail", () => {
        const s = sid(logsKeyPolicy(ctx).Statement, "AllowCloudWatchLogsOfThisAccount");
        expect(s.Principal).to.deep.equal({ Service: "logs.ap-south-1.amazonaws.com" });
        expect(s.Action).to.have.members(["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]);
        expect(s.Condition).to.deep.equal({ ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:ap-south-1:123456789014:*" } });
        // CloudTrail may encrypt only on behalf of this stack's trail.
        const statements = logsKeyPolicy(ctx).Statement;
        const encrypt = sid(statements, "AllowCloudTrailToEncryptTrail");
        expect(encrypt.Principal).to.deep.equal({ Service: "cloudtrail.amazonaws.com" });
        expect(encrypt.Action).to.equal("kms:GenerateDataKey*");
        expect(encrypt.Condition).to.deep.equal({
            StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:ap-south-1:123456789014:trail/prod-fivestar-trail" },
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:123456789014:trail/*" },
        });
        expect(sid(statements, "AllowCloudTrailToDescribeKey").Action).to.equal("kms:DescribeKey");
        expect(statements).to.have.length(4);
    });

    it("the general key lets CloudWatch alarms and Budgets publish to encrypted SNS topics of this account only", () => {
        const statements = generalKeyPolicy(ctx).Statement;
        const s = sid(statements, "AllowNotificationsToEncryptedTopics");
        expect(s.Principal).to.deep.equal({ Service: ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"] });
        expect(s.Action).to.have.members(["kms:GenerateDataKey*", "kms:Decrypt"]);
        expect(s.Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": "123456789014" } });
        expect(statements).to.have.length(2);
    });
});

describe("KmsKeys component (issue 3 KMS)", () => {
    for (const environment of ENVIRONMENTS) {
        it(`${environment}: three keys with rotation and a ${KEY_DELETION_WINDOW_DAYS}-day deletion window, aliased alias/fivestar/${environment}/<purpose>`, async () => {
            const built = await construct(() => new KmsKeys("kms", args({ environment, protect: environment === "prod" }), inAccount()));
            expect(built.ofType(KEY)).to.have.length(3);
            for (const purpose of ["database", "logs", "general"]) {
                const key = built.one(KEY, `kms-${purpose}`);
                expect(key.inputs.enableKeyRotation, purpose).to.equal(true);
                expect(key.inputs.deletionWindowInDays, purpose).to.equal(30);
                expect(key.protect, `${purpose} protect`).to.equal(environment === "prod");
                expect(key.parent).to.equal(built.resources.find((r) => r.type === "fivestar:security:KmsKeys")?.urn);
                const alias = built.one(ALIAS, `kms-${purpose}`);
                expect(alias.inputs.name).to.equal(`alias/fivestar/${environment}/${purpose}`);
                expect(alias.inputs.targetKeyId).to.equal(`mock-key-kms-${purpose}`);
            }
        });
    }

    it("each key carries the policy of its purpose; the component exposes the three key ARNs", async () => {
        const built = await construct(() => new KmsKeys("kms", args(), inAccount()));
        expect(JSON.parse(String(built.one(KEY, "kms-database").inputs.policy))).to.deep.equal(databaseKeyPolicy(ctx));
        expect(JSON.parse(String(built.one(KEY, "kms-logs").inputs.policy))).to.deep.equal(logsKeyPolicy(ctx));
        expect(JSON.parse(String(built.one(KEY, "kms-general").inputs.policy))).to.deep.equal(generalKeyPolicy(ctx));
        expect(await valueOf(built.component.databaseKeyArn)).to.equal("arn:aws:kms:ap-south-1:123456789012:kms-database");
        expect(await valueOf(built.component.logsKeyArn)).to.equal("arn:aws:kms:ap-south-1:123456789012:kms-logs");
        expect(await valueOf(built.component.generalKeyArn)).to.equal("arn:aws:kms:ap-south-1:123456789012:kms-general");
    });
});
