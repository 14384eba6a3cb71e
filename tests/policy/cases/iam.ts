import type * as aws from "@pulumi/aws";
import type { CaseTable } from "../support/cases";
import { policyAttachment, role, rolePolicy, TASK_ROLE_DOCUMENT } from "../support/compliant";
import { fixture } from "../support/fixtures";

const allow = (action: unknown, extra: object = {}) => ({ Version: "2012-10-17", Statement: [...TASK_ROLE_DOCUMENT.Statement, { Sid: "Added", Effect: "Allow", Resource: "*", ...extra, Action: action }] });
const managedPolicy = (document: object) => fixture<aws.iam.PolicyArgs>("aws:iam/policy:Policy", "ops-policy", { policy: JSON.stringify(document) });

const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
const trustRole = (principal: unknown, condition?: object, effect = "Allow") => fixture<aws.iam.RoleArgs>("aws:iam/role:Role", "human-role", {
    name: "human-role",
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: effect, Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }] }),
});

export const iamCases: CaseTable = {
    "iam-1-no-full-admin-actions": {
        pass: [
            { title: "§7.1.1 task role policy (its Deny \"*\" grants nothing)", resources: [rolePolicy(), role(), policyAttachment()] },
            { title: "a service wildcard (IAM.21's, not this rule's)", resources: [rolePolicy(allow("dynamodb:*"))] },
            { title: "a document given as an object", resources: [fixture<aws.iam.PolicyArgs>("aws:iam/policy:Policy", "object-policy", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["*"] }] } })] },
        ],
        fail: [
            { title: "Action \"*\" in a role policy", resources: [rolePolicy(allow("*"))], expect: /statement "Added": allows Action "\*"/ },
            { title: "Action [\"*:*\"] in a managed policy", resources: [managedPolicy(allow(["*:*"]))], expect: /allows Action "\*"/ },
            { title: "Allow with NotAction", resources: [rolePolicy({ Version: "2012-10-17", Statement: { Effect: "Allow", NotAction: "iam:*", Resource: "*" } })], expect: /NotAction grants every action except/ },
            { title: "\"*\" in a role's inline policy", resources: [role(allow("*"))], expect: /inline policy application-access/ },
            { title: "AdministratorAccess attached", resources: [policyAttachment("arn:aws:iam::aws:policy/AdministratorAccess")], expect: /attaches arn:aws:iam::aws:policy\/AdministratorAccess/ },
            { title: "AdministratorAccess in a role's managedPolicyArns", resources: [role(TASK_ROLE_DOCUMENT, ["arn:aws:iam::aws:policy/AdministratorAccess"])], expect: /full administrative access/ },
            { title: "a policy that is not JSON", resources: [fixture<aws.iam.RolePolicyArgs>("aws:iam/rolePolicy:RolePolicy", "broken", { role: "r", policy: "{not json" })], expect: /not valid JSON/ },
        ],
    },
    "iam-21-no-service-wildcard-actions": {
        pass: [
            { title: "§7.1.1 task role policy", resources: [rolePolicy(), role()] },
            { title: "partial wildcards (s3:Get*)", resources: [rolePolicy(allow(["s3:Get*", "s3:List*"]))] },
            { title: "a service wildcard in a Deny", resources: [rolePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] })] },
        ],
        fail: [
            { title: "dynamodb:* in a role policy", resources: [rolePolicy(allow("dynamodb:*"))], expect: /allows dynamodb:\*/ },
            { title: "two services in a managed policy", resources: [managedPolicy(allow(["s3:*", "kms:*"]))], expect: /allows s3:\*, kms:\*/ },
        ],
    },
    "iam-5-human-roles-require-mfa": {
        pass: [
            { title: "a service principal (ECS tasks)", resources: [role()] },
            { title: "the DeploymentRole's limited accounts, with MFA", resources: [trustRole({ AWS: ["arn:aws:iam::123456789012:root"] }, MFA)] },
            { title: "MFA through BoolIfExists", resources: [trustRole({ AWS: "123456789012" }, { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } })] },
            { title: "a named CI/CD role (a machine)", resources: [trustRole({ AWS: "arn:aws:iam::123456789013:role/cicd" })] },
            { title: "GitHub Actions OIDC (a machine)", resources: [trustRole({ Federated: "arn:aws:iam::123456789013:oidc-provider/token.actions.githubusercontent.com" })] },
            { title: "a Deny statement without MFA", resources: [trustRole({ AWS: "*" }, undefined, "Deny")] },
        ],
        fail: [
            { title: "an account root without MFA", resources: [trustRole({ AWS: "arn:aws:iam::999999999999:root" })], expect: /trust statement #1 lets people assume the role without MFA/ },
            { title: "a bare account id without MFA", resources: [trustRole({ AWS: ["123456789012"] })], expect: /without MFA/ },
            { title: "an IAM user without MFA", resources: [trustRole({ AWS: "arn:aws:iam::123456789012:user/alice" })], expect: /without MFA/ },
            { title: "anyone", resources: [trustRole("*")], expect: /without MFA/ },
            { title: "a SAML provider without MFA", resources: [trustRole({ Federated: "arn:aws:iam::123456789012:saml-provider/corp" })], expect: /without MFA/ },
            { title: "MFA = false", resources: [trustRole({ AWS: "123456789012" }, { Bool: { "aws:MultiFactorAuthPresent": "false" } })], expect: /without MFA/ },
            { title: "an MFA condition on another key", resources: [trustRole({ AWS: "123456789012" }, { Bool: { "aws:SecureTransport": "true" } })], expect: /without MFA/ },
        ],
    },
};
