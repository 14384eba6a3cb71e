/**
 * The stack's S3 server access log bucket (issue 14; PCI DSS v4 10.2.1.3 "all access to audit logs",
 * Security Hub S3.9): every other bucket of the stack logs who read or wrote it here. Pure choices,
 * turned into a PrivateBucket by the caller.
 *
 * AWS requirements for a destination bucket (S3 User Guide, "Enabling Amazon S3 server access
 * logging", https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html):
 * - same account and Region as the source buckets;
 * - default encryption SSE-S3 only: "Default server-side encryption with AWS KMS keys (SSE-KMS) is
 *   not supported" for the destination, so this bucket is the one audit bucket without the logs key;
 * - no S3 Object Lock default retention (so deletes are refused by policy instead), no Requester Pays;
 * - "Your destination bucket should not have server access logging enabled" (it would log its own
 *   log deliveries, without end): this bucket is the explicit exemption of the S3.9 rule;
 * - with Object Ownership BucketOwnerEnforced, ACL grants do not work: the logging service
 *   principal `logging.s3.amazonaws.com` is granted s3:PutObject by bucket policy, scoped with
 *   aws:SourceArn (the source bucket) and aws:SourceAccount, as that page recommends.
 */
import { Deployment, names, StackScope } from "../config/names";
import type { GuardrailSwitches } from "./guardrails";
import { PolicyStatement } from "../lib/iamDocuments";
import { accessLogPrefix, expiringLogsRule, PrivateBucketArgs } from "./privateBucket";

export const S3_LOGGING_SERVICE = "logging.s3.amazonaws.com";

/**
 * PCI DSS v4 10.5.1: keep audit log history at least 12 months, the latest 3 months immediately
 * available. Logs stay in S3 Standard (immediately available) for their whole life and expire after
 * 400 days: 12 months with a margin for a late review, in every stack (dev included: it costs cents).
 */
export const SERVER_ACCESS_LOG_RETENTION_DAYS = 400;
/** A version replaced or deleted (only possible outside prod) stays this long. */
export const SERVER_ACCESS_LOG_NONCURRENT_DAYS = 30;

/** The buckets of a stack that log to the access log bucket: the audit buckets that exist, and the ALB's. */
export function serverAccessLogSources(env: Deployment, accountId: string, switches: Pick<GuardrailSwitches, "cloudTrail" | "awsConfig">): string[] {
    return [
        ...(switches.cloudTrail ? [names.auditBucket(env, accountId, "cloudtrail")] : []),
        ...(switches.awsConfig ? [names.auditBucket(env, accountId, "config")] : []),
        names.albAccessLogBucket(env, accountId),
    ];
}

/** One grant per source bucket: the logging service may write only that bucket's logs, only under its prefix. */
export function serverAccessLogDeliveryStatements(bucketArn: string, accountId: string, sourceBuckets: readonly string[]): PolicyStatement[] {
    return sourceBuckets.map((source, i) => ({
        Sid: `S3ServerAccessLogs${i + 1}`,
        Effect: "Allow",
        Principal: { Service: S3_LOGGING_SERVICE },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/${accessLogPrefix(source)}*`,
        Condition: {
            ArnLike: { "aws:SourceArn": `arn:aws:s3:::${source}` },
            StringEquals: { "aws:SourceAccount": accountId },
        },
    }));
}

export interface ServerAccessLogBucketSettings extends Pick<StackScope, "accountId"> {
    /** cfg.deployment (the environment, or `prod-dr` in the recovery stack): names the bucket. */
    readonly environment: Deployment;
    readonly sourceBuckets: readonly string[];
    /** cfg.protectStatefulResources: also refuses object deletion (prod). */
    readonly protect: boolean;
}

export function serverAccessLogBucketArgs(s: ServerAccessLogBucketSettings): PrivateBucketArgs {
    return {
        bucketName: names.serverAccessLogBucket(s.environment, s.accountId),
        encryption: "SSE-S3",
        grants: (arn) => serverAccessLogDeliveryStatements(arn, s.accountId, s.sourceBuckets),
        // Outside prod the stack must be destroyable (D6): forceDestroy empties the bucket, a deny would stop it.
        denyObjectDeletion: s.protect,
        lifecycleRules: [expiringLogsRule("expire-server-access-logs", SERVER_ACCESS_LOG_RETENTION_DAYS, SERVER_ACCESS_LOG_NONCURRENT_DAYS)],
        serverAccessLogging: "is-log-target",
        protect: s.protect,
    };
}
