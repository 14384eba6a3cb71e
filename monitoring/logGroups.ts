/**
 * The log groups the services and RDS write to (§8.1.1, §12.2.2), created before them so that
 * retention and encryption are ours rather than the never-expiring, unencrypted groups AWS would
 * create on first write. Also the metric filter that counts ERROR lines of the internal-pe log.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names, SERVICES, ServiceName } from "../config/names";
import { ErrorMetric } from "./resources";

/** The logs RDS for PostgreSQL can export; each lands in its own group. */
export const RDS_EXPORTED_LOGS = ["postgresql", "upgrade"] as const;
export type RdsLog = (typeof RDS_EXPORTED_LOGS)[number];

/** §12.2.2 searches the internal-pe log for this pattern; the filter counts the same lines. */
export const ERROR_FILTER_PATTERN = "ERROR";
export const ERROR_METRIC: ErrorMetric = Object.freeze({ namespace: "Fivestar/Payments", name: "InternalPeErrorLines" });

export interface LogGroupsArgs {
    readonly environment: Environment;
    /** Retention of every group in days (config `logRetentionDays`: 7 / 30 / 90). */
    readonly retentionDays: number;
    /** ARN of the CloudWatch Logs CMK (Security.logsKeyArn); its key policy must admit logs.<region>.amazonaws.com. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * DBInstanceIdentifiers of the primary and every replica, as names.ts fixes them (plain strings: they
     * name the groups, which must exist before the instances do).
     */
    readonly dbInstanceIdentifiers: readonly string[];
    /** Pulumi protect and CloudWatch deletion protection on every group (config `protectStatefulResources`). */
    readonly protect: boolean;
}

export class LogGroups extends pulumi.ComponentResource {
    public readonly serviceLogGroupNames: Record<ServiceName, pulumi.Output<string>>;
    public readonly serviceLogGroupArns: Record<ServiceName, pulumi.Output<string>>;
    /** Every RDS log group: the database instances depend on these so RDS never creates its own. */
    public readonly dbLogGroups: aws.cloudwatch.LogGroup[];
    /** Names of the RDS log groups by instance identifier and log, e.g. ["dev-fivestar-payments-db"]["postgresql"]. */
    public readonly dbLogGroupNames: Record<string, Record<RdsLog, pulumi.Output<string>>>;
    /** The custom metric counting ERROR lines of the internal-pe log. */
    public readonly errorMetric: ErrorMetric;

    constructor(name: string, args: LogGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        if (new Set(args.dbInstanceIdentifiers).size !== args.dbInstanceIdentifiers.length) {
            throw new Error(`dbInstanceIdentifiers lists an instance twice: ${args.dbInstanceIdentifiers.join(", ")}`);
        }
        super("fivestar:monitoring:LogGroups", name, {}, opts);
        const logGroup = (suffix: string, groupName: string) => new aws.cloudwatch.LogGroup(`${name}-${suffix}`, {
            name: groupName,
            retentionInDays: args.retentionDays,
            kmsKeyId: args.kmsKeyArn,
            deletionProtectionEnabled: args.protect,
        }, { parent: this, protect: args.protect });

        const serviceGroups = mapServices((s) => logGroup(s, names.serviceLogGroup(args.environment, s)));

        this.dbLogGroups = [];
        this.dbLogGroupNames = {};
        for (const id of args.dbInstanceIdentifiers) {
            const groups = RDS_EXPORTED_LOGS.map((log) => [log, logGroup(`${id}-${log}`, names.rdsLogGroup(id, log))] as const);
            this.dbLogGroups.push(...groups.map(([, group]) => group));
            this.dbLogGroupNames[id] = Object.fromEntries(groups.map(([log, group]) => [log, group.name])) as Record<RdsLog, pulumi.Output<string>>;
        }

        this.errorMetric = ERROR_METRIC;
        new aws.cloudwatch.LogMetricFilter(`${name}-internal-pe-errors`, {
            name: "internal-pe-error-lines",
            logGroupName: serviceGroups["internal-pe"].name,
            pattern: ERROR_FILTER_PATTERN,
            // A log event without ERROR counts 0, so the metric reads 0 rather than missing while the service logs.
            metricTransformation: { namespace: ERROR_METRIC.namespace, name: ERROR_METRIC.name, value: "1", defaultValue: "0", unit: "Count" },
        }, { parent: this });

        this.serviceLogGroupNames = mapServices((s) => serviceGroups[s].name);
        this.serviceLogGroupArns = mapServices((s) => serviceGroups[s].arn);
        this.registerOutputs({
            serviceLogGroupNames: this.serviceLogGroupNames,
            serviceLogGroupArns: this.serviceLogGroupArns,
            dbLogGroupNames: this.dbLogGroupNames,
            errorMetric: this.errorMetric,
        });
    }
}

function mapServices<T>(f: (s: ServiceName) => T): Record<ServiceName, T> {
    return Object.fromEntries(SERVICES.map((s) => [s, f(s)])) as Record<ServiceName, T>;
}
