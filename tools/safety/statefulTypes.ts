/**
 * The resource types of this program that hold data: deleting or replacing one loses payments data,
 * keys that decrypt it, credentials, or audit evidence. This is the one list the identity snapshot,
 * the protection audit and the plan diff consult; a new stateful type is added here first.
 */
import type { ResourceType } from "../../lib/types";

export interface StatefulType {
    /** What is lost when a resource of this type is deleted (printed in failures). */
    readonly holds: string;
    /**
     * Inputs whose change makes the provider replace the resource (delete + create), as marked
     * ForceNew in the Terraform AWS provider that pulumi-aws bridges. Not exhaustive: the diff flags
     * every change to a stateful resource, and `pulumi preview` is the final word.
     */
    readonly replaceOnChange: readonly string[];
}

export const STATEFUL_TYPES = {
    "aws:rds/instance:Instance": {
        holds: "the PostgreSQL payments database (primary or read replica)",
        replaceOnChange: ["identifier", "identifierPrefix", "dbName", "username", "kmsKeyId", "storageEncrypted", "availabilityZone", "characterSetName", "timezone", "snapshotIdentifier"],
    },
    "aws:dynamodb/table:Table": {
        holds: "a DynamoDB payments table",
        replaceOnChange: ["name", "hashKey", "rangeKey", "localSecondaryIndexes"],
    },
    "aws:kms/key:Key": {
        holds: "a KMS key: everything encrypted with it becomes unreadable",
        replaceOnChange: ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId"],
    },
    "aws:secretsmanager/secret:Secret": {
        holds: "a Secrets Manager secret (database or gateway credentials)",
        replaceOnChange: ["name", "namePrefix"],
    },
    "aws:s3/bucket:Bucket": {
        holds: "an S3 bucket of logs or audit trails",
        replaceOnChange: ["bucket", "bucketPrefix", "objectLockEnabled"],
    },
    "aws:s3/bucketV2:BucketV2": {
        holds: "an S3 bucket of logs or audit trails",
        replaceOnChange: ["bucket", "bucketPrefix", "objectLockEnabled"],
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        holds: "a CloudWatch log group (application, database, flow or audit logs)",
        replaceOnChange: ["name", "namePrefix", "logGroupClass"],
    },
    "aws:ecr/repository:Repository": {
        holds: "an ECR repository with the deployable images",
        replaceOnChange: ["name"],
    },
} as const satisfies Partial<Record<ResourceType, StatefulType>>;

export type StatefulTypeName = keyof typeof STATEFUL_TYPES;

export function isStateful(type: string): type is StatefulTypeName {
    return Object.prototype.hasOwnProperty.call(STATEFUL_TYPES, type);
}
