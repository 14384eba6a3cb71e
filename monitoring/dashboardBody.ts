/**
 * The operations dashboard (§12.2.1's critical metrics) as a pure function of the real resource
 * identifiers, so a test can check that every widget points at what was actually deployed.
 */
import * as pulumi from "@pulumi/pulumi";
import { SERVICES, StackScope } from "../config/names";
import { ErrorMetric, MonitoredResources } from "./resources";
import { AlarmThresholds } from "../lib/thresholds";

/** The identifiers, resolved. */
export type ResolvedResources = pulumi.Unwrap<MonitoredResources>;

export interface DashboardSettings extends Pick<StackScope, "region"> {
    /** Alarm thresholds, drawn as lines on the matching widgets. */
    readonly thresholds: AlarmThresholds;
    /** The connections alarm's absolute threshold (connectionThreshold). */
    readonly dbConnectionsThreshold: number;
    readonly errorMetric: ErrorMetric;
}

/** [namespace, metric, dimension name, value, ..., options]: CloudWatch's dashboard metric row. */
type MetricRow = (string | Record<string, string>)[];

export interface MetricWidget {
    readonly type: "metric";
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly properties: {
        readonly title: string;
        readonly region: string;
        readonly view: "timeSeries";
        readonly stacked: false;
        readonly period: number;
        readonly stat: string;
        readonly metrics: MetricRow[];
        readonly annotations?: { readonly horizontal: { readonly label: string; readonly value: number }[] };
    };
}

export interface DashboardBody {
    readonly widgets: MetricWidget[];
}

interface Panel {
    readonly title: string;
    readonly stat: string;
    readonly metrics: MetricRow[];
    readonly alarmAt?: { readonly label: string; readonly value: number };
}

const WIDTH = 12;
const HEIGHT = 6;
const PERIOD = 60;

export function dashboardBody(settings: DashboardSettings, r: ResolvedResources): DashboardBody {
    const t = settings.thresholds;
    const dbs = [r.dbPrimaryIdentifier, ...r.dbReplicaIdentifiers];
    const tables = Object.entries(r.tableNames);
    const ecs = (metricName: string) => SERVICES.map((s): MetricRow =>
        ["AWS/ECS", metricName, "ClusterName", r.clusterName, "ServiceName", r.serviceNames[s], { label: s }]);
    const perTarget = (metricName: string) => SERVICES.map((s): MetricRow =>
        ["AWS/ApplicationELB", metricName, "LoadBalancer", r.albArnSuffix, "TargetGroup", r.targetGroupArnSuffixes[s], { label: s }]);
    const rds = (metricName: string, ids: readonly string[]) => ids.map((id): MetricRow => ["AWS/RDS", metricName, "DBInstanceIdentifier", id, { label: id }]);

    const panels: Panel[] = [
        { title: "ECS CPU utilisation (%)", stat: "Average", metrics: ecs("CPUUtilization"), alarmAt: { label: "CPU alarm", value: t.ecsCpu.percent } },
        { title: "ECS memory utilisation (%)", stat: "Average", metrics: ecs("MemoryUtilization"), alarmAt: { label: "Memory alarm", value: t.ecsMemory.percent } },
        {
            title: "ALB requests", stat: "Sum",
            metrics: [...perTarget("RequestCount"), ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", r.albArnSuffix, { label: "ALB total" }]],
        },
        {
            title: "ALB 5XX responses", stat: "Sum",
            metrics: [...perTarget("HTTPCode_Target_5XX_Count"), ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", r.albArnSuffix, { label: "ALB (ELB 5XX)" }]],
        },
        { title: "ALB target response time p99 (s)", stat: "p99", metrics: perTarget("TargetResponseTime") },
        { title: "ALB unhealthy targets", stat: "Maximum", metrics: perTarget("UnHealthyHostCount") },
        {
            title: "RDS connections", stat: "Maximum", metrics: rds("DatabaseConnections", dbs),
            alarmAt: { label: "Connections alarm", value: settings.dbConnectionsThreshold },
        },
        { title: "RDS CPU utilisation (%)", stat: "Average", metrics: rds("CPUUtilization", dbs), alarmAt: { label: "CPU alarm", value: t.rdsCpuPercent } },
        ...(r.dbReplicaIdentifiers.length > 0
            ? [{ title: "RDS replica lag (s)", stat: "Maximum", metrics: rds("ReplicaLag", r.dbReplicaIdentifiers), alarmAt: { label: "Lag alarm", value: t.replicaLagSeconds } }]
            : []),
        {
            title: "DynamoDB throttle events", stat: "Sum",
            metrics: tables.flatMap(([key, table]) => (["ReadThrottleEvents", "WriteThrottleEvents"] as const).map((m): MetricRow =>
                ["AWS/DynamoDB", m, "TableName", table, { label: `${key} ${m === "ReadThrottleEvents" ? "reads" : "writes"}` }])),
        },
        { title: "internal-pe ERROR log lines", stat: "Sum", metrics: [[settings.errorMetric.namespace, settings.errorMetric.name, { label: "ERROR lines" }]] },
    ];

    return {
        widgets: panels.map((p, i): MetricWidget => ({
            type: "metric",
            x: (i % 2) * WIDTH,
            y: Math.floor(i / 2) * HEIGHT,
            width: WIDTH,
            height: HEIGHT,
            properties: {
                title: p.title,
                region: settings.region,
                view: "timeSeries",
                stacked: false,
                period: PERIOD,
                stat: p.stat,
                metrics: p.metrics,
                ...(p.alarmAt ? { annotations: { horizontal: [p.alarmAt] } } : {}),
            },
        })),
    };
}
