/**
 * §2.2.3 "MFA Required: All users", as pure data: the account password policy, the deny-unless-MFA
 * policy every human IAM user gets through their group, and the trust condition every role a human
 * may assume carries (the policy pack checks it: policy/lib/trust.ts).
 */
import { PolicyDocument, policyDocument, PolicyStatement } from "../lib/iamDocuments";

/**
 * CIS AWS Foundations 1.8/1.9 and Security Hub IAM.7, IAM.15 (length >= 14), IAM.16 (no reuse of the
 * last 24): https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html
 */
export const PASSWORD_POLICY = Object.freeze({
    minimumPasswordLength: 14,
    requireLowercaseCharacters: true,
    requireUppercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    allowUsersToChangePassword: true,
    maxPasswordAge: 90,
    passwordReusePrevention: 24,
    hardExpiry: false,
});

/** What a user may do before signing in with MFA: set up their own MFA device and password. */
export const WITHOUT_MFA_ACTIONS = [
    "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices",
    "iam:ResyncMFADevice", "iam:ChangePassword", "iam:GetAccountPasswordPolicy", "sts:GetSessionToken",
] as const;

/**
 * The AWS-documented self-managed MFA policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html):
 * a user may manage their own MFA device and password, and everything else is denied while the
 * request carries no MFA. `BoolIfExists`: long-term access keys (no MFA context) are denied too.
 */
export function requireMfaPolicy(accountId: string): PolicyDocument {
    const self = (what: string) => `arn:aws:iam::${accountId}:${what}/\${aws:username}`;
    return policyDocument(
        { Sid: "ListAccountMfaDevices", Effect: "Allow", Action: ["iam:ListVirtualMFADevices", "iam:GetAccountPasswordPolicy"], Resource: "*" },
        {
            Sid: "ManageOwnMfaAndPassword",
            Effect: "Allow",
            Action: ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice",
                "iam:GetUser", "iam:ChangePassword"],
            Resource: [self("mfa"), self("user")],
        },
        // NotAction has no field in PolicyStatement (every other statement here names its actions).
        {
            Sid: "DenyEverythingElseWithoutMfa",
            Effect: "Deny",
            NotAction: [...WITHOUT_MFA_ACTIONS],
            Resource: "*",
            Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
        } as unknown as PolicyStatement,
    );
}

/** The condition every human-assumable trust statement carries. */
export const MFA_CONDITION = Object.freeze({ Bool: Object.freeze({ "aws:MultiFactorAuthPresent": "true" }) });
