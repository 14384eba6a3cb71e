/**
 * Pulumi type tokens of the @pulumi/aws v7 resources the rules inspect. Where v7 keeps an older
 * module or a V2 alias for the same AWS resource, both tokens are listed so a rule cannot be
 * side-stepped by the spelling of the resource class.
 */
export const RDS_INSTANCE = ["aws:rds/instance:Instance"] as const;

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const SECURITY_GROUP_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const INGRESS_BEARING = [SECURITY_GROUP, DEFAULT_SECURITY_GROUP, SECURITY_GROUP_RULE, SECURITY_GROUP_INGRESS_RULE] as const;
export const SUBNET = ["aws:ec2/subnet:Subnet"] as const;
export const VPC = "aws:ec2/vpc:Vpc";
export const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

export const ECS_SERVICE = ["aws:ecs/service:Service"] as const;
export const ECS_TASK_DEFINITION = ["aws:ecs/taskDefinition:TaskDefinition"] as const;
export const ECS_CLUSTER = ["aws:ecs/cluster:Cluster"] as const;

export const LOAD_BALANCER = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"] as const;
export const LISTENER = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"] as const;
export const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

export const KMS_KEY = ["aws:kms/key:Key"] as const;

export const TRAIL = ["aws:cloudtrail/trail:Trail"] as const;
export const GUARDDUTY_DETECTOR = "aws:guardduty/detector:Detector";
export const CONFIG_RECORDER = "aws:cfg/recorder:Recorder";
export const CONFIG_RECORDER_STATUS = "aws:cfg/recorderStatus:RecorderStatus";
export const CONFIG_DELIVERY_CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";
export const SERVICE_LINKED_ROLE = "aws:iam/serviceLinkedRole:ServiceLinkedRole";

export const DYNAMODB_TABLE = ["aws:dynamodb/table:Table"] as const;

/** Identity policies: a `policy` document of their own. */
export const IAM_POLICY_DOCUMENT = [
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
] as const;
export const IAM_ROLE = "aws:iam/role:Role";
export const IAM_POLICY_ATTACHMENT = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
] as const;
export const IAM_IDENTITY_POLICY_BEARING = [...IAM_POLICY_DOCUMENT, IAM_ROLE, ...IAM_POLICY_ATTACHMENT] as const;

export const METRIC_ALARM = ["aws:cloudwatch/metricAlarm:MetricAlarm"] as const;

export const SECRET = ["aws:secretsmanager/secret:Secret"] as const;

export const BUCKET = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;
export const BUCKET_PUBLIC_ACCESS_BLOCK = ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] as const;
export const BUCKET_ENCRYPTION = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
] as const;
export const BUCKET_ACL = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"] as const;
export const BUCKET_LOGGING = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"] as const;
