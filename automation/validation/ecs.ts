/**
 * §11 "Check ECS service status": each service of the stack runs its desired count. A service passes
 * when it is ACTIVE, runs exactly its desired count and has a single deployment — the condition of
 * `aws ecs wait services-stable`, so a rollout still replacing tasks does not pass early.
 */
import { DescribeServicesCommand, ECSClient, Service, waitUntilServicesStable } from "@aws-sdk/client-ecs";
import { CheckRow } from "./checks";

const CHECK = "ECS service";

/** Pure: the row for one service as DescribeServices returned it (undefined: not found). */
export function serviceRow(serviceName: string, service: Service | undefined, failureReason?: string): CheckRow {
    if (!service) return { check: CHECK, target: serviceName, ok: false, detail: `not found${failureReason ? ` (${failureReason})` : ""}` };
    const running = service.runningCount ?? 0;
    const desired = service.desiredCount ?? 0;
    const deployments = service.deployments?.length ?? 0;
    const problems: string[] = [];
    if (service.status !== "ACTIVE") problems.push(`status ${service.status ?? "unknown"}`);
    if (deployments > 1) problems.push(`${deployments} deployments (rollout in progress)`);
    const detail = [`running ${running}/${desired}`, ...problems].join(", ");
    return { check: CHECK, target: serviceName, ok: running === desired && problems.length === 0, detail };
}

/** Describes the services (10 per call, the API's limit) and returns one row per service. */
export async function checkEcsServices(ecs: ECSClient, cluster: string, serviceNames: readonly string[]): Promise<CheckRow[]> {
    const rows: CheckRow[] = [];
    for (let i = 0; i < serviceNames.length; i += 10) {
        const batch = serviceNames.slice(i, i + 10);
        try {
            const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [...batch] }));
            for (const name of batch) {
                const service = out.services?.find((s) => s.serviceName === name || s.serviceArn?.endsWith(`/${name}`));
                const failure = out.failures?.find((f) => f.arn?.endsWith(`/${name}`) || f.arn === name);
                rows.push(serviceRow(name, service, failure?.reason));
            }
        } catch (e) {
            const err = e as Error;
            for (const name of batch) rows.push({ check: CHECK, target: name, ok: false, detail: `${err.name}: ${err.message}` });
        }
    }
    return rows;
}

/**
 * Waits (bounded) until the services are stable, as `aws ecs wait services-stable` does; returns
 * false instead of throwing when they are not stable in time, so the check table says why.
 */
export async function waitForServicesStable(ecs: ECSClient, cluster: string, serviceNames: readonly string[], maxWaitSeconds: number): Promise<boolean> {
    if (serviceNames.length === 0) return true;
    try {
        await waitUntilServicesStable({ client: ecs, maxWaitTime: maxWaitSeconds, minDelay: 15 }, { cluster, services: [...serviceNames] });
        return true;
    } catch {
        return false;
    }
}
