/**
 * Policies and WAF rules of the account guardrails (§2.2.3, §4.1.3), as pure functions of names
 * and ARNs.
 */
import type * as aws from "@pulumi/aws";
import { Environment, names } from "../config/names";
import { PolicyDocument, policyDocument, PolicyStatement } from "../lib/iamDocuments";

export const AWS_CONFIG_MANAGED_POLICY = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";

/** Refuses any request to the bucket that does not use TLS (Security Hub S3.5). */
export function tlsOnlyStatement(bucketArn: string): PolicyStatement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/** CloudTrail writes its own files: only this stack's trail, only under this account's prefix (TLS-only is PrivateBucket's). */
export function cloudTrailBucketStatements(bucketArn: string, accountId: string, trailArn: string): PolicyStatement[] {
    const fromTrail = { "aws:SourceArn": trailArn };
    return [
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: fromTrail },
        },
        {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
            Condition: { StringEquals: { ...fromTrail, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
    ];
}

/** What the AWS Config role needs beyond AWS_ConfigRole: write snapshots and history to its bucket. */
export function configDeliveryPolicy(bucketArn: string, accountId: string, kmsKeyArn: string): PolicyDocument {
    return policyDocument(
        {
            Sid: "WriteConfigHistory",
            Effect: "Allow",
            Action: "s3:PutObject",
            Resource: `${bucketArn}/AWSLogs/${accountId}/Config/*`,
            Condition: { StringLike: { "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
        { Sid: "CheckBucketAcl", Effect: "Allow", Action: "s3:GetBucketAcl", Resource: bucketArn },
        { Sid: "EncryptWithLogsKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: kmsKeyArn },
    );
}

/** CloudTrail's role may only write streams of its own log group. */
export function cloudTrailLogsPolicy(logGroupArn: string): PolicyDocument {
    return policyDocument({
        Sid: "DeliverTrailToLogGroup",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${logGroupArn}:log-stream:*`,
    });
}

/**
 * Lets the log delivery service write WAF logs to the aws-waf-logs- groups of this account (WAF
 * would otherwise add a broader policy itself at first logging).
 */
export function wafLogDeliveryPolicy(env: Environment, accountId: string, region: string): PolicyDocument {
    return policyDocument({
        Sid: "WafLogDelivery",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `arn:aws:logs:${region}:${accountId}:log-group:${names.wafLogGroup(env)}:log-stream:*`,
        Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: { "aws:SourceArn": `arn:aws:logs:${region}:${accountId}:*` },
        },
    });
}

/** WAF rate-based rules count requests per client IP over this window. */
export const WAF_RATE_WINDOW_SECONDS = 300;

type WebAclRule = aws.types.input.wafv2.WebAclRule;

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

function managedRuleGroup(name: string, priority: number, env: Environment): WebAclRule {
    return {
        name,
        priority,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
        visibilityConfig: visibility(`${env}-${name}`),
    };
}

/**
 * The web ACL's rules, evaluated in priority order: the AWS common rule set (OWASP-style attacks),
 * known bad inputs (e.g. Log4j exploits), then a per-IP rate limit that blocks floods.
 */
export function webAclRules(env: Environment, rateLimit: number): WebAclRule[] {
    return [
        managedRuleGroup("AWSManagedRulesCommonRuleSet", 10, env),
        managedRuleGroup("AWSManagedRulesKnownBadInputsRuleSet", 20, env),
        {
            name: "RateLimitPerIp",
            priority: 30,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: "IP", evaluationWindowSec: WAF_RATE_WINDOW_SECONDS } },
            visibilityConfig: visibility(`${env}-RateLimitPerIp`),
        },
    ];
}

export const webAclVisibility = (env: Environment) => visibility(names.webAcl(env));

/** Headers that carry credentials or session tokens never reach the WAF logs. */
export const WAF_REDACTED_HEADERS = ["authorization", "cookie"] as const;
