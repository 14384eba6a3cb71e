/**
 * The payments database of §6.1.1: RDS PostgreSQL with its parameter group and enhanced-monitoring
 * role, the read replicas of §4.1.3, and (for §2.2.3's RPO < 1 h) its automated backups replicated
 * to a second region.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { Environment, names, StackScope } from "../config/names";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { roleArnWhenReady } from "../lib/ready";
import { finalSnapshotIdentifier, finalSnapshotKeepers } from "./finalSnapshot";
import { parameterGroupFamily, postgresParameters, RDS_EXPORTED_LOGS } from "../lib/postgres";
import { databaseLogGroups } from "./databaseLogGroups";
import { logSettings } from "../network/logGroup";
import { replicaPlacements } from "./replicaPlacement";

export const POSTGRES_PORT = 5432;
export const BACKUP_WINDOW = "03:00-04:00";
export const MAINTENANCE_WINDOW = "sun:04:00-sun:05:00";
/** RDS's current default CA (RSA 2048, valid to 2061); pinned so clients verifying TLS know which bundle. */
export const CA_CERTIFICATE = "rds-ca-rsa2048-g1";
export const ENHANCED_MONITORING_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole";

export interface BackupReplicationArgs {
    /** An aws.Provider for the destination region in the same account (index.ts creates it). */
    readonly provider: pulumi.ProviderResource;
    /** The destination region, e.g. ap-south-2; the provider's region. */
    readonly region: string;
    /** Days the replicated automated backups are kept (1-35). */
    readonly retentionDays: number;
}

/** Issue 17: a point-in-time restore from another instance's automated backups replicated to this region. */
export interface RestoreArgs {
    /** `arn:aws:rds:<this region>:<account>:auto-backup:ab-...` (cfg.dr.restore.sourceBackupsArn). */
    readonly sourceBackupsArn: string;
    /** "latest" (the latest restorable time) or an ISO-8601 UTC time (cfg.dr.restore.time). */
    readonly time: string;
}

/**
 * The alias of the key the replicated automated backups are encrypted with, in the recovery region. A
 * point-in-time restore from them produces an instance on that same key: RestoreDBInstanceToPointInTime
 * takes no KmsKeyId (RDS API Reference; terraform-provider-aws instance.go sends none on a restore), so the
 * recovery stack declares that key for the restored instance, or the next preview would see a key change
 * (kms_key_id forces replacement) on a protected instance.
 */
export const backupReplicaKeyAlias = (env: Environment) => names.kmsAlias(env, "database-backup-replica");

/** The provider's restoreToPointInTime block: a time, or the latest restorable time. */
export function restoreToPointInTime(r: RestoreArgs): aws.types.input.rds.InstanceRestoreToPointInTime {
    return r.time === "latest"
        ? { sourceDbInstanceAutomatedBackupsArn: r.sourceBackupsArn, useLatestRestorableTime: true }
        : { sourceDbInstanceAutomatedBackupsArn: r.sourceBackupsArn, restoreTime: r.time };
}

/** logRetentionDays, logsKmsKeyArn: the log groups of every instance's exported logs (databaseLogGroups.ts), created before the instances. */
export interface DatabaseArgs extends Pick<StackScope, "environment" | "logRetentionDays" | "logsKmsKeyArn"> {
    /** The stack's account: the enhanced-monitoring role trusts RDS only on its behalf. */
    readonly accountId: string;
    /** cfg.rds.instanceClass (§4.1: db.t3.medium / db.r6g.large). */
    readonly instanceClass: string;
    /** cfg.rds.allocatedStorageGb (§4.1: 100 / 500 / 1000). */
    readonly allocatedStorageGb: number;
    /** cfg.rds.maxAllocatedStorageGb: the storage autoscaling ceiling. */
    readonly maxAllocatedStorageGb: number;
    /** cfg.rds.backupRetentionDays (§4.1: 7 / 14 / 35); at least 1, replicas need backups. */
    readonly backupRetentionDays: number;
    /** cfg.rds.multiAz: a synchronous standby in a second AZ (staging, prod). */
    readonly multiAz: boolean;
    /** cfg.rds.readReplicas (§4.1.3: 2 in prod); one per AZ of `availabilityZones`. */
    readonly readReplicas: number;
    /** AZs the DB subnet group spans (cfg.network.availabilityZones); replica i goes to zone i. */
    readonly availabilityZones: readonly string[];
    /** The network component's dbSubnetGroupName. */
    readonly dbSubnetGroupName: pulumi.Input<string>;
    /** The security module's RDS security group (§3.1.2: 5432 from ECS and Lambda only). */
    readonly securityGroupIds: pulumi.Input<string>[];
    /** The security module's database CMK: storage, replicas and Performance Insights. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The security module's DatabaseCredentials.password; kept secret here. Unset with `restore`: the restore keeps the source's master user. */
    readonly masterPassword?: pulumi.Input<string>;
    /**
     * Issue 17 (recovery stack, active): the primary is restored to a point in time from replicated automated
     * backups instead of created empty; its database, master user and password come from the backups.
     */
    readonly restore?: RestoreArgs;
    /** cfg.rds.engineVersion: PostgreSQL 15 ("15", or an exact minor such as "15.15"). */
    readonly engineVersion: string;
    /** cfg.rds.autoMinorVersionUpgrade: true with a major-only engineVersion, false with an exact one (config checks the pair). */
    readonly autoMinorVersionUpgrade: boolean;
    /** cfg.rds.slowQueryThresholdMs: log_min_duration_statement (§12.2.2). */
    readonly slowQueryThresholdMs: number;
    /** cfg.rds.maxConnections: max_connections, the 100% of the §12.2.1 alarm. */
    readonly maxConnections: number;
    /** cfg.protectStatefulResources: Pulumi protect, deletion protection and a final snapshot (prod). */
    readonly protect: boolean;
    /** Replicate automated backups (snapshots and transaction logs) to another region; unset: none. */
    readonly backupReplication?: BackupReplicationArgs;
}

export class Database extends pulumi.ComponentResource {
    public readonly address: pulumi.Output<string>;
    /** "host:port". */
    public readonly endpoint: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly identifier: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    public readonly replicaIdentifiers: pulumi.Output<string>[];
    public readonly replicaAddresses: pulumi.Output<string>[];
    public readonly parameterGroupName: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything: too many replicas for the AZs is a config error.
        const replicas = replicaPlacements(args.environment, args.readReplicas, args.availabilityZones);
        if (!args.restore && args.masterPassword === undefined) throw new Error("Database: masterPassword is required unless the instance is restored (restore)");
        const family = parameterGroupFamily(args.engineVersion);
        super("fivestar:data:Database", name, {}, opts);
        const env = args.environment;
        const parent = { parent: this };

        const parameterGroup = new aws.rds.ParameterGroup(`${name}-params`, {
            name: names.dbParameterGroup(env, family),
            family,
            description: `${names.dbInstance(env)}: TLS only, slow-query and audit logging, max_connections`,
            parameters: postgresParameters({ slowQueryThresholdMs: args.slowQueryThresholdMs, maxConnections: args.maxConnections }),
        }, parent);

        const monitoringRole = new aws.iam.Role(`${name}-monitoring`, {
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("monitoring.rds.amazonaws.com", args.accountId)),
            description: `Lets RDS enhanced monitoring of ${names.dbInstance(env)} publish OS metrics`,
        }, parent);
        const monitoringPolicy = new aws.iam.RolePolicyAttachment(`${name}-monitoring`, {
            role: monitoringRole.name,
            policyArn: ENHANCED_MONITORING_POLICY_ARN,
        }, parent);
        const instanceDependsOn = databaseLogGroups(this, name, [names.dbInstance(env), ...replicas.map((r) => r.identifier)], logSettings(args));

        // Settings the primary and every replica share.
        const shared = {
            instanceClass: args.instanceClass,
            storageType: "gp3",
            maxAllocatedStorage: args.maxAllocatedStorageGb,
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            publiclyAccessible: false,
            dbSubnetGroupName: args.dbSubnetGroupName,
            vpcSecurityGroupIds: args.securityGroupIds,
            port: POSTGRES_PORT,
            caCertIdentifier: CA_CERTIFICATE,
            // A hot standby needs max_connections >= the primary's: one group keeps them equal.
            parameterGroupName: parameterGroup.name,
            maintenanceWindow: MAINTENANCE_WINDOW,
            autoMinorVersionUpgrade: args.autoMinorVersionUpgrade,
            copyTagsToSnapshot: true,
            monitoringInterval: 60,
            // RDS checks the role's permissions at creation: the ARN resolves once the policy is attached.
            monitoringRoleArn: roleArnWhenReady(monitoringRole, [monitoringPolicy]),
            performanceInsightsEnabled: true,
            performanceInsightsRetentionPeriod: 7,
            performanceInsightsKmsKeyId: args.kmsKeyArn,
            enabledCloudwatchLogsExports: [...RDS_EXPORTED_LOGS],
            deletionProtection: args.protect,
        };

        // A restore takes the database, master user and password from the backups: RDS refuses them on a
        // restore, and the provider sends none (terraform-provider-aws instance.go, restore_to_point_in_time).
        const created = args.restore
            ? { restoreToPointInTime: restoreToPointInTime(args.restore) }
            : { dbName: names.dbName, username: names.dbUsername, password: args.masterPassword === undefined ? undefined : pulumi.secret(args.masterPassword) };
        const primaryInputs = {
            ...shared,
            identifier: names.dbInstance(env),
            engine: "postgres",
            engineVersion: args.engineVersion,
            allocatedStorage: args.allocatedStorageGb,
            ...created,
            multiAz: args.multiAz,
            backupRetentionPeriod: args.backupRetentionDays,
            backupWindow: BACKUP_WINDOW,
            deleteAutomatedBackups: false,
            skipFinalSnapshot: !args.protect,
        };
        // A new name for every final snapshot: the suffix is drawn again whenever the instance is replaced.
        const snapshotSuffix = args.protect
            ? new random.RandomId(`${name}-final-snapshot`, { byteLength: 4, keepers: finalSnapshotKeepers(primaryInputs) }, { parent: this, protect: args.protect })
            : undefined;
        const primary = new aws.rds.Instance(`${name}-primary`, {
            ...primaryInputs,
            finalSnapshotIdentifier: snapshotSuffix?.hex.apply((hex) => finalSnapshotIdentifier(names.dbFinalSnapshot(env), hex)),
        }, { parent: this, protect: args.protect, dependsOn: instanceDependsOn });

        const replicaInstances = replicas.map((r) => new aws.rds.Instance(`${name}-replica-${r.index + 1}`, {
            ...shared,
            identifier: r.identifier,
            // With an explicit subnet group, a same-region source is named by ARN.
            replicateSourceDb: primary.arn,
            availabilityZone: r.availabilityZone,
            multiAz: false,
            // RDS takes no final snapshot of a replica; its data is the primary's.
            skipFinalSnapshot: true,
        }, { parent: this, protect: args.protect, dependsOn: instanceDependsOn }));

        if (args.backupReplication) this.replicateBackups(name, primary, args.backupReplication, env, args.protect);

        this.address = primary.address;
        this.endpoint = primary.endpoint;
        this.port = primary.port;
        this.identifier = primary.identifier;
        this.arn = primary.arn;
        this.replicaIdentifiers = replicaInstances.map((r) => r.identifier);
        this.replicaAddresses = replicaInstances.map((r) => r.address);
        this.parameterGroupName = parameterGroup.name;
        this.registerOutputs({
            address: this.address,
            endpoint: this.endpoint,
            port: this.port,
            identifier: this.identifier,
            arn: this.arn,
            replicaIdentifiers: this.replicaIdentifiers,
            replicaAddresses: this.replicaAddresses,
            parameterGroupName: this.parameterGroupName,
        });
    }

    /**
     * Snapshots and transaction logs copied to the destination region as soon as RDS has them, so a
     * point-in-time restore there is possible if ap-south-1 is lost. The copies are encrypted with a
     * key in that region (a key of another region cannot be used there); losing that key loses them,
     * so it is protected like the database.
     */
    private replicateBackups(name: string, primary: aws.rds.Instance, r: BackupReplicationArgs, env: Environment, protect: boolean): void {
        const inRegion = { parent: this, provider: r.provider };
        const key = new aws.kms.Key(`${name}-backup-replica-key`, {
            description: `Encrypts ${names.dbInstance(env)} automated backups replicated to ${r.region}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
        }, { ...inRegion, protect });
        new aws.kms.Alias(`${name}-backup-replica-key`, {
            name: backupReplicaKeyAlias(env),
            targetKeyId: key.keyId,
        }, inRegion);
        new aws.rds.InstanceAutomatedBackupsReplication(`${name}-backup-replication`, {
            sourceDbInstanceArn: primary.arn,
            kmsKeyId: key.arn,
            retentionPeriod: r.retentionDays,
        }, { ...inRegion, protect });
    }
}
