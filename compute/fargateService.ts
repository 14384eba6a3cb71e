/**
 * One service of §5 on Fargate: its task definition `<env>-fivestar-<service>` (container from
 * containerDefinitions.ts) and the ECS service `<env>-<service>-service` (§10, §11) in the private app
 * subnets, without public IPs, behind the ECS security group and the ALB target group.
 *
 * Pulumi stays authoritative over what runs. The service points at the exact task definition revision
 * Pulumi registered, and that reference is NOT in ignoreChanges: a change made behind Pulumi's back
 * (the guide's `aws ecs update-service`) shows as drift and the next `up` undoes it. A rollback is a
 * config change (the image tag) and an `up`, which registers a revision with the old image.
 * Only the desired count is left to Application Auto Scaling where it manages the service.
 *
 * A failed deployment rolls itself back (circuit breaker), and `up` waits for the service to be steady,
 * so an `up` that ships a broken image fails instead of reporting success.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CONTAINER_PORTS, names, ServiceName, StackScope } from "../config/names";
import { serviceCapacityStrategy } from "./capacity";
import { AppSettings } from "./appSettings";
import { AspnetcoreEnvironment, containerDefinitions, ContainerInput, taskVolumes } from "./containerDefinitions";

/** internal-pe's application settings (§4.1, §5.2.1). */
export interface InternalPeSettings {
    readonly service: "internal-pe";
    /** cfg.app.aspnetcoreEnvironment */
    readonly aspnetcoreEnvironment: AspnetcoreEnvironment;
    /** appSecrets.databaseSecretArn: DATABASE_CONNECTION_STRING (§5.2.1). */
    readonly databaseSecretArn: pulumi.Input<string>;
}

/** customer-portal needs no settings and no secret. */
export interface CustomerPortalSettings {
    readonly service: "customer-portal";
}

export interface FargateServiceArgs extends Pick<StackScope, "environment"> {
    /** cfg.account.region: where the containers' logs go. */
    readonly region: string;
    /** Which service, with its own settings. */
    readonly settings: InternalPeSettings | CustomerPortalSettings;
    /** §4.1 Debug, LogLevel and integration environments, for both services (compute/appSettings.ts). */
    readonly app: pulumi.Input<AppSettings>;
    /** cluster.clusterArn */
    readonly clusterArn: pulumi.Input<string>;
    /** cfg.ecs.cpu (Fargate units). */
    readonly cpu: number;
    /** cfg.ecs.memory (MiB). */
    readonly memory: number;
    /** cfg.ecs.desiredCount: the count at creation and whenever nothing else manages it. */
    readonly desiredCount: number;
    /** repositories.repositoryUrls[service] */
    readonly repositoryUrl: pulumi.Input<string>;
    /** cfg.images.tags[service] */
    readonly imageTag: string;
    /** logGroups.serviceLogGroupNames[service] (§8.1.1; the monitoring module creates the group). */
    readonly logGroupName: pulumi.Input<string>;
    /** ecsRoles.executionRoleArn: pulls the image, writes logs, reads the secret. */
    readonly executionRoleArn: pulumi.Input<string>;
    /** ecsRoles.taskRoleArn for internal-pe (§7.1.1); undefined: the task gets no AWS credentials. */
    readonly taskRoleArn?: pulumi.Input<string>;
    /** network.appSubnetIds */
    readonly subnetIds: pulumi.Input<string>[];
    /** securityGroups.ecsSecurityGroupId */
    readonly securityGroupId: pulumi.Input<string>;
    /** alb.targetGroupArns[service] */
    readonly targetGroupArn: pulumi.Input<string>;
    /** cfg.ecs.healthCheckGracePeriodSeconds */
    readonly healthCheckGracePeriodSeconds: number;
    /** cfg.ecs.execEnabled */
    readonly enableExecuteCommand: boolean;
    /** True where Application Auto Scaling owns the desired count (autoscaling or after-hours schedule). */
    readonly desiredCountManagedByAutoscaling: boolean;
}

export class FargateService extends pulumi.ComponentResource {
    public readonly serviceName: pulumi.Output<string>;
    public readonly serviceArn: pulumi.Output<string>;
    public readonly taskDefinitionArn: pulumi.Output<string>;
    public readonly taskDefinitionFamily: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:FargateService", name, {}, opts);
        const env = args.environment;
        const settings = args.settings;
        const service: ServiceName = settings.service;
        const databaseSecretArn = settings.service === "internal-pe" ? settings.databaseSecretArn : "";

        const definitions = pulumi.all([args.repositoryUrl, args.logGroupName, databaseSecretArn, args.app]).apply(([url, logGroupName, secretArn, app]) => {
            const common = { image: `${url}:${args.imageTag}`, region: args.region, logGroupName, app: app as AppSettings };
            const input: ContainerInput = settings.service === "internal-pe"
                ? { ...common, service: "internal-pe", aspnetcoreEnvironment: settings.aspnetcoreEnvironment, databaseSecretArn: secretArn }
                : { ...common, service: "customer-portal" };
            return JSON.stringify(containerDefinitions(input));
        });

        const taskDefinition = new aws.ecs.TaskDefinition(name, {
            family: names.taskFamily(env, service),
            networkMode: "awsvpc",
            requiresCompatibilities: ["FARGATE"],
            cpu: String(args.cpu),
            memory: String(args.memory),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
            executionRoleArn: args.executionRoleArn,
            taskRoleArn: args.taskRoleArn,
            containerDefinitions: definitions,
            volumes: taskVolumes(service),
            // Earlier revisions stay ACTIVE: §10's break-glass script can still select one if Pulumi is unavailable.
            skipDestroy: true,
        }, { parent: this });

        const ecsService = new aws.ecs.Service(name, {
            name: names.ecsService(env, service),
            cluster: args.clusterArn,
            taskDefinition: taskDefinition.arn,
            desiredCount: args.desiredCount,
            capacityProviderStrategies: serviceCapacityStrategy(service).map((s) => ({ ...s })),
            networkConfiguration: { subnets: args.subnetIds, securityGroups: [args.securityGroupId], assignPublicIp: false },
            loadBalancers: [{ targetGroupArn: args.targetGroupArn, containerName: service, containerPort: CONTAINER_PORTS[service] }],
            healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds,
            deploymentCircuitBreaker: { enable: true, rollback: true },
            deploymentMinimumHealthyPercent: 100,
            deploymentMaximumPercent: 200,
            availabilityZoneRebalancing: "ENABLED",
            enableExecuteCommand: args.enableExecuteCommand,
            enableEcsManagedTags: true,
            propagateTags: "SERVICE",
            waitForSteadyState: true,
            tags: { Name: names.ecsService(env, service), Service: service },
        }, { parent: this, ignoreChanges: args.desiredCountManagedByAutoscaling ? ["desiredCount"] : [] });

        this.serviceName = ecsService.name;
        this.serviceArn = ecsService.id;
        this.taskDefinitionArn = taskDefinition.arn;
        this.taskDefinitionFamily = taskDefinition.family;
        this.registerOutputs({
            serviceName: this.serviceName,
            taskDefinitionArn: this.taskDefinitionArn,
            taskDefinitionFamily: this.taskDefinitionFamily,
        });
    }
}
