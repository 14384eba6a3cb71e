/**
 * The ECS cluster `<env>-fivestar-payments` (§3.2.2) with the FARGATE and FARGATE_SPOT capacity
 * providers and the guide's default strategy (capacity.ts). Container Insights where detailed
 * monitoring is on (§4.1: staging, prod). ECS Exec sessions, if ever enabled, are encrypted with the
 * general key and logged through the tasks' own log configuration.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { CLUSTER_CAPACITY_PROVIDERS, CLUSTER_DEFAULT_STRATEGY } from "./capacity";

export interface EcsClusterArgs extends Pick<StackScope, "environment"> {
    /** cfg.monitoring.detailedMonitoring: Container Insights on or off. */
    readonly containerInsights: boolean;
    /** kms.generalKeyArn: encrypts ECS Exec session data. */
    readonly execKmsKeyArn: pulumi.Input<string>;
}

export class EcsCluster extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    /** Resolves once the capacity providers are attached: a service using them can only be created then. */
    public readonly clusterArn: pulumi.Output<string>;

    constructor(name: string, args: EcsClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:EcsCluster", name, {}, opts);
        const clusterName = names.ecsCluster(args.environment);

        const cluster = new aws.ecs.Cluster(name, {
            name: clusterName,
            settings: [{ name: "containerInsights", value: args.containerInsights ? "enabled" : "disabled" }],
            configuration: { executeCommandConfiguration: { kmsKeyId: args.execKmsKeyArn, logging: "DEFAULT" } },
        }, { parent: this });
        const providers = new aws.ecs.ClusterCapacityProviders(name, {
            clusterName: cluster.name,
            capacityProviders: [...CLUSTER_CAPACITY_PROVIDERS],
            defaultCapacityProviderStrategies: CLUSTER_DEFAULT_STRATEGY.map((s) => ({ ...s })),
        }, { parent: this });

        this.clusterName = pulumi.all([cluster.name, providers.id]).apply(([n]) => n);
        this.clusterArn = pulumi.all([cluster.arn, providers.id]).apply(([arn]) => arn);
        this.registerOutputs({ clusterName: this.clusterName, clusterArn: this.clusterArn });
    }
}
