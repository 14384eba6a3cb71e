/**
 * S3 buckets are private and encrypted. In @pulumi/aws v7 a bucket's public access block and
 * default encryption are separate resources (BucketPublicAccessBlock,
 * BucketServerSideEncryptionConfiguration) that name the bucket in their `bucket` property, so
 * both rules look at the whole stack and match them to their bucket.
 */
import type * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../lib/controls";
import { Props, resourcesOf, stackRule, StackFinding } from "../lib/define";
import { referencing, refersTo } from "../lib/references";
import { BUCKET, BUCKET_ACL, BUCKET_ENCRYPTION, BUCKET_PUBLIC_ACCESS_BLOCK, LOAD_BALANCER } from "../lib/types";

type Bucket = Props<aws.s3.BucketArgs>;
type PublicAccessBlock = Props<aws.s3.BucketPublicAccessBlockArgs>;
type Encryption = Props<aws.s3.BucketServerSideEncryptionConfigurationArgs>;
type Acl = Props<aws.s3.BucketAclArgs>;
type LoadBalancer = Props<aws.lb.LoadBalancerArgs>;

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

export function encryptionFindings(resources: readonly PolicyResource[], options: S3EncryptionOptions): StackFinding[] {
    return resourcesOf<Bucket>(resources, BUCKET).flatMap((bucket) => {
        const algorithms = encryptionAlgorithms(resources, bucket);
        const sseS3Allowed = options.sseS3Buckets?.includes(bucket.name) || isAlbAccessLogBucket(resources, bucket);
        const allowed = sseS3Allowed ? [...KMS_ALGORITHMS, "AES256"] : KMS_ALGORITHMS;
        if (algorithms.length > 0 && algorithms.every((a) => allowed.includes(a))) return [];
        const found = algorithms.length === 0 ? "no default-encryption configuration" : `default encryption ${algorithms.join(", ")}`;
        return [{ message: `bucket ${bucket.name} has ${found}. Add aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms" and a customer managed key.`, urn: bucket.urn }];
    });
}

export const s3Policies = [
    stackRule({
        name: "s3-8-block-public-access",
        control: CONTROLS.S3_8,
        description: "Every bucket has a public access block with all four settings on, and no public ACL.",
        check: (resources) => publicAccessFindings(resources),
    }),
    stackRule({
        name: "s3-17-kms-encryption",
        control: CONTROLS.S3_17,
        description: "Every bucket has a default-encryption configuration with SSE-KMS. An ALB access-log bucket may use SSE-S3 (the only encryption ALB log delivery supports), as may buckets listed in sseS3Buckets (config).",
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
