/**
 * Compute args per stack, cut from the committed stack config the way index.ts does, plus the
 * identifiers the other modules would hand over (realistic, distinct strings).
 */
import { IntegrationSettings } from "../../compute/appSettings";
import { parseStackConfig, StackConfig } from "../../config";
import { Environment, names, ServiceName } from "../../config/names";
import { ComputeArgs } from "../../compute/compute";
import { FargateServiceArgs } from "../../compute/fargateService";
import { PublicLoadBalancerArgs } from "../../compute/loadBalancer";
import { TEST_LOG_TARGET } from "../support/component";
import { rawStackConfig } from "../support/config";

export const STACKS: readonly Environment[] = ["dev", "staging", "prod"];
export const ACCOUNTS: Readonly<Record<Environment, string>> = { dev: "123456789012", staging: "123456789013", prod: "123456789014" };

export const T = {
    cluster: "aws:ecs/cluster:Cluster",
    capacity: "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
    repository: "aws:ecr/repository:Repository",
    lifecycle: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    alb: "aws:lb/loadBalancer:LoadBalancer",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    listener: "aws:lb/listener:Listener",
    rule: "aws:lb/listenerRule:ListenerRule",
    waf: "aws:wafv2/webAclAssociation:WebAclAssociation",
    bucket: "aws:s3/bucket:Bucket",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    bucketLifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketLogging: "aws:s3/bucketLogging:BucketLogging",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
    target: "aws:appautoscaling/target:Target",
    policy: "aws:appautoscaling/policy:Policy",
    scheduledAction: "aws:appautoscaling/scheduledAction:ScheduledAction",
    schedule: "aws:scheduler/schedule:Schedule",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
} as const;

export function stackConfig(env: Environment): StackConfig {
    return parseStackConfig(rawStackConfig(env));
}

const arn = (env: Environment, service: string, resource: string) => `arn:aws:${service}:ap-south-1:${ACCOUNTS[env]}:${resource}`;

/** What the security, network, data and monitoring modules hand over. */
export const upstream = (env: Environment) => ({
    vpcId: `vpc-${env}`,
    publicSubnetIds: [`subnet-${env}-public-a`, `subnet-${env}-public-b`],
    appSubnetIds: [`subnet-${env}-app-a`, `subnet-${env}-app-b`],
    albSecurityGroupId: `sg-${env}-alb`,
    ecsSecurityGroupId: `sg-${env}-ecs`,
    executionRoleArn: `arn:aws:iam::${ACCOUNTS[env]}:role/${names.ecsExecutionRole(env)}`,
    taskRoleArn: `arn:aws:iam::${ACCOUNTS[env]}:role/${names.ecsTaskRole(env)}`,
    databaseSecretArn: arn(env, "secretsmanager", `secret:${names.secretPrefix(env)}/database-AbCdEf`),
    generalKeyArn: arn(env, "kms", `key/general-${env}`),
    webAclArn: arn(env, "wafv2", `regional/webacl/${names.webAcl(env)}/0f1e2d3c`),
    dbIdentifier: names.dbInstance(env),
    dbArn: arn(env, "rds", `db:${names.dbInstance(env)}`),
    logGroupNames: { "internal-pe": names.serviceLogGroup(env, "internal-pe"), "customer-portal": names.serviceLogGroup(env, "customer-portal") },
});

/** The stack's §4.1 integration environments; the LMS URL as the mock's (dev) or unset. */
export function integrationSettings(env: Environment): IntegrationSettings {
    const i = stackConfig(env).integrations;
    return {
        razorpayEnvironment: i.razorpayEnvironment, juspayEnvironment: i.juspayEnvironment, lmsEnvironment: i.lmsEnvironment,
        lmsEndpoint: i.lmsEnvironment === "mock" ? "https://mocklms.lambda-url.ap-south-1.on.aws" : i.lmsEndpoint ?? "unset",
    };
}

/** The whole module, as index.ts builds it for a stack (WAF where the stack's guardrails turn it on). */
export function computeArgs(env: Environment): ComputeArgs {
    const cfg = stackConfig(env);
    const u = upstream(env);
    return {
        environment: cfg.environment,
        accountId: cfg.account.id,
        region: cfg.account.region,
        protect: cfg.protectStatefulResources,
        containerInsights: cfg.monitoring.detailedMonitoring,
        settings: cfg,
        network: { vpcId: u.vpcId, publicSubnetIds: u.publicSubnetIds, appSubnetIds: u.appSubnetIds },
        security: {
            albSecurityGroupId: u.albSecurityGroupId,
            ecsSecurityGroupId: u.ecsSecurityGroupId,
            executionRoleArn: u.executionRoleArn,
            taskRoleArn: u.taskRoleArn,
            databaseSecretArn: u.databaseSecretArn,
            generalKeyArn: u.generalKeyArn,
            webAclArn: cfg.guardrails.waf ? u.webAclArn : undefined,
            serverAccessLogging: TEST_LOG_TARGET,
        },
        logGroupNames: u.logGroupNames,
        integrations: integrationSettings(env),
        database: { identifier: u.dbIdentifier, arn: u.dbArn },
    };
}

export function loadBalancerArgs(env: Environment, overrides: Partial<PublicLoadBalancerArgs> = {}): PublicLoadBalancerArgs {
    const cfg = stackConfig(env);
    const u = upstream(env);
    return {
        environment: env,
        accountId: cfg.account.id,
        region: cfg.account.region,
        protect: cfg.protectStatefulResources,
        vpcId: u.vpcId,
        publicSubnetIds: u.publicSubnetIds,
        securityGroupId: u.albSecurityGroupId,
        certificateArn: cfg.alb.certificateArn,
        sslPolicy: cfg.alb.sslPolicy,
        desyncMitigationMode: cfg.alb.desyncMitigationMode,
        routing: cfg.alb.routing,
        accessLogRetentionDays: cfg.alb.accessLogRetentionDays,
        webAclArn: cfg.guardrails.waf ? u.webAclArn : undefined,
        serverAccessLogging: TEST_LOG_TARGET,
        ...overrides,
    };
}

export const repositoryUrl = (env: Environment, service: ServiceName) =>
    `${ACCOUNTS[env]}.dkr.ecr.ap-south-1.amazonaws.com/${names.ecrRepository(service)}`;
export const targetGroupArn = (env: Environment, service: ServiceName) =>
    arn(env, "elasticloadbalancing", `targetgroup/${env}-${service}/73e2d6bc24d8a067`);

export function fargateServiceArgs(env: Environment, service: ServiceName, overrides: Partial<FargateServiceArgs> = {}): FargateServiceArgs {
    const cfg = stackConfig(env);
    const u = upstream(env);
    return {
        environment: env,
        region: cfg.account.region,
        settings: service === "internal-pe"
            ? { service, aspnetcoreEnvironment: cfg.app.aspnetcoreEnvironment, databaseSecretArn: u.databaseSecretArn }
            : { service },
        app: { environment: env, debug: cfg.app.debug, logLevel: cfg.app.logLevel, integrations: integrationSettings(env) },
        clusterArn: arn(env, "ecs", `cluster/${names.ecsCluster(env)}`),
        cpu: cfg.ecs.cpu,
        memory: cfg.ecs.memory,
        desiredCount: cfg.ecs.desiredCount,
        repositoryUrl: repositoryUrl(env, service),
        imageTag: cfg.images.tags[service],
        logGroupName: u.logGroupNames[service],
        executionRoleArn: u.executionRoleArn,
        taskRoleArn: service === "internal-pe" ? u.taskRoleArn : undefined,
        subnetIds: u.appSubnetIds,
        securityGroupId: u.ecsSecurityGroupId,
        targetGroupArn: targetGroupArn(env, service),
        healthCheckGracePeriodSeconds: cfg.ecs.healthCheckGracePeriodSeconds,
        enableExecuteCommand: cfg.ecs.execEnabled,
        desiredCountManagedByAutoscaling: cfg.ecs.maxCapacity > cfg.ecs.minCapacity || cfg.afterHours.enabled,
        ...overrides,
    };
}
