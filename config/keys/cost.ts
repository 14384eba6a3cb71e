/**
 * Usage assumptions of the offline cost estimate (`npm run cost`, tools/cost/). None of these keys
 * changes a resource: they are the volumes a plan cannot know (requests, GB of logs, data through
 * NAT), so the estimate can price usage-driven charges and say which lines depend on them.
 *
 * Every key is optional. The defaults are modest placeholder volumes for a payments engine that is
 * not yet live; replace them with measured values (Cost Explorer, CloudWatch usage metrics) once it
 * is. A stack file sets a key only where that stack deliberately differs.
 */
import { Environment } from "../names";
import { int, key, ParsedKeys, qualified } from "../keyHelpers";

/** The hours in an average month (365 × 24 / 12), the convention AWS prices monthly estimates with. */
export const HOURS_PER_MONTH = 730;

const volume = (max: number) => int(0, max);

export const COST_KEYS = {
    costScheduledHoursPerMonth: key("integer",
        `Cost estimate: hours a month the ECS services and the database run when the plan holds no after-hours schedule to derive them from (${HOURS_PER_MONTH} = always on; dev §2.2.1 business hours 08:00-20:00 on weekdays: 261 = 60 h a week × 730 / 168).`,
        int(0, HOURS_PER_MONTH), { default: HOURS_PER_MONTH }),
    costNatDataGbPerMonth: key("integer", "Cost estimate: GB a month through all NAT gateways together (split evenly between them); default 100.",
        volume(1_000_000), { default: 100 }),
    costAlbLcuPerHour: key("integer", "Cost estimate: average load balancer capacity units (LCU) per hour of each ALB; default 1.",
        volume(10_000), { default: 1 }),
    costRequestsMillionsPerMonth: key("integer", "Cost estimate: millions of web requests a month that each WAF web ACL inspects; default 5.",
        volume(1_000_000), { default: 5 }),
    costLogGbPerGroupPerMonth: key("integer", "Cost estimate: GB ingested a month into each CloudWatch log group (flow logs, services, RDS, CloudTrail, WAF); default 2.",
        volume(1_000_000), { default: 2 }),
    costDynamodbWritesMillionsPerMonth: key("integer", "Cost estimate: millions of item writes a month to each DynamoDB table (before index fan-out); default 1.",
        volume(1_000_000), { default: 1 }),
    costDynamodbReadsMillionsPerMonth: key("integer", "Cost estimate: millions of read request units a month on each DynamoDB table; default 5.",
        volume(1_000_000), { default: 5 }),
    costDynamodbStorageGbPerTable: key("integer", "Cost estimate: GB stored in each DynamoDB table (before index copies); default 5.",
        volume(1_000_000), { default: 5 }),
    costDbDailyChangePercent: key("integer", "Cost estimate: % of the database's allocated storage that changes a day, which sizes backups beyond the free allowance; default 2.",
        int(0, 100), { default: 2 }),
    costEcrGbPerRepository: key("integer", "Cost estimate: GB of images kept in each ECR repository (bounded by its lifecycle policy); default 5.",
        volume(100_000), { default: 5 }),
    costS3GbPerBucket: key("integer", "Cost estimate: GB stored in each S3 bucket (audit logs, trails, Config snapshots); default 20.",
        volume(10_000_000), { default: 20 }),
    costInterfaceEndpointGbPerMonth: key("integer", "Cost estimate: GB a month through each interface VPC endpoint; default 10.",
        volume(1_000_000), { default: 10 }),
    costConfigItemsPerMonth: key("integer", "Cost estimate: AWS Config configuration items recorded a month; default 5000.",
        volume(100_000_000), { default: 5000 }),
    costCloudTrailEventsMillionsPerMonth: key("integer", "Cost estimate: millions of CloudTrail management events a month that GuardDuty analyses; default 2.",
        volume(1_000_000), { default: 2 }),
    costGuardDutyLogGbPerMonth: key("integer", "Cost estimate: GB of VPC flow and DNS logs a month that GuardDuty analyses; default 20.",
        volume(1_000_000), { default: 20 }),
} as const;

type Raw = ParsedKeys<typeof COST_KEYS> & { environment: Environment };

export function costProblems(c: Raw): string[] {
    // Production never shuts down after hours (§2.2.3 availability): a shorter month would understate its cost.
    if (c.environment === "prod" && c.costScheduledHoursPerMonth < HOURS_PER_MONTH) {
        return [`${qualified("costScheduledHoursPerMonth")} = ${c.costScheduledHoursPerMonth} in environment "prod": production runs around the clock; ` +
            `leave it at ${HOURS_PER_MONTH} (the default) or the estimate understates prod`];
    }
    return [];
}

export function costSections(c: Raw) {
    return {
        /** Usage assumptions of the offline cost estimate (tools/cost/); no resource reads them. */
        cost: {
            scheduledHoursPerMonth: c.costScheduledHoursPerMonth,
            natDataGbPerMonth: c.costNatDataGbPerMonth,
            albLcuPerHour: c.costAlbLcuPerHour,
            requestsMillionsPerMonth: c.costRequestsMillionsPerMonth,
            logGbPerGroupPerMonth: c.costLogGbPerGroupPerMonth,
            dynamodbWritesMillionsPerMonth: c.costDynamodbWritesMillionsPerMonth,
            dynamodbReadsMillionsPerMonth: c.costDynamodbReadsMillionsPerMonth,
            dynamodbStorageGbPerTable: c.costDynamodbStorageGbPerTable,
            dbDailyChangePercent: c.costDbDailyChangePercent,
            ecrGbPerRepository: c.costEcrGbPerRepository,
            s3GbPerBucket: c.costS3GbPerBucket,
            interfaceEndpointGbPerMonth: c.costInterfaceEndpointGbPerMonth,
            configItemsPerMonth: c.costConfigItemsPerMonth,
            cloudTrailEventsMillionsPerMonth: c.costCloudTrailEventsMillionsPerMonth,
            guardDutyLogGbPerMonth: c.costGuardDutyLogGbPerMonth,
        },
    };
}
