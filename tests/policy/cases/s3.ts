import type * as aws from "@pulumi/aws";
import type { CaseTable } from "../support/cases";
import { alb, bucket, bucketBundle, encryptionOf, publicAccessBlockOf } from "../support/compliant";
import { dependingOn, fixture, withInputs } from "../support/fixtures";

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

export const s3Cases: CaseTable = {
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
        ],
        fail: [
            { title: "no encryption configuration", resources: [b, block], expect: /has no default-encryption configuration/ },
            { title: "SSE-S3 on an unlisted bucket", resources: [b, block, sseS3], expect: /has default encryption AES256/ },
            { title: "SSE-S3 on a bucket only a network load balancer refers to", resources: [b, block, sseS3, loggingNlb], expect: /has default encryption AES256/ },
            { title: "no encryption at all on an ALB's log bucket", resources: [b, block, loggingAlb], expect: /no default-encryption configuration/ },
            { title: "the configuration belongs to another bucket", resources: [b, block, other, encryptionOf(other)], expect: /guardrails-cloudtrail-bucket has no default-encryption/ },
        ],
    },
};
