/**
 * IAM policy documents as pure functions of names and ARNs, so every statement is visible and tested.
 */
export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: string | string[];
    Principal?: Record<string, string | string[]>;
    Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Trust policy for an AWS service principal, limited to calls made on behalf of this account
 * (the confused-deputy guard AWS recommends).
 */
export function serviceTrustPolicy(service: string, accountId: string): PolicyDocument {
    return policyDocument({
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    });
}

/** The principal that stands for "IAM policies of this account decide" (the account root). */
export function accountRoot(accountId: string): string {
    return `arn:aws:iam::${accountId}:root`;
}
