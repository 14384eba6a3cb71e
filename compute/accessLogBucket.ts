/**
 * The private bucket the ALB writes its access logs to: a PrivateBucket with SSE-S3 (the only
 * encryption ALB log delivery supports, see accessLogPolicy.ts), the ALB's delivery grant, and logs
 * expiring after the configured retention. Protected in prod; its own access is logged like every
 * audit bucket's.
 */
import { Deployment, names } from "../config/names";
import { expiringLogsRule, PrivateBucketArgs, ServerAccessLogging } from "../security/privateBucket";
import { albLogDeliveryStatement } from "./accessLogPolicy";

/** The component type this bucket had before PrivateBucket: its alias keeps the bucket's URNs. */
export const FORMER_ACCESS_LOG_BUCKET_TYPE = "fivestar:compute:AccessLogBucket";

export interface AccessLogBucketSettings {
    /** cfg.deployment (the environment, or `prod-dr` in the recovery stack): names the bucket. */
    readonly environment: Deployment;
    /** cfg.account.id: names the bucket and scopes the delivery grant. */
    readonly accountId: string;
    /** cfg.account.region: decides the log delivery principal. */
    readonly region: string;
    /** Key prefix the ALB writes under. */
    readonly prefix: string;
    /** cfg.alb.accessLogRetentionDays */
    readonly retentionDays: number;
    /** cfg.protectStatefulResources: Pulumi protect, and no forceDestroy. */
    readonly protect: boolean;
    /** The stack's S3 server access log bucket. */
    readonly serverAccessLogging: ServerAccessLogging;
}

/** Replaced or deleted log versions stay this long, so a deleted log can still be recovered. */
export const NONCURRENT_VERSION_DAYS = 30;

export function albAccessLogBucketArgs(s: AccessLogBucketSettings): PrivateBucketArgs {
    return {
        bucketName: names.albAccessLogBucket(s.environment, s.accountId),
        encryption: "SSE-S3",
        grants: (arn) => [albLogDeliveryStatement(arn, s.prefix, s.accountId, s.region)],
        lifecycleRules: [expiringLogsRule("expire-access-logs", s.retentionDays, NONCURRENT_VERSION_DAYS)],
        serverAccessLogging: s.serverAccessLogging,
        protect: s.protect,
    };
}
