/**
 * Where tasks run: the cluster's default capacity provider strategy (§3.2.2) and each service's own.
 *
 * The cluster default keeps each service's first 2 tasks on on-demand Fargate and puts 4 of every 5
 * further tasks on Fargate Spot (about 70 % cheaper, reclaimable with a 2-minute warning).
 *
 * internal-pe overrides it and runs on on-demand Fargate only. A Spot reclaim stops a task that may be
 * in the middle of a payment: a gateway call awaiting its answer, a database transaction half done. The
 * application must survive a task stop anyway (deployments, AZ loss), but on Spot that becomes a routine
 * event during exactly the traffic peaks that scale the service out, and Spot capacity can also be
 * short then, leaving the scale-out unmet. The difference only shows beyond 2 tasks (prod: tasks 3-10),
 * so the premium is small next to the risk. customer-portal serves static files and keeps the default.
 *
 * Every service states its strategy explicitly, even when it equals the cluster default: a service that
 * relies on the default reads back a strategy it was not given, which the provider reports as a change
 * that replaces the service on every update (hashicorp/terraform-provider-aws#11351).
 */
import { ServiceName } from "../config/names";

export interface CapacityProviderShare {
    readonly capacityProvider: "FARGATE" | "FARGATE_SPOT";
    readonly base: number;
    readonly weight: number;
}

export const CLUSTER_CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

/** §3.2.2: FARGATE base 2 weight 1, FARGATE_SPOT weight 4. */
export const CLUSTER_DEFAULT_STRATEGY: readonly CapacityProviderShare[] = Object.freeze([
    { capacityProvider: "FARGATE", base: 2, weight: 1 },
    { capacityProvider: "FARGATE_SPOT", base: 0, weight: 4 },
]);

export const ON_DEMAND_ONLY: readonly CapacityProviderShare[] = Object.freeze([
    { capacityProvider: "FARGATE", base: 0, weight: 1 },
]);

export function serviceCapacityStrategy(service: ServiceName): readonly CapacityProviderShare[] {
    return service === "internal-pe" ? ON_DEMAND_ONLY : CLUSTER_DEFAULT_STRATEGY;
}
