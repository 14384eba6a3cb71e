/**
 * ECS: services, task definitions (their container definitions are a JSON string and are
 * parsed) and clusters.
 *
 * During `pulumi preview` a task definition whose JSON embeds another resource's output (an image
 * URL, a secret ARN) is unknown as a whole; the engine then reports that these rules could not
 * run, and `pulumi up` enforces them before the task definition is registered.
 */
import type * as aws from "@pulumi/aws";
import { Control, CONTROLS } from "../lib/controls";
import { ContainerDefinition, containerLabel, parseContainerDefinitions, secretReason } from "../lib/containers";
import { Props, resourceRule, when } from "../lib/define";
import { ECS_CLUSTER, ECS_SERVICE, ECS_TASK_DEFINITION } from "../lib/types";

type Service = Props<aws.ecs.ServiceArgs>;
type TaskDefinition = Props<aws.ecs.TaskDefinitionArgs>;
type Cluster = Props<aws.ecs.ClusterArgs>;

/** Container Insights values that turn it on ("enhanced" is the newer, more detailed mode). */
const INSIGHTS_ON = ["enabled", "enhanced"];

/** Runs `perContainer` over every container of a task definition; a malformed JSON is one finding. */
function eachContainer(td: TaskDefinition, perContainer: (c: ContainerDefinition, label: string) => string[]): string[] {
    const parsed = parseContainerDefinitions(td.containerDefinitions);
    if (!parsed.ok) return [parsed.error];
    return parsed.containers.flatMap((c, i) => perContainer(c, containerLabel(c, i)));
}

function taskRule(name: string, control: Control, description: string, perContainer: (c: ContainerDefinition, label: string) => string[]) {
    return resourceRule<TaskDefinition>({ name, control, description, types: ECS_TASK_DEFINITION, check: (td) => eachContainer(td, perContainer) });
}

export const ecsPolicies = [
    resourceRule<Service>({
        name: "ecs-2-no-public-ip",
        control: CONTROLS.ECS_2,
        description: "ECS services do not give their tasks public IPs; tasks run in private subnets behind the ALB.",
        types: ECS_SERVICE,
        check: (service) => when(service.networkConfiguration?.assignPublicIp === true,
            "networkConfiguration.assignPublicIp is true: every task gets a public IP. Set it to false and use private subnets."),
    }),
    taskRule("ecs-4-not-privileged", CONTROLS.ECS_4,
        "No container runs privileged (root on the host).",
        (c, label) => when(c.privileged === true, `${label} is privileged. Remove "privileged": true.`)),
    taskRule("ecs-5-read-only-root-fs", CONTROLS.ECS_5,
        "Every container's root filesystem is read-only; writable paths are explicit volumes.",
        (c, label) => when(c.readonlyRootFilesystem !== true, `${label} has a writable root filesystem. Set "readonlyRootFilesystem": true and mount volumes for the paths it writes.`)),
    taskRule("ecs-8-no-secrets-in-environment", CONTROLS.ECS_8,
        "No credential is passed as a plain container environment variable: secrets come from Secrets Manager or SSM through `secrets`.",
        (c, label) => (c.environment ?? [])
            .map((v) => secretReason(v))
            .filter((reason): reason is string => reason !== undefined)
            .map((reason) => `${label}: ${reason}. Pass it through "secrets" (valueFrom a Secrets Manager or SSM ARN).`)),
    taskRule("ecs-9-log-configuration", CONTROLS.ECS_9,
        "Every container has a log configuration (its output goes to CloudWatch Logs, not nowhere).",
        (c, label) => when(!c.logConfiguration?.logDriver, `${label} has no logConfiguration.logDriver. Use "awslogs" with the service's log group.`)),
    resourceRule<Cluster>({
        name: "ecs-12-container-insights",
        control: CONTROLS.ECS_12,
        description: "ECS clusters have Container Insights on (per-task CPU, memory and network metrics).",
        types: ECS_CLUSTER,
        check: (cluster) => {
            const setting = (cluster.settings ?? []).find((s) => s.name === "containerInsights");
            return when(!setting || !INSIGHTS_ON.includes(setting.value),
                `containerInsights is ${setting ? `"${setting.value}"` : "not set"}. Add settings: [{ name: "containerInsights", value: "enabled" }].`);
        },
    }),
];
