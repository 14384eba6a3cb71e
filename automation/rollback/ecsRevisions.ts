/**
 * Reading task definition revisions from ECS for a rollback (read-only calls).
 */
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand, TaskDefinitionStatus } from "@aws-sdk/client-ecs";
import { ServiceName } from "../../config/names";
import { RefusedError } from "../errors";
import { containerImage, parseTaskDefinition, RevisionImage } from "./revisions";

/** The task definition ARN the service runs (its primary deployment's). */
export async function runningTaskDefinition(ecs: ECSClient, cluster: string, serviceName: string): Promise<string> {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [serviceName] }));
    const service = out.services?.find((s) => s.serviceName === serviceName);
    if (!service || service.status === "INACTIVE") throw new RefusedError(`ECS service ${serviceName} not found in cluster ${cluster}`);
    const primary = service.deployments?.find((d) => d.status === "PRIMARY")?.taskDefinition ?? service.taskDefinition;
    if (!primary) throw new RefusedError(`ECS service ${serviceName} reports no task definition`);
    return primary;
}

/** Every registered revision of exactly this family, ACTIVE and INACTIVE (Pulumi deregisters replaced ones). */
export async function listRevisions(ecs: ECSClient, family: string): Promise<number[]> {
    const revisions = new Set<number>();
    for (const status of [TaskDefinitionStatus.ACTIVE, TaskDefinitionStatus.INACTIVE]) {
        let nextToken: string | undefined;
        do {
            const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status, sort: "DESC", nextToken }));
            for (const arn of out.taskDefinitionArns ?? []) {
                const ref = parseTaskDefinition(arn);
                // familyPrefix also matches longer families ("<family>-debug"): keep the exact one only.
                if (ref?.family === family) revisions.add(ref.revision);
            }
            nextToken = out.nextToken;
        } while (nextToken);
    }
    return [...revisions].sort((a, b) => b - a);
}

export async function revisionImage(ecs: ECSClient, family: string, revision: number, service: ServiceName): Promise<RevisionImage> {
    const reference = `${family}:${revision}`;
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: reference }));
    return { revision, image: containerImage(out.taskDefinition?.containerDefinitions ?? [], service, reference) };
}
