/**
 * Logs, monitoring and cost keys (§4.1, §2.2, §12.2). Issue 6 (monitoring) extends this file.
 */
import { z } from "zod";
import { bool, int, key, ParsedKeys } from "../keyHelpers";

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const MONITORING_KEYS = {
    logRetentionDays: key("integer", "CloudWatch Logs retention in days (§4.1: 7 / 30 / 90).",
        z.number({ error: "must be a number of days" }).refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
            message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
        })),
    detailedMonitoring: key("boolean", "Detailed monitoring: Container Insights and 1-minute metrics (§4.1: staging and prod).", bool()),
    monthlyBudgetUsd: key("integer", "Monthly AWS cost budget in USD (§2.2: dev 1000, staging 3000); unset means no budget.", int(1, 10_000_000), { default: undefined }),
} as const;

type Raw = ParsedKeys<typeof MONITORING_KEYS>;

export function monitoringProblems(_c: Raw): string[] {
    return [];
}

export function monitoringSections(c: Raw) {
    return {
        monitoring: {
            logRetentionDays: c.logRetentionDays,
            detailedMonitoring: c.detailedMonitoring,
            monthlyBudgetUsd: c.monthlyBudgetUsd,
        },
    };
}
