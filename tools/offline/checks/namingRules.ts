/**
 * How the AWS provider names each resource type the program uses, as data with its source: which input
 * is the physical name, how the provider auto-names it when the program gives none, and AWS's limit.
 *
 * Auto-naming (pulumi/pulumi-aws `provider/resources.go`, read at commit 00ba5ea5, the v6 line that
 * @pulumi/aws 7.x continues; the per-type overrides now live in `provider/resource_overrides.go`, every
 * maximum below re-checked there on 2026-11-30 at commit 015d34381285, the default in
 * `provider/autonaming.go` at 0c5f6583ebfb and the target group's 32 in `provider/aliases.go`
 * (addLegacyAlias "aws_lb_target_group"); the DB instance identifier is 255 with no separator, 15 for
 * SQL Server engines): a resource without a name gets `<logical name><separator><7 random
 * characters>`. Types without an entry of their own get `setAutonaming(255, "-")` on a TF `name` that is
 * Optional or Required: a maximum of 255 whatever AWS allows. The provider refuses an auto-name longer
 * than its maximum (`resource.NewUniqueHex`); AWS refuses one longer than its own limit, so the check
 * uses the smaller of the two.
 *
 * To add a type: one entry below, `unnamed(source)` if it has no name input, otherwise `named(...)` with
 * the provider's auto-name rule (or `null` when the provider never auto-names it) and the AWS limit, each
 * with the line or page it comes from. A type in a plan without an entry fails the check.
 */
import type { ResourceType } from "../../../lib/types";


export interface AutoNameRule {
    /** The provider's maximum for the generated name (`Maxlen`); generating a longer one is an error. */
    readonly maxLength: number;
    /** Between the logical name and the random part. */
    readonly separator: string;
    /** Random characters appended (`Randlen`). */
    readonly randomLength: number;
    /** Added in front after generation (KMS aliases get `alias/`). */
    readonly fixedPrefix?: string;
    readonly source: string;
}

export interface NamedRule {
    readonly kind: "named";
    /** The Pulumi input that carries the physical name. */
    readonly property: string;
    /** How the provider names it when the program does not; null: the program must name it. */
    readonly autoName: AutoNameRule | null;
    /** AWS's maximum length for the name. */
    readonly awsMaxLength: number;
    readonly awsSource: string;
    /** The `*Prefix` input, when the program may give a prefix instead, and its maximum (name limit - 26). */
    readonly prefix?: { readonly property: string; readonly maxLength: number; readonly source: string };
}

export interface UnnamedRule {
    readonly kind: "unnamed";
    /** Why this type has no name to check (usually: the resource has no name input). */
    readonly source: string;
}

export type NamingRule = NamedRule | UnnamedRule;

const PULUMI_AWS = "pulumi/pulumi-aws provider/resources.go";
const SET_AUTONAMING = `${PULUMI_AWS} setAutonaming(): name, max 255, "-"`;
const RANDOM_LENGTH = 7;
/** terraform-provider-aws `id.UniqueIDSuffixLength`: a `*_prefix` gets 26 characters appended. */
const PREFIX_SUFFIX = 26;

const auto = (maxLength: number, source: string, extra: Partial<AutoNameRule> = {}): AutoNameRule =>
    ({ maxLength, separator: "-", randomLength: RANDOM_LENGTH, source, ...extra });
const defaultAuto = auto(255, SET_AUTONAMING);

function named(property: string, autoName: AutoNameRule | null, awsMaxLength: number, awsSource: string,
    prefixProperty?: string): NamedRule {
    return {
        kind: "named", property, autoName, awsMaxLength, awsSource,
        prefix: prefixProperty
            ? { property: prefixProperty, maxLength: awsMaxLength - PREFIX_SUFFIX, source: `terraform-provider-aws: ${awsMaxLength} - id.UniqueIDSuffixLength (26)` }
            : undefined,
    };
}
const unnamed = (source = "no name input: identified by the resources it belongs to"): UnnamedRule => ({ kind: "unnamed", source });

const api = (page: string, limit: string) => `AWS API Reference ${page}: ${limit}`;

export const NAMING_RULES: Readonly<Record<string, NamingRule>> = {
    // --- Application Auto Scaling ---
    "aws:appautoscaling/policy:Policy": named("name", defaultAuto, 256, api("PutScalingPolicy", "PolicyName 1-256")),
    "aws:appautoscaling/scheduledAction:ScheduledAction": named("name", defaultAuto, 256, api("PutScheduledAction", "ScheduledActionName 1-256")),
    "aws:appautoscaling/target:Target": unnamed(),
    // --- Budgets ---
    "aws:budgets/budget:Budget": named("name", defaultAuto, 100, api("Budgets CreateBudget / Budget", "BudgetName 1-100"), "namePrefix"),
    // --- AWS Config ---
    "aws:cfg/deliveryChannel:DeliveryChannel": named("name", defaultAuto, 256, api("Config PutDeliveryChannel / DeliveryChannel", "name 1-256")),
    "aws:cfg/recorder:Recorder": named("name", defaultAuto, 256, api("Config PutConfigurationRecorder / ConfigurationRecorder", "name 1-256")),
    "aws:cfg/recorderStatus:RecorderStatus": named("name", defaultAuto, 256, api("Config StartConfigurationRecorder", "ConfigurationRecorderName 1-256")),
    // --- CloudTrail ---
    "aws:cloudtrail/trail:Trail": named("name", defaultAuto, 128, api("CloudTrail CreateTrail", "Name 3-128")),
    // --- CloudWatch and CloudWatch Logs ---
    "aws:cloudwatch/dashboard:Dashboard": named("dashboardName", null, 255, api("CloudWatch PutDashboard", "DashboardName up to 255")),
    "aws:cloudwatch/eventRule:EventRule": named("name", auto(64, `${PULUMI_AWS} aws_cloudwatch_event_rule: AutoName("name", 64, "-")`), 64,
        api("EventBridge PutRule", "Name 1-64"), "namePrefix"),
    "aws:cloudwatch/eventTarget:EventTarget": named("targetId", auto(255, `${PULUMI_AWS} aws_cloudwatch_event_target: AutoName("targetId", 255, "-")`), 64,
        api("EventBridge PutTargets / Target", "Id 1-64")),
    "aws:cloudwatch/logGroup:LogGroup": named("name", defaultAuto, 512, api("CloudWatch Logs CreateLogGroup", "logGroupName 1-512"), "namePrefix"),
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": named("name", defaultAuto, 512, api("CloudWatch Logs PutMetricFilter", "filterName 1-512")),
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": named("policyName", null, 255, api("CloudWatch Logs PutResourcePolicy", "policyName")),
    "aws:cloudwatch/metricAlarm:MetricAlarm": named("name", auto(255, `${PULUMI_AWS} aws_cloudwatch_metric_alarm: AutoName("name", 255, "-")`), 255,
        api("CloudWatch PutMetricAlarm", "AlarmName 1-255")),
    // --- DynamoDB ---
    "aws:dynamodb/table:Table": named("name", defaultAuto, 255, api("DynamoDB CreateTable", "TableName 3-255")),
    // --- EC2 / VPC ---
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": unnamed("the VPC's default group: its name is always \"default\" (TF name is computed)"),
    "aws:ec2/eip:Eip": unnamed(),
    "aws:ec2/flowLog:FlowLog": unnamed(),
    "aws:ec2/internetGateway:InternetGateway": unnamed(),
    "aws:ec2/natGateway:NatGateway": unnamed(),
    "aws:ec2/routeTable:RouteTable": unnamed(),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": unnamed(),
    "aws:ec2/securityGroup:SecurityGroup": named("name", defaultAuto, 255, api("EC2 CreateSecurityGroup", "GroupName up to 255")),
    "aws:ec2/subnet:Subnet": unnamed(),
    "aws:ec2/vpc:Vpc": unnamed(),
    "aws:ec2/vpcEndpoint:VpcEndpoint": unnamed(),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": unnamed(),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": unnamed(),
    // --- ECR / ECS ---
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": unnamed(),
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": unnamed("the registry's one replication configuration: no name input (terraform-provider-aws ecr/replication_configuration.go sets the ID to the registry id)"),
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": unnamed("identified by its required `prefix` (ROOT or a namespace), not a name: terraform-provider-aws ecr/repository_creation_template.go sets the ID to the prefix"),
    "aws:ecr/repository:Repository": named("name", defaultAuto, 256, api("ECR CreateRepository", "repositoryName 2-256")),
    "aws:ecs/cluster:Cluster": named("name", defaultAuto, 255, api("ECS CreateCluster", "clusterName up to 255")),
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": unnamed(),
    "aws:ecs/service:Service": named("name", defaultAuto, 255, api("ECS CreateService", "serviceName up to 255")),
    "aws:ecs/taskDefinition:TaskDefinition": named("family", null, 255, api("ECS RegisterTaskDefinition", "family up to 255")),
    // --- GuardDuty ---
    "aws:guardduty/detector:Detector": unnamed(),
    // --- IAM ---
    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": unnamed("the account's one password policy: no name input (terraform-provider-aws iam/account_password_policy.go sets the fixed ID iam-account-password-policy)"),
    "aws:iam/group:Group": named("name", defaultAuto, 128, api("IAM CreateGroup", "GroupName 1-128")),
    "aws:iam/groupPolicy:GroupPolicy": named("name", defaultAuto, 128, api("IAM PutGroupPolicy", "PolicyName 1-128"), "namePrefix"),
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": unnamed(),
    "aws:iam/policy:Policy": named("name", defaultAuto, 128, api("IAM CreatePolicy", "PolicyName 1-128"), "namePrefix"),
    "aws:iam/role:Role": named("name", auto(64, `${PULUMI_AWS} aws_iam_role: AutoName("name", 64, "-")`), 64, api("IAM CreateRole", "RoleName 1-64"), "namePrefix"),
    "aws:iam/rolePolicy:RolePolicy": named("name", defaultAuto, 128, api("IAM PutRolePolicy", "PolicyName 1-128"), "namePrefix"),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": unnamed(),
    // --- KMS ---
    "aws:kms/alias:Alias": named("name", auto(238, `${PULUMI_AWS} aws_kms_alias: Maxlen 238, then "alias/" in front`, { fixedPrefix: "alias/" }), 256,
        api("KMS CreateAlias", "AliasName 1-256 including alias/"), "namePrefix"),
    "aws:kms/key:Key": unnamed(),
    // --- Lambda ---
    "aws:lambda/function:Function": named("name", auto(64, `${PULUMI_AWS} aws_lambda_function: function_name = AutoName("name", 64, "-")`), 64,
        api("Lambda CreateFunction", "FunctionName up to 64 (name only)")),
    "aws:lambda/functionUrl:FunctionUrl": unnamed("a function's URL config: identified by functionName (and qualifier), no name of its own (terraform-provider-aws lambda/function_url.go)"),
    "aws:lambda/permission:Permission": named("statementId", auto(100, `${PULUMI_AWS} aws_lambda_permission: AutoName("statementId", 100, "-")`), 100,
        api("Lambda AddPermission", "StatementId 1-100")),
    // --- Elastic Load Balancing v2 ---
    "aws:lb/listener:Listener": unnamed(),
    "aws:lb/listenerRule:ListenerRule": unnamed(),
    // No name override for aws_lb: the default 255, but AWS allows 32.
    "aws:lb/loadBalancer:LoadBalancer": named("name", defaultAuto, 32, api("ELBv2 CreateLoadBalancer", "Name up to 32"), "namePrefix"),
    "aws:lb/targetGroup:TargetGroup": named("name", auto(32, `${PULUMI_AWS} rAlias("aws_lb_target_group"): AutoName("name", 32, "-")`), 32,
        api("ELBv2 CreateTargetGroup", "Name up to 32"), "namePrefix"),
    // --- RDS ---
    "aws:rds/instance:Instance": named("identifier",
        auto(255, `${PULUMI_AWS} aws_db_instance identifier: NewUniqueHex(name, 7, 255), no separator`, { separator: "" }), 63,
        api("RDS CreateDBInstance", "DBInstanceIdentifier 1-63"), "identifierPrefix"),
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": unnamed(),
    "aws:rds/parameterGroup:ParameterGroup": named("name", defaultAuto, 255, api("RDS CreateDBParameterGroup", "DBParameterGroupName 1-255"), "namePrefix"),
    "aws:rds/subnetGroup:SubnetGroup": named("name", defaultAuto, 255, api("RDS CreateDBSubnetGroup", "DBSubnetGroupName up to 255"), "namePrefix"),
    // --- S3 ---
    "aws:s3/bucket:Bucket": named("bucket", auto(63, `${PULUMI_AWS} aws_s3_bucket: AutoNameTransform("bucket", 63, lower-case)`), 63,
        "S3 User Guide, bucket naming rules: 3-63 characters", "bucketPrefix"),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": unnamed("configuration of the bucket it names"),
    "aws:s3/bucketLogging:BucketLogging": unnamed("configuration of the bucket it names"),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": unnamed("configuration of the bucket it names"),
    "aws:s3/bucketPolicy:BucketPolicy": unnamed("configuration of the bucket it names"),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": unnamed("configuration of the bucket it names"),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": unnamed("configuration of the bucket it names"),
    "aws:s3/bucketVersioning:BucketVersioning": unnamed("configuration of the bucket it names"),
    // --- EventBridge Scheduler ---
    // No name override: the default 255, but Scheduler allows 64.
    "aws:scheduler/schedule:Schedule": named("name", defaultAuto, 64, api("EventBridge Scheduler CreateSchedule", "Name 1-64"), "namePrefix"),
    "aws:scheduler/scheduleGroup:ScheduleGroup": named("name", defaultAuto, 64, api("EventBridge Scheduler CreateScheduleGroup", "Name 1-64"), "namePrefix"),
    // --- Secrets Manager / SSM ---
    "aws:secretsmanager/secret:Secret": named("name", defaultAuto, 512, api("Secrets Manager CreateSecret", "Name 1-512"), "namePrefix"),
    "aws:secretsmanager/secretVersion:SecretVersion": unnamed(),
    "aws:ssm/parameter:Parameter": named("name", defaultAuto, 2048, api("SSM PutParameter", "Name 1-2048 (fully qualified)")),
    // --- SNS ---
    "aws:sns/topic:Topic": named("name", auto(80, `${PULUMI_AWS} aws_sns_topic: AutoNameWithCustomOptions Maxlen 80`), 256,
        api("SNS CreateTopic", "Name up to 256"), "namePrefix"),
    "aws:sns/topicPolicy:TopicPolicy": unnamed(),
    "aws:sns/topicSubscription:TopicSubscription": unnamed(),
    // --- WAFv2 ---
    "aws:wafv2/webAcl:WebAcl": named("name", defaultAuto, 128, api("WAFv2 CreateWebACL", "Name 1-128")),
    "aws:wafv2/webAclAssociation:WebAclAssociation": unnamed(`${PULUMI_AWS} hasOptionalOrRequiredNamePropertyOptimized: false`),
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": unnamed(`${PULUMI_AWS} hasOptionalOrRequiredNamePropertyOptimized: false`),
    // --- random (pulumi/pulumi-random): nothing in AWS is named by these ---
    "random:index/randomId:RandomId": unnamed("a random value, not a cloud resource"),
    "random:index/randomPassword:RandomPassword": unnamed("a random value, not a cloud resource"),
    "random:index/randomString:RandomString": unnamed("a random value, not a cloud resource"),
} satisfies Partial<Record<ResourceType, NamingRule>>;

/** Where a missing entry goes, for the failure message. */
export const NAMING_RULES_FILE = "tools/offline/checks/namingRules.ts";
