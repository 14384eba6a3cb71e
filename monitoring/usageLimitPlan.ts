/**
 * §2.2.1 resource limits of the development account as alarm specifications (pure, tested).
 * Service quotas can be raised but not lowered below AWS's defaults, so the guide's ceilings are
 * guards that notify when crossed (docs/decisions.md G12):
 *  - EC2: AWS/Usage ResourceCount of running on-demand Standard vCPUs (EC2 quotas count vCPUs, not
 *    instances: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-resource-limits.html);
 *  - RDS: AWS/Usage ResourceCount of DB instances (Service RDS, Resource DBInstances);
 *  - Lambda: AWS/Lambda ConcurrentExecutions across the account (no dimension).
 */
import { Environment, names } from "../config/names";

export interface UsageLimits {
    readonly ec2Vcpus?: number;
    readonly rdsInstances?: number;
    readonly lambdaConcurrency?: number;
}

export interface UsageAlarmSpec {
    readonly limit: "ec2-vcpus" | "rds-instances" | "lambda-concurrency";
    readonly name: string;
    readonly description: string;
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, string>>;
    readonly statistic: "Maximum";
    readonly periodSeconds: number;
    readonly threshold: number;
    readonly comparisonOperator: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold";
}

/** One alarm per set limit. */
export function usageLimitAlarms(env: Environment, limits: UsageLimits): UsageAlarmSpec[] {
    const specs: UsageAlarmSpec[] = [];
    /** An AWS/Usage ResourceCount alarm: more than `threshold` of what `dimensions` count. */
    const resourceCount = (limit: UsageAlarmSpec["limit"], threshold: number, what: string, dimensions: Record<string, string>): UsageAlarmSpec => ({
        limit, name: names.usageLimitAlarm(env, limit),
        description: `2.2.1 resource limit: more than ${threshold} ${what} in the ${env} account`,
        namespace: "AWS/Usage", metricName: "ResourceCount", dimensions,
        statistic: "Maximum", periodSeconds: 300, threshold, comparisonOperator: "GreaterThanThreshold",
    });
    if (limits.ec2Vcpus !== undefined) {
        specs.push(resourceCount("ec2-vcpus", limits.ec2Vcpus, "on-demand EC2 vCPUs running",
            { Service: "EC2", Type: "Resource", Resource: "vCPU", Class: "Standard/OnDemand" }));
    }
    if (limits.rdsInstances !== undefined) {
        specs.push(resourceCount("rds-instances", limits.rdsInstances, "RDS DB instances", { Service: "RDS", Type: "Resource", Resource: "DBInstances", Class: "None" }));
    }
    if (limits.lambdaConcurrency !== undefined) {
        specs.push({
            limit: "lambda-concurrency", name: names.usageLimitAlarm(env, "lambda-concurrency"),
            description: `2.2.1 resource limit: ${limits.lambdaConcurrency} or more concurrent Lambda executions in the ${env} account`,
            namespace: "AWS/Lambda", metricName: "ConcurrentExecutions", dimensions: {},
            statistic: "Maximum", periodSeconds: 60, threshold: limits.lambdaConcurrency, comparisonOperator: "GreaterThanOrEqualToThreshold",
        });
    }
    return specs;
}
