/**
 * S3 buckets are private, encrypted and log who accesses them. In @pulumi/aws v7 a bucket's public
 * access block, default encryption and server access logging are separate resources
 * (BucketPublicAccessBlock, BucketServerSideEncryptionConfiguration, BucketLogging) that name the
 * bucket in their `bucket` property, so the rules look at the whole stack and match them to their bucket.
 */
import type * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../lib/controls";
import { Props, resourcesOf, stackRule, StackFinding } from "../lib/define";
import { namesByValue, referencing, refersTo } from "../lib/references";
import { known, UNKNOWN } from "../lib/values";
import {
    BUCKET, BUCKET_ACL, BUCKET_ENCRYPTION, BUCKET_LOGGING, BUCKET_PUBLIC_ACCESS_BLOCK, CONFIG_DELIVERY_CHANNEL, LOAD_BALANCER, TRAIL,
} from "../lib/types";

type Bucket = Props<aws.s3.BucketArgs>;
type PublicAccessBlock = Props<aws.s3.BucketPublicAccessBlockArgs>;
type Encryption = Props<aws.s3.BucketServerSideEncryptionConfigurationArgs>;
type Acl = Props<aws.s3.BucketAclArgs>;
type LoadBalancer = Props<aws.lb.LoadBalancerArgs>;
type Logging = Props<aws.s3.BucketLoggingArgs>;

/** What identifies a bucket in the `bucket` property of its configuration resources. */
const BUCKET_KEYS = ["bucket", "id"] as const;

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

function configOf<T>(resources: readonly PolicyResource[], types: readonly string[], bucket: PolicyResource) {
    return referencing(resourcesOf<T>(resources, types), "bucket", bucket, BUCKET_KEYS) as (PolicyResource & { props: T })[];
}

export function publicAccessFindings(resources: readonly PolicyResource[]): StackFinding[] {
    return resourcesOf<Bucket>(resources, BUCKET).flatMap((bucket) => {
        const blocks = configOf<PublicAccessBlock>(resources, BUCKET_PUBLIC_ACCESS_BLOCK, bucket);
        const fullyBlocked = blocks.some((b) => BLOCK_FLAGS.every((flag) => b.props[flag] === true));
        const publicAcls = [bucket.props.acl, ...configOf<Acl>(resources, BUCKET_ACL, bucket).map((a) => a.props.acl)]
            .filter((acl): acl is string => typeof acl === "string" && PUBLIC_ACLS.includes(acl));
        const problems = [
            ...(fullyBlocked ? [] : [`has no public access block with ${BLOCK_FLAGS.join(", ")} all true`]),
            ...publicAcls.map((acl) => `has the public ACL "${acl}"`),
        ];
        return problems.map((problem) => ({ message: `bucket ${bucket.name} ${problem}.`, urn: bucket.urn }));
    });
}

export interface S3EncryptionOptions {
    /** Logical names of buckets allowed SSE-S3 (AES256) instead of KMS, e.g. an ALB access-log bucket. */
    readonly sseS3Buckets?: readonly string[];
}

/**
 * Whether an application load balancer of the stack writes its access logs to the bucket. ALB log
 * delivery supports only SSE-S3, so such a bucket may not use KMS (AWS: "Access logs for your
 * Application Load Balancer" - bucket requirements).
 */
export function isAlbAccessLogBucket(resources: readonly PolicyResource[], bucket: PolicyResource): boolean {
    return resourcesOf<LoadBalancer>(resources, LOAD_BALANCER)
        .filter((lb) => (lb.props.loadBalancerType ?? "application") === "application")
        .some((lb) => refersTo(lb, "accessLogs", bucket, BUCKET_KEYS, (logs) => (logs as LoadBalancer["accessLogs"])?.bucket));
}

/** The default-encryption algorithms configured for a bucket, inline (deprecated) or as a resource. */
function encryptionAlgorithms(resources: readonly PolicyResource[], bucket: PolicyResource & { props: Bucket }): string[] {
    const inline = bucket.props.serverSideEncryptionConfiguration?.rule?.applyServerSideEncryptionByDefault?.sseAlgorithm;
    const separate = configOf<Encryption>(resources, BUCKET_ENCRYPTION, bucket)
        .flatMap((c) => c.props.rules ?? [])
        .map((rule) => rule.applyServerSideEncryptionByDefault?.sseAlgorithm);
    return [inline, ...separate].filter((a): a is string => typeof a === "string");
}

/** The server access logging configurations of the stack whose `property` (bucket or targetBucket) names the bucket. */
function loggingNaming(resources: readonly PolicyResource[], property: "bucket" | "targetBucket", bucket: PolicyResource) {
    return resourcesOf<Logging>(resources, BUCKET_LOGGING).filter((l) => namesByValue(l, property, bucket, BUCKET_KEYS));
}

/** What writes audit logs of another service into the bucket: a CloudTrail trail, the AWS Config delivery channel, an ALB. */
export function auditLogWriters(resources: readonly PolicyResource[], bucket: PolicyResource): string[] {
    const writing = (types: readonly string[]) => resources.filter((r) => types.includes(r.type) && refersTo(r, "s3BucketName", bucket, BUCKET_KEYS));
    return [
        ...writing(TRAIL).map((t) => `the trail ${t.name}`),
        ...writing([CONFIG_DELIVERY_CHANNEL]).map((c) => `the Config delivery channel ${c.name}`),
        ...(isAlbAccessLogBucket(resources, bucket) ? ["an application load balancer"] : []),
    ];
}

/**
 * A dedicated S3 server access log bucket: other buckets deliver their server access logs to it, and
 * no service writes its own audit logs there. AWS advises that such a destination not log itself
 * (each delivery would be logged again, without end), so S3.9 exempts it, and S3.17 accepts its
 * SSE-S3 (a destination cannot use SSE-KMS default encryption; S3 User Guide, "Enabling Amazon S3
 * server access logging"). An audit bucket never qualifies, whatever logs into it.
 */
export function isServerAccessLogBucket(resources: readonly PolicyResource[], bucket: PolicyResource): boolean {
    const receives = loggingNaming(resources, "targetBucket", bucket).some((l) => !namesByValue(l, "bucket", bucket, BUCKET_KEYS));
    return receives && auditLogWriters(resources, bucket).length === 0;
}

/** Target buckets of the deprecated inline forms (`logging` on Bucket, `loggings` on BucketV2). */
function inlineLogTargets(bucket: PolicyResource & { props: Bucket }): unknown[] {
    const inline = known(() => bucket.props.logging?.targetBucket);
    const v2 = known(() => ((bucket.props as { loggings?: { targetBucket?: unknown }[] }).loggings ?? []).map((l) => l.targetBucket));
    return [inline, ...(v2 === UNKNOWN ? [UNKNOWN] : v2)].filter((t) => t !== undefined);
}

export function accessLoggingFindings(resources: readonly PolicyResource[]): StackFinding[] {
    return resourcesOf<Bucket>(resources, BUCKET).flatMap((bucket) => {
        const own = loggingNaming(resources, "bucket", bucket);
        const inline = inlineLogTargets(bucket);
        const toItself = own.some((l) => namesByValue(l, "targetBucket", bucket, BUCKET_KEYS)) || inline.includes(bucket.props.bucket);
        if (toItself) {
            return [{ message: `bucket ${bucket.name} delivers its server access logs to itself: each delivery is logged again, without end. Log to the stack's server access log bucket.`, urn: bucket.urn }];
        }
        if (own.length > 0 || inline.length > 0 || isServerAccessLogBucket(resources, bucket)) return [];
        const writers = auditLogWriters(resources, bucket);
        const why = writers.length > 0 ? ` It holds audit logs (${writers.join(", ")}): who reads them must be recorded (PCI DSS v4 10.2.1.3).` : "";
        return [{ message: `bucket ${bucket.name} has no server access logging.${why} Add aws.s3.BucketLogging to the stack's server access log bucket (PrivateBucket does).`, urn: bucket.urn }];
    });
}

export function encryptionFindings(resources: readonly PolicyResource[], options: S3EncryptionOptions): StackFinding[] {
    return resourcesOf<Bucket>(resources, BUCKET).flatMap((bucket) => {
        const algorithms = encryptionAlgorithms(resources, bucket);
        const sseS3Allowed = options.sseS3Buckets?.includes(bucket.name) || isAlbAccessLogBucket(resources, bucket) || isServerAccessLogBucket(resources, bucket);
        const allowed = sseS3Allowed ? [...KMS_ALGORITHMS, "AES256"] : KMS_ALGORITHMS;
        if (algorithms.length > 0 && algorithms.every((a) => allowed.includes(a))) return [];
        const found = algorithms.length === 0 ? "no default-encryption configuration" : `default encryption ${algorithms.join(", ")}`;
        return [{ message: `bucket ${bucket.name} has ${found}. Add aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms" and a customer managed key.`, urn: bucket.urn }];
    });
}

export const s3Policies = [
    stackRule({
        name: "s3-9-server-access-logging",
        control: CONTROLS.S3_9,
        description: "Every bucket delivers S3 server access logs to another bucket; a bucket that logs to itself fails. Exempt: the dedicated log bucket receiving them (logging it would loop), never a bucket a trail, Config or an ALB writes to.",
        check: (resources) => accessLoggingFindings(resources),
    }),
    stackRule({
        name: "s3-8-block-public-access",
        control: CONTROLS.S3_8,
        description: "Every bucket has a public access block with all four settings on, and no public ACL.",
        check: (resources) => publicAccessFindings(resources),
    }),
    stackRule({
        name: "s3-17-kms-encryption",
        control: CONTROLS.S3_17,
        description: "Every bucket has a default-encryption configuration with SSE-KMS. An ALB access-log bucket and a dedicated S3 server access log bucket may use SSE-S3 (the only encryption their log delivery supports), as may buckets listed in sseS3Buckets (config).",
        configSchema: {
            properties: {
                sseS3Buckets: {
                    type: "array",
                    items: { type: "string" },
                    default: [],
                    description: "Logical names of further buckets that may use SSE-S3 (AES256); each needs a waiver with its reason in policy/README.md.",
                },
            },
        },
        check: (resources, args) => encryptionFindings(resources, args.getConfig<S3EncryptionOptions>()),
    }),
];
