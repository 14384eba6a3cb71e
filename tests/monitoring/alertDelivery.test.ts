/**
 * Issue 13, fault 5: every §12.2.1 alarm and §2.2 budget alert reaches a subscriber. Per stack, from
 * the plan: the alert topic has the configured subscriptions; the budget notifies the topic and mails
 * the addresses; the topic's policy lets CloudWatch and Budgets of this account publish; the topic's
 * CMK lets them encrypt the message (kms:GenerateDataKey*, kms:Decrypt), without which an encrypted
 * topic drops every notification. Sources: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
 * ("compatibility between event sources from AWS services and encrypted topics"),
 * https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html,
 * https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns.
 */
import { expect } from "chai";
import { evaluate } from "../../tools/iam/evaluator";
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { planOf, STACKS } from "../support/plans";

const PLACEHOLDER = "oncall@fivestar-payments.example";
const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
const PUBLISHERS = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"];

function only(plan: EvaluatedStack, type: string): RegisteredResource[] {
    return plan.resources.filter((r) => r.type === type);
}
function dependencyOf(plan: EvaluatedStack, r: RegisteredResource, type: string): RegisteredResource {
    const found = r.dependencies.map((u) => plan.resources.find((x) => x.urn === u)).filter((d) => d?.type === type);
    expect(found, `${r.name} depends on one ${type}`).to.have.length(1);
    return found[0]!;
}

describe("alarms and budget alerts reach someone (issue 13, fault 5)", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            let plan: EvaluatedStack;
            before(async () => { plan = (await planOf(stack)).evaluated; });

            it("the alert topic has an email subscription per configured address (the committed placeholder, refused by up)", () => {
                const [topic] = only(plan, "aws:sns/topic:Topic");
                const subscriptions = only(plan, "aws:sns/topicSubscription:TopicSubscription");
                expect(subscriptions.map((s) => [s.inputs.protocol, s.inputs.endpoint])).to.deep.equal([["email", PLACEHOLDER]]);
                for (const s of subscriptions) expect(s.dependencies, "subscribes to the alert topic").to.include(topic.urn);
            });

            it("the topic's policy lets this account's CloudWatch alarms and budgets publish, and nobody else's", () => {
                const policy = only(plan, "aws:sns/topicPolicy:TopicPolicy")[0];
                const doc = JSON.parse(String(policy.inputs.policy));
                const publish = (Service: string, account: string) => evaluate(doc, {
                    action: "sns:Publish", resource: String(policy.inputs.arn), principal: { Service },
                    context: { "aws:SourceAccount": account, "aws:SecureTransport": "true" },
                }).decision;
                for (const service of PUBLISHERS) {
                    expect(publish(service, ACCOUNTS[stack]), service).to.equal("allow");
                    expect(publish(service, "999999999999"), `${service} of another account`).to.equal("implicit-deny");
                }
            });

            it("the topic's CMK lets CloudWatch and Budgets encrypt notifications for this account", () => {
                const topic = only(plan, "aws:sns/topic:Topic")[0];
                const key = dependencyOf(plan, topic, "aws:kms/key:Key");
                const doc = JSON.parse(String(key.inputs.policy));
                for (const service of PUBLISHERS) {
                    for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) {
                        const decision = evaluate(doc, { action, resource: "*", principal: { Service: service }, context: { "aws:SourceAccount": ACCOUNTS[stack] } }).decision;
                        expect(decision, `${service} ${action} on ${key.name}`).to.equal("allow");
                    }
                }
            });

            it("the budget (where the stack has one) notifies the topic and mails the addresses", () => {
                const budgets = only(plan, "aws:budgets/budget:Budget");
                expect(budgets).to.have.length(stack === "prod" ? 0 : 1);
                const topic = only(plan, "aws:sns/topic:Topic")[0];
                for (const b of budgets) {
                    const notifications = b.inputs.notifications as { subscriberSnsTopicArns: string[]; subscriberEmailAddresses: string[] }[];
                    expect(notifications).to.have.length(2);
                    for (const n of notifications) {
                        expect(n.subscriberSnsTopicArns).to.have.length(1);
                        expect(n.subscriberEmailAddresses).to.deep.equal([PLACEHOLDER]);
                    }
                    expect(b.dependencies, "the budget waits for the topic and its policy").to.include(topic.urn);
                }
            });
        });
    }
});
