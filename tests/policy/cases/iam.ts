import type * as aws from "@pulumi/aws";
import type { CaseTable } from "../support/cases";
import { policyAttachment, role, rolePolicy, TASK_ROLE_DOCUMENT } from "../support/compliant";
import { fixture } from "../support/fixtures";

const allow = (action: unknown, extra: object = {}) => ({ Version: "2012-10-17", Statement: [...TASK_ROLE_DOCUMENT.Statement, { Sid: "Added", Effect: "Allow", Resource: "*", ...extra, Action: action }] });
const managedPolicy = (document: object) => fixture<aws.iam.PolicyArgs>("aws:iam/policy:Policy", "ops-policy", { policy: JSON.stringify(document) });

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
};
