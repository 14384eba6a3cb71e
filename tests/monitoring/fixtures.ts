/**
 * Monitoring args per stack, cut from the committed stack config the way index.ts does, plus the
 * identifiers the other components would hand over (realistic, distinct strings).
 */
import { parseStackConfig, StackConfig } from "../../config";
import { Environment, names, ServiceName } from "../../config/names";
import { AlarmsArgs } from "../../monitoring/alarms";
import { ERROR_METRIC } from "../../monitoring/logGroups";
import { MonitoredResources } from "../../monitoring/resources";
import { ALARM_THRESHOLDS } from "../../lib/thresholds";
import { rawStackConfig } from "../support/config";

export const STACKS: readonly Environment[] = ["dev", "staging", "prod"];
export const TOPIC_ARN = "arn:aws:sns:ap-south-1:123456789012:alerts";
export const LOGS_KEY = "arn:aws:kms:ap-south-1:123456789012:key/logs";
export const GENERAL_KEY = "arn:aws:kms:ap-south-1:123456789012:key/general";

export function stackConfig(env: Environment): StackConfig {
    return parseStackConfig(rawStackConfig(env));
}

export const albSuffix = (env: Environment) => `app/${names.loadBalancer(env)}/50dc6c495c0c9188`;
export const tgSuffix = (env: Environment, s: ServiceName) => `targetgroup/${env}-${s}/6d0ecf831eec9f09`;

/** What Compute and Database would pass, for a stack with `replicas` read replicas. */
export function monitoredResources(env: Environment, replicas: number): MonitoredResources {
    return {
        clusterName: names.ecsCluster(env),
        serviceNames: { "internal-pe": names.ecsService(env, "internal-pe"), "customer-portal": names.ecsService(env, "customer-portal") },
        albArnSuffix: albSuffix(env),
        targetGroupArnSuffixes: { "internal-pe": tgSuffix(env, "internal-pe"), "customer-portal": tgSuffix(env, "customer-portal") },
        dbPrimaryIdentifier: names.dbInstance(env),
        dbReplicaIdentifiers: Array.from({ length: replicas }, (_, i) => names.dbReplica(env, i)),
        tableNames: { transactions: names.transactionsTable(env), "transaction-queue": names.transactionQueueTable(env) },
    };
}

export function alarmsArgs(env: Environment): AlarmsArgs {
    const cfg = stackConfig(env);
    return {
        environment: cfg.environment,
        topicArn: TOPIC_ARN,
        ...monitoredResources(env, cfg.rds.readReplicas),
        allocatedStorageGb: cfg.rds.allocatedStorageGb,
        maxConnections: cfg.rds.maxConnections,
        errorMetric: ERROR_METRIC,
        thresholds: ALARM_THRESHOLDS,
    };
}
