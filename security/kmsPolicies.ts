/**
 * Key policies of the three customer-managed keys, as pure functions of account, region and
 * environment. Every key starts from the account-root statement (IAM policies decide who uses the
 * key; without it a key can become unmanageable), then admits only the AWS services that must call
 * KMS themselves rather than through a caller's grant.
 */
import { names, StackScope } from "../config/names";
import { accountRoot, PolicyDocument, policyDocument, PolicyStatement } from "../lib/iamDocuments";

export type KeyPurpose = "database" | "logs" | "general";
export const KEY_PURPOSES: readonly KeyPurpose[] = ["database", "logs", "general"];

export type KeyPolicyContext = Pick<StackScope, "environment" | "accountId" | "region">;

export function enableIamPoliciesStatement(accountId: string): PolicyStatement {
    return { Sid: "EnableIamPolicies", Effect: "Allow", Principal: { AWS: accountRoot(accountId) }, Action: "kms:*", Resource: "*" };
}

/** The trail of this stack; CloudTrail may use the logs key only on its behalf. */
export function trailArn(ctx: KeyPolicyContext): string {
    return `arn:aws:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${names.cloudTrail(ctx.environment)}`;
}

/** RDS, its replicas, Performance Insights and Secrets Manager use the key through the caller's grants. */
export function databaseKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return policyDocument(enableIamPoliciesStatement(ctx.accountId));
}

/**
 * CloudWatch Logs encrypts log groups with the key itself, so its regional principal is admitted,
 * but only for log groups of this account and region (the encryption context names the log group).
 * CloudTrail encrypts the trail's files itself, only for this stack's trail.
 */
export function logsKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    const trail = trailArn(ctx);
    return policyDocument(
        enableIamPoliciesStatement(ctx.accountId),
        {
            Sid: "AllowCloudWatchLogsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${ctx.region}:${ctx.accountId}:*` } },
        },
        {
            Sid: "AllowCloudTrailToEncryptTrail",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceArn": trail },
                StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ctx.accountId}:trail/*` },
            },
        },
        {
            Sid: "AllowCloudTrailToDescribeKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": trail } },
        },
    );
}

/**
 * Secrets, SSM SecureStrings, DynamoDB and ECR use the key through the caller's grants. SNS topics
 * encrypted with it receive alarm (CloudWatch) and budget notifications: those services publish
 * themselves and need a data key, for this account only.
 */
export function generalKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return policyDocument(
        enableIamPoliciesStatement(ctx.accountId),
        {
            Sid: "AllowNotificationsToEncryptedTopics",
            Effect: "Allow",
            Principal: { Service: ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"] },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
        },
    );
}

export const KEY_POLICIES: Readonly<Record<KeyPurpose, (ctx: KeyPolicyContext) => PolicyDocument>> = {
    database: databaseKeyPolicy,
    logs: logsKeyPolicy,
    general: generalKeyPolicy,
};

export const KEY_DESCRIPTIONS: Readonly<Record<KeyPurpose, string>> = {
    database: "RDS storage, its read replicas and the database secret",
    logs: "CloudWatch Logs groups, CloudTrail and AWS Config delivery",
    general: "Secrets, SSM SecureStrings, SNS topics, DynamoDB tables and ECR repositories",
};
