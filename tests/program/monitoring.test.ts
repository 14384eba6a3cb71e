/**
 * Whole program, monitoring (§8.1.1, §12.2, §2.2): log groups, alert topic, and budget per stack.
 */
import { expect } from "chai";
import { planOf, STACKS } from "../support/plans";

const RETENTION = { dev: 7, staging: 30, prod: 90 } as const;
const BUDGET = { dev: 1000, staging: 3000, prod: undefined } as const;
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describe("whole program: monitoring per stack", () => {
    for (const stack of STACKS) {
        const isProd = stack === "prod";
        describe(stack, () => {
            it(`service and RDS log groups, kept ${RETENTION[stack]} days, encrypted with the logs CMK`, async () => {
                const plan = await planOf(stack);
                const replicas = isProd ? [`${stack}-fivestar-payments-db-replica-1`, `${stack}-fivestar-payments-db-replica-2`] : [];
                const expected = [
                    `/ecs/${stack}-fivestar-internal-pe`,
                    `/ecs/${stack}-fivestar-customer-portal`,
                    ...[`${stack}-fivestar-payments-db`, ...replicas].flatMap((id) => [`/aws/rds/instance/${id}/postgresql`, `/aws/rds/instance/${id}/upgrade`]),
                ];
                const groups = plan.ofType(LOG_GROUP).filter((g) => expected.includes(String(g.inputs.name)));
                expect(groups.map((g) => g.inputs.name)).to.have.members(expected);
                const logsKey = plan.one("aws:kms/key:Key", "kms-logs").urn;
                for (const g of groups) {
                    expect(g.inputs.retentionInDays, String(g.inputs.name)).to.equal(RETENTION[stack]);
                    expect(g.dependencies, String(g.inputs.name)).to.include(logsKey);
                    expect(g.protect, String(g.inputs.name)).to.equal(isProd);
                }
            });

            it("every log group of the stack has the stack's retention and a CMK", async () => {
                const plan = await planOf(stack);
                for (const g of plan.ofType(LOG_GROUP)) {
                    expect(g.inputs.retentionInDays, g.name).to.equal(RETENTION[stack]);
                    expect(String(g.inputs.kmsKeyId), g.name).to.match(/^arn:aws:kms:/);
                }
            });

            it("an ERROR metric filter on the internal-pe log (§12.2.2)", async () => {
                const filter = (await planOf(stack)).one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "logs-internal-pe-errors");
                expect(filter.inputs).to.include({ logGroupName: `/ecs/${stack}-fivestar-internal-pe`, pattern: "ERROR" });
            });

            it("the alert topic is encrypted with the general CMK", async () => {
                const plan = await planOf(stack);
                const topic = plan.one("aws:sns/topic:Topic", "alerts-topic");
                expect(topic.inputs.kmsMasterKeyId).to.equal(`arn:aws:kms:ap-south-1:${plan.outputs.accountId.value}:kms-general`);
            });
        });
    }
});

describe("whole program: cost budget (§2.2)", () => {
    for (const stack of STACKS) {
        const limit = BUDGET[stack];
        it(`${stack}: ${limit ? `a monthly COST budget of $${limit}, alerting at 80% actual and 100% forecasted` : "no budget unless configured"}`, async () => {
            const plan = await planOf(stack);
            const budgets = plan.ofType("aws:budgets/budget:Budget");
            if (!limit) return void expect(budgets).to.deep.equal([]);
            expect(budgets).to.have.length(1);
            expect(budgets[0].inputs).to.include({ budgetType: "COST", timeUnit: "MONTHLY", limitUnit: "USD" });
            expect(Number(budgets[0].inputs.limitAmount)).to.equal(limit);
            const notifications = (budgets[0].inputs.notifications as { threshold: number; notificationType: string; subscriberSnsTopicArns: string[] }[])
                .map((n) => [n.threshold, n.notificationType, n.subscriberSnsTopicArns.length]);
            expect(notifications).to.have.deep.members([[80, "ACTUAL", 1], [100, "FORECASTED", 1]]);
        });
    }
});
