/**
 * The log groups the services write to (§8.1.1, §12.1.1), created before them so that retention and
 * encryption are ours rather than the never-expiring, unencrypted groups AWS would create on first
 * write. Also the metric filter that counts ERROR lines of the internal-pe log (§12.2.2). The groups
 * RDS writes to belong to the database component (data/databaseLogGroups.ts).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, ServiceName, SERVICES, StackScope } from "../config/names";
import { ErrorMetric } from "./resources";
import { encryptedLogGroup, logSettings } from "../network/logGroup";

/** §12.2.2 searches the internal-pe log for this pattern; the filter counts the same lines. */
export const ERROR_FILTER_PATTERN = "ERROR";
export const ERROR_METRIC: ErrorMetric = Object.freeze({ namespace: "Fivestar/Payments", name: "InternalPeErrorLines" });

/** The logs CMK's key policy must admit logs.<region>.amazonaws.com (security/kmsPolicies.ts). */
export type LogGroupsArgs = Pick<StackScope, "environment" | "protect" | "logRetentionDays" | "logsKmsKeyArn">;

export class LogGroups extends pulumi.ComponentResource {
    public readonly serviceLogGroupNames: Record<ServiceName, pulumi.Output<string>>;
    public readonly serviceLogGroupArns: Record<ServiceName, pulumi.Output<string>>;
    /** The custom metric counting ERROR lines of the internal-pe log. */
    public readonly errorMetric: ErrorMetric;

    constructor(name: string, args: LogGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:monitoring:LogGroups", name, {}, opts);
        const logGroup = (suffix: string, groupName: string) => encryptedLogGroup(`${name}-${suffix}`, groupName, logSettings(args), { parent: this });

        const serviceGroups = mapServices((s) => logGroup(s, names.serviceLogGroup(args.environment, s)));

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
            errorMetric: this.errorMetric,
        });
    }
}

function mapServices<T>(f: (s: ServiceName) => T): Record<ServiceName, T> {
    return Object.fromEntries(SERVICES.map((s) => [s, f(s)])) as Record<ServiceName, T>;
}
