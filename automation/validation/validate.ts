/**
 * `validate <stack>` (§11) and the validation between rollout phases: reads what to check from the
 * stack outputs and runs the requested checks. A check whose output is missing fails (it cannot
 * pass unseen); nothing is skipped silently.
 */
import { ECSClient } from "@aws-sdk/client-ecs";
import { RDSClient } from "@aws-sdk/client-rds";
import { qualified } from "../../config/keyHelpers";
import { SERVICES } from "../../config/names";
import { CheckName, CheckRow, missingOutput, validationOutputs } from "./checks";
import { checkEcsServices, waitForServicesStable } from "./ecs";
import { checkHealthRoute, HealthOptions } from "./health";
import { checkRdsInstance } from "./rds";

export interface ValidationClients {
    readonly ecs: ECSClient;
    readonly rds: RDSClient;
}

export interface ValidateOptions {
    readonly checks: readonly CheckName[];
    readonly health: HealthOptions;
    /** ECS service name → the task definition ARN the stack's state records for it (ecs.ts taskDefinitionsInState). */
    readonly taskDefinitionsInState: Readonly<Record<string, string>>;
    /** Wait up to this long for the ECS services to be stable before checking them (after an up). */
    readonly waitForStableSeconds?: number;
}

export async function runValidation(rawOutputs: Readonly<Record<string, unknown>>, clients: ValidationClients, options: ValidateOptions): Promise<CheckRow[]> {
    const outputs = validationOutputs(rawOutputs);
    const rows: CheckRow[] = [];
    if (options.checks.includes("rds")) {
        if (!outputs.dbInstanceIdentifier) rows.push(missingOutput("RDS instance", "dbInstanceIdentifier"));
        else {
            for (const id of [outputs.dbInstanceIdentifier, ...(outputs.dbReplicaIdentifiers ?? [])]) rows.push(await checkRdsInstance(clients.rds, id));
        }
    }
    if (options.checks.includes("ecs")) {
        if (!outputs.clusterName) rows.push(missingOutput("ECS service", "clusterName"));
        else if (!outputs.serviceNames || Object.keys(outputs.serviceNames).length === 0) rows.push(missingOutput("ECS service", "serviceNames"));
        else {
            const services = Object.values(outputs.serviceNames);
            if (options.waitForStableSeconds) await waitForServicesStable(clients.ecs, outputs.clusterName, services, options.waitForStableSeconds);
            rows.push(...await checkEcsServices(clients.ecs, outputs.clusterName, services, options.taskDefinitionsInState));
        }
    }
    if (options.checks.includes("health")) {
        if (!outputs.albDnsName) rows.push(missingOutput("health", "albDnsName"));
        else if (outputs.drMode === "standby") {
            // A standby recovery stack runs 0 tasks (the ECS check holds it to that): every route would answer 503.
            // Said in the table, not skipped silently; the failover's validation probes them once active.
            for (const service of SERVICES) rows.push({ check: "health", target: service, ok: true, detail: "not probed: recovery stack in standby, 0 tasks by design (probed once active)" });
        } else {
            for (const service of SERVICES) {
                const route = outputs.healthRoutes?.find((r) => r.service === service);
                rows.push(route ? await checkHealthRoute(outputs.albDnsName, route, options.health) : {
                    check: "health", target: service, ok: false,
                    detail: `no route in stack output healthRoutes: set ${qualified("internalPeHostname")} (the host name internal-pe is reached at) and run up`,
                });
            }
        }
    }
    return rows;
}
