/**
 * §11 "Check ECS service status": each service of the stack runs its desired count, of the release
 * Pulumi recorded. A service passes when it is ACTIVE, runs exactly its desired count, has a single
 * deployment (the condition of `aws ecs wait services-stable`, so a rollout still replacing tasks does
 * not pass early), no deployment of it has rollout state FAILED, and its primary deployment runs the
 * task definition the stack's state records for it.
 *
 * The last two catch a failed release that reports success: with the deployment circuit breaker's
 * rollback and `waitForSteadyState`, ECS rolls the service back to the previous revision, the service
 * becomes steady, and `pulumi up` succeeds while the state records the new task definition
 * (hashicorp/terraform-provider-aws#19519, which the Pulumi AWS provider inherits; the same fix in
 * aws-actions/amazon-ecs-deploy-task-definition#860 and terraform-aws-modules/terraform-aws-ecs#325:
 * compare what runs with what was requested, and look for rolloutState FAILED).
 */
import { DescribeServicesCommand, ECSClient, Service, waitUntilServicesStable } from "@aws-sdk/client-ecs";
import type { StateResource } from "../pulumiStack";
import { parseTaskDefinition } from "../rollback/revisions";
import { ECS_SERVICE_TYPE } from "../rollback/targets";
import { CheckRow } from "./checks";

const CHECK = "ECS service";

/** `family:revision` of a task definition ARN (as ECS and the state spell it), for comparing and printing. */
function revisionOf(taskDefinition: string): string {
    const ref = parseTaskDefinition(taskDefinition);
    return ref ? `${ref.family}:${ref.revision}` : taskDefinition;
}

/**
 * Pure: ECS service name → the task definition ARN the stack's state records for it (the `taskDefinition`
 * input of each `aws:ecs/service:Service`, resolved as it was applied). The state, not the stack
 * outputs: a targeted update (a prod phase, a rollback) may leave the outputs behind.
 */
export function taskDefinitionsInState(resources: readonly StateResource[]): Record<string, string> {
    const recorded: Record<string, string> = {};
    for (const r of resources) {
        const { name, taskDefinition } = r.inputs;
        if (r.type === ECS_SERVICE_TYPE && typeof name === "string" && typeof taskDefinition === "string") recorded[name] = taskDefinition;
    }
    return recorded;
}

/** Pure: why the release the state records is not what the service runs (none: it is). */
function releaseProblems(service: Service, recorded: string | undefined): string[] {
    const problems: string[] = [];
    for (const d of service.deployments ?? []) {
        if (d.rolloutState === "FAILED") problems.push(`deployment ${d.id ?? "?"} of ${revisionOf(d.taskDefinition ?? "?")} FAILED${d.rolloutStateReason ? `: ${d.rolloutStateReason}` : ""}`);
    }
    const running = service.deployments?.find((d) => d.status === "PRIMARY")?.taskDefinition ?? service.taskDefinition;
    if (recorded === undefined) problems.push("the stack's state records no task definition for it");
    else if (!running) problems.push(`reports no task definition (the state records ${revisionOf(recorded)})`);
    else if (revisionOf(running) !== revisionOf(recorded)) {
        problems.push(`runs ${revisionOf(running)} but the stack's state records ${revisionOf(recorded)} (the release failed and was rolled back, or was changed outside Pulumi)`);
    }
    return problems;
}

/**
 * Pure: the row for one service as DescribeServices returned it (undefined: not found), against the
 * task definition the stack's state records for it.
 */
export function serviceRow(serviceName: string, service: Service | undefined, recordedTaskDefinition: string | undefined, failureReason?: string): CheckRow {
    if (!service) return { check: CHECK, target: serviceName, ok: false, detail: `not found${failureReason ? ` (${failureReason})` : ""}` };
    const running = service.runningCount ?? 0;
    const desired = service.desiredCount ?? 0;
    const deployments = service.deployments?.length ?? 0;
    const problems: string[] = [];
    if (service.status !== "ACTIVE") problems.push(`status ${service.status ?? "unknown"}`);
    if (deployments > 1) problems.push(`${deployments} deployments (rollout in progress)`);
    problems.push(...releaseProblems(service, recordedTaskDefinition));
    const detail = [`running ${running}/${desired}`, ...problems].join(", ");
    return { check: CHECK, target: serviceName, ok: running === desired && problems.length === 0, detail };
}

/**
 * Describes the services (10 per call, the API's limit) and returns one row per service.
 * `recorded`: ECS service name → task definition ARN in the stack's state (taskDefinitionsInState).
 */
export async function checkEcsServices(ecs: ECSClient, cluster: string, serviceNames: readonly string[], recorded: Readonly<Record<string, string>>): Promise<CheckRow[]> {
    const rows: CheckRow[] = [];
    for (let i = 0; i < serviceNames.length; i += 10) {
        const batch = serviceNames.slice(i, i + 10);
        try {
            const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [...batch] }));
            for (const name of batch) {
                const service = out.services?.find((s) => s.serviceName === name || s.serviceArn?.endsWith(`/${name}`));
                const failure = out.failures?.find((f) => f.arn?.endsWith(`/${name}`) || f.arn === name);
                rows.push(serviceRow(name, service, recorded[name], failure?.reason));
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
