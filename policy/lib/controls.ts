/**
 * The AWS Security Hub controls this pack enforces: id, title and severity as Security Hub
 * publishes them in the AWS Foundational Security Best Practices (FSBP) standard. Each rule names
 * its control here, so a finding in `pulumi preview` and a finding in Security Hub after deployment
 * read the same.
 */
import type { Severity } from "@pulumi/policy";

export interface Control {
    /** "RDS.2", or the AWS Config managed rule where FSBP has no control. */
    readonly id: string;
    readonly title: string;
    readonly severity: Severity;
    /** The standard the id belongs to. */
    readonly standard: "AWS Foundational Security Best Practices v1.0.0" | "AWS Config managed rule";
    readonly url: string;
}

const FSBP = "AWS Foundational Security Best Practices v1.0.0" as const;

/** "RDS.2" -> https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2 */
export function controlUrl(id: string): string {
    const [service, number] = id.toLowerCase().split(".");
    return `https://docs.aws.amazon.com/securityhub/latest/userguide/${service}-controls.html#${service}-${number}`;
}

function fsbp(id: string, title: string, severity: Severity): Control {
    return { id, title, severity, standard: FSBP, url: controlUrl(id) };
}

export const CONTROLS = {
    RDS_2: fsbp("RDS.2", "RDS DB instances should prohibit public access", "critical"),
    RDS_3: fsbp("RDS.3", "RDS DB instances should have encryption at-rest enabled", "medium"),
    RDS_5: fsbp("RDS.5", "RDS DB instances should be configured with multiple Availability Zones", "medium"),
    RDS_6: fsbp("RDS.6", "Enhanced monitoring should be configured for RDS DB instances", "low"),
    RDS_8: fsbp("RDS.8", "RDS DB instances should have deletion protection enabled", "low"),
    RDS_9: fsbp("RDS.9", "RDS DB instances should publish logs to CloudWatch Logs", "medium"),
    RDS_11: fsbp("RDS.11", "RDS instances should have automatic backups enabled", "medium"),
    RDS_13: fsbp("RDS.13", "RDS automatic minor version upgrades should be enabled", "high"),
    RDS_17: fsbp("RDS.17", "RDS DB instances should be configured to copy tags to snapshots", "low"),
    EC2_2: fsbp("EC2.2", "VPC default security groups should not allow inbound or outbound traffic", "high"),
    EC2_6: fsbp("EC2.6", "VPC flow logging should be enabled in all VPCs", "medium"),
    EC2_15: fsbp("EC2.15", "EC2 subnets should not automatically assign public IP addresses", "medium"),
    EC2_18: fsbp("EC2.18", "Security groups should only allow unrestricted incoming traffic for authorized ports", "high"),
    EC2_19: fsbp("EC2.19", "Security groups should not allow unrestricted access to ports with high risk", "critical"),
    ECS_2: fsbp("ECS.2", "ECS services should not have public IP addresses assigned to them automatically", "high"),
    ECS_4: fsbp("ECS.4", "ECS containers should run as non-privileged", "high"),
    ECS_5: fsbp("ECS.5", "ECS containers should be limited to read-only access to root filesystems", "high"),
    ECS_8: fsbp("ECS.8", "Secrets should not be passed as container environment variables", "high"),
    ECS_9: fsbp("ECS.9", "ECS task definitions should have a logging configuration", "high"),
    ECS_12: fsbp("ECS.12", "ECS clusters should use Container Insights", "medium"),
    ELB_1: fsbp("ELB.1", "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS", "medium"),
    ELB_4: fsbp("ELB.4", "Application Load Balancer should be configured to drop invalid http headers", "medium"),
    ELB_5: fsbp("ELB.5", "Application and Classic Load Balancers logging should be enabled", "medium"),
    ELB_6: fsbp("ELB.6", "Application, Gateway, and Network Load Balancers should have deletion protection enabled", "medium"),
    ELB_12: fsbp("ELB.12", "Application Load Balancer should be configured with defensive or strictest desync mitigation mode", "medium"),
    ELB_13: fsbp("ELB.13", "Application, Network and Gateway Load Balancers should span multiple Availability Zones", "medium"),
    ELB_16: fsbp("ELB.16", "Application Load Balancers should be associated with an AWS WAF web ACL", "medium"),
    ELB_17: fsbp("ELB.17", "Application and Network Load Balancers with listeners should use recommended security policies", "medium"),
    ELB_18: fsbp("ELB.18", "Application and Network Load Balancer listeners should use secure protocols to encrypt data in transit", "medium"),
    KMS_4: fsbp("KMS.4", "AWS KMS key rotation should be enabled", "medium"),
    CLOUDTRAIL_1: fsbp("CloudTrail.1", "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events", "high"),
    CLOUDTRAIL_2: fsbp("CloudTrail.2", "CloudTrail should have encryption at-rest enabled", "medium"),
    CLOUDTRAIL_4: fsbp("CloudTrail.4", "CloudTrail log file validation should be enabled", "low"),
    CLOUDTRAIL_5: fsbp("CloudTrail.5", "CloudTrail trails should be integrated with Amazon CloudWatch Logs", "low"),
    GUARDDUTY_1: fsbp("GuardDuty.1", "GuardDuty should be enabled", "high"),
    CONFIG_1: fsbp("Config.1", "AWS Config should be enabled and use the service-linked role for resource recording", "critical"),
    DYNAMODB_2: fsbp("DynamoDB.2", "DynamoDB tables should have point-in-time recovery enabled", "medium"),
    DYNAMODB_6: fsbp("DynamoDB.6", "DynamoDB tables should have deletion protection enabled", "medium"),
    IAM_1: fsbp("IAM.1", "IAM policies should not allow full \"*\" administrative privileges", "high"),
    IAM_5: fsbp("IAM.5", "MFA should be enabled for all IAM users that have a console password", "medium"),
    IAM_21: fsbp("IAM.21", "IAM customer managed policies that you create should not allow wildcard actions for services", "low"),
    CLOUDWATCH_15: fsbp("CloudWatch.15", "CloudWatch alarms should have specified actions configured", "high"),
    S3_8: fsbp("S3.8", "S3 general purpose buckets should block public access", "high"),
    S3_9: fsbp("S3.9", "S3 general purpose buckets should have server access logging enabled", "medium"),
    S3_17: fsbp("S3.17", "S3 general purpose buckets should be encrypted at rest with AWS KMS keys", "medium"),
    SECRETSMANAGER_CMK: {
        id: "secretsmanager-using-cmk",
        title: "Secrets Manager secrets should be encrypted with a customer managed KMS key",
        severity: "medium",
        standard: "AWS Config managed rule",
        url: "https://docs.aws.amazon.com/config/latest/developerguide/secretsmanager-using-cmk.html",
    },
} as const satisfies Record<string, Control>;
