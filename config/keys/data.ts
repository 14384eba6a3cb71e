/**
 * RDS and DynamoDB keys (§4.1, §6.1.1). Issue 4 (data) extends this file.
 */
import { z } from "zod";
import { bool, int, key, ParsedKeys } from "../keyHelpers";

export const DATA_KEYS = {
    rdsInstanceClass: key("string", "RDS instance class (§4.1: db.t3.medium / db.r6g.large).",
        z.string({ error: "must be an RDS instance class such as db.r6g.large" }).regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "must be an RDS instance class such as db.r6g.large")),
    rdsAllocatedStorageGb: key("integer", "RDS allocated storage in GB (§4.1: 100 / 500 / 1000); gp3 needs at least 20.", int(20, 65536)),
    rdsBackupRetentionDays: key("integer", "Automated backup retention in days (§4.1: 7 / 14 / 35); 0 would disable backups and is refused.", int(1, 35)),
    rdsMultiAz: key("boolean", "Multi-AZ standby for the primary (§4.1: staging and prod).", bool()),
    rdsReadReplicas: key("integer", "Number of read replicas (§4.1.3: 2 in prod).", int(0, 5)),
    dynamodbPointInTimeRecovery: key("boolean", "Point-in-time recovery on the DynamoDB tables (§4.1.3: prod).", bool()),
} as const;

type Raw = ParsedKeys<typeof DATA_KEYS>;

export function dataProblems(_c: Raw): string[] {
    return [];
}

export function dataSections(c: Raw) {
    return {
        rds: {
            instanceClass: c.rdsInstanceClass,
            allocatedStorageGb: c.rdsAllocatedStorageGb,
            backupRetentionDays: c.rdsBackupRetentionDays,
            multiAz: c.rdsMultiAz,
            readReplicas: c.rdsReadReplicas,
        },
        dynamodb: { pointInTimeRecovery: c.dynamodbPointInTimeRecovery },
    };
}
