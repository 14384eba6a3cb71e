/**
 * Every resource type the estimate knows: a pricing rule, or a reason it is free. A type in neither
 * table is reported "not priced", never counted as zero, so a module that lands with a new cost
 * driver shows up in the report until someone prices it here.
 */
import { operationsRules } from "./operations";
import type { RegisteredResource } from "../../../lib/planRecord";
import { free, notPriced, PricingRule, RuleContext, RuleResult } from "../model";
import { computeRules } from "./compute";
import { dataRules } from "./data";
import { monitoringRules } from "./monitoring";
import { networkRules } from "./network";
import { securityRules } from "./security";
import type { ResourceType } from "../../../lib/types";

export const PRICING_RULES: Readonly<Record<string, PricingRule>> = {
    ...networkRules,
    ...computeRules,
    ...dataRules,
    ...monitoringRules,
    ...securityRules,
    ...operationsRules,
};

const NETWORKING = "VPC networking has no charge";
const IAM = "IAM has no charge";
const S3_SETTING = "a bucket setting: storage is priced on the bucket";
const PRICED_ELSEWHERE = "priced on the resource it configures";

/** Types that cost nothing by themselves, with the reason the report prints. */
export const FREE_TYPES: Readonly<Record<string, string>> = {
    "aws:ec2/vpc:Vpc": NETWORKING,
    "aws:ec2/subnet:Subnet": NETWORKING,
    "aws:ec2/routeTable:RouteTable": NETWORKING,
    "aws:ec2/routeTableAssociation:RouteTableAssociation": NETWORKING,
    "aws:ec2/route:Route": NETWORKING,
    "aws:ec2/internetGateway:InternetGateway": NETWORKING,
    "aws:ec2/defaultRouteTable:DefaultRouteTable": NETWORKING,
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": NETWORKING,
    "aws:ec2/networkAcl:NetworkAcl": NETWORKING,
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": NETWORKING,
    "aws:ec2/securityGroup:SecurityGroup": NETWORKING,
    "aws:ec2/securityGroupRule:SecurityGroupRule": NETWORKING,
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": NETWORKING,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": NETWORKING,
    "aws:ec2/flowLog:FlowLog": "the flow log has no charge; its delivery is priced as ingestion on its log group",
    "aws:rds/subnetGroup:SubnetGroup": "RDS subnet groups have no charge",
    "aws:rds/parameterGroup:ParameterGroup": "RDS parameter groups have no charge",
    "aws:rds/optionGroup:OptionGroup": "RDS option groups have no charge",
    "aws:iam/role:Role": IAM,
    "aws:iam/policy:Policy": IAM,
    "aws:iam/rolePolicy:RolePolicy": IAM,
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": IAM,
    "aws:iam/instanceProfile:InstanceProfile": IAM,
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": IAM,
    "aws:kms/alias:Alias": "KMS aliases have no charge",
    "aws:kms/keyPolicy:KeyPolicy": PRICED_ELSEWHERE,
    "aws:secretsmanager/secretVersion:SecretVersion": "a secret's versions are included in the secret's price",
    "aws:secretsmanager/secretPolicy:SecretPolicy": PRICED_ELSEWHERE,
    "aws:sns/topic:Topic": "no charge for a topic; the first million publishes and 1,000 email deliveries a month are free, far above alarm and budget traffic",
    "aws:sns/topicPolicy:TopicPolicy": PRICED_ELSEWHERE,
    "aws:sns/topicSubscription:TopicSubscription": "no charge for a subscription",
    "aws:budgets/budget:Budget": "the first two budgets of an account are free",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": PRICED_ELSEWHERE,
    "aws:cfg/deliveryChannel:DeliveryChannel": "delivered snapshots are priced on the bucket",
    "aws:cfg/recorderStatus:RecorderStatus": "recording is priced on the recorder",
    "aws:wafv2/webAclAssociation:WebAclAssociation": "requests are priced on the web ACL",
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": "log delivery is priced as ingestion on the log group",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": S3_SETTING,
    "aws:s3/bucketPolicy:BucketPolicy": S3_SETTING,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": S3_SETTING,
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": S3_SETTING,
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": S3_SETTING,
    "aws:s3/bucketVersioning:BucketVersioning": S3_SETTING,
    "aws:s3/bucketVersioningV2:BucketVersioningV2": S3_SETTING,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": S3_SETTING,
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2": S3_SETTING,
    "aws:s3/bucketLogging:BucketLogging": S3_SETTING,
    "aws:s3/bucketLoggingV2:BucketLoggingV2": S3_SETTING,
    "aws:s3/bucketAclV2:BucketAclV2": S3_SETTING,
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": "storage is priced on the repository",
    "aws:ecr/repositoryPolicy:RepositoryPolicy": PRICED_ELSEWHERE,
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": "a template: the repositories replication creates from it are priced as replicated storage on the replication configuration",
    "aws:ecr/registryPolicy:RegistryPolicy": PRICED_ELSEWHERE,
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": "its strategy decides how services are priced",
    "aws:ecs/taskDefinition:TaskDefinition": "priced through the services that run it",
    "aws:lb/listener:Listener": "priced on the load balancer",
    "aws:lb/listenerRule:ListenerRule": "priced on the load balancer (rule evaluations are part of the LCU)",
    "aws:lb/targetGroup:TargetGroup": "priced on the load balancer",
    "aws:lb/listenerCertificate:ListenerCertificate": "priced on the load balancer",
    "aws:acm/certificate:Certificate": "public ACM certificates have no charge",
    "aws:acm/certificateValidation:CertificateValidation": "public ACM certificates have no charge",
    "aws:appautoscaling/target:Target": "Application Auto Scaling has no charge",
    "aws:appautoscaling/policy:Policy": "Application Auto Scaling has no charge (its alarms are created by AWS and not estimated)",
    "aws:appautoscaling/scheduledAction:ScheduledAction": "Application Auto Scaling has no charge; the schedule shortens the service's hours",
    "aws:scheduler/schedule:Schedule": "EventBridge Scheduler: the first 14 million invocations a month are free; a schedule fires a few times a day",
    "aws:scheduler/scheduleGroup:ScheduleGroup": "EventBridge Scheduler groups have no charge",
    "aws:lambda/functionUrl:FunctionUrl": "a function URL has no charge; its invocations are priced on the function",
    "aws:lambda/permission:Permission": PRICED_ELSEWHERE,
    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": IAM,
    "aws:iam/group:Group": IAM,
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": IAM,
} satisfies Partial<Record<ResourceType, string>>;

export function priceResource(resource: RegisteredResource, ctx: RuleContext): RuleResult {
    const rule = PRICING_RULES[resource.type];
    if (rule) return rule(resource, ctx);
    if (resource.type in FREE_TYPES) return free(FREE_TYPES[resource.type]);
    if (resource.type.startsWith("pulumi:providers:")) return free("a Pulumi provider, not a cloud resource");
    if (resource.type.startsWith("random:")) return free("generated by Pulumi, not a cloud resource");
    return notPriced(`no pricing rule for ${resource.type}: add one in tools/cost/rules/ (or list it as free there) before trusting the total`);
}
