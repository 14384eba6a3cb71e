/**
 * CloudWatch charges: alarms (per alarm metric: a metric-math alarm pays for every metric in its
 * expression; a period under 60 s is high resolution), dashboards, log groups (ingestion, plus
 * storage held at steady state for the retention period) and metric filters (each is a custom metric).
 */
import { ChargeSpec, charges, notPriced, PricingRule } from "../model";
import { fmt, list, num, obj, str } from "./inputs";
import type { ResourceType } from "../../../lib/types";

const metricAlarm: PricingRule = (r) => {
    const queries = list(r.inputs.metricQueries);
    const periods = queries.length > 0
        ? queries.map((q) => obj(q.metric)).filter((m): m is Record<string, unknown> => m !== undefined).map((m) => num(m.period) ?? 60)
        : [num(r.inputs.period) ?? 60];
    const highResolution = periods.filter((p) => p < 60).length;
    const standard = periods.length - highResolution;
    const what = queries.length > 0 ? `metric-math alarm over ${periods.length} metric${periods.length === 1 ? "" : "s"}` : undefined;
    const specs: ChargeSpec[] = [
        ...(standard > 0 ? [{ item: "alarm metrics, standard resolution", detail: what, quantity: standard, priceKey: "cloudwatch.alarmMetricMonth" }] : []),
        ...(highResolution > 0 ? [{ item: "alarm metrics, high resolution", detail: what ?? "period < 60 s", quantity: highResolution, priceKey: "cloudwatch.highResolutionAlarmMetricMonth" }] : []),
        ...(str(r.inputs.thresholdMetricId) ? [{ item: "anomaly detection band", quantity: 1, priceKey: "cloudwatch.anomalyDetectionAlarmMonth" }] : []),
    ];
    return charges(specs);
};

const dashboard: PricingRule = () => charges([{ item: "dashboard", quantity: 1, priceKey: "cloudwatch.dashboardMonth" }]);

/** Months of data a retention period holds at steady state; a group that never expires is priced at one year. */
export function storedMonths(retentionDays: number | undefined, hoursPerMonth: number): { months: number; basis: string } {
    const daysPerMonth = hoursPerMonth / 24;
    if (!retentionDays) return { months: 12, basis: "never expires: priced at one year of accumulation" };
    return { months: retentionDays / daysPerMonth, basis: `${retentionDays} days kept = ${fmt(retentionDays / daysPerMonth)} months of ingestion held` };
}

const logGroup: PricingRule = (r, ctx) => {
    const logClass = str(r.inputs.logGroupClass) ?? "STANDARD";
    if (logClass !== "STANDARD") return notPriced(`log class ${logClass} is not in the price table`);
    const gb = ctx.assumptions.logGbPerGroupPerMonth;
    const stored = storedMonths(num(r.inputs.retentionInDays), ctx.hoursPerMonth);
    return charges([
        { item: "ingestion", quantity: gb, priceKey: "logs.ingestGb", assumptions: ["logGbPerGroupPerMonth"] },
        { item: "storage", quantity: gb * stored.months, priceKey: "logs.storageGbMonth", assumptions: ["logGbPerGroupPerMonth"], basis: `${stored.basis}; before compression` },
    ]);
};

const logMetricFilter: PricingRule = (r) => {
    const dimensions = obj(obj(r.inputs.metricTransformation)?.dimensions);
    return charges([{ item: "custom metric from the filter", quantity: 1, priceKey: "cloudwatch.customMetricMonth" }],
        dimensions && Object.keys(dimensions).length > 0 ? ["each distinct dimension value is a further custom metric: not estimated"] : []);
};

export const monitoringRules: Record<string, PricingRule> = {
    "aws:cloudwatch/metricAlarm:MetricAlarm": metricAlarm,
    "aws:cloudwatch/dashboard:Dashboard": dashboard,
    "aws:cloudwatch/logGroup:LogGroup": logGroup,
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": logMetricFilter,
} satisfies Partial<Record<ResourceType, PricingRule>>;
