/**
 * The resource types of this program that hold data: deleting or replacing one loses payments data,
 * keys that decrypt it, credentials, or audit evidence. This is the one list the identity snapshot,
 * the protection audit and the plan diff consult; a new stateful type is added here first. What
 * replaces one is in tools/safety/forceNew.json, with the rest of the provider's ForceNew data.
 */
import type { ResourceType } from "../../lib/types";

export interface StatefulType {
    /** What is lost when a resource of this type is deleted (printed in failures). */
    readonly holds: string;
}

export const STATEFUL_TYPES = {
    "aws:rds/instance:Instance": {
        holds: "the PostgreSQL payments database (primary or read replica)",
    },
    "aws:dynamodb/table:Table": {
        holds: "a DynamoDB payments table",
    },
    "aws:kms/key:Key": {
        holds: "a KMS key: everything encrypted with it becomes unreadable",
    },
    "aws:secretsmanager/secret:Secret": {
        holds: "a Secrets Manager secret (database or gateway credentials)",
    },
    "aws:s3/bucket:Bucket": {
        holds: "an S3 bucket of logs or audit trails",
    },
    "aws:s3/bucketV2:BucketV2": {
        holds: "an S3 bucket of logs or audit trails",
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        holds: "a CloudWatch log group (application, database, flow or audit logs)",
    },
    "aws:ecr/repository:Repository": {
        holds: "an ECR repository with the deployable images",
    },
} as const satisfies Partial<Record<ResourceType, StatefulType>>;

export type StatefulTypeName = keyof typeof STATEFUL_TYPES;

export function isStateful(type: string): type is StatefulTypeName {
    return Object.prototype.hasOwnProperty.call(STATEFUL_TYPES, type);
}
