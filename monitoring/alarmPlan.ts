/**
 * Every alarm of §12.2.1 (and the few more operators of this stack expect) as data: what is measured,
 * against which resource, for how long. The Alarms component only turns these into MetricAlarms.
 */
import * as pulumi from "@pulumi/pulumi";
import { names, ServiceName, SERVICES, StackScope } from "../config/names";
import { ErrorMetric, MonitoredResources } from "./resources";
import { AlarmThresholds, AlarmWindow, connectionThreshold, freeStorageThresholdBytes, sustainedFor, summedOver } from "../lib/thresholds";

export type Dimensions = Readonly<Record<string, pulumi.Input<string>>>;

export interface MetricRef {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Dimensions;
    readonly stat: string;
}

/** One line of a metric-math alarm: a metric to fetch, or the expression the alarm watches. */
export interface MetricQuery {
    readonly id: string;
    readonly metric?: MetricRef;
    readonly expression?: string;
    readonly label?: string;
    readonly returnData: boolean;
}

export interface AlarmSpec {
    /** Suffix of the alarm's logical name; stable, never derived from an Output. */
    readonly key: string;
    readonly alarmName: string;
    readonly description: string;
    readonly comparisonOperator: "GreaterThanThreshold" | "LessThanThreshold";
    readonly threshold: number;
    readonly window: AlarmWindow;
    /**
     * Counts treat silence as "nothing happened"; gauges keep their last state when data is missing; a
     * metric our own checker publishes treats silence as breaching (the checker or what it reads is broken).
     */
    readonly treatMissingData: "missing" | "notBreaching" | "breaching";
    /** Exactly one of `metric` and `metricQueries` is set. */
    readonly metric?: MetricRef;
    readonly metricQueries?: readonly MetricQuery[];
}

export interface AlarmPlanInput extends MonitoredResources, Pick<StackScope, "environment"> {
    /** Allocated storage of every instance in GiB (config `rdsAllocatedStorageGb`). */
    readonly allocatedStorageGb: number;
    /** max_connections the parameter group sets on every instance (config `rdsMaxConnections`). */
    readonly maxConnections: number;
    /** The ERROR-line metric (LogGroups.errorMetric). */
    readonly errorMetric: ErrorMetric;
    /** ALARM_THRESHOLDS (§12.2.1); a parameter so the plan can be tested with other values. */
    readonly thresholds: AlarmThresholds;
}

const ALB = "AWS/ApplicationELB";

const metric = (namespace: string, metricName: string, dimensions: Dimensions, stat: string): MetricRef => ({ namespace, metricName, dimensions, stat });

/**
 * 5XX responses as a percentage of requests. No traffic gives no `requests` datapoint, and a period
 * with requests but no 5XX has no 5XX datapoint: both mean "no errors", never an alarm.
 */
function errorRateQueries(dimensions: Dimensions, includeElb5xx: boolean): MetricQuery[] {
    const errors = includeElb5xx ? "(FILL(target5xx, 0) + FILL(elb5xx, 0))" : "FILL(target5xx, 0)";
    return [
        { id: "requests", metric: metric(ALB, "RequestCount", dimensions, "Sum"), returnData: false },
        { id: "target5xx", metric: metric(ALB, "HTTPCode_Target_5XX_Count", dimensions, "Sum"), returnData: false },
        ...(includeElb5xx ? [{ id: "elb5xx", metric: metric(ALB, "HTTPCode_ELB_5XX_Count", dimensions, "Sum"), returnData: false }] : []),
        { id: "errorRate", expression: `IF(requests > 0, 100 * ${errors} / requests, 0)`, label: "5XX error rate (%)", returnData: true },
    ];
}

function serviceAlarms(i: AlarmPlanInput, service: ServiceName): AlarmSpec[] {
    const t = i.thresholds;
    const prefix = names.ecsService(i.environment, service);
    const ecs = { ClusterName: i.clusterName, ServiceName: i.serviceNames[service] };
    const targets = { LoadBalancer: i.albArnSuffix, TargetGroup: i.targetGroupArnSuffixes[service] };
    return [
        {
            key: `${service}-cpu`, alarmName: `${prefix}-cpu-high`,
            description: `${service}: CPU above ${t.ecsCpu.percent} % for ${t.ecsCpu.minutes} minutes (§12.2.1)`,
            comparisonOperator: "GreaterThanThreshold", threshold: t.ecsCpu.percent, window: sustainedFor(t.ecsCpu.minutes),
            treatMissingData: "missing", metric: metric("AWS/ECS", "CPUUtilization", ecs, "Average"),
        },
        {
            key: `${service}-memory`, alarmName: `${prefix}-memory-high`,
            description: `${service}: memory above ${t.ecsMemory.percent} % for ${t.ecsMemory.minutes} minutes (§12.2.1)`,
            comparisonOperator: "GreaterThanThreshold", threshold: t.ecsMemory.percent, window: sustainedFor(t.ecsMemory.minutes),
            treatMissingData: "missing", metric: metric("AWS/ECS", "MemoryUtilization", ecs, "Average"),
        },
        {
            // The ALB's own 5XX carry no TargetGroup dimension: they are counted by the ALB-wide alarm.
            key: `${service}-5xx-rate`, alarmName: `${prefix}-5xx-rate-high`,
            description: `${service}: target 5XX above ${t.errorRate.percent} % of requests for ${t.errorRate.minutes} minutes (§12.2.1)`,
            comparisonOperator: "GreaterThanThreshold", threshold: t.errorRate.percent, window: sustainedFor(t.errorRate.minutes),
            treatMissingData: "notBreaching", metricQueries: errorRateQueries(targets, false),
        },
        {
            key: `${service}-unhealthy-hosts`, alarmName: `${prefix}-unhealthy-hosts`,
            description: `${service}: a target failed its health check for ${t.sustainMinutes} minutes`,
            comparisonOperator: "GreaterThanThreshold", threshold: 0, window: sustainedFor(t.sustainMinutes),
            treatMissingData: "notBreaching", metric: metric(ALB, "UnHealthyHostCount", targets, "Maximum"),
        },
    ];
}

function albAlarm(i: AlarmPlanInput): AlarmSpec {
    const t = i.thresholds;
    return {
        key: "alb-5xx-rate", alarmName: `${names.loadBalancer(i.environment)}-5xx-rate-high`,
        description: `ALB: target and ALB 5XX above ${t.errorRate.percent} % of requests for ${t.errorRate.minutes} minutes (§12.2.1)`,
        comparisonOperator: "GreaterThanThreshold", threshold: t.errorRate.percent, window: sustainedFor(t.errorRate.minutes),
        treatMissingData: "notBreaching", metricQueries: errorRateQueries({ LoadBalancer: i.albArnSuffix }, true),
    };
}

function databaseAlarms(i: AlarmPlanInput): AlarmSpec[] {
    const t = i.thresholds;
    const window = sustainedFor(t.sustainMinutes);
    const instances = [
        { key: "db", physical: names.dbInstance(i.environment), id: i.dbPrimaryIdentifier, replica: false },
        ...i.dbReplicaIdentifiers.map((id, n) => ({ key: `db-replica-${n + 1}`, physical: names.dbReplica(i.environment, n), id, replica: true })),
    ];
    const connections = connectionThreshold(i.maxConnections, t.dbConnectionsPercent);
    const freeBytes = freeStorageThresholdBytes(i.allocatedStorageGb, t.rdsFreeStoragePercent);
    return instances.flatMap(({ key, physical, id, replica }) => {
        const rds = (metricName: string, stat: string) => metric("AWS/RDS", metricName, { DBInstanceIdentifier: id }, stat);
        const specs: AlarmSpec[] = [
            {
                key: `${key}-connections`, alarmName: `${physical}-connections-high`,
                description: `${physical}: more than ${connections} connections (${t.dbConnectionsPercent} % of max_connections ${i.maxConnections}) for ${t.sustainMinutes} minutes (§12.2.1)`,
                comparisonOperator: "GreaterThanThreshold", threshold: connections, window,
                treatMissingData: "missing", metric: rds("DatabaseConnections", "Maximum"),
            },
            {
                key: `${key}-cpu`, alarmName: `${physical}-cpu-high`,
                description: `${physical}: CPU above ${t.rdsCpuPercent} % for ${t.sustainMinutes} minutes`,
                comparisonOperator: "GreaterThanThreshold", threshold: t.rdsCpuPercent, window,
                treatMissingData: "missing", metric: rds("CPUUtilization", "Average"),
            },
            {
                key: `${key}-free-storage`, alarmName: `${physical}-free-storage-low`,
                description: `${physical}: free storage below ${t.rdsFreeStoragePercent} % of ${i.allocatedStorageGb} GiB for ${t.sustainMinutes} minutes`,
                comparisonOperator: "LessThanThreshold", threshold: freeBytes, window,
                treatMissingData: "missing", metric: rds("FreeStorageSpace", "Minimum"),
            },
        ];
        if (replica) {
            specs.push({
                key: `${key}-replica-lag`, alarmName: `${physical}-replica-lag-high`,
                description: `${physical}: more than ${t.replicaLagSeconds} s behind the primary for ${t.sustainMinutes} minutes`,
                comparisonOperator: "GreaterThanThreshold", threshold: t.replicaLagSeconds, window,
                treatMissingData: "missing", metric: rds("ReplicaLag", "Maximum"),
            });
        }
        return specs;
    });
}

function tableAlarms(i: AlarmPlanInput): AlarmSpec[] {
    const t = i.thresholds;
    return Object.entries(i.tableNames).map(([key, table]): AlarmSpec => {
        // The key becomes part of logical and alarm names: keep it a plain short name.
        if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`table key "${key}" must be a short name of lowercase letters, digits and dashes`);
        const events = (id: string, metricName: string): MetricQuery => ({ id, metric: metric("AWS/DynamoDB", metricName, { TableName: table }, "Sum"), returnData: false });
        return {
            key: `${key}-throttles`, alarmName: `${i.environment}-fivestar-${key}-throttles`,
            description: `DynamoDB ${key}: more than ${t.dynamodbThrottleEvents} throttled reads + writes in ${t.sustainMinutes} minutes (§12.2.1)`,
            comparisonOperator: "GreaterThanThreshold", threshold: t.dynamodbThrottleEvents, window: summedOver(t.sustainMinutes),
            treatMissingData: "notBreaching",
            metricQueries: [
                events("reads", "ReadThrottleEvents"),
                events("writes", "WriteThrottleEvents"),
                { id: "throttles", expression: "FILL(reads, 0) + FILL(writes, 0)", label: "Throttle events", returnData: true },
            ],
        };
    });
}

function errorLogAlarm(i: AlarmPlanInput): AlarmSpec {
    const t = i.thresholds;
    return {
        key: "internal-pe-error-lines", alarmName: `${i.environment}-fivestar-internal-pe-error-lines`,
        description: `internal-pe: more than ${t.errorLogLines} ERROR log lines in ${t.sustainMinutes} minutes (§12.2.2)`,
        comparisonOperator: "GreaterThanThreshold", threshold: t.errorLogLines, window: summedOver(t.sustainMinutes),
        treatMissingData: "notBreaching", metric: metric(i.errorMetric.namespace, i.errorMetric.name, {}, "Sum"),
    };
}

export function planAlarms(input: AlarmPlanInput): AlarmSpec[] {
    return [
        ...SERVICES.flatMap((s) => serviceAlarms(input, s)),
        albAlarm(input),
        ...databaseAlarms(input),
        ...tableAlarms(input),
        errorLogAlarm(input),
    ];
}
