/**
 * The alert topic every alarm and the budget notify (§12.2): KMS-encrypted, publishable only by this
 * account's CloudWatch alarms and AWS Budgets, with the configured email subscriptions.
 */
import * as aws from "@pulumi/aws";
import { expect } from "chai";
import { AlertTopic, AlertTopicArgs } from "../../monitoring/alertTopic";
import { alertTopicPolicy } from "../../monitoring/alertTopicPolicy";
import { PolicyDocument } from "../../lib/iamDocuments";
import { construct, Constructed, inAccount, valueOf } from "../support/component";
import { GENERAL_KEY } from "./fixtures";

const TOPIC = "aws:sns/topic:Topic";
const POLICY = "aws:sns/topicPolicy:TopicPolicy";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const ACCOUNT = "123456789012";

const args = (overrides: Partial<AlertTopicArgs> = {}): AlertTopicArgs => ({
    environment: "prod", accountId: ACCOUNT, kmsKeyArn: GENERAL_KEY, emails: ["oncall@fivestar.example", "payments-ops@fivestar.example"], ...overrides,
});

describe("alert topic (§12.2)", () => {
    let built: Constructed<AlertTopic>;
    before(async () => {
        built = await construct(() => new AlertTopic("alerts", args(), inAccount()));
    });

    it("is named <env>-fivestar-payments-alerts and encrypted with the general CMK", async () => {
        const topic = built.one(TOPIC, "alerts-topic");
        expect(topic.inputs).to.include({ name: "prod-fivestar-payments-alerts", kmsMasterKeyId: GENERAL_KEY });
        expect(await valueOf(built.component.topicArn)).to.equal(`arn:aws:sns:ap-south-1:${ACCOUNT}:prod-fivestar-payments-alerts`);
    });

    it("has a policy on the topic's own ARN letting only CloudWatch and Budgets of this account publish", () => {
        const policy = built.one(POLICY, "alerts-policy");
        const arn = `arn:aws:sns:ap-south-1:${ACCOUNT}:prod-fivestar-payments-alerts`;
        expect(policy.inputs.arn).to.equal(arn);
        const doc: PolicyDocument = JSON.parse(String(policy.inputs.policy));
        expect(doc).to.deep.equal(alertTopicPolicy(arn, ACCOUNT));
    });

    it("subscribes each configured address by email, named by address so removing one leaves the others", () => {
        const subs = built.ofType(SUBSCRIPTION);
        expect(subs.map((s) => s.name).sort()).to.deep.equal(["alerts-oncall@fivestar.example", "alerts-payments-ops@fivestar.example"]);
        for (const s of subs) expect(s.inputs).to.include({ protocol: "email", topic: `arn:aws:sns:ap-south-1:${ACCOUNT}:prod-fivestar-payments-alerts` });
        expect(subs.map((s) => s.inputs.endpoint).sort()).to.deep.equal(["oncall@fivestar.example", "payments-ops@fivestar.example"]);
    });

    it("hands out topicArn only once the policy exists, so nothing publishes before it may", async () => {
        const probe = await construct(() => {
            const topic = new AlertTopic("alerts-order", args({ emails: [] }), inAccount());
            new aws.cloudwatch.MetricAlarm("alerts-order-probe", {
                comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, threshold: 0, alarmActions: [topic.topicArn],
            }, { parent: topic });
            return topic;
        });
        const policyUrn = probe.one(POLICY, "alerts-order-policy").urn;
        expect(probe.one("aws:cloudwatch/metricAlarm:MetricAlarm", "alerts-order-probe").dependencies).to.include(policyUrn);
    });

    it("with no addresses configured (the default) creates the topic and no subscription", async () => {
        const none = await construct(() => new AlertTopic("alerts-none", args({ environment: "dev", emails: [] }), inAccount()));
        expect(none.one(TOPIC, "alerts-none-topic").inputs.name).to.equal("dev-fivestar-payments-alerts");
        expect(none.ofType(SUBSCRIPTION)).to.have.length(0);
    });

    it("refuses an address listed twice", () => {
        expect(() => new AlertTopic("alerts-twice", args({ emails: ["a@fivestar.example", "a@fivestar.example"] }))).to.throw(/twice/);
    });
});

describe("alertTopicPolicy (pure)", () => {
    const arn = "arn:aws:sns:ap-south-1:123456789014:prod-fivestar-payments-alerts";
    const doc = alertTopicPolicy(arn, "123456789014");

    it("allows sns:Publish to cloudwatch.amazonaws.com and budgets.amazonaws.com on this topic only, for this account (aws:SourceAccount)", () => {
        const allow = doc.Statement.filter((s) => s.Effect === "Allow");
        expect(allow).to.have.length(1);
        expect(allow[0]).to.deep.include({
            Principal: { Service: ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"] },
            Action: "sns:Publish",
            Resource: arn,
            Condition: { StringEquals: { "aws:SourceAccount": "123456789014" } },
        });
    });

    it("denies publishing over plain HTTP", () => {
        const deny = doc.Statement.filter((s) => s.Effect === "Deny");
        expect(deny).to.have.length(1);
        expect(deny[0]).to.deep.include({ Action: "sns:Publish", Resource: arn, Condition: { Bool: { "aws:SecureTransport": "false" } } });
    });
});
