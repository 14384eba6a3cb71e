/**
 * The final snapshot RDS takes when the prod primary is deleted or replaced. Its name must be new each
 * time: a second delete or replace with the same name fails (DBSnapshotAlreadyExists) and leaves the
 * old instance in place. The name ends in a random suffix kept in state (so previews show no diff),
 * and the suffix is drawn again exactly when the instance is replaced: its keepers are the instance's
 * inputs that force a replacement.
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * aws_db_instance inputs that force a new instance (ForceNew in terraform-provider-aws
 * internal/service/rds/instance.go, as Pulumi names them).
 */
export const RDS_INSTANCE_REPLACING_INPUTS: readonly string[] = [
    "availabilityZone", "characterSetName", "customIamInstanceProfile", "dbName", "engine", "identifier", "identifierPrefix",
    "kmsKeyId", "ncharCharacterSetName", "restoreToPointInTime", "s3Import", "snapshotIdentifier", "storageEncrypted",
    "timezone", "username",
];

/** The random suffix's keepers: every replacing input the instance sets, under its own name, as text. */
export function finalSnapshotKeepers(instanceInputs: object): Record<string, pulumi.Output<string>> {
    return Object.fromEntries(Object.entries(instanceInputs)
        .filter(([key, value]) => RDS_INSTANCE_REPLACING_INPUTS.includes(key) && value !== undefined)
        .map(([key, value]) => [key, (pulumi.output(value) as pulumi.Output<unknown>).apply((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)))]));
}

/** `<base>-<hex>`: starts with a letter, letters, digits and single hyphens only, as RDS requires. */
export function finalSnapshotIdentifier(base: string, hexSuffix: string): string {
    return `${base}-${hexSuffix}`;
}
