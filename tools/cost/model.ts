/**
 * The shapes of a cost estimate. A pricing rule looks at one planned resource and answers with the
 * charges it causes (quantity × a price key), or says it is free, or says why it cannot be priced.
 * The estimate turns charges into money with the price table; a missing price never becomes zero.
 */
import type { RegisteredResource } from "../../lib/planRecord";
import type { AssumptionKey, CostAssumptions } from "./assumptions";

/** A usage assumption of the cost tool (tools/cost/assumptions.ts). */
export type { AssumptionKey, CostAssumptions };

/** What a rule asks to be charged; the estimate prices it. */
export interface ChargeSpec {
    /** What is being paid for, e.g. "instance hours": stable across changes, so a diff can match it. */
    readonly item: string;
    /** What the item is on this resource, e.g. "db.r6g.large, Multi-AZ (primary + standby)". */
    readonly detail?: string;
    readonly quantity: number;
    /** The key in the price table; the price's own unit describes the quantity. */
    readonly priceKey: string;
    /** The usage assumptions the quantity was derived from (the line "depends on assumptions"). */
    readonly assumptions?: readonly AssumptionKey[];
    /** How the quantity was reached, in a few words ("55 h/week from the after-hours schedule"). */
    readonly basis?: string;
    /** Price in this region's table instead of the resource's (e.g. transfer out of the source region). */
    readonly region?: string;
}

export type RuleResult =
    | { readonly kind: "charges"; readonly charges: readonly ChargeSpec[]; readonly notes?: readonly string[] }
    | { readonly kind: "free"; readonly reason: string }
    | { readonly kind: "not-priced"; readonly reason: string };

export interface Charge extends ChargeSpec {
    readonly assumptions: readonly AssumptionKey[];
    readonly unit: string;
    /** Undefined when the price table has no such key: the charge is not priced. */
    readonly unitPriceUsd?: number;
    readonly monthlyUsd?: number;
    /** The price is labelled an estimate in the table (or borrowed from another region's table). */
    readonly estimatedPrice: boolean;
    /** Why the charge has no price. */
    readonly missing?: string;
}

export type LineStatus = "priced" | "free" | "not-priced";

/** One planned custom resource and what it costs. */
export interface CostLine {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** The top-level component the resource belongs to, e.g. "network (fivestar:network:Network)". */
    readonly component: string;
    readonly region: string;
    /** "not-priced" when the rule could not price it or any of its charges has no price. */
    readonly status: LineStatus;
    readonly charges: readonly Charge[];
    /** For free and not-priced lines: why. */
    readonly reason?: string;
    readonly notes: readonly string[];
    /** Sum of the priced charges (a not-priced line may still carry some). */
    readonly monthlyUsd: number;
}

export interface ComponentSubtotal {
    readonly component: string;
    readonly monthlyUsd: number;
}

export interface CostEstimate {
    readonly kind: "fivestar-cost-estimate";
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    readonly currency: "USD";
    readonly hoursPerMonth: number;
    readonly priceTable: { readonly file: string; readonly region: string; readonly takenOn: string };
    readonly assumptions: CostAssumptions;
    readonly budgetUsd?: number;
    readonly lines: readonly CostLine[];
    readonly components: readonly ComponentSubtotal[];
    /** Sum of all priced charges; a lower bound when any line is not priced. */
    readonly totalMonthlyUsd: number;
    readonly counts: { readonly priced: number; readonly free: number; readonly notPriced: number };
}

/** Read-only lookups over the plan that rules need to follow references between resources. */
export interface PlanIndex {
    readonly resources: readonly RegisteredResource[];
    ofType(type: string): RegisteredResource[];
    byUrn(urn: string): RegisteredResource | undefined;
    /** The resource of a type that an ARN, id or name input refers to (mock ARNs end with the physical name). */
    referenced(type: string, ref: unknown): RegisteredResource | undefined;
    /** The region a resource is created in: its own `region` input, else its provider's. */
    regionOf(resource: RegisteredResource): string;
}

export interface RunningHours {
    readonly hours: number;
    readonly assumptions: readonly AssumptionKey[];
    readonly basis: string;
}

export interface RuleContext {
    readonly plan: PlanIndex;
    readonly assumptions: CostAssumptions;
    readonly hoursPerMonth: number;
    /** Hours a month an ECS service or RDS instance runs (after-hours schedule, assumption or always). */
    runningHours(resource: RegisteredResource): RunningHours;
}

export type PricingRule = (resource: RegisteredResource, ctx: RuleContext) => RuleResult;

/** How a charge reads in the report: "instance hours, db.r6g.large, Multi-AZ (primary + standby)". */
export const chargeLabel = (c: Pick<ChargeSpec, "item" | "detail">) => (c.detail ? `${c.item}, ${c.detail}` : c.item);

/** Shorthands for rules. */
export const charges = (list: readonly ChargeSpec[], notes: readonly string[] = []): RuleResult => ({ kind: "charges", charges: list, notes });
export const free = (reason: string): RuleResult => ({ kind: "free", reason });
export const notPriced = (reason: string): RuleResult => ({ kind: "not-priced", reason });
