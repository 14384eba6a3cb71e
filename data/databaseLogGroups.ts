/**
 * The CloudWatch log groups RDS writes each instance's exported logs to (§12.2.2), created by the
 * database component before its instances: RDS then writes into groups with our retention and key
 * instead of creating never-expiring, unencrypted ones on first write. The instance identifiers come
 * from the same placement the instances use, so a group exists for exactly the instances there are.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names } from "../config/names";
import { RDS_EXPORTED_LOGS } from "../lib/postgres";
import { encryptedLogGroup, LogGroupSettings } from "../network/logGroup";

/**
 * Until issue 15 these groups were children of the monitoring module's LogGroups component "logs",
 * named `logs-<instance>-<log>`; the alias keeps each one under its new parent (no replacement, the
 * identity snapshots prove it).
 */
const FORMER_PARENT = { type: "fivestar:monitoring:LogGroups", name: "logs" } as const;

/** One group per instance and exported log; `parent` is the database component named `name`. */
export function databaseLogGroups(
    parent: pulumi.Resource, name: string, instanceIdentifiers: readonly string[], settings: LogGroupSettings,
): aws.cloudwatch.LogGroup[] {
    const formerParent = pulumi.createUrn(FORMER_PARENT.name, FORMER_PARENT.type);
    return instanceIdentifiers.flatMap((id) => RDS_EXPORTED_LOGS.map((log) => encryptedLogGroup(`${name}-logs-${id}-${log}`, names.rdsLogGroup(id, log),
        settings, { parent, aliases: [{ name: `${FORMER_PARENT.name}-${id}-${log}`, parent: formerParent }] })));
}
