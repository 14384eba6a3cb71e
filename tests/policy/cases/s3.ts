import type * as aws from "@pulumi/aws";
import type { CaseTable } from "../support/cases";
import { alb, bucket, bucketBundle, encryptionOf, logBucket, loggingOf, publicAccessBlockOf, trail } from "../support/compliant";
import { dependingOn, fixture, UNKNOWN_DURING_PREVIEW, withInputs } from "../support/fixtures";

const [b, block, encryption] = bucketBundle();
const other = bucket("guardrails-config-bucket");
const publicAcl = dependingOn(fixture<aws.s3.BucketAclArgs>("aws:s3/bucketAcl:BucketAcl", "acl", { bucket: `${b.name}-id`, acl: "public-read" }), b);
const sseS3 = encryptionOf(b, "AES256");
/** Configuration matched by value (the bucket's name), as when a program passes the name as a literal. */
const byName = (r: typeof block) => ({ ...withInputs(r, { bucket: b.inputs.bucket }), dependencies: [] });
/** An ALB logging to `b`: by dependency (as the program wires it) or by the bucket's name. */
const loggingAlb = dependingOn(alb(), b);
const loggingAlbByName = withInputs(alb(), { accessLogs: { bucket: b.inputs.bucket, enabled: true } });
const loggingNlb = dependingOn(withInputs(alb(), { loadBalancerType: "network" }), b);
const logs = logBucket();
/** A CloudTrail trail writing to `b`: `b` is an audit bucket. */
const trailInto = dependingOn(withInputs(trail(), { s3BucketName: b.inputs.bucket }), b);
const logsToLogBucket = loggingOf(b, logs);

export const s3Cases: CaseTable = {
    "s3-9-server-access-logging": {
        pass: [
            { title: "a bucket logging to the log bucket, which is exempt", resources: [b, logs, logsToLogBucket] },
            { title: "an audit bucket (a trail writes to it) logging to the log bucket", resources: [b, trailInto, logs, logsToLogBucket] },
            { title: "at preview, the source bucket's name unknown: matched by dependency", resources: [b, logs, withInputs(logsToLogBucket, { bucket: UNKNOWN_DURING_PREVIEW })] },
            { title: "the deprecated inline logging block", resources: [withInputs(b, { logging: { targetBucket: logs.inputs.bucket as string } })] },
        ],
        fail: [
            { title: "no logging", resources: [b], expect: /bucket guardrails-cloudtrail-bucket has no server access logging\. Add aws\.s3\.BucketLogging/ },
            { title: "an audit bucket without logging names its writer", resources: [b, trailInto], expect: /It holds audit logs \(the trail guardrails-cloudtrail\)/ },
            { title: "a bucket logging to itself", resources: [b, loggingOf(b, b)], expect: /guardrails-cloudtrail-bucket delivers its server access logs to itself/ },
            { title: "the log bucket logging to itself", resources: [b, logs, logsToLogBucket, loggingOf(logs, logs)], expect: /s3-access-logs delivers its server access logs to itself/ },
            { title: "a log bucket nothing logs to is not exempt", resources: [logs], expect: /bucket s3-access-logs has no server access logging/ },
            { title: "an audit bucket does not escape by receiving access logs", resources: [b, trailInto, logs, loggingOf(logs, b)], expect: /guardrails-cloudtrail-bucket has no server access logging\. It holds audit logs/ },
        ],
    },
    "s3-8-block-public-access": {
        pass: [
            { title: "a bucket with all four blocks", resources: bucketBundle() },
            { title: "the block names the bucket by value", resources: [b, byName(block), encryption] },
        ],
        fail: [
            { title: "no public access block", resources: [b, encryption], expect: /bucket guardrails-cloudtrail-bucket has no public access block/ },
            { title: "blockPublicPolicy: false", resources: [b, withInputs(block, { blockPublicPolicy: false }), encryption], expect: /no public access block with/ },
            { title: "the block belongs to another bucket", resources: [b, other, publicAccessBlockOf(other), encryption], expect: /guardrails-cloudtrail-bucket has no public access block/ },
            { title: "a public-read ACL resource", resources: [...bucketBundle(), publicAcl], expect: /public ACL "public-read"/ },
            { title: "a public-read ACL on the bucket", resources: [withInputs(b, { acl: "public-read" }), block, encryption], expect: /public ACL "public-read"/ },
        ],
    },
    "s3-17-kms-encryption": {
        pass: [
            { title: "SSE-KMS configuration", resources: bucketBundle() },
            { title: "inline SSE-KMS on the bucket (deprecated form)", resources: [withInputs(b, { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } }), block] },
            { title: "SSE-S3 on a bucket listed in sseS3Buckets", resources: [b, block, sseS3], config: { "s3-17-kms-encryption": { sseS3Buckets: [b.name] } } },
            { title: "SSE-S3 on the bucket an ALB writes its access logs to", resources: [b, block, sseS3, loggingAlb] },
            { title: "SSE-S3 on an ALB's log bucket named by value", resources: [b, block, sseS3, loggingAlbByName] },
            { title: "SSE-S3 on the dedicated server access log bucket", resources: [...bucketBundle(), logs, encryptionOf(logs, "AES256"), loggingOf(bucket(), logs)] },
        ],
        fail: [
            { title: "no encryption configuration", resources: [b, block], expect: /has no default-encryption configuration/ },
            { title: "SSE-S3 on an unlisted bucket", resources: [b, block, sseS3], expect: /has default encryption AES256/ },
            { title: "SSE-S3 on a bucket only a network load balancer refers to", resources: [b, block, sseS3, loggingNlb], expect: /has default encryption AES256/ },
            { title: "no encryption at all on an ALB's log bucket", resources: [b, block, loggingAlb], expect: /no default-encryption configuration/ },
            { title: "the configuration belongs to another bucket", resources: [b, block, other, encryptionOf(other)], expect: /guardrails-cloudtrail-bucket has no default-encryption/ },
            { title: "SSE-S3 on an audit bucket that also receives access logs", resources: [b, block, sseS3, trailInto, logs, encryptionOf(logs), loggingOf(logs, b)], expect: /guardrails-cloudtrail-bucket has default encryption AES256/ },
        ],
    },
};
