/**
 * One CloudWatch dashboard per environment (`<env>-fivestar-payments`), its body built by
 * dashboardBody() once the identifiers of the watched resources are known.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { dashboardBody, DashboardSettings } from "./dashboardBody";
import { ErrorMetric, MonitoredResources } from "./resources";
import { AlarmThresholds, connectionThreshold } from "../lib/thresholds";

export interface OperationsDashboardArgs extends MonitoredResources, Pick<StackScope, "environment" | "deployment"> {
    /** Region of the metrics (config `region`). */
    readonly region: string;
    /** The alarms' thresholds (ALARM_THRESHOLDS), drawn on the widgets. */
    readonly thresholds: AlarmThresholds;
    /** max_connections of the instances (config `rdsMaxConnections`). */
    readonly maxConnections: number;
    /** LogGroups.errorMetric. */
    readonly errorMetric: ErrorMetric;
}

export class OperationsDashboard extends pulumi.ComponentResource {
    public readonly dashboardName: pulumi.Output<string>;

    constructor(name: string, args: OperationsDashboardArgs, opts?: pulumi.ComponentResourceOptions) {
        // Everything that can be refused is checked now, not inside the apply that builds the body.
        const settings: DashboardSettings = {
            region: args.region,
            thresholds: args.thresholds,
            dbConnectionsThreshold: connectionThreshold(args.maxConnections, args.thresholds.dbConnectionsPercent),
            errorMetric: args.errorMetric,
        };
        super("fivestar:monitoring:OperationsDashboard", name, {}, opts);
        const resources = pulumi.output({
            clusterName: args.clusterName,
            serviceNames: args.serviceNames,
            albArnSuffix: args.albArnSuffix,
            targetGroupArnSuffixes: args.targetGroupArnSuffixes,
            dbPrimaryIdentifier: args.dbPrimaryIdentifier,
            dbReplicaIdentifiers: args.dbReplicaIdentifiers,
            tableNames: args.tableNames,
        });
        const dashboard = new aws.cloudwatch.Dashboard(`${name}-dashboard`, {
            dashboardName: names.dashboard(args.deployment ?? args.environment),
            dashboardBody: resources.apply((r) => JSON.stringify(dashboardBody(settings, r))),
        }, { parent: this });
        this.dashboardName = dashboard.dashboardName;
        this.registerOutputs({ dashboardName: this.dashboardName });
    }
}
