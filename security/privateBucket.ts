/**
 * The one recipe for an S3 bucket of this program (issue 15, "one home each"): every bucket is a
 * PrivateBucket. What it always does:
 * - object ownership BucketOwnerEnforced (ACLs off), all four public access blocks on;
 * - default encryption: the caller's KMS key, or SSE-S3 where the writing service supports nothing
 *   else (ALB access logs, S3 server access logs), with the reason in the caller;
 * - versioning on;
 * - a bucket policy that refuses every request without TLS (Security Hub S3.5), plus the caller's
 *   grants and, where asked, a deny of object deletion (only lifecycle expires objects);
 * - Pulumi `protect` and no `forceDestroy` when the stack protects stateful resources (prod);
 * - S3 server access logging to the stack's log bucket (Security Hub S3.9, PCI DSS v4 10.2.1.3),
 *   except for that log bucket itself, which says so explicitly (`"is-log-target"`).
 * Lifecycle rules are the caller's, since retention differs per purpose.
 *
 * Children are named after the component, so an alias on the component reaches them all; buckets
 * that were built inline by another component before this one existed pass `formerParent` to keep
 * their URNs (see docs/decisions.md, issue 14/15).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tlsOnlyStatement } from "./guardrailPolicies";
import { policyDocument, PolicyStatement } from "../lib/iamDocuments";

export const PRIVATE_BUCKET_TYPE = "fivestar:security:PrivateBucket";

/** Where the bucket's server access logs go, or that it is the bucket receiving them (which must not log: it would loop). */
export type ServerAccessLogging = {
    readonly targetBucket: string;
    /** Logging is configured only after this (the log bucket's policy granting the delivery). */
    readonly after?: pulumi.Resource;
} | "is-log-target";

export interface PrivateBucketArgs {
    /** Physical name (S3 names are global and explicit here, see config/names.ts). */
    readonly bucketName: string;
    /** A KMS key ARN for SSE-KMS, or "SSE-S3" where the service writing the bucket supports only that. */
    readonly encryption: { readonly kmsKeyArn: pulumi.Input<string> } | "SSE-S3";
    /** Grants of the services that write the bucket; the TLS-only deny is always added. */
    readonly grants: (bucketArn: string) => PolicyStatement[];
    /** Deny s3:DeleteObject and s3:DeleteObjectVersion to everyone: objects leave only by lifecycle expiry. */
    readonly denyObjectDeletion?: boolean;
    readonly lifecycleRules?: aws.types.input.s3.BucketLifecycleConfigurationRule[];
    readonly serverAccessLogging: ServerAccessLogging;
    /** cfg.protectStatefulResources: Pulumi protect, and no forceDestroy. */
    readonly protect: boolean;
    /** The component that created these children directly before PrivateBucket existed: aliases keep their URNs. */
    readonly formerParent?: pulumi.Resource;
}

/** Key prefix of a source bucket's objects in the log bucket: one folder per source bucket. */
export const accessLogPrefix = (sourceBucketName: string) => `${sourceBucketName}/`;

/** The statement that keeps objects until lifecycle expires them (lifecycle actions are S3's own, not requests a bucket policy sees). */
export function denyObjectDeletionStatement(bucketArn: string): PolicyStatement {
    return {
        Sid: "DenyObjectDeletion",
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
        Resource: `${bucketArn}/*`,
    };
}

/** A log bucket's lifecycle rule: objects expire after `days`, replaced or deleted versions after `noncurrentDays`, unfinished uploads after 7. */
export const expiringLogsRule = (id: string, days: number, noncurrentDays: number): aws.types.input.s3.BucketLifecycleConfigurationRule => ({
    id, status: "Enabled", filter: {}, expiration: { days }, noncurrentVersionExpiration: { noncurrentDays }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
});

export class PrivateBucket extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    /** The physical name, known before anything is created. */
    public readonly physicalName: string;
    /** The bucket policy: a service that checks its grant when configured (ALB, CloudTrail, Config, S3 logging) waits for this. */
    public readonly policy: aws.s3.BucketPolicy;

    constructor(name: string, args: PrivateBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(PRIVATE_BUCKET_TYPE, name, {}, opts);
        const aliases = args.formerParent ? [{ parent: args.formerParent }] : [];
        const child = { parent: this, aliases };

        const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: !args.protect }, { ...child, protect: args.protect });
        new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, child);
        const block = new aws.s3.BucketPublicAccessBlock(name, {
            bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
        }, child);
        const byDefault = args.encryption === "SSE-S3"
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
            : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.encryption.kmsKeyArn }, bucketKeyEnabled: true };
        new aws.s3.BucketServerSideEncryptionConfiguration(name, { bucket: bucket.id, rules: [byDefault] }, child);
        const versioning = new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, child);
        if (args.lifecycleRules?.length) {
            new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.id, rules: args.lifecycleRules }, { ...child, dependsOn: [versioning] });
        }
        this.policy = new aws.s3.BucketPolicy(name, {
            bucket: bucket.id,
            policy: bucket.arn.apply((arn) => JSON.stringify(policyDocument(
                tlsOnlyStatement(arn),
                ...args.grants(arn),
                ...(args.denyObjectDeletion ? [denyObjectDeletionStatement(arn)] : []),
            ))),
        }, { ...child, dependsOn: [block] });
        const logging = args.serverAccessLogging;
        if (logging !== "is-log-target") {
            // The target by its name: it is fixed (config/names.ts), and the log bucket's grant must be in place first.
            new aws.s3.BucketLogging(name, {
                bucket: bucket.bucket,
                targetBucket: logging.targetBucket,
                targetPrefix: accessLogPrefix(args.bucketName),
                targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
            }, { parent: this, dependsOn: logging.after ? [logging.after] : [] });
        }

        this.physicalName = args.bucketName;
        // Services check their grant when they are configured: hand the name out once the policy is in place.
        this.bucketName = pulumi.all([bucket.bucket, this.policy.id]).apply(([bucketName]) => bucketName);
        this.bucketArn = bucket.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }

    /** For the buckets that log here: this bucket's name, once its grant is in place. */
    public asLogTarget(): ServerAccessLogging {
        return { targetBucket: this.physicalName, after: this.policy };
    }
}
