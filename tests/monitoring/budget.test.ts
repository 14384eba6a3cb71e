/**
 * Cost controls (§2.2): a monthly COST budget per account, warning at 80 % actual and 100 %
 * forecasted spend through the alert topic and by email.
 */
import { expect } from "chai";
import { BUDGET_ALERTS, budgetNotifications, CostBudget } from "../../monitoring/budget";
import { construct, inAccount, valueOf } from "../support/component";
import { TOPIC_ARN } from "./fixtures";

const BUDGET = "aws:budgets/budget:Budget";

describe("cost budget (§2.2)", () => {
    // Each stack's budget on its real plan ($1000 dev, $3000 staging, none in prod): tests/program/monitoring.test.ts.
    it("a monthly COST budget of the given limit in USD, on the whole account", async () => {
        const built = await construct(() => new CostBudget("budget-staging", { environment: "staging", limitUsd: 3000, topicArn: TOPIC_ARN, emails: ["finops@fivestar.example"] }, inAccount()));
        const budget = built.one(BUDGET, "budget-staging-monthly");
        expect(budget.inputs).to.include({ name: "staging-fivestar-payments-monthly", budgetType: "COST", timeUnit: "MONTHLY", limitAmount: "3000", limitUnit: "USD" });
        expect(budget.inputs).not.to.have.any.keys("costFilters", "filterExpression");
        expect(await valueOf(built.component.budgetName)).to.equal("staging-fivestar-payments-monthly");
    });

    it("notifies at 80 % ACTUAL and 100 % FORECASTED, to the alert topic and the alert emails", async () => {
        const built = await construct(() => new CostBudget("budget-notify", { environment: "dev", limitUsd: 1000, topicArn: TOPIC_ARN, emails: ["finops@fivestar.example"] }, inAccount()));
        const notifications = built.one(BUDGET, "budget-notify-monthly").inputs.notifications as Record<string, unknown>[];
        expect(notifications).to.deep.equal([
            { notificationType: "ACTUAL", comparisonOperator: "GREATER_THAN", threshold: 80, thresholdType: "PERCENTAGE", subscriberSnsTopicArns: [TOPIC_ARN], subscriberEmailAddresses: ["finops@fivestar.example"] },
            { notificationType: "FORECASTED", comparisonOperator: "GREATER_THAN", threshold: 100, thresholdType: "PERCENTAGE", subscriberSnsTopicArns: [TOPIC_ARN], subscriberEmailAddresses: ["finops@fivestar.example"] },
        ]);
        expect(BUDGET_ALERTS.map((a) => [a.percent, a.notificationType])).to.deep.equal([[80, "ACTUAL"], [100, "FORECASTED"]]);
    });

    it("without alert emails notifies the topic only (AWS refuses an empty email list)", () => {
        for (const n of budgetNotifications(TOPIC_ARN, [])) {
            expect(n.subscriberSnsTopicArns).to.deep.equal([TOPIC_ARN]);
            expect(n.subscriberEmailAddresses).to.equal(undefined);
        }
    });

    it("refuses a non-positive or fractional limit and more than 10 email subscribers", () => {
        const base = { environment: "dev" as const, topicArn: TOPIC_ARN, emails: [] };
        expect(() => new CostBudget("budget-zero", { ...base, limitUsd: 0 })).to.throw(RangeError, /limitUsd/);
        expect(() => new CostBudget("budget-frac", { ...base, limitUsd: 99.5 })).to.throw(RangeError, /limitUsd/);
        const eleven = Array.from({ length: 11 }, (_, i) => `ops${i}@fivestar.example`);
        expect(() => new CostBudget("budget-many", { ...base, limitUsd: 1000, emails: eleven })).to.throw(RangeError, /at most 10/);
    });
});
