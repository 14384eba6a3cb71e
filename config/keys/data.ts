/**
 * RDS and DynamoDB keys (§2.2.3, §4.1, §6.1.1, §12.2).
 */
import { z } from "zod";
import {
    DEFAULT_ENGINE_VERSION, ENGINE_VERSION_RULE, engineVersionUpgradeProblem, isAcceptedEngineVersion, maxConnectionsCeiling, supportsPerformanceInsights,
} from "../../lib/postgres";
import { collect } from "../checks";
import { Environment } from "../names";
import { awsRegion, bool, int, key, ParsedKeys, qualified, show } from "../keyHelpers";
import type { StackContext } from "./dr";

/**
 * AWS regions in India: the only places a copy of payment data may go (RBI's 2018 directive on storage
 * of payment system data, issue 17). Mumbai and Hyderabad are AWS's two Indian regions.
 */
export const INDIA_REGIONS = ["ap-south-1", "ap-south-2"] as const;

export const DATA_KEYS = {
    rdsInstanceClass: key("string", "RDS instance class (§4.1: db.t3.medium / db.r6g.large).",
        z.string({ error: "must be an RDS instance class such as db.r6g.large" }).regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "must be an RDS instance class such as db.r6g.large")),
    rdsAllocatedStorageGb: key("integer", "RDS allocated storage in GB (§4.1: 100 / 500 / 1000); gp3 needs at least 20.", int(20, 65536)),
    rdsBackupRetentionDays: key("integer", "Automated backup retention in days (§4.1: 7 / 14 / 35); 0 would disable backups and is refused.", int(1, 35)),
    rdsMultiAz: key("boolean", "Multi-AZ standby for the primary (§4.1: staging and prod).", bool()),
    rdsReadReplicas: key("integer", "Number of read replicas (§4.1.3: 2 in prod).", int(0, 5)),
    rdsMaxAllocatedStorageGb: key("integer", "Storage autoscaling ceiling of the RDS instance in GB (§6.1.1); at least 10% above rdsAllocatedStorageGb.",
        int(20, 65536)),
    rdsMaxConnections: key("integer", "PostgreSQL max_connections, set in the parameter group; the §12.2.1 alarm fires at 80% of it.", int(20, 5000)),
    rdsEngineVersion: key("string", `PostgreSQL engine version (§6.1.1 pins 15.4, long retired): "15" with rdsAutoMinorVersionUpgrade (default), ` +
        `an exact minor without it; quote it in YAML ("15.20"), or 15.10 reads as 15.1.`,
        z.string({ error: ENGINE_VERSION_RULE }).refine(isAcceptedEngineVersion, ENGINE_VERSION_RULE), { default: DEFAULT_ENGINE_VERSION }),
    rdsAutoMinorVersionUpgrade: key("boolean", "RDS applies minor engine upgrades in the maintenance window (then rdsEngineVersion names the major only).",
        bool(), { default: true }),
    rdsSlowQueryThresholdMs: key("integer", "log_min_duration_statement in ms: slower statements are logged for the §12.2.2 slow-query search.",
        int(10, 60_000), { default: 1000 }),
    drReplicationRegion: key("string", "Region the primary replicates to (§2.2.3 RPO < 1 h, issue 17): its RDS automated backups, DynamoDB tables, " +
        "secrets and ECR images; an Indian region other than region; unset: no replication.", awsRegion("ap-south-2"), { default: undefined }),
    rdsBackupReplicationRetentionDays: key("integer", "Days the replicated automated backups are kept in drReplicationRegion.", int(1, 35), { default: 7 }),
    dynamodbPointInTimeRecovery: key("boolean", "Point-in-time recovery on the DynamoDB tables (§4.1.3: prod).", bool()),
} as const;

type Raw = ParsedKeys<typeof DATA_KEYS> & { environment: Environment; region: string; availabilityZones: string[] };

export function dataProblems(c: Raw, ctx?: StackContext): string[] {
    return collect(
        () => {
            // AWS refuses a ceiling less than 10% above the allocated storage.
            const minCeiling = Math.ceil((c.rdsAllocatedStorageGb * 11) / 10);
            return c.rdsMaxAllocatedStorageGb < minCeiling &&
                `${qualified("rdsMaxAllocatedStorageGb")} = ${c.rdsMaxAllocatedStorageGb} with ${qualified("rdsAllocatedStorageGb")} = ${c.rdsAllocatedStorageGb}: ` +
                `the autoscaling ceiling must be at least 10% above the allocated storage (${minCeiling} or more)`;
        },
        () => {
            const ceiling = maxConnectionsCeiling(c.rdsInstanceClass);
            return ceiling !== undefined && c.rdsMaxConnections > ceiling &&
                `${qualified("rdsMaxConnections")} = ${c.rdsMaxConnections} with ${qualified("rdsInstanceClass")} = "${c.rdsInstanceClass}": ` +
                `must be at most ${ceiling}, RDS's memory-based default for that class (more connections than memory risks out-of-memory restarts)`;
        },
        () => !supportsPerformanceInsights(c.rdsInstanceClass) &&
            `${qualified("rdsInstanceClass")} = "${c.rdsInstanceClass}": Performance Insights (§6.1.1) is not offered on micro and small burstable classes; use db.t3.medium or larger`,
        () => c.rdsReadReplicas > c.availabilityZones.length &&
            `${qualified("rdsReadReplicas")} = ${c.rdsReadReplicas}: each replica gets its own availability zone and ` +
            `${qualified("availabilityZones")} = ${show(c.availabilityZones)} lists ${c.availabilityZones.length}`,
        () => {
            const upgrade = engineVersionUpgradeProblem(c.rdsEngineVersion, c.rdsAutoMinorVersionUpgrade);
            return upgrade !== undefined &&
                `${qualified("rdsEngineVersion")} = "${c.rdsEngineVersion}" with ${qualified("rdsAutoMinorVersionUpgrade")} = ${c.rdsAutoMinorVersionUpgrade}: ${upgrade}`;
        },
        // The recovery region (issue 17): one region for every store, where the recovery stack restores the database
        // from the replicated backups and adopts the table and secret replicas.
        () => c.drReplicationRegion === c.region &&
            `${qualified("drReplicationRegion")} = "${c.drReplicationRegion}": must be another region than ${qualified("region")}, or a regional outage takes the copies too`,
        () => c.drReplicationRegion !== undefined && !(INDIA_REGIONS as readonly string[]).includes(c.drReplicationRegion) &&
            `${qualified("drReplicationRegion")} = "${c.drReplicationRegion}": must be a region in India (${INDIA_REGIONS.join(", ")}); payment data stays onshore (RBI 2018 directive)`,
        // A recovery stack is itself the copy in the other region: config/keys/dr.ts refuses the key there.
        () => c.environment === "prod" && c.drReplicationRegion === undefined && ctx?.recovers === undefined &&
            `${qualified("drReplicationRegion")} is not set in environment "prod": production replicates its backups, tables, secrets and images cross-region (§2.2.3); set it, e.g. ap-south-2`,
        () => c.environment === "prod" && !c.rdsMultiAz &&
            `${qualified("rdsMultiAz")} = false in environment "prod": must be true, production runs a Multi-AZ database ` +
            `(§2.2.3 "Multi-AZ deployment: Required", §4.1.3 MultiAZ: true)`,
    );
}

export function dataSections(c: Raw) {
    return {
        rds: {
            instanceClass: c.rdsInstanceClass,
            allocatedStorageGb: c.rdsAllocatedStorageGb,
            backupRetentionDays: c.rdsBackupRetentionDays,
            multiAz: c.rdsMultiAz,
            readReplicas: c.rdsReadReplicas,
            maxAllocatedStorageGb: c.rdsMaxAllocatedStorageGb,
            maxConnections: c.rdsMaxConnections,
            engineVersion: c.rdsEngineVersion,
            autoMinorVersionUpgrade: c.rdsAutoMinorVersionUpgrade,
            slowQueryThresholdMs: c.rdsSlowQueryThresholdMs,
            /** Undefined: automated backups stay in the stack's region. */
            backupReplication: c.drReplicationRegion === undefined ? undefined : { region: c.drReplicationRegion, retentionDays: c.rdsBackupReplicationRetentionDays },
        },
        dynamodb: { pointInTimeRecovery: c.dynamodbPointInTimeRecovery },
        /** Undefined: tables, secrets and images stay in the stack's region (issue 17); the backups go with them (rds.backupReplication). */
        drReplication: c.drReplicationRegion === undefined ? undefined : { region: c.drReplicationRegion },
    };
}
