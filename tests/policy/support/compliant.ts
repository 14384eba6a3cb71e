/**
 * Compliant fixtures: one of each resource the pack inspects, configured the way this program
 * configures its own (prod values, §6.1.1, §3.1.2, S1-S5 and A1-A4 of docs/decisions.md). Rule
 * tests derive each failing case from one of these by changing one property, so a failure can be
 * attributed to that property alone. Resources that need another (a flow log and its VPC) come as
 * bundles with the dependency recorded, as the offline plan records it.
 */
import type * as aws from "@pulumi/aws";
import type { RegisteredResource } from "../../../lib/planRecord";
import { dependingOn, fixture } from "./fixtures";

const ACCOUNT = "123456789014";
const ARN = (service: string, resource: string) => `arn:aws:${service}:ap-south-1:${ACCOUNT}:${resource}`;
const KEY_ARN = ARN("kms", "key/0f0e0d0c-1111-2222-3333-444455556666");
const TOPIC_ARN = ARN("sns", "prod-fivestar-payments-alerts");

export const rdsPrimary = () => fixture<aws.rds.InstanceArgs>("aws:rds/instance:Instance", "database-primary", {
    identifier: "prod-fivestar-payments-db",
    engine: "postgres",
    engineVersion: "15.15",
    instanceClass: "db.r6g.large",
    allocatedStorage: 1000,
    storageType: "gp3",
    storageEncrypted: true,
    kmsKeyId: KEY_ARN,
    publiclyAccessible: false,
    multiAz: true,
    monitoringInterval: 60,
    monitoringRoleArn: `arn:aws:iam::${ACCOUNT}:role/database-monitoring`,
    deletionProtection: true,
    enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
    backupRetentionPeriod: 35,
    autoMinorVersionUpgrade: true,
    copyTagsToSnapshot: true,
});

export const rdsReplica = () => fixture<aws.rds.InstanceArgs>("aws:rds/instance:Instance", "database-replica-1", {
    identifier: "prod-fivestar-payments-db-replica-1",
    replicateSourceDb: ARN("rds", "db:prod-fivestar-payments-db"),
    instanceClass: "db.r6g.large",
    availabilityZone: "ap-south-1a",
    storageEncrypted: true,
    kmsKeyId: KEY_ARN,
    publiclyAccessible: false,
    multiAz: false,
    monitoringInterval: 60,
    deletionProtection: true,
    enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
    autoMinorVersionUpgrade: true,
    copyTagsToSnapshot: true,
});

export const vpc = () => fixture<aws.ec2.VpcArgs>("aws:ec2/vpc:Vpc", "network-vpc", { cidrBlock: "192.168.0.0/24", enableDnsHostnames: true });

export const flowLogOf = (target: RegisteredResource) => dependingOn(fixture<aws.ec2.FlowLogArgs>("aws:ec2/flowLog:FlowLog", "network-flow-log", {
    vpcId: `${target.name}-id`,
    trafficType: "ALL",
    logDestinationType: "cloud-watch-logs",
    logDestination: ARN("logs", "log-group:/vpc/prod-fivestar-flow-logs"),
    iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/network-flow-logs`,
    maxAggregationInterval: 60,
}), target);

export const defaultSecurityGroup = () => fixture<aws.ec2.DefaultSecurityGroupArgs>("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "network-default-sg", {
    vpcId: "network-vpc-id",
    ingress: [],
    egress: [],
});

export const privateSubnet = () => fixture<aws.ec2.SubnetArgs>("aws:ec2/subnet:Subnet", "network-app-a", {
    vpcId: "network-vpc-id",
    cidrBlock: "192.168.0.64/27",
    availabilityZone: "ap-south-1a",
    mapPublicIpOnLaunch: false,
});

/** §3.1.2: HTTPS from the internet to the ALB, one rule per resource (S2). */
export const worldIngressRule = (port: number, name = `security-groups-alb-ingress-${port}-anywhere`) =>
    fixture<aws.vpc.SecurityGroupIngressRuleArgs>("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, {
        securityGroupId: "security-groups-alb-id",
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv4: "0.0.0.0/0",
        description: `port ${port} from the internet`,
    });

export const internalIngressRule = () => fixture<aws.vpc.SecurityGroupIngressRuleArgs>("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "security-groups-rds-ingress-5432-ecs", {
    securityGroupId: "security-groups-rds-id",
    ipProtocol: "tcp",
    fromPort: 5432,
    toPort: 5432,
    referencedSecurityGroupId: "security-groups-ecs-id",
});

export const securityGroup = () => fixture<aws.ec2.SecurityGroupArgs>("aws:ec2/securityGroup:SecurityGroup", "security-groups-alb", {
    vpcId: "network-vpc-id",
    description: "Application load balancer",
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
});

export const ecsCluster = () => fixture<aws.ecs.ClusterArgs>("aws:ecs/cluster:Cluster", "compute-cluster", {
    name: "prod-fivestar-payments",
    settings: [{ name: "containerInsights", value: "enabled" }],
});

/** §5.2.1's internal-pe container, hardened: read-only root, logs to CloudWatch, the DB secret injected. */
export const internalPeContainer = () => ({
    name: "internal-pe",
    image: `${ACCOUNT}.dkr.ecr.ap-south-1.amazonaws.com/fivestar-internal-pe:1.0.0`,
    essential: true,
    readonlyRootFilesystem: true,
    portMappings: [{ containerPort: 8080, protocol: "tcp" }],
    environment: [{ name: "ASPNETCORE_ENVIRONMENT", value: "Production" }, { name: "DATABASE_SECRET_ARN", value: ARN("secretsmanager", "secret:fivestar/payments/prod/database") }],
    secrets: [{ name: "DATABASE_CONNECTION_STRING", valueFrom: ARN("secretsmanager", "secret:fivestar/payments/prod/database") }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/prod-fivestar-internal-pe", "awslogs-region": "ap-south-1", "awslogs-stream-prefix": "ecs" } },
    mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp" }],
});

export const taskDefinition = (containers: object[] = [internalPeContainer()]) => fixture<aws.ecs.TaskDefinitionArgs>("aws:ecs/taskDefinition:TaskDefinition", "compute-internal-pe-task", {
    family: "prod-fivestar-internal-pe",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "2048",
    memory: "4096",
    containerDefinitions: JSON.stringify(containers),
    volumes: [{ name: "tmp" }],
});

export const ecsService = () => fixture<aws.ecs.ServiceArgs>("aws:ecs/service:Service", "compute-internal-pe-service", {
    name: "prod-internal-pe-service",
    cluster: "compute-cluster-id",
    taskDefinition: "compute-internal-pe-task-id",
    desiredCount: 3,
    launchType: "FARGATE",
    networkConfiguration: { subnets: ["network-app-a-id", "network-app-b-id"], securityGroups: ["security-groups-ecs-id"], assignPublicIp: false },
});

export const alb = () => fixture<aws.lb.LoadBalancerArgs>("aws:lb/loadBalancer:LoadBalancer", "compute-alb", {
    name: "prod-fivestar-alb",
    loadBalancerType: "application",
    internal: false,
    subnets: ["network-public-a-id", "network-public-b-id"],
    securityGroups: ["security-groups-alb-id"],
    dropInvalidHeaderFields: true,
    desyncMitigationMode: "defensive",
    enableDeletionProtection: true,
    accessLogs: { bucket: "fivestar-payments-prod-alb-logs-123456789014", enabled: true },
});

export const httpsListener = () => fixture<aws.lb.ListenerArgs>("aws:lb/listener:Listener", "compute-alb-https", {
    loadBalancerArn: ARN("elasticloadbalancing", "loadbalancer/app/prod-fivestar-alb/1"),
    port: 443,
    protocol: "HTTPS",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    certificateArn: ARN("acm", "certificate/1"),
    defaultActions: [{ type: "forward", targetGroupArn: ARN("elasticloadbalancing", "targetgroup/internal-pe/1") }],
});

export const httpRedirectListener = () => fixture<aws.lb.ListenerArgs>("aws:lb/listener:Listener", "compute-alb-http", {
    loadBalancerArn: ARN("elasticloadbalancing", "loadbalancer/app/prod-fivestar-alb/1"),
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
});

export const wafAssociationOf = (target: RegisteredResource) => dependingOn(fixture<aws.wafv2.WebAclAssociationArgs>("aws:wafv2/webAclAssociation:WebAclAssociation", `${target.name}-waf`, {
    resourceArn: ARN("elasticloadbalancing", `loadbalancer/app/${target.name}/1`),
    webAclArn: ARN("wafv2", "regional/webacl/prod-fivestar-web-acl/1"),
}), target);

/** An ALB with its listeners and its WAF association, compliant as a whole (fits into a prod stack). */
export const albBundle = (): RegisteredResource[] => {
    const lb = alb();
    return [lb, httpsListener(), httpRedirectListener(), wafAssociationOf(lb)];
};

export const kmsKey = () => fixture<aws.kms.KeyArgs>("aws:kms/key:Key", "kms-database", {
    description: "Fivestar prod: RDS storage",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
});

export const trail = () => fixture<aws.cloudtrail.TrailArgs>("aws:cloudtrail/trail:Trail", "guardrails-cloudtrail", {
    name: "prod-fivestar-trail",
    s3BucketName: "fivestar-payments-prod-cloudtrail-123456789014",
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogging: true,
    enableLogFileValidation: true,
    kmsKeyId: KEY_ARN,
    cloudWatchLogsGroupArn: ARN("logs", "log-group:/aws/cloudtrail/prod-fivestar-trail:*"),
    cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/guardrails-cloudtrail-logs`,
});

export const detector = () => fixture<aws.guardduty.DetectorArgs>("aws:guardduty/detector:Detector", "guardrails-guardduty", {
    enable: true,
    findingPublishingFrequency: "FIFTEEN_MINUTES",
});

export const SERVICE_LINKED_CONFIG_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;

/** AWS Config: recorder (all supported types, service-linked role), started, delivering. */
export const configBundle = (roleArn = SERVICE_LINKED_CONFIG_ROLE): RegisteredResource[] => [
    fixture<aws.cfg.RecorderArgs>("aws:cfg/recorder:Recorder", "guardrails-config-recorder", {
        name: "prod-fivestar-config",
        roleArn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    }),
    fixture<aws.cfg.RecorderStatusArgs>("aws:cfg/recorderStatus:RecorderStatus", "guardrails-config-recorder", { name: "prod-fivestar-config", isEnabled: true }),
    fixture<aws.cfg.DeliveryChannelArgs>("aws:cfg/deliveryChannel:DeliveryChannel", "guardrails-config-delivery", {
        name: "prod-fivestar-config",
        s3BucketName: "fivestar-payments-prod-config-123456789014",
    }),
];

export const table = () => fixture<aws.dynamodb.TableArgs>("aws:dynamodb/table:Table", "tables-transactions", {
    name: "prod-fivestar-transactions",
    billingMode: "PAY_PER_REQUEST",
    hashKey: "transactionId",
    attributes: [{ name: "transactionId", type: "S" }],
    pointInTimeRecovery: { enabled: true },
    deletionProtectionEnabled: true,
    serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN },
});

/** §7.1.1's task role policy, as the security module writes it (a JSON string). */
export const TASK_ROLE_DOCUMENT = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "TransactionTables", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"], Resource: [ARN("dynamodb", "table/prod-fivestar-transactions")] },
        { Sid: "ReadEnvironmentSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: ARN("secretsmanager", "secret:fivestar/payments/prod/*") },
        { Sid: "DenyInsecure", Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
};

export const rolePolicy = (document: object = TASK_ROLE_DOCUMENT) => fixture<aws.iam.RolePolicyArgs>("aws:iam/rolePolicy:RolePolicy", "ecs-roles-task-access", {
    role: "prod-fivestar-ecs-task",
    policy: JSON.stringify(document),
});

export const role = (inlineDocument: object = TASK_ROLE_DOCUMENT, managedPolicyArns: string[] = []) => fixture<aws.iam.RoleArgs>("aws:iam/role:Role", "ecs-roles-task", {
    name: "prod-fivestar-ecs-task",
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    inlinePolicies: [{ name: "application-access", policy: JSON.stringify(inlineDocument) }],
    managedPolicyArns,
});

export const policyAttachment = (policyArn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy") =>
    fixture<aws.iam.RolePolicyAttachmentArgs>("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "ecs-roles-execution-managed", { role: "prod-fivestar-ecs-execution", policyArn });

export const alarm = () => fixture<aws.cloudwatch.MetricAlarmArgs>("aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-internal-pe-cpu", {
    name: "prod-internal-pe-cpu-high",
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
    metricName: "CPUUtilization",
    namespace: "AWS/ECS",
    period: 60,
    statistic: "Average",
    threshold: 80,
    actionsEnabled: true,
    alarmActions: [TOPIC_ARN],
    okActions: [TOPIC_ARN],
});

export const secret = () => fixture<aws.secretsmanager.SecretArgs>("aws:secretsmanager/secret:Secret", "app-secrets-database", {
    name: "fivestar/payments/prod/database",
    kmsKeyId: KEY_ARN,
    recoveryWindowInDays: 30,
});

export const bucket = (name = "guardrails-cloudtrail-bucket") => fixture<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", name, {
    bucket: `fivestar-payments-prod-${name}-123456789014`,
    forceDestroy: false,
});

export const publicAccessBlockOf = (target: RegisteredResource) => dependingOn(fixture<aws.s3.BucketPublicAccessBlockArgs>("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", target.name, {
    bucket: `${target.name}-id`,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
}), target);

export const encryptionOf = (target: RegisteredResource, sseAlgorithm = "aws:kms") => dependingOn(fixture<aws.s3.BucketServerSideEncryptionConfigurationArgs>(
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", target.name, {
        bucket: `${target.name}-id`,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, ...(sseAlgorithm === "AES256" ? {} : { kmsMasterKeyId: KEY_ARN }) }, bucketKeyEnabled: true }],
    }), target);

/** A private, KMS-encrypted bucket: the bucket with its public access block and encryption. */
export const bucketBundle = (name?: string): RegisteredResource[] => {
    const b = bucket(name);
    return [b, publicAccessBlockOf(b), encryptionOf(b)];
};

/** The stack's S3 server access log bucket (SSE-S3: a log destination cannot use SSE-KMS by default). */
export const logBucket = () => fixture<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", "s3-access-logs", {
    bucket: "fivestar-payments-prod-s3-access-logs-123456789014",
    forceDestroy: false,
});

/** `source` delivers its server access logs to `target`, named by value (as PrivateBucket does), after its source bucket. */
export const loggingOf = (source: RegisteredResource, target: RegisteredResource) => dependingOn(fixture<aws.s3.BucketLoggingArgs>(
    "aws:s3/bucketLogging:BucketLogging", source.name, {
        bucket: source.inputs.bucket as string,
        targetBucket: target.inputs.bucket as string,
        targetPrefix: `${String(source.inputs.bucket)}/`,
    }), source);
