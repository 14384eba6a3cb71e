/**
 * Compute charges: Fargate tasks of each ECS service (vCPU-hours and GB-hours for the desired count,
 * split between FARGATE and FARGATE_SPOT by the service's or the cluster's capacity provider
 * strategy, for the hours the service runs), the cluster's Container Insights, and ECR storage.
 */
import type { RegisteredResource } from "../../../lib/planRecord";
import { splitTasks, StrategyItem } from "../capacitySplit";
import { ChargeSpec, charges, free, notPriced, PlanIndex, PricingRule } from "../model";
import { fmt, list, num, obj, str } from "./inputs";
import type { ResourceType } from "../../../lib/types";
import { RESOURCE_TYPES } from "../../../lib/types";

export const ECS_SERVICE = RESOURCE_TYPES.ecsService;
export const TASK_DEFINITION = RESOURCE_TYPES.ecsTaskDefinition;
export const CLUSTER_CAPACITY_PROVIDERS = RESOURCE_TYPES.ecsClusterCapacityProviders;
const SCALABLE_TARGET = RESOURCE_TYPES.appautoscalingTarget;
/** Fargate includes 20 GiB of ephemeral storage per task. */
const INCLUDED_EPHEMERAL_GIB = 20;

type Placement =
    | { readonly ok: true; readonly strategy: readonly StrategyItem[]; readonly description: string }
    | { readonly ok: false; readonly reason: string };

const describe = (strategy: readonly StrategyItem[]) =>
    strategy.map((s) => `${s.capacityProvider}${s.base ? ` base ${s.base}` : ""} weight ${s.weight ?? 0}`).join(", ");

const strategyOf = (v: unknown): StrategyItem[] => list(v)
    .map((s) => ({ capacityProvider: String(s.capacityProvider ?? ""), base: num(s.base), weight: num(s.weight) }))
    .filter((s) => s.capacityProvider.length > 0);

/** Where a service's tasks run: its own strategy, its launch type, or its cluster's default strategy. */
export function placementOf(service: RegisteredResource, plan: PlanIndex): Placement {
    const own = strategyOf(service.inputs.capacityProviderStrategies);
    if (own.length > 0) return { ok: true, strategy: own, description: `service strategy: ${describe(own)}` };
    const launchType = str(service.inputs.launchType);
    if (launchType === "FARGATE") return { ok: true, strategy: [{ capacityProvider: "FARGATE", weight: 1 }], description: "launch type FARGATE" };
    if (launchType) return { ok: false, reason: `launch type ${launchType} runs on instances this estimate does not price` };
    const clusters = plan.ofType(CLUSTER_CAPACITY_PROVIDERS);
    const cluster = plan.referenced(CLUSTER_CAPACITY_PROVIDERS, service.inputs.cluster) ?? (clusters.length === 1 ? clusters[0] : undefined);
    const defaults = strategyOf(cluster?.inputs.defaultCapacityProviderStrategies);
    if (defaults.length === 0) return { ok: false, reason: "no launch type and no capacity provider strategy (ECS would fall back to the EC2 launch type)" };
    return { ok: true, strategy: defaults, description: `cluster default strategy: ${describe(defaults)}` };
}

function scalingNote(service: RegisteredResource, plan: PlanIndex): string[] {
    const name = str(service.inputs.name) ?? service.name;
    const target = plan.ofType(SCALABLE_TARGET).find((t) => str(t.inputs.resourceId)?.endsWith(`/${name}`));
    const [min, max] = [num(target?.inputs.minCapacity), num(target?.inputs.maxCapacity)];
    return min !== undefined && max !== undefined && max > min ? [`autoscaling ${min}-${max} tasks: priced at the desired count`] : [];
}

const ecsService: PricingRule = (r, ctx) => {
    const desired = num(r.inputs.desiredCount) ?? 0;
    if (desired === 0) return free("desired count 0: no task runs");
    const taskDef = ctx.plan.referenced(TASK_DEFINITION, r.inputs.taskDefinition);
    if (!taskDef) return notPriced("its task definition is not in the plan, so its CPU and memory are unknown");
    const [cpu, memory] = [num(taskDef.inputs.cpu), num(taskDef.inputs.memory)];
    if (!cpu || !memory) return notPriced(`task definition ${taskDef.name} sets no task-level cpu and memory`);
    const platform = obj(taskDef.inputs.runtimePlatform);
    const arch = (str(platform?.cpuArchitecture) ?? "X86_64").toUpperCase();
    const os = (str(platform?.operatingSystemFamily) ?? "LINUX").toUpperCase();
    if (os !== "LINUX") return notPriced(`${os} tasks are not in the price table`);
    const placement = placementOf(r, ctx.plan);
    if (!placement.ok) return notPriced(placement.reason);

    const tasks = splitTasks(desired, placement.strategy);
    const running = ctx.runningHours(r);
    const [vcpu, gb] = [cpu / 1024, memory / 1024];
    const specs: ChargeSpec[] = [];
    for (const [provider, count] of Object.entries(tasks)) {
        if (count === 0) continue;
        const spot = provider === "FARGATE_SPOT";
        const known = spot || provider === "FARGATE";
        const tasks = `${count} task${count === 1 ? "" : "s"}`;
        const basis = `${tasks} × ${fmt(running.hours)} h (${running.basis})`;
        specs.push(
            { item: `vCPU-hours on ${provider}`, detail: `${tasks} × ${fmt(vcpu)} vCPU`, quantity: count * vcpu * running.hours, basis, assumptions: running.assumptions,
                priceKey: known ? `fargate.${spot ? "spotVcpuHour" : "vcpuHour"}.${arch}` : `capacityProvider.${provider}` },
            { item: `GB-hours on ${provider}`, detail: `${tasks} × ${fmt(gb)} GB`, quantity: count * gb * running.hours, basis, assumptions: running.assumptions,
                priceKey: known ? `fargate.${spot ? "spotGbHour" : "gbHour"}.${arch}` : `capacityProvider.${provider}` },
        );
        const ephemeral = num(obj(taskDef.inputs.ephemeralStorage)?.sizeInGib) ?? INCLUDED_EPHEMERAL_GIB;
        if (ephemeral > INCLUDED_EPHEMERAL_GIB) {
            specs.push({ item: `ephemeral storage on ${provider}`, detail: `${tasks} × ${ephemeral - INCLUDED_EPHEMERAL_GIB} GiB above the included ${INCLUDED_EPHEMERAL_GIB}`, quantity: count * (ephemeral - INCLUDED_EPHEMERAL_GIB) * running.hours,
                priceKey: `fargate.ephemeralGbHour.${arch}`, assumptions: running.assumptions });
        }
    }
    return charges(specs, [placement.description, ...scalingNote(r, ctx.plan)]);
};

const ecsCluster: PricingRule = (r) => {
    const insights = list(r.inputs.settings).find((s) => s.name === "containerInsights");
    const mode = str(insights?.value);
    if (mode === "enabled" || mode === "enhanced") {
        return notPriced(`Container Insights (${mode}) bills its metrics and performance logs as CloudWatch custom metrics and log ingestion per task; this estimate does not model them`);
    }
    return free("an ECS cluster has no charge; its tasks are priced on their services");
};

const ecrRepository: PricingRule = (_r, ctx) => charges([
    { item: "image storage", quantity: ctx.assumptions.costEcrGbPerRepository, priceKey: "ecr.storageGbMonth", assumptions: ["costEcrGbPerRepository"] },
], ["basic scanning on push is free; pulls within the region are free"]);

export const computeRules: Record<string, PricingRule> = {
    [ECS_SERVICE]: ecsService,
    "aws:ecs/cluster:Cluster": ecsCluster,
    "aws:ecr/repository:Repository": ecrRepository,
} satisfies Partial<Record<ResourceType, PricingRule>>;
