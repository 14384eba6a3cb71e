/**
 * Logs, monitoring and cost keys (§4.1, §2.2, §12.2). Alarm keys are optional: their defaults are the
 * guide's thresholds (§12.2.1) and the team's choices where it is silent (lib/thresholds.ts).
 */
import { z } from "zod";
import { DEFAULT_THRESHOLDS } from "../../lib/thresholds";
import { bool, int, key, ParsedKeys, qualified, show } from "../keyHelpers";

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** AWS Budgets mails at most 10 addresses per notification. */
export const MAX_ALERT_EMAILS = 10;

const d = DEFAULT_THRESHOLDS;
const percent = () => int(1, 100);
// CloudWatch evaluates at most one day of one-minute datapoints.
const minutes = () => int(1, 1440);

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
    alarmEcsCpuPercent: key("integer", "ECS service CPU alarm threshold in % (§12.2.1: 80).", percent(), { default: d.ecsCpu.percent }),
    alarmEcsCpuMinutes: key("integer", "Minutes ECS CPU must stay above the threshold (§12.2.1: 5).", minutes(), { default: d.ecsCpu.minutes }),
    alarmEcsMemoryPercent: key("integer", "ECS service memory alarm threshold in % (§12.2.1: 85).", percent(), { default: d.ecsMemory.percent }),
    alarmEcsMemoryMinutes: key("integer", "Minutes ECS memory must stay above the threshold (§12.2.1: 3).", minutes(), { default: d.ecsMemory.minutes }),
    alarmErrorRatePercent: key("integer", "5XX responses as % of ALB requests that raise the error-rate alarm (§12.2.1: 5).", percent(), { default: d.errorRate.percent }),
    alarmErrorRateMinutes: key("integer", "Minutes the error rate must stay above the threshold (§12.2.1: 2).", minutes(), { default: d.errorRate.minutes }),
    alarmDbConnectionsPercent: key("integer", "Database connections alarm threshold as % of max_connections (§12.2.1: 80).", percent(), { default: d.dbConnectionsPercent }),
    alarmRdsCpuPercent: key("integer", "RDS CPU alarm threshold in %, per instance (default 80, as for ECS).", percent(), { default: d.rdsCpuPercent }),
    alarmRdsFreeStoragePercent: key("integer", "Alarm when an RDS instance's free storage falls below this % of its allocated storage (default 10).",
        int(1, 99), { default: d.rdsFreeStoragePercent }),
    alarmReplicaLagSeconds: key("integer", "Read replica lag alarm threshold in seconds (default 60).", int(1, 86_400), { default: d.replicaLagSeconds }),
    alarmDynamodbThrottleEvents: key("integer", "DynamoDB read + write throttle events per table tolerated per alarmSustainMinutes window (§12.2.1; default 0: any throttle alarms).",
        int(0, 1_000_000), { default: d.dynamodbThrottleEvents }),
    alarmErrorLogLines: key("integer", "internal-pe ERROR log lines tolerated per alarmSustainMinutes window (§12.2.2; default 0: any ERROR alarms).",
        int(0, 1_000_000), { default: d.errorLogLines }),
    alarmSustainMinutes: key("integer",
        "Minutes the alarms the guide gives no duration for must hold (DB connections, RDS CPU, free storage, replica lag, unhealthy targets), and the window throttles and ERROR lines are counted in (default 5).",
        minutes(), { default: d.sustainMinutes }),
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
            /** Alarm thresholds (§12.2.1): pass as Alarms' `thresholds`. */
            alarms: {
                ecsCpu: { percent: c.alarmEcsCpuPercent, minutes: c.alarmEcsCpuMinutes },
                ecsMemory: { percent: c.alarmEcsMemoryPercent, minutes: c.alarmEcsMemoryMinutes },
                errorRate: { percent: c.alarmErrorRatePercent, minutes: c.alarmErrorRateMinutes },
                dbConnectionsPercent: c.alarmDbConnectionsPercent,
                rdsCpuPercent: c.alarmRdsCpuPercent,
                rdsFreeStoragePercent: c.alarmRdsFreeStoragePercent,
                replicaLagSeconds: c.alarmReplicaLagSeconds,
                dynamodbThrottleEvents: c.alarmDynamodbThrottleEvents,
                errorLogLines: c.alarmErrorLogLines,
                sustainMinutes: c.alarmSustainMinutes,
            },
        },
    };
}
