/**
 * Application Auto Scaling of one ECS service: a scalable target between min and max (§4.1.3: prod
 * 2..10) with CPU and memory target tracking when max > min, or a bare target a schedule can act on
 * (scaling.ts), or nothing.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, ServiceName } from "../config/names";
import { ECS_SCALABLE_DIMENSION, ECS_SERVICE_NAMESPACE, ecsServiceResourceId, scalingPlan, targetTrackingPolicies } from "./scaling";

export interface ServiceAutoscalingArgs {
    /** cfg.environment: policy names. */
    readonly environment: Environment;
    readonly service: ServiceName;
    /** cluster.clusterName */
    readonly clusterName: pulumi.Input<string>;
    /** <service>.serviceName */
    readonly serviceName: pulumi.Input<string>;
    /** cfg.ecs.minCapacity */
    readonly minCapacity: number;
    /** cfg.ecs.maxCapacity */
    readonly maxCapacity: number;
    /** cfg.ecs.scaling.cpuTargetPercent */
    readonly cpuTargetPercent: number;
    /** cfg.ecs.scaling.memoryTargetPercent */
    readonly memoryTargetPercent: number;
    /** cfg.afterHours.enabled: a schedule will act on the target. */
    readonly scheduled: boolean;
}

export class ServiceAutoscaling extends pulumi.ComponentResource {
    /** The scalable target's id (`service/<cluster>/<service>`); undefined when there is no target. */
    public readonly scalableTargetResourceId?: pulumi.Output<string>;

    constructor(name: string, args: ServiceAutoscalingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:ServiceAutoscaling", name, {}, opts);
        const plan = scalingPlan(args.minCapacity, args.maxCapacity, args.scheduled);

        if (plan.registerTarget) {
            const target = new aws.appautoscaling.Target(name, {
                serviceNamespace: ECS_SERVICE_NAMESPACE,
                scalableDimension: ECS_SCALABLE_DIMENSION,
                resourceId: pulumi.all([args.clusterName, args.serviceName]).apply(([c, s]) => ecsServiceResourceId(c, s)),
                minCapacity: args.minCapacity,
                maxCapacity: args.maxCapacity,
            }, { parent: this });
            if (plan.targetTracking) {
                for (const p of targetTrackingPolicies(args.cpuTargetPercent, args.memoryTargetPercent)) {
                    new aws.appautoscaling.Policy(`${name}-${p.metric}`, {
                        name: `${args.environment}-${args.service}-${p.metric}-target-tracking`,
                        policyType: "TargetTrackingScaling",
                        serviceNamespace: target.serviceNamespace,
                        scalableDimension: target.scalableDimension,
                        resourceId: target.resourceId,
                        targetTrackingScalingPolicyConfiguration: {
                            predefinedMetricSpecification: { predefinedMetricType: p.predefinedMetricType },
                            targetValue: p.targetValue,
                            scaleOutCooldown: p.scaleOutCooldown,
                            scaleInCooldown: p.scaleInCooldown,
                        },
                    }, { parent: this });
                }
            }
            this.scalableTargetResourceId = target.resourceId;
        }
        this.registerOutputs({ scalableTargetResourceId: this.scalableTargetResourceId });
    }
}
