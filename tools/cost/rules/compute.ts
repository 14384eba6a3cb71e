/**
 * Compute charges: Fargate tasks of each ECS service (vCPU-hours and GB-hours for the desired count,
 * split between FARGATE and FARGATE_SPOT by the service's or the cluster's capacity provider
 * strategy, for the hours the service runs), the cluster's Container Insights, and ECR storage.
 */
import type { RegisteredResource } from "../../../lib/planRecord";
import { splitTasks, StrategyItem } from "../capacitySplit";
import { AssumptionKey, ChargeSpec, charges, free, notPriced, PlanIndex, PricingRule } from "../model";
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

export const ECS_CLUSTER = RESOURCE_TYPES.ecsCluster;

/**
 * Container Insights (standard, "enabled") for ECS on Fargate: CloudWatch bills its metrics as custom
 * metrics and its performance log events as log ingestion (https://aws.amazon.com/cloudwatch/pricing/;
 * ECS developer guide, "Container Insights": "Metrics collected by Container Insights are charged as
 * custom metrics"). The metrics come in three dimension sets (Container Insights metrics for Amazon
 * ECS, CloudWatch user guide): ClusterName, ClusterName+ServiceName and ClusterName+TaskDefinitionFamily.
 * Per set on Fargate: CpuUtilized/Reserved, MemoryUtilized/Reserved, NetworkRx/TxBytes,
 * StorageRead/WriteBytes and EphemeralStorageUtilized/Reserved (10), plus ServiceCount and TaskCount
 * for the cluster, and DeploymentCount, DesiredTaskCount, PendingTaskCount, RunningTaskCount and
 * TaskSetCount for each service. A metric is billed pro rata for the hours it is published, i.e. the
 * hours its tasks run.
 */
export const CONTAINER_INSIGHTS_METRICS = { cluster: 12, service: 15, taskFamily: 10 } as const;

/** The services that run in this cluster (by its ARN or name; with a single cluster in the plan, all of them). */
function servicesIn(cluster: RegisteredResource, plan: PlanIndex): RegisteredResource[] {
    const clusters = plan.ofType(ECS_CLUSTER);
    return plan.ofType(ECS_SERVICE).filter((s) => (plan.referenced(ECS_CLUSTER, s.inputs.cluster) ?? (clusters.length === 1 ? clusters[0] : undefined))?.urn === cluster.urn);
}

const ecsCluster: PricingRule = (r, ctx) => {
    const insights = list(r.inputs.settings).find((s) => s.name === "containerInsights");
    const mode = str(insights?.value) ?? "disabled";
    if (mode === "disabled") return free("an ECS cluster has no charge; its tasks are priced on their services");
    if (mode !== "enabled") {
        // Enhanced observability is billed per observation, a meter this table does not have.
        return charges([{ item: `Container Insights (${mode})`, quantity: 1, priceKey: `containerInsights.${mode}ObservationMonth` }]);
    }
    const running = servicesIn(r, ctx.plan)
        .map((s) => ({ service: s, tasks: num(s.inputs.desiredCount) ?? 0, share: ctx.runningHours(s).hours / ctx.hoursPerMonth, hours: ctx.runningHours(s) }))
        .filter((s) => s.tasks > 0);
    if (running.length === 0) return free("Container Insights is on, but no service of the cluster runs a task: nothing is published");
    const families = new Map<string, number>();
    for (const s of running) {
        const family = str(ctx.plan.referenced(TASK_DEFINITION, s.service.inputs.taskDefinition)?.inputs.family) ?? s.service.name;
        families.set(family, Math.max(families.get(family) ?? 0, s.share));
    }
    const m = CONTAINER_INSIGHTS_METRICS;
    const clusterShare = Math.max(...running.map((s) => s.share));
    const metricMonths = m.cluster * clusterShare + running.reduce((sum, s) => sum + m.service * s.share, 0) + [...families.values()].reduce((sum, share) => sum + m.taskFamily * share, 0);
    const taskMonths = running.reduce((sum, s) => sum + s.tasks * s.share, 0);
    const mbPerTask = ctx.assumptions.containerInsightsMbPerTaskMonth;
    const scheduled = running.flatMap((s) => s.hours.assumptions);
    return charges([
        {
            item: "Container Insights metrics", detail: `${running.length} service${running.length === 1 ? "" : "s"}, ${families.size} task famil${families.size === 1 ? "y" : "ies"}`,
            quantity: metricMonths, priceKey: "containerInsights.metricMonth", assumptions: [...new Set(scheduled)],
            basis: `${m.cluster} cluster + ${m.service} per service + ${m.taskFamily} per task family metrics, each for the share of the month its tasks run`,
        },
        {
            item: "Container Insights performance log events", detail: `${fmt(taskMonths)} task-months`, quantity: (taskMonths * mbPerTask) / 1024,
            priceKey: "containerInsights.performanceLogGb", assumptions: [...new Set<AssumptionKey>([...scheduled, "containerInsightsMbPerTaskMonth"])],
            basis: `${fmt(taskMonths)} task-months (desired counts) × ${mbPerTask} MB`,
        },
    ], [
        "Container Insights' performance log group (/aws/ecs/containerinsights/<cluster>/performance) is created by ECS, not by the program: its storage is small and not estimated",
        "tasks run outside a service (the debug task) and autoscaling above the desired count add metrics and log events: not estimated",
    ]);
};

const ecrRepository: PricingRule = (_r, ctx) => charges([
    { item: "image storage", quantity: ctx.assumptions.ecrGbPerRepository, priceKey: "ecr.storageGbMonth", assumptions: ["ecrGbPerRepository"] },
], ["basic scanning on push is free; pulls within the region are free"]);

export const ECR_REPOSITORY = RESOURCE_TYPES.ecrRepository;

/** Whether a replication rule's repository filters (PREFIX_MATCH; none = every repository) select this name. */
const selects = (filters: readonly Record<string, unknown>[], name: string) =>
    filters.length === 0 || filters.some((f) => (str(f.filterType) ?? "PREFIX_MATCH") === "PREFIX_MATCH" && name.startsWith(str(f.filter) ?? ""));

/**
 * ECR registry replication: each destination region stores a copy of every image of the repositories
 * the rule selects, billed as that region's ECR storage (ECR pricing: "replicated images are charged
 * as storage in the destination Region"); the copy across regions is data transfer out of the source.
 */
const ecrReplication: PricingRule = (r, ctx) => {
    const repos = ctx.plan.ofType(ECR_REPOSITORY).map((repo) => str(repo.inputs.name) ?? repo.name);
    const gb = ctx.assumptions.ecrGbPerRepository;
    const specs: ChargeSpec[] = [];
    for (const rule of list(obj(r.inputs.replicationConfiguration)?.rules)) {
        const selected = repos.filter((name) => selects(list(rule.repositoryFilters), name));
        for (const destination of list(rule.destinations)) {
            const region = str(destination.region) ?? "(unset region)";
            if (selected.length === 0) continue;
            specs.push({
                item: `replicated image storage in ${region}`, detail: `${selected.length} repositor${selected.length === 1 ? "y" : "ies"}`,
                quantity: selected.length * gb, priceKey: "ecr.storageGbMonth", region, assumptions: ["ecrGbPerRepository"],
                basis: `${selected.length} × ${gb} GB (${selected.join(", ")})`,
            });
        }
    }
    if (specs.length === 0) return free("no repository of the plan is selected for replication: nothing is copied");
    return charges(specs, ["pushes copied across regions are billed as inter-region data transfer per image pushed: not estimated (a few GB a month)"]);
};

export const computeRules: Record<string, PricingRule> = {
    [RESOURCE_TYPES.ecrReplicationConfiguration]: ecrReplication,
    [ECS_SERVICE]: ecsService,
    [ECS_CLUSTER]: ecsCluster,
    [ECR_REPOSITORY]: ecrRepository,
} satisfies Partial<Record<ResourceType, PricingRule>>;
