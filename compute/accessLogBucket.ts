/**
 * The private bucket the ALB writes its access logs to: owner-enforced, public access blocked, TLS only,
 * SSE-S3 (the only encryption ALB log delivery supports), versioned like every audit bucket, and expiring
 * logs after the configured retention. Protected in prod.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names } from "../config/names";
import { accessLogBucketPolicy } from "./accessLogPolicy";

export interface AccessLogBucketArgs {
    /** cfg.environment */
    readonly environment: Environment;
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
}

/** Replaced or deleted log versions stay this long, so a deleted log can still be recovered. */
export const NONCURRENT_VERSION_DAYS = 30;

export class AccessLogBucket extends pulumi.ComponentResource {
    /** Resolves once the bucket policy admits the ALB: enable logging with this. */
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;

    constructor(name: string, args: AccessLogBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:AccessLogBucket", name, {}, opts);
        const parent = { parent: this };

        const bucket = new aws.s3.Bucket(name, {
            bucket: names.albAccessLogBucket(args.environment, args.accountId),
            forceDestroy: !args.protect,
        }, { parent: this, protect: args.protect });
        new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
        const block = new aws.s3.BucketPublicAccessBlock(name, {
            bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
        }, parent);
        new aws.s3.BucketServerSideEncryptionConfiguration(name, {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        }, parent);
        const versioning = new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, parent);
        new aws.s3.BucketLifecycleConfiguration(name, {
            bucket: bucket.id,
            rules: [{
                id: "expire-access-logs",
                status: "Enabled",
                filter: {},
                expiration: { days: args.retentionDays },
                noncurrentVersionExpiration: { noncurrentDays: NONCURRENT_VERSION_DAYS },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            }],
        }, { parent: this, dependsOn: [versioning] });
        const policy = new aws.s3.BucketPolicy(name, {
            bucket: bucket.id,
            policy: bucket.arn.apply((arn) => JSON.stringify(accessLogBucketPolicy(arn, args.prefix, args.accountId, args.region))),
        }, { parent: this, dependsOn: [block] });

        // ELB checks that it may write when logging is turned on: hand the name out only once it may.
        this.bucketName = pulumi.all([bucket.bucket, policy.id]).apply(([bucketName]) => bucketName);
        this.bucketArn = bucket.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}
