/**
 * RDS DB instances (primary and read replicas). A read replica inherits engine, storage and
 * backups from its source: where a control is about what the primary provides (Multi-AZ,
 * backups), replicas are exempt and the rule's description says so.
 */
import type * as aws from "@pulumi/aws";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, when } from "../lib/define";
import { RDS_INSTANCE } from "../lib/types";
import { isProvided } from "../lib/values";

type Instance = Props<aws.rds.InstanceArgs>;

/** A replica names its source, usually the primary's ARN: unknown at preview, and still a replica. */
const isReplica = (db: Instance): boolean => isProvided(() => db.replicateSourceDb);

/**
 * Logs RDS.9 expects per engine (the Config rule behind it, rds-logging-enabled). An engine not
 * listed (or a replica, whose engine is its source's) must export at least one log.
 */
export const REQUIRED_LOG_EXPORTS: Readonly<Record<string, readonly string[]>> = {
    postgres: ["postgresql", "upgrade"],
    mysql: ["audit", "error", "general", "slowquery"],
    mariadb: ["audit", "error", "general", "slowquery"],
    "oracle-ee": ["alert", "audit", "trace", "listener"],
    "sqlserver-ee": ["error", "agent"],
};

/** RDS.11's default minimum backup retention (days). */
export const MINIMUM_BACKUP_RETENTION_DAYS = 7;

export function missingLogExports(db: Instance): string[] {
    const exported = db.enabledCloudwatchLogsExports ?? [];
    const required = REQUIRED_LOG_EXPORTS[db.engine ?? ""];
    if (!required) return exported.length > 0 ? [] : ["any log"];
    return required.filter((log) => !exported.includes(log));
}

export const rdsPolicies = [
    resourceRule<Instance>({
        name: "rds-2-no-public-access",
        control: CONTROLS.RDS_2,
        description: "RDS DB instances are not publicly accessible; the database is reached only from inside the VPC.",
        types: RDS_INSTANCE,
        check: (db) => when(db.publiclyAccessible === true, "publiclyAccessible is true: the instance gets a public DNS name and IP. Set it to false."),
    }),
    resourceRule<Instance>({
        name: "rds-3-storage-encrypted",
        control: CONTROLS.RDS_3,
        description: "RDS DB instance storage (and so its snapshots and replicas) is encrypted at rest.",
        types: RDS_INSTANCE,
        check: (db) => when(db.storageEncrypted !== true, "storageEncrypted is not true: storage, backups and snapshots would be unencrypted. Set storageEncrypted with a KMS key (kmsKeyId)."),
    }),
    resourceRule<Instance>({
        name: "rds-5-multi-az",
        control: CONTROLS.RDS_5,
        description: "RDS DB instances run Multi-AZ (a standby in a second AZ). Read replicas are exempt: each is placed in its own AZ and failover is the primary's standby's job.",
        types: RDS_INSTANCE,
        check: (db) => when(!isReplica(db) && db.multiAz !== true, "multiAz is not true: an AZ outage takes the database down. Set multiAz: true."),
    }),
    resourceRule<Instance>({
        name: "rds-6-enhanced-monitoring",
        control: CONTROLS.RDS_6,
        description: "RDS DB instances publish Enhanced Monitoring (OS) metrics.",
        types: RDS_INSTANCE,
        check: (db) => when(!(Number(db.monitoringInterval ?? 0) > 0), "monitoringInterval is 0 or unset: no OS-level metrics. Set it to 1, 5, 10, 15, 30 or 60 with a monitoringRoleArn."),
    }),
    resourceRule<Instance>({
        name: "rds-8-deletion-protection",
        control: CONTROLS.RDS_8,
        description: "RDS DB instances have deletion protection, so neither a console click nor a replacement can delete them.",
        types: RDS_INSTANCE,
        check: (db) => when(db.deletionProtection !== true, "deletionProtection is not true: the instance can be deleted. Set deletionProtection: true."),
    }),
    resourceRule<Instance>({
        name: "rds-9-logs-exported",
        control: CONTROLS.RDS_9,
        description: "RDS DB instances publish their engine logs to CloudWatch Logs (PostgreSQL: postgresql and upgrade).",
        types: RDS_INSTANCE,
        check: (db) => {
            const missing = missingLogExports(db);
            return when(missing.length > 0, `enabledCloudwatchLogsExports lacks ${missing.join(", ")}.`);
        },
    }),
    resourceRule<Instance>({
        name: "rds-11-automatic-backups",
        control: CONTROLS.RDS_11,
        description: `RDS DB instances keep automated backups for at least ${MINIMUM_BACKUP_RETENTION_DAYS} days. Read replicas are exempt: the primary's backups (and their cross-region copies) cover the data.`,
        types: RDS_INSTANCE,
        check: (db) => {
            if (isReplica(db)) return [];
            const days = Number(db.backupRetentionPeriod ?? 0);
            return when(days < MINIMUM_BACKUP_RETENTION_DAYS, `backupRetentionPeriod is ${days}: keep automated backups for at least ${MINIMUM_BACKUP_RETENTION_DAYS} days.`);
        },
    }),
    resourceRule<Instance>({
        name: "rds-13-auto-minor-version-upgrade",
        control: CONTROLS.RDS_13,
        description: "RDS DB instances take minor engine upgrades (security fixes) automatically in the maintenance window.",
        types: RDS_INSTANCE,
        // The provider's default is true, so only an explicit false fails.
        check: (db) => when(db.autoMinorVersionUpgrade === false, "autoMinorVersionUpgrade is false: security patches wait for a manual upgrade. Set it to true."),
    }),
    resourceRule<Instance>({
        name: "rds-17-copy-tags-to-snapshots",
        control: CONTROLS.RDS_17,
        description: "RDS DB instances copy their tags to snapshots, so snapshots carry ownership and environment.",
        types: RDS_INSTANCE,
        check: (db) => when(db.copyTagsToSnapshot !== true, "copyTagsToSnapshot is not true. Set copyTagsToSnapshot: true."),
    }),
];
