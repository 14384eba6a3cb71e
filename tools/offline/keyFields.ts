/**
 * Which inputs the offline plan prints for each resource type: the sizing and identity a reviewer
 * checks first. A type not listed prints its name only.
 */
import type { ResourceType } from "../../lib/types";

export const KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
    "pulumi:providers:aws": ["region", "allowedAccountIds", "assumeRoles"],
    "aws:ec2/vpc:Vpc": ["cidrBlock", "enableDnsHostnames"],
    "aws:ec2/subnet:Subnet": ["cidrBlock", "availabilityZone"],
    "aws:ec2/natGateway:NatGateway": ["connectivityType"],
    "aws:ec2/vpcEndpoint:VpcEndpoint": ["serviceName", "vpcEndpointType"],
    "aws:ec2/flowLog:FlowLog": ["trafficType", "logDestinationType"],
    "aws:rds/subnetGroup:SubnetGroup": ["name"],
    "aws:cloudwatch/logGroup:LogGroup": ["name", "retentionInDays"],
    "aws:rds/instance:Instance": ["identifier", "instanceClass", "allocatedStorage", "multiAz", "backupRetentionPeriod", "engineVersion"],
    "aws:dynamodb/table:Table": ["name", "billingMode"],
    "aws:ecs/cluster:Cluster": ["name"],
    "aws:ecs/service:Service": ["name", "desiredCount"],
    "aws:ecs/taskDefinition:TaskDefinition": ["family", "cpu", "memory"],
    "aws:lb/loadBalancer:LoadBalancer": ["name", "internal"],
    "aws:lb/listener:Listener": ["port", "protocol"],
    "aws:kms/key:Key": ["description", "enableKeyRotation"],
    "aws:kms/alias:Alias": ["name"],
    "aws:secretsmanager/secret:Secret": ["name"],
    "aws:ssm/parameter:Parameter": ["name", "type"],
    "aws:iam/role:Role": ["name"],
    "aws:cloudwatch/metricAlarm:MetricAlarm": ["name", "threshold"],
    "aws:budgets/budget:Budget": ["limitAmount"],
    "aws:appautoscaling/target:Target": ["minCapacity", "maxCapacity"],
    "aws:s3/bucket:Bucket": ["bucket"],
    "aws:s3/bucketLogging:BucketLogging": ["targetBucket", "targetPrefix"],
} satisfies Partial<Record<ResourceType, readonly string[]>>;

function show(value: unknown): string {
    if (typeof value === "string") return value;
    return JSON.stringify(value);
}

export function keySummary(type: string, inputs: Record<string, unknown>): string {
    return (KEY_FIELDS[type] ?? [])
        .filter((field) => inputs[field] !== undefined)
        .map((field) => `${field}=${show(inputs[field])}`)
        .join(" ");
}
