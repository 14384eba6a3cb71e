/**
 * Who may write ALB access logs to their bucket.
 *
 * AWS documents two principals for ALB log delivery: in Regions available before August 2022 (Mumbai,
 * ap-south-1, among them) the Elastic Load Balancing account of that Region; in later Regions the
 * service principal `logdelivery.elasticloadbalancing.amazonaws.com`. The table below is that list
 * (AWS "Enable access logs for your Application Load Balancer", step 2; the same table as the AWS CDK's
 * region facts). Only the one principal the Region uses is granted, only under this account's prefix.
 *
 * ALB access logs support SSE-S3 only (AWS, same page, step 1): the bucket cannot use a KMS key.
 */
import { PolicyStatement } from "../lib/iamDocuments";

/** Elastic Load Balancing accounts of the commercial Regions opened before August 2022. */
export const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = Object.freeze({
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580",
    "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331",
    "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-south-1": "635631232127",
    "eu-west-3": "009996457667",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
});

export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/** The principal that delivers ALB access logs in a Region. */
export function elbLogDeliveryPrincipal(region: string): Record<string, string> {
    const account = ELB_LOG_DELIVERY_ACCOUNTS[region];
    return account ? { AWS: `arn:aws:iam::${account}:root` } : { Service: ELB_LOG_DELIVERY_SERVICE };
}

/** Objects the ALB writes: `<bucket>/<prefix>/AWSLogs/<account>/...` */
export function accessLogObjectsArn(bucketArn: string, prefix: string, accountId: string): string {
    return `${bucketArn}/${prefix}/AWSLogs/${accountId}/*`;
}

/** The ALB's grant on its log bucket (the TLS-only deny is PrivateBucket's). */
export function albLogDeliveryStatement(bucketArn: string, prefix: string, accountId: string, region: string): PolicyStatement {
    return {
        Sid: "AlbAccessLogDelivery",
        Effect: "Allow",
        Principal: elbLogDeliveryPrincipal(region),
        Action: "s3:PutObject",
        Resource: accessLogObjectsArn(bucketArn, prefix, accountId),
    };
}
