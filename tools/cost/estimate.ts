/**
 * The monthly estimate of one evaluated stack: every planned custom resource goes through its pricing
 * rule, every charge is priced from the table of the region it lands in, and the lines are summed per
 * top-level component and in total. Pure: the plan, prices and assumptions in, the estimate out.
 */
import type { EvaluatedStack } from "../../lib/planRecord";
import { HOURS_PER_MONTH } from "./assumptions";
import { Charge, chargeLabel, ChargeSpec, ComponentSubtotal, CostAssumptions, CostEstimate, CostLine, PlanIndex, RuleContext, RuleResult } from "./model";
import { indexPlan, topComponent } from "./planIndex";
import { PriceBook } from "./priceTable";
import { priceResource } from "./rules";
import { runningHoursResolver } from "./runningHours";

export interface EstimateOptions {
    readonly prices: PriceBook;
    readonly assumptions: CostAssumptions;
    /** The stack's region: where a resource without its own region or provider region lands. */
    readonly region: string;
    readonly budgetUsd?: number;
    readonly hoursPerMonth?: number;
}

function priceCharge(spec: ChargeSpec, region: string, prices: PriceBook): Charge {
    const { table, borrowed } = prices.forRegion(spec.region ?? region);
    const price = table.price(spec.priceKey);
    const base = { ...spec, assumptions: spec.assumptions ?? [] };
    if (!price) return { ...base, unit: "", estimatedPrice: false, missing: `no price "${spec.priceKey}" in ${table.file}` };
    return { ...base, unit: price.unit, unitPriceUsd: price.usd, monthlyUsd: spec.quantity * price.usd, estimatedPrice: price.estimate !== undefined || borrowed };
}

function toLine(result: RuleResult, base: Omit<CostLine, "status" | "charges" | "notes" | "monthlyUsd" | "reason">, prices: PriceBook): CostLine {
    if (result.kind !== "charges") {
        return { ...base, status: result.kind, reason: result.reason, charges: [], notes: [], monthlyUsd: 0 };
    }
    const priced = result.charges.map((c) => priceCharge(c, base.region, prices));
    const { borrowed, table } = prices.forRegion(base.region);
    const notes = [...(result.notes ?? []), ...(borrowed ? [`no price table for ${base.region}: priced with ${table.region} prices (marked estimated)`] : [])];
    const missing = priced.filter((c) => c.missing);
    return {
        ...base,
        status: missing.length > 0 ? "not-priced" : "priced",
        ...(missing.length > 0 ? { reason: missing.map((c) => `${chargeLabel(c)}: ${c.missing}`).join("; ") } : {}),
        charges: priced,
        notes,
        monthlyUsd: priced.reduce((sum, c) => sum + (c.monthlyUsd ?? 0), 0),
    };
}

/** Components in deployment order (§1.2 phases), then the stack root. */
const MODULE_ORDER = ["network", "security", "data", "compute", "monitoring"];
function componentRank(component: string): number {
    const module = /\(fivestar:([a-z]+):/.exec(component)?.[1];
    const i = module === undefined ? -1 : MODULE_ORDER.indexOf(module);
    return i < 0 ? MODULE_ORDER.length + (component === "(stack)" ? 1 : 0) : i;
}

export function subtotals(lines: readonly CostLine[]): ComponentSubtotal[] {
    const sums = new Map<string, number>();
    for (const line of lines) sums.set(line.component, (sums.get(line.component) ?? 0) + line.monthlyUsd);
    return [...sums.entries()]
        .map(([component, monthlyUsd]) => ({ component, monthlyUsd }))
        .sort((a, b) => componentRank(a.component) - componentRank(b.component) || a.component.localeCompare(b.component));
}

export function ruleContext(plan: PlanIndex, assumptions: CostAssumptions, hoursPerMonth: number): RuleContext {
    return { plan, assumptions, hoursPerMonth, runningHours: runningHoursResolver(plan, assumptions, hoursPerMonth) };
}

export function estimateCost(stack: EvaluatedStack, options: EstimateOptions): CostEstimate {
    const hoursPerMonth = options.hoursPerMonth ?? HOURS_PER_MONTH;
    const plan = indexPlan(stack, options.region);
    const ctx = ruleContext(plan, options.assumptions, hoursPerMonth);
    const lines = stack.resources
        .filter((r) => r.custom)
        .map((r) => toLine(priceResource(r, ctx), {
            urn: r.urn, type: r.type, name: r.name, component: topComponent(r, plan), region: plan.regionOf(r),
        }, options.prices));
    const home = options.prices.home;
    return {
        kind: "fivestar-cost-estimate",
        project: stack.project,
        stack: stack.stack,
        region: options.region,
        currency: "USD",
        hoursPerMonth,
        priceTable: { file: home.file, region: home.region, takenOn: home.takenOn },
        assumptions: options.assumptions,
        ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
        lines,
        components: subtotals(lines),
        totalMonthlyUsd: lines.reduce((sum, l) => sum + l.monthlyUsd, 0),
        counts: {
            priced: lines.filter((l) => l.status === "priced").length,
            free: lines.filter((l) => l.status === "free").length,
            notPriced: lines.filter((l) => l.status === "not-priced").length,
        },
    };
}
