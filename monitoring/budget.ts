/**
 * The account's monthly cost budget (§2.2: dev $1,000, staging $3,000). One account per environment,
 * so the budget covers the whole account, not just this stack's resources.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Deployment, names } from "../config/names";

/** Warn when 80 % is actually spent, and early when the month is forecast to exceed the budget. */
export const BUDGET_ALERTS = [
    { percent: 80, notificationType: "ACTUAL" },
    { percent: 100, notificationType: "FORECASTED" },
] as const;

export function budgetNotifications(topicArn: pulumi.Input<string>, emails: readonly string[]): aws.types.input.budgets.BudgetNotification[] {
    return BUDGET_ALERTS.map((a) => ({
        notificationType: a.notificationType,
        comparisonOperator: "GREATER_THAN",
        threshold: a.percent,
        thresholdType: "PERCENTAGE",
        subscriberSnsTopicArns: [topicArn],
        // Mailed directly as well: the budget still reaches people if the topic's subscriptions are unconfirmed.
        subscriberEmailAddresses: emails.length > 0 ? [...emails] : undefined,
    }));
}

export interface CostBudgetArgs {
    /** cfg.deployment: names the budget (account-wide; `prod-dr` in the recovery stack, issue 17). */
    readonly environment: Deployment;
    /** Monthly limit in USD (config `monthlyBudgetUsd`); the lead creates no budget when it is unset. */
    readonly limitUsd: number;
    /** ARN of the alert topic (AlertTopic.topicArn). */
    readonly topicArn: pulumi.Input<string>;
    /** Addresses mailed directly by AWS Budgets (config `alertEmails`); at most 10. */
    readonly emails: readonly string[];
}

export class CostBudget extends pulumi.ComponentResource {
    public readonly budgetName: pulumi.Output<string>;

    constructor(name: string, args: CostBudgetArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!(Number.isInteger(args.limitUsd) && args.limitUsd > 0)) throw new RangeError(`limitUsd must be a positive whole number of USD, got ${args.limitUsd}`);
        // AWS Budgets accepts at most 10 email subscribers per notification.
        if (args.emails.length > 10) throw new RangeError(`a budget notification mails at most 10 addresses, got ${args.emails.length}`);
        super("fivestar:monitoring:CostBudget", name, {}, opts);
        const budget = new aws.budgets.Budget(`${name}-monthly`, {
            name: names.costBudget(args.environment),
            budgetType: "COST",
            timeUnit: "MONTHLY",
            limitAmount: String(args.limitUsd),
            limitUnit: "USD",
            notifications: budgetNotifications(args.topicArn, args.emails),
        }, { parent: this });
        this.budgetName = budget.name;
        this.registerOutputs({ budgetName: this.budgetName });
    }
}
