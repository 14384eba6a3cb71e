/**
 * §11 "Check RDS instance": the primary (and each read replica the stack exports) is `available`.
 */
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { CheckRow } from "./checks";

const CHECK = "RDS instance";

export async function checkRdsInstance(rds: RDSClient, identifier: string): Promise<CheckRow> {
    try {
        const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }));
        const instance = out.DBInstances?.[0];
        if (!instance) return { check: CHECK, target: identifier, ok: false, detail: "not found" };
        const status = instance.DBInstanceStatus ?? "unknown";
        const where = instance.AvailabilityZone ? ` in ${instance.AvailabilityZone}` : "";
        return { check: CHECK, target: identifier, ok: status === "available", detail: `${status}${where}` };
    } catch (e) {
        const err = e as Error;
        const detail = err.name === "DBInstanceNotFoundFault" ? "not found" : `${err.name}: ${err.message}`;
        return { check: CHECK, target: identifier, ok: false, detail };
    }
}
