/**
 * Application Auto Scaling of the ECS services (§4.1.3) and the after-hours capacities (§2.2.1), as data.
 */
export const ECS_SCALABLE_DIMENSION = "ecs:service:DesiredCount";
export const ECS_SERVICE_NAMESPACE = "ecs";

/** The scalable target id of an ECS service. */
export function ecsServiceResourceId(clusterName: string, serviceName: string): string {
    return `service/${clusterName}/${serviceName}`;
}

export interface ScalingPlan {
    /** A scalable target exists: autoscaling or a schedule manages the desired count. */
    readonly registerTarget: boolean;
    /** CPU and memory target tracking between min and max. */
    readonly targetTracking: boolean;
}

/**
 * Target tracking only when there is room to scale (max > min, prod 2..10). The scheduled actions of the
 * after-hours shutdown act on a scalable target too, and a service can have only one, so a scheduled
 * service gets a target even where min = max (dev: 1..1, no policies).
 */
export function scalingPlan(minCapacity: number, maxCapacity: number, scheduled: boolean): ScalingPlan {
    if (minCapacity > maxCapacity) throw new Error(`minCapacity ${minCapacity} is greater than maxCapacity ${maxCapacity}`);
    const targetTracking = maxCapacity > minCapacity;
    return { registerTarget: targetTracking || scheduled, targetTracking };
}

export interface TargetTrackingSpec {
    /** Logical and policy name suffix. */
    readonly metric: "cpu" | "memory";
    readonly predefinedMetricType: "ECSServiceAverageCPUUtilization" | "ECSServiceAverageMemoryUtilization";
    readonly targetValue: number;
    readonly scaleOutCooldown: number;
    readonly scaleInCooldown: number;
}

/**
 * Scale out fast (a minute), scale in slowly (five): adding a task costs little, removing one during a
 * passing dip means adding it back under load. Targets sit below the §12.2.1 alarms (80 % CPU, 85 %
 * memory) so the service grows before anyone is paged.
 */
export function targetTrackingPolicies(cpuTargetPercent: number, memoryTargetPercent: number): TargetTrackingSpec[] {
    const cooldowns = { scaleOutCooldown: 60, scaleInCooldown: 300 };
    return [
        { metric: "cpu", predefinedMetricType: "ECSServiceAverageCPUUtilization", targetValue: cpuTargetPercent, ...cooldowns },
        { metric: "memory", predefinedMetricType: "ECSServiceAverageMemoryUtilization", targetValue: memoryTargetPercent, ...cooldowns },
    ];
}
