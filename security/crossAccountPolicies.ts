/**
 * Trust and permission policies of the §2.3.1 cross-account roles, as pure functions.
 *
 * What a deployer of this program really needs: it creates and updates resources in ~20 services
 * (VPC, ELB, ACM, ECS, ECR, Lambda, RDS, DynamoDB, KMS, Secrets Manager, SSM, CloudWatch, Logs, SNS,
 * EventBridge, Budgets, GuardDuty, Config, CloudTrail, S3, WAF, X-Ray) and IAM roles for them. That
 * is broad by nature; this policy narrows it where the services allow without breaking `pulumi up`:
 * - only those services (no Organizations, no IAM users/groups/access keys, no account settings);
 * - only the stack's region (and the regions it replicates to) for regional services;
 * - IAM limited to roles and their policies; roles may be passed only to the services that use
 *   them; the AWS admin policies cannot be attached; the bootstrap roles themselves cannot be changed;
 * - S3, Secrets Manager and SSM limited to the fivestar names; ECR to fivestar-* repositories (in the stack's
 *   region and the regions it replicates to, where prod's recovery stack runs);
 * - in prod, the audit trail, GuardDuty, Config and KMS keys cannot be switched off or deleted.
 * It is not a hard boundary: whoever can create a role and attach an inline policy to it can grant
 * that role anything. Closing that needs a permissions boundary on every role the program creates
 * (left as a follow-up, see the report). "CloudFormation stack management" in the guide maps to
 * these permissions: Pulumi manages the resources directly, it needs no CloudFormation rights.
 */
import { PolicyDocument, policyDocument, PolicyStatement, accountRoot } from "../lib/iamDocuments";
import { MFA_CONDITION } from "./mfaPolicies";

/** Session tag a limited (read-only) session must carry; the trust policy enforces its value. */
export const LIMITED_SESSION_TAG = "fivestar-access";
export const LIMITED_SESSION_VALUE = "limited";

export interface DeploymentTrust {
    /** The staging account's CI/CD role (§2.3.1): full deployer. */
    readonly cicdRoleArn: string;
    /** Accounts trusted with limited (read-only) access, MFA required (§2.3.1 "Development Account (limited)"). */
    readonly limitedAccountIds: readonly string[];
}

export function deploymentTrustPolicy(trust: DeploymentTrust): PolicyDocument {
    const statements: PolicyStatement[] = [
        { Sid: "CiCdDeployer", Effect: "Allow", Principal: { AWS: trust.cicdRoleArn }, Action: "sts:AssumeRole" },
    ];
    if (trust.limitedAccountIds.length > 0) {
        statements.push({
            Sid: "LimitedAccountsWithMfaAndTag",
            Effect: "Allow",
            Principal: { AWS: trust.limitedAccountIds.map(accountRoot) },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
                StringEquals: { [`aws:RequestTag/${LIMITED_SESSION_TAG}`]: LIMITED_SESSION_VALUE },
                "ForAllValues:StringEquals": { "aws:TagKeys": [LIMITED_SESSION_TAG] },
                ...MFA_CONDITION,
            },
        });
    }
    return policyDocument(...statements);
}

/** Regional services the program deploys; denied outside the stack's region. */
export const REGIONAL_SERVICES = [
    "ec2", "elasticloadbalancing", "acm", "ecs", "ecr", "application-autoscaling", "lambda", "rds", "dynamodb", "kms", "secretsmanager",
    "ssm", "logs", "cloudwatch", "sns", "events", "scheduler", "guardduty", "config", "cloudtrail", "wafv2", "xray",
] as const;

/** Every regional service denied outside `regions` (the stack's region and those it replicates to). */
export const denyOutsideRegions = (regions: readonly string[]): PolicyStatement => ({
    Sid: "DenyOutsideRegion", Effect: "Deny", Action: REGIONAL_SERVICES.map((s) => `${s}:*`), Resource: "*",
    Condition: { StringNotEquals: { "aws:RequestedRegion": [...regions] } },
});

/** Services whose resources are all this program's (one account per environment): full rights in the region. */
export const STACK_SERVICES = [
    "ec2", "elasticloadbalancing", "acm", "ecs", "application-autoscaling", "lambda", "rds", "dynamodb", "kms", "logs", "cloudwatch",
    "sns", "events", "budgets", "guardduty", "config", "cloudtrail", "wafv2", "xray",
] as const;

/** What a limited session may do: see deployments and metrics; no logs (they may hold personal data). */
export const LIMITED_READ_ACTIONS = [
    "ecs:Describe*", "ecs:List*", "lambda:GetFunctionConfiguration", "lambda:List*", "elasticloadbalancing:Describe*",
    "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*",
] as const;

/** Services IAM roles of this program are passed to. */
export const PASS_ROLE_SERVICES = [
    "ecs-tasks.amazonaws.com", "ecs.amazonaws.com", "lambda.amazonaws.com", "vpc-flow-logs.amazonaws.com", "monitoring.rds.amazonaws.com",
    "rds.amazonaws.com", "config.amazonaws.com", "cloudtrail.amazonaws.com", "application-autoscaling.amazonaws.com", "events.amazonaws.com",
    "scheduler.amazonaws.com",
    // Issue 17: the repository creation template's role (ECR creates the replicated repositories with it).
    "ecr.amazonaws.com",
] as const;

/**
 * Issue 17: ECR registry replication and repository creation templates. None of these has resource-level
 * permissions (service authorization reference: no resource type), so they are allowed on "*" and only in
 * the regions the stack deploys to (DenyOutsideRegion).
 */
export const ECR_REGISTRY_ACTIONS = [
    "ecr:PutReplicationConfiguration", "ecr:DescribeRegistry", "ecr:CreateRepositoryCreationTemplate", "ecr:DescribeRepositoryCreationTemplates",
    "ecr:UpdateRepositoryCreationTemplate", "ecr:DeleteRepositoryCreationTemplate",
] as const;

/**
 * EventBridge Scheduler (dev after-hours shutdown; staging's weekly cleanup, issue 16): the provider's aws_scheduler_schedule calls exactly
 * these (create, read, update, delete; schedules take no tags). Schedules of the default group only:
 * the program creates no schedule group. Service authorization reference, "Actions defined by Amazon
 * EventBridge Scheduler": each acts on `schedule/${GroupName}/${ScheduleName}`.
 */
export const SCHEDULE_ACTIONS = ["scheduler:CreateSchedule", "scheduler:GetSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"] as const;

export const ADMIN_MANAGED_POLICIES = [
    "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/IAMFullAccess",
] as const;

/** In prod nobody using the DeploymentRole may blind the account or destroy the keys under its data. */
export const GUARDRAIL_TEARDOWN_ACTIONS = [
    "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "guardduty:DeleteDetector", "config:StopConfigurationRecorder",
    "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "kms:ScheduleKeyDeletion", "kms:DisableKey",
    // §2.2.3 MFA for all users (issue 16)
    "iam:DeleteAccountPasswordPolicy",
] as const;

/**
 * §2.2.3 MFA (issue 16): the account password policy, and the program's own group and managed policy
 * (fivestar-*) that deny humans everything without MFA. No user management: the DeploymentRole still
 * cannot create users or add anyone to a group.
 */
export const ACCOUNT_IDENTITY_ACTIONS = {
    passwordPolicy: ["iam:GetAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy", "iam:DeleteAccountPasswordPolicy"],
    groups: ["iam:CreateGroup", "iam:DeleteGroup", "iam:GetGroup", "iam:UpdateGroup", "iam:ListAttachedGroupPolicies", "iam:ListGroupPolicies", "iam:AttachGroupPolicy",
        "iam:DetachGroupPolicy"],
    policies: ["iam:CreatePolicy", "iam:DeletePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:CreatePolicyVersion",
        "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:ListEntitiesForPolicy", "iam:TagPolicy", "iam:UntagPolicy", "iam:ListPolicyTags"],
} as const;

export interface DeploymentPermissions {
    readonly accountId: string;
    /** The stack's region: named resources (secrets, parameters, repositories) live there. */
    readonly region: string;
    /** Other regions the program deploys to (prod: the recovery region of its backups and replicas). */
    readonly additionalRegions: readonly string[];
    /** ARNs of the DeploymentRole and MonitoringRole: never modifiable through the DeploymentRole. */
    readonly bootstrapRoleArns: readonly string[];
    /** Deny the GUARDRAIL_TEARDOWN_ACTIONS (prod). */
    readonly lockGuardrails: boolean;
}

/** Full-deployer statements exclude limited sessions (an absent tag satisfies StringNotEquals). */
const notLimited = { StringNotEquals: { [`aws:PrincipalTag/${LIMITED_SESSION_TAG}`]: LIMITED_SESSION_VALUE } };

export function deploymentRolePolicy(p: DeploymentPermissions): PolicyDocument {
    const iam = (path: string) => `arn:aws:iam::${p.accountId}:${path}`;
    // Named secrets, parameters and repositories in every region the account deploys to: prod's recovery stack
    // (issue 17) writes /fivestar parameters, reads and updates the fivestar/ secret replicas in ap-south-2.
    const regions = [p.region, ...p.additionalRegions];
    const statements: PolicyStatement[] = [
        {
            Sid: "StackServices",
            Effect: "Allow",
            Action: STACK_SERVICES.map((s) => `${s}:*`),
            Resource: "*",
            Condition: notLimited,
        },
        {
            Sid: "NamedStorageAndConfig",
            Effect: "Allow",
            Action: ["s3:*", "secretsmanager:*", "ssm:*", "ecr:*"],
            Resource: [
                "arn:aws:s3:::fivestar-*", "arn:aws:s3:::fivestar-*/*",
                ...regions.flatMap((region) => [
                    `arn:aws:secretsmanager:${region}:${p.accountId}:secret:fivestar/*`,
                    `arn:aws:ssm:${region}:${p.accountId}:parameter/fivestar/*`,
                    `arn:aws:ecr:${region}:${p.accountId}:repository/fivestar-*`,
                ]),
            ],
            Condition: notLimited,
        },
        {
            Sid: "ListingsWithoutResourceScope",
            Effect: "Allow",
            Action: ["s3:ListAllMyBuckets", "secretsmanager:ListSecrets", "secretsmanager:GetRandomPassword", "ssm:DescribeParameters", "ecr:GetAuthorizationToken"],
            Resource: "*",
            Condition: notLimited,
        },
        { Sid: "EcrRegistryReplication", Effect: "Allow", Action: [...ECR_REGISTRY_ACTIONS], Resource: "*", Condition: notLimited },
        {
            Sid: "DefaultGroupSchedules",
            Effect: "Allow",
            Action: [...SCHEDULE_ACTIONS],
            Resource: `arn:aws:scheduler:${p.region}:${p.accountId}:schedule/default/*`,
            Condition: notLimited,
        },
        {
            Sid: "WorkloadRoles",
            Effect: "Allow",
            Action: [
                "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
                "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy",
                "iam:ListRolePolicies", "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
            ],
            Resource: iam("role/*"),
            Condition: notLimited,
        },
        {
            Sid: "PassWorkloadRoles",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: iam("role/*"),
            Condition: { ...notLimited, StringEquals: { "iam:PassedToService": [...PASS_ROLE_SERVICES] } },
        },
        {
            Sid: "ServiceLinkedRoles",
            Effect: "Allow",
            Action: "iam:CreateServiceLinkedRole",
            Resource: iam("role/aws-service-role/*"),
            Condition: notLimited,
        },
        {
            Sid: "ReadManagedPolicies",
            Effect: "Allow",
            Action: ["iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:ListEntitiesForPolicy"],
            Resource: "arn:aws:iam::aws:policy/*",
            Condition: notLimited,
        },
        { Sid: "AccountPasswordPolicy", Effect: "Allow", Action: [...ACCOUNT_IDENTITY_ACTIONS.passwordPolicy], Resource: "*", Condition: notLimited },
        {
            Sid: "OwnGroupsAndPolicies",
            Effect: "Allow",
            Action: [...ACCOUNT_IDENTITY_ACTIONS.groups, ...ACCOUNT_IDENTITY_ACTIONS.policies],
            Resource: [iam("group/fivestar-*"), iam("policy/fivestar-*")],
            Condition: notLimited,
        },
        {
            Sid: "OnlyOwnPoliciesOnGroups",
            Effect: "Deny",
            Action: "iam:AttachGroupPolicy",
            Resource: "*",
            Condition: { ArnNotLike: { "iam:PolicyARN": iam("policy/fivestar-*") } },
        },
        { Sid: "LimitedRead", Effect: "Allow", Action: [...LIMITED_READ_ACTIONS], Resource: "*" },
        denyOutsideRegions([p.region, ...p.additionalRegions]),
        { Sid: "DenyChangingBootstrapRoles", Effect: "Deny", Action: "iam:*", Resource: [...p.bootstrapRoleArns] },
        {
            Sid: "DenyAdminPolicies",
            Effect: "Deny",
            Action: "iam:AttachRolePolicy",
            Resource: "*",
            Condition: { ArnLike: { "iam:PolicyARN": [...ADMIN_MANAGED_POLICIES] } },
        },
    ];
    if (p.lockGuardrails) {
        statements.push({ Sid: "DenyGuardrailTeardown", Effect: "Deny", Action: [...GUARDRAIL_TEARDOWN_ACTIONS], Resource: "*" });
    }
    return policyDocument(...statements);
}

/**
 * The central monitoring account's principals, people among them, with MFA (§2.2.3 "MFA Required: All
 * users"; issue 16). A machine reader in that account (a dashboard service) needs its own named role
 * trusted without MFA: not in the guide, so not invented here (docs/decisions.md G3).
 */
export function monitoringTrustPolicy(monitoringAccountId: string): PolicyDocument {
    return policyDocument({
        Sid: "CentralMonitoringAccount",
        Effect: "Allow",
        Principal: { AWS: accountRoot(monitoringAccountId) },
        Action: "sts:AssumeRole",
        Condition: { ...MFA_CONDITION },
    });
}

/** §2.3.1 MonitoringRole: CloudWatch read, X-Ray read, logs read (AWS-maintained read-only policies). */
export const MONITORING_MANAGED_POLICIES = [
    "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess",
    "arn:aws:iam::aws:policy/AWSXrayReadOnlyAccess",
    "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
] as const;
