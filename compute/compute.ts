/**
 * The compute module (§3.2.2, §4.1, §5, §2.2.1): cluster, image repositories, load balancer, the two
 * services, their autoscaling and the dev after-hours schedule, wired to each other here so index.ts
 * passes config and the other modules' outputs once.
 */
import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";
import { names, ServiceName, SERVICES, StackScope } from "../config/names";
import type { ServerAccessLogging } from "../security/privateBucket";
import { AfterHoursSchedule } from "./afterHoursSchedule";
import { ServiceAutoscaling } from "./autoscaling";
import { EcsCluster } from "./cluster";
import { IntegrationSettings } from "./appSettings";
import { FargateService } from "./fargateService";
import { PublicLoadBalancer } from "./loadBalancer";
import { ImageRepositories } from "./repositories";
import { scalingPlan } from "./scaling";

/** The compute part of StackConfig. */
export type ComputeSettings = Pick<StackConfig, "ecs" | "app" | "images" | "alb" | "afterHours">;

export interface ComputeArgs extends Pick<StackScope, "environment" | "deployment" | "accountId" | "region" | "protect"> {
    /** cfg.monitoring.detailedMonitoring: Container Insights. */
    readonly containerInsights: boolean;
    readonly settings: ComputeSettings;
    /** network.vpcId / publicSubnetIds / appSubnetIds */
    readonly network: {
        readonly vpcId: pulumi.Input<string>;
        readonly publicSubnetIds: pulumi.Input<string>[];
        readonly appSubnetIds: pulumi.Input<string>[];
    };
    /** From the security module. */
    readonly security: {
        readonly albSecurityGroupId: pulumi.Input<string>;
        readonly ecsSecurityGroupId: pulumi.Input<string>;
        readonly executionRoleArn: pulumi.Input<string>;
        /** Given to internal-pe only: the portal makes no AWS calls and gets no credentials. */
        readonly taskRoleArn: pulumi.Input<string>;
        readonly databaseSecretArn: pulumi.Input<string>;
        /** kms.generalKeyArn: ECR and ECS Exec. */
        readonly generalKeyArn: pulumi.Input<string>;
        /** guardrails.webAclArn where the WAF is on; undefined otherwise. */
        readonly webAclArn?: pulumi.Input<string>;
        /** The stack's S3 server access log bucket (the ALB log bucket logs its own access there). */
        readonly serverAccessLogging: ServerAccessLogging;
    };
    /** logGroups.serviceLogGroupNames (monitoring module). */
    readonly logGroupNames: Readonly<Record<ServiceName, pulumi.Input<string>>>;
    /** §4.1 integration environments; lmsEndpoint is the mock's URL in dev, "unset" until provided elsewhere. */
    readonly integrations: Omit<IntegrationSettings, "lmsEndpoint"> & { readonly lmsEndpoint: pulumi.Input<string> };
    /**
     * Issue 17, recovery stack: the services pull from the primary's ECR replicas in this region (same
     * repository names, created by ECR replication), so this stack creates no repository; and Pulumi sets the
     * services' desired count even under autoscaling, so a switch from standby (0 tasks) to active starts them.
     */
    readonly recovery?: boolean;
    /** database.identifier / database.arn: stopped and started after hours where that is on. */
    readonly database?: { readonly identifier: pulumi.Input<string>; readonly arn: pulumi.Input<string> };
}

export class Compute extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterArn: pulumi.Output<string>;
    public readonly repositoryUrls: Record<ServiceName, pulumi.Output<string>>;
    public readonly serviceNames: Record<ServiceName, pulumi.Output<string>>;
    public readonly taskDefinitionFamilies: Record<ServiceName, pulumi.Output<string>>;
    public readonly taskDefinitionArns: Record<ServiceName, pulumi.Output<string>>;
    public readonly albArn: pulumi.Output<string>;
    public readonly albArnSuffix: pulumi.Output<string>;
    public readonly albDnsName: pulumi.Output<string>;
    public readonly targetGroupArnSuffixes: Record<ServiceName, pulumi.Output<string>>;
    public readonly httpsListenerArn: pulumi.Output<string>;
    public readonly albAccessLogBucketName: pulumi.Output<string>;

    constructor(name: string, args: ComputeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:Compute", name, {}, opts);
        const parent = { parent: this };
        const s = args.settings;
        const env = args.environment;
        const plan = scalingPlan(s.ecs.minCapacity, s.ecs.maxCapacity, s.afterHours.enabled);

        const cluster = new EcsCluster(`${name}-cluster`, {
            environment: env, containerInsights: args.containerInsights, execKmsKeyArn: args.security.generalKeyArn,
        }, parent);
        const repositoryUrls = args.recovery
            ? replicatedRepositoryUrls(args.accountId, args.region)
            : new ImageRepositories(`${name}-images`, {
                kmsKeyArn: args.security.generalKeyArn, retainedImages: s.images.retainedImages, protect: args.protect,
            }, parent).repositoryUrls;
        const alb = new PublicLoadBalancer(`${name}-alb`, {
            environment: env,
            deployment: args.deployment,
            accountId: args.accountId,
            region: args.region,
            protect: args.protect,
            vpcId: args.network.vpcId,
            publicSubnetIds: args.network.publicSubnetIds,
            securityGroupId: args.security.albSecurityGroupId,
            certificateArn: s.alb.certificateArn,
            sslPolicy: s.alb.sslPolicy,
            desyncMitigationMode: s.alb.desyncMitigationMode,
            routing: s.alb.routing,
            accessLogRetentionDays: s.alb.accessLogRetentionDays,
            webAclArn: args.security.webAclArn,
            serverAccessLogging: args.security.serverAccessLogging,
        }, parent);

        const app = pulumi.output(args.integrations.lmsEndpoint).apply((lmsEndpoint) => ({
            environment: env, debug: s.app.debug, logLevel: s.app.logLevel, integrations: { ...args.integrations, lmsEndpoint },
        }));
        const services = {} as Record<ServiceName, FargateService>;
        const scaling = {} as Record<ServiceName, ServiceAutoscaling>;
        for (const service of SERVICES) {
            services[service] = new FargateService(`${name}-${service}`, {
                environment: env,
                region: args.region,
                settings: service === "internal-pe"
                    ? { service, aspnetcoreEnvironment: s.app.aspnetcoreEnvironment, databaseSecretArn: args.security.databaseSecretArn }
                    : { service },
                app,
                clusterArn: cluster.clusterArn,
                cpu: s.ecs.cpu,
                memory: s.ecs.memory,
                desiredCount: s.ecs.desiredCount,
                repositoryUrl: repositoryUrls[service],
                imageTag: s.images.tags[service],
                logGroupName: args.logGroupNames[service],
                executionRoleArn: args.security.executionRoleArn,
                taskRoleArn: service === "internal-pe" ? args.security.taskRoleArn : undefined,
                subnetIds: args.network.appSubnetIds,
                securityGroupId: args.security.ecsSecurityGroupId,
                targetGroupArn: alb.targetGroupArns[service],
                healthCheckGracePeriodSeconds: s.ecs.healthCheckGracePeriodSeconds,
                enableExecuteCommand: s.ecs.execEnabled,
                desiredCountManagedByAutoscaling: plan.registerTarget && !args.recovery,
            }, parent);
            scaling[service] = new ServiceAutoscaling(`${name}-${service}-scaling`, {
                environment: env,
                service,
                clusterName: cluster.clusterName,
                serviceName: services[service].serviceName,
                minCapacity: s.ecs.minCapacity,
                maxCapacity: s.ecs.maxCapacity,
                cpuTargetPercent: s.ecs.scaling.cpuTargetPercent,
                memoryTargetPercent: s.ecs.scaling.memoryTargetPercent,
                scheduled: s.afterHours.enabled,
            }, parent);
        }

        if (s.afterHours.enabled) {
            new AfterHoursSchedule(`${name}-after-hours`, {
                environment: env,
                accountId: args.accountId,
                schedule: s.afterHours,
                services: SERVICES.map((service) => {
                    const resourceId = scaling[service].scalableTargetResourceId;
                    if (!resourceId) throw new Error(`after-hours schedule: ${service} has no scalable target`);
                    return { service, resourceId, minCapacity: s.ecs.minCapacity, maxCapacity: s.ecs.maxCapacity };
                }),
                database: args.database,
            }, parent);
        }

        const perService = <T>(pick: (svc: FargateService) => pulumi.Output<T>) =>
            Object.fromEntries(SERVICES.map((svc) => [svc, pick(services[svc])])) as Record<ServiceName, pulumi.Output<T>>;
        this.clusterName = cluster.clusterName;
        this.clusterArn = cluster.clusterArn;
        this.repositoryUrls = repositoryUrls;
        this.serviceNames = perService((svc) => svc.serviceName);
        this.taskDefinitionFamilies = perService((svc) => svc.taskDefinitionFamily);
        this.taskDefinitionArns = perService((svc) => svc.taskDefinitionArn);
        this.albArn = alb.albArn;
        this.albArnSuffix = alb.albArnSuffix;
        this.albDnsName = alb.albDnsName;
        this.targetGroupArnSuffixes = alb.targetGroupArnSuffixes;
        this.httpsListenerArn = alb.httpsListenerArn;
        this.albAccessLogBucketName = alb.accessLogBucketName;
        this.registerOutputs({
            clusterName: this.clusterName,
            serviceNames: this.serviceNames,
            taskDefinitionFamilies: this.taskDefinitionFamilies,
            repositoryUrls: this.repositoryUrls,
            albDnsName: this.albDnsName,
            albArnSuffix: this.albArnSuffix,
            targetGroupArnSuffixes: this.targetGroupArnSuffixes,
        });
    }
}

/** An ECR repository of this account and region by name: `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. */
export function ecrRepositoryUrl(accountId: string, region: string, repository: string): string {
    return `${accountId}.dkr.ecr.${region}.amazonaws.com/${repository}`;
}

/** The services' repositories as ECR replication names them in this region (the primary's names). */
function replicatedRepositoryUrls(accountId: string, region: string): Record<ServiceName, pulumi.Output<string>> {
    return Object.fromEntries(SERVICES.map((s) => [s, pulumi.output(ecrRepositoryUrl(accountId, region, names.ecrRepository(s)))])) as Record<ServiceName, pulumi.Output<string>>;
}
