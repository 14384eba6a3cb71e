/**
 * What monitoring watches: the identifiers other components produce, as alarms and the dashboard
 * both take them. Inputs, so the lead passes Outputs and tests pass plain strings.
 */
import * as pulumi from "@pulumi/pulumi";
import { ServiceName } from "../config/names";

export interface MonitoredResources {
    /** ECS cluster name (Compute.clusterName). */
    readonly clusterName: pulumi.Input<string>;
    /** ECS service name per service (Compute.serviceNames). */
    readonly serviceNames: Readonly<Record<ServiceName, pulumi.Input<string>>>;
    /** `arnSuffix` of the ALB ("app/<name>/<id>"), the LoadBalancer dimension (Compute.albArnSuffix). */
    readonly albArnSuffix: pulumi.Input<string>;
    /** `arnSuffix` of each service's target group, the TargetGroup dimension (Compute.targetGroupArnSuffixes). */
    readonly targetGroupArnSuffixes: Readonly<Record<ServiceName, pulumi.Input<string>>>;
    /** DBInstanceIdentifier of the primary (Database.identifier). */
    readonly dbPrimaryIdentifier: pulumi.Input<string>;
    /** DBInstanceIdentifiers of the read replicas in replica order (Database.replicaIdentifiers); empty without replicas. */
    readonly dbReplicaIdentifiers: readonly pulumi.Input<string>[];
    /** DynamoDB table name by short name: { transactions: ..., "transaction-queue": ... } (Database). */
    readonly tableNames: Readonly<Record<string, pulumi.Input<string>>>;
}

/** The custom metric the ERROR metric filter publishes (LogGroups.errorMetric). */
export interface ErrorMetric {
    readonly namespace: string;
    readonly name: string;
}
