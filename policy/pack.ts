/**
 * The pack's contents, kept apart from index.ts: constructing a PolicyPack starts serving the
 * policy gRPC protocol, so tests import this file and never index.ts.
 */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { accountGuardrailPolicies } from "./rules/accountGuardrails";
import { cloudwatchPolicies } from "./rules/cloudwatch";
import { dynamodbPolicies } from "./rules/dynamodb";
import { ec2Policies } from "./rules/ec2";
import { ecsPolicies } from "./rules/ecs";
import { elbPolicies } from "./rules/elb";
import { iamPolicies, iamTrustPolicies } from "./rules/iam";
import { kmsPolicies } from "./rules/kms";
import { rdsPolicies } from "./rules/rds";
import { s3Policies } from "./rules/s3";
import { secretsPolicies } from "./rules/secrets";

export const PACK_NAME = "fivestar-aws-security";

/** Every rule is mandatory unless a stack's policy/config/<stack>.json lowers it (a documented waiver). */
export const PACK_ENFORCEMENT: EnforcementLevel = "mandatory";

export const PACK_DESCRIPTION =
    "AWS Security Hub Foundational Security Best Practices controls for the Fivestar Payments Engine: RDS, EC2/VPC, ECS, ELB, KMS, CloudTrail, GuardDuty, Config, DynamoDB, IAM, CloudWatch, Secrets Manager and S3.";

export const POLICIES: Policies = [
    ...rdsPolicies,
    ...ec2Policies,
    ...ecsPolicies,
    ...elbPolicies,
    ...kmsPolicies,
    ...accountGuardrailPolicies,
    ...dynamodbPolicies,
    ...iamPolicies,
    ...iamTrustPolicies,
    ...cloudwatchPolicies,
    ...secretsPolicies,
    ...s3Policies,
];
