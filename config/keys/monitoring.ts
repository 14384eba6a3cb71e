/**
 * Logs, monitoring and budget keys (§4.1, §2.2). The alarm thresholds are not config: the guide fixes
 * them (§12.2.1), see ALARM_THRESHOLDS in lib/thresholds.ts (docs/decisions.md, issue 15).
 */
import { z } from "zod";
import { bool, int, key, ParsedKeys, qualified, show } from "../keyHelpers";

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** AWS Budgets mails at most 10 addresses per notification. */
export const MAX_ALERT_EMAILS = 10;

export const MONITORING_KEYS = {
    logRetentionDays: key("integer", "CloudWatch Logs retention in days (§4.1: 7 / 30 / 90).",
        z.number({ error: "must be a number of days" }).refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
            message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
        })),
    detailedMonitoring: key("boolean", "Detailed monitoring: Container Insights and 1-minute metrics (§4.1: staging and prod).", bool()),
    monthlyBudgetUsd: key("integer", "Monthly AWS cost budget in USD (§2.2: dev 1000, staging 3000); unset means no budget.", int(1, 10_000_000), { default: undefined }),
    alertEmails: key("array", `Email addresses subscribed to the alert topic and mailed by the cost budget (at most ${MAX_ALERT_EMAILS}); default none.`,
        z.array(z.email({ error: "must be a list of email addresses such as ops@example.com" }), { error: "must be a list of email addresses such as ops@example.com" })
            .max(MAX_ALERT_EMAILS, `must list at most ${MAX_ALERT_EMAILS} addresses (the AWS Budgets limit per notification)`),
        { default: [] as string[] }),
} as const;

type Raw = ParsedKeys<typeof MONITORING_KEYS>;

export function monitoringProblems(c: Raw): string[] {
    const problems: string[] = [];
    const lower = c.alertEmails.map((e) => e.toLowerCase());
    const repeated = lower.filter((e, i) => lower.indexOf(e) !== i);
    if (repeated.length > 0) {
        // SNS would subscribe the address once and Pulumi would try twice: refuse instead.
        problems.push(`${qualified("alertEmails")} = ${show(c.alertEmails)}: lists ${[...new Set(repeated)].join(", ")} more than once; list each address once`);
    }
    return problems;
}

export function monitoringSections(c: Raw) {
    return {
        monitoring: {
            logRetentionDays: c.logRetentionDays,
            detailedMonitoring: c.detailedMonitoring,
            monthlyBudgetUsd: c.monthlyBudgetUsd,
            alertEmails: c.alertEmails,
        },
    };
}
