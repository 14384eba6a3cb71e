/**
 * The estimate for people: one row per charge of each priced resource (type, name, what, quantity,
 * unit price, monthly cost), grouped under its component with a subtotal, then the total, the budget,
 * what is not priced and why, what is free, and the assumptions used.
 */
import { shortType } from "../../lib/types";
import { cut, DEFAULT_WIDTH, fitColumns } from "../offline/fit";
import { AssumptionKey, Charge, chargeLabel, CostEstimate, CostLine } from "./model";
import { ASSUMPTIONS_FILE, isAssumptionKey, stackDefault } from "./assumptions";

export const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const signedUsd = (n: number) => `${n < 0 ? "-" : "+"}${usd(Math.abs(n))}`;
/** A unit price with enough digits to read ($0.0000007 per write unit would round to nothing). */
export function unitPrice(n: number): string {
    // toString() would print very small prices in exponent form (7e-7).
    const text = Number(n.toPrecision(4)).toFixed(12).replace(/0+$/, "").replace(/\.$/, "");
    const decimals = text.split(".")[1]?.length ?? 0;
    return `$${decimals >= 2 ? text : n.toFixed(2)}`;
}
/** The price's unit without its parenthetical detail, which the price file keeps. */
const shortUnit = (unit: string) => unit.replace(/\s*\([^)]*\)/g, "");
const quantity = (n: number) => Number(n.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 3 });

const FLAGS = "[A] quantity depends on a usage assumption (named in the assumptions below); [E] the price is a labelled estimate in the price table";

function flags(c: Charge): string {
    return `${c.assumptions.length > 0 ? "A" : " "}${c.estimatedPrice ? "E" : " "}`;
}

/** The charge rows as columns; within `width` (less the 2-space indent) the name, charge and unit columns give way. */
function table(rows: string[][], width: number): string[] {
    return fitColumns(rows, width - 2, [1, 2, 4, 0], new Set([3, 5, 6]));
}

function chargeRows(line: CostLine): string[][] {
    return line.charges.map((c, i) => [
        i === 0 ? shortType(line.type) : "",
        i === 0 ? line.name : "",
        chargeLabel(c),
        quantity(c.quantity),
        c.unit ? shortUnit(c.unit) : "(no price)",
        c.unitPriceUsd === undefined ? "-" : `× ${unitPrice(c.unitPriceUsd)}`,
        c.monthlyUsd === undefined ? "not priced" : usd(c.monthlyUsd),
        flags(c).trim() ? `[${flags(c).trim()}]` : "",
    ]);
}

/** The estimate as text; lines fit `width` columns (Infinity: everything, as `--wide`). */
export function renderEstimate(estimate: CostEstimate, width: number = DEFAULT_WIDTH): string {
    const out: string[] = [];
    out.push(`Monthly cost estimate: stack "${estimate.stack}" of ${estimate.project} (${estimate.region}, ${estimate.currency}, ${estimate.hoursPerMonth} hours a month)`);
    out.push(`Prices: ${estimate.priceTable.file}, on-demand list prices taken ${estimate.priceTable.takenOn} (each with its source; estimates labelled).`);
    out.push(FLAGS);

    const rows: string[][] = [["type", "name", "charge", "quantity", "unit", "unit price", "per month", ""]];
    const lineRows = new Map<string, string[][]>();
    for (const line of estimate.lines.filter((l) => l.charges.length > 0)) {
        lineRows.set(line.component, [...(lineRows.get(line.component) ?? []), ...chargeRows(line)]);
    }
    // Lay every row out in one table so the columns align across components.
    const all = [rows[0], ...estimate.components.flatMap((c) => lineRows.get(c.component) ?? [])];
    const laidOut = table(all, width);
    let next = 1;
    out.push("", laidOut[0]);
    for (const component of estimate.components) {
        const count = lineRows.get(component.component)?.length ?? 0;
        if (count === 0) continue;
        out.push("", component.component);
        for (let i = 0; i < count; i++) out.push(`  ${laidOut[next++]}`);
        out.push(`  subtotal ${component.component.split(" ")[0]}: ${usd(component.monthlyUsd)}`);
    }

    const { priced, free, notPriced } = estimate.counts;
    out.push("", `Total: ${usd(estimate.totalMonthlyUsd)} a month (${priced} priced, ${free} free, ${notPriced} not priced resources)` +
        (notPriced > 0 ? "; a lower bound: the not-priced charges below are not in it" : ""));
    if (estimate.budgetUsd !== undefined) {
        const share = (100 * estimate.totalMonthlyUsd) / estimate.budgetUsd;
        out.push(`Budget (monthlyBudgetUsd, §2.2): ${usd(estimate.budgetUsd)} a month; this estimate is ${share.toFixed(0)}% of it${share >= 100 ? " — OVER BUDGET" : ""}.`);
    }

    const unpriced = estimate.lines.filter((l) => l.status === "not-priced");
    if (unpriced.length > 0) {
        out.push("", "Not priced (not in the total):");
        for (const l of unpriced) out.push(`  ${shortType(l.type)} ${l.name}: ${l.reason}`);
    }

    // The same note on many resources (every KMS key, every secret) is printed once with their names.
    const notes = new Map<string, string[]>();
    for (const l of estimate.lines) for (const n of l.notes) notes.set(n, [...(notes.get(n) ?? []), l.name]);
    if (notes.size > 0) {
        out.push("", "Notes:");
        for (const [note, names] of notes) out.push(`  ${names.join(", ")}: ${note}`);
    }

    const freeLines = estimate.lines.filter((l) => l.status === "free");
    if (freeLines.length > 0) {
        const byType = new Map<string, { count: number; reason: string }>();
        for (const l of freeLines) {
            const key = shortType(l.type);
            byType.set(key, { count: (byType.get(key)?.count ?? 0) + 1, reason: l.reason ?? "" });
        }
        out.push("", `Free (${freeLines.length}):`);
        for (const [type, { count, reason }] of byType) out.push(`  ${count} × ${type}: ${reason}`);
    }

    out.push("", `Assumptions (${ASSUMPTIONS_FILE}; change one for a run with --assume <name>=<value> or --assumptions <file>):`);
    const used = usedAssumptions(estimate);
    for (const [key, value] of Object.entries(estimate.assumptions) as [AssumptionKey, number][]) {
        // A saved estimate may carry a name this version no longer knows: it is printed, never looked up.
        const isDefault = isAssumptionKey(key) && stackDefault(key, estimate.stack) === value;
        out.push(`  ${key} = ${value}${isDefault ? " (default)" : ""}: used by ${used.get(key) ?? 0} charge${used.get(key) === 1 ? "" : "s"}`);
    }
    return out.map((line) => cut(line, width)).join("\n");
}

/** How many charges depend on each assumption. */
export function usedAssumptions(estimate: Pick<CostEstimate, "lines">): Map<AssumptionKey, number> {
    const used = new Map<AssumptionKey, number>();
    for (const c of estimate.lines.flatMap((l) => l.charges)) for (const a of c.assumptions) used.set(a, (used.get(a) ?? 0) + 1);
    return used;
}

