/**
 * `npm run ops -- debug <stack>`: the §12.1.2 `aws ecs run-task` of the stack's debug task, with the
 * real app subnets and ECS security group from the stack's outputs. Pure: outputs in, command out.
 */
import { RefusedError } from "./errors";

/** Shell-safe single quoting. */
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

export function debugRunTaskCommand(outputs: Record<string, unknown>, region: string): string {
    const cluster = outputs.clusterName;
    const family = outputs.debugTaskFamily;
    const subnets = outputs.appSubnetIds;
    const sg = outputs.ecsSecurityGroupId;
    const missing = [
        typeof cluster === "string" ? undefined : "clusterName",
        typeof family === "string" ? undefined : "debugTaskFamily",
        Array.isArray(subnets) && subnets.length > 0 && subnets.every((s) => typeof s === "string") ? undefined : "appSubnetIds",
        typeof sg === "string" ? undefined : "ecsSecurityGroupId",
    ].filter((m): m is string => m !== undefined);
    if (missing.length > 0) throw new RefusedError(`the stack has no ${missing.join(", ")} output: run \`npm run ops -- up <stack>\` with this version first`);
    const network = `awsvpcConfiguration={subnets=[${(subnets as string[]).join(",")}],securityGroups=[${sg as string}],assignPublicIp=DISABLED}`;
    return [
        "aws ecs run-task",
        `--cluster ${quote(cluster as string)}`,
        `--task-definition ${quote(family as string)}`,
        "--launch-type FARGATE",
        "--enable-execute-command",
        `--network-configuration ${quote(network)}`,
        `--region ${quote(region)}`,
    ].join(" \\\n    ");
}
