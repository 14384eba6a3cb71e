/**
 * What a change does to the monthly cost: a saved estimate (`npm run cost -- <stack> --save
 * base.json` on the base branch) against the current one, per charge, per component and in total,
 * plus resources that became (or stopped being) not priced.
 */
import { shortType } from "../../lib/types";
import { chargeLabel, CostEstimate, CostLine } from "./model";
import { signedUsd, usd } from "./render";
import { parseJsonFile } from "../safety/planDiff";

export interface ChargeChange {
    readonly type: string;
    readonly name: string;
    readonly component: string;
    readonly item: string;
    /** The item with its detail as the newer estimate has it. */
    readonly label: string;
    readonly beforeUsd: number;
    readonly afterUsd: number;
    readonly change: "added" | "removed" | "changed";
}

export interface CostDiff {
    readonly stack: string;
    readonly beforeUsd: number;
    readonly afterUsd: number;
    readonly charges: readonly ChargeChange[];
    readonly components: readonly { readonly component: string; readonly beforeUsd: number; readonly afterUsd: number }[];
    readonly newlyNotPriced: readonly string[];
    readonly noLongerNotPriced: readonly string[];
}

/** Charges are matched by resource URN and what is charged, so a renamed item reads as removed + added. */
const keyOf = (line: CostLine, item: string) => `${line.urn}\u0000${item}`;

function chargeAmounts(estimate: Pick<CostEstimate, "lines">): Map<string, { line: CostLine; item: string; label: string; usd: number }> {
    const map = new Map<string, { line: CostLine; item: string; label: string; usd: number }>();
    for (const line of estimate.lines) {
        for (const c of line.charges) {
            if (c.monthlyUsd === undefined) continue;
            const key = keyOf(line, c.item);
            map.set(key, { line, item: c.item, label: chargeLabel(c), usd: (map.get(key)?.usd ?? 0) + c.monthlyUsd });
        }
    }
    return map;
}

/** Differences smaller than half a cent are rounding, not change. */
const HALF_CENT = 0.005;

export function diffEstimates(before: CostEstimate, after: CostEstimate): CostDiff {
    const [old, now] = [chargeAmounts(before), chargeAmounts(after)];
    const charges: ChargeChange[] = [];
    for (const key of new Set([...old.keys(), ...now.keys()])) {
        const [b, a] = [old.get(key), now.get(key)];
        const ref = (a ?? b)!;
        const [beforeUsd, afterUsd] = [b?.usd ?? 0, a?.usd ?? 0];
        if (b && a && Math.abs(afterUsd - beforeUsd) < HALF_CENT) continue;
        charges.push({ type: ref.line.type, name: ref.line.name, component: ref.line.component, item: ref.item, label: ref.label, beforeUsd, afterUsd, change: !b ? "added" : !a ? "removed" : "changed" });
    }
    charges.sort((x, y) => Math.abs(y.afterUsd - y.beforeUsd) - Math.abs(x.afterUsd - x.beforeUsd));

    const componentNames = [...new Set([...before.components, ...after.components].map((c) => c.component))];
    const sumOf = (e: CostEstimate, name: string) => e.components.find((c) => c.component === name)?.monthlyUsd ?? 0;
    const components = componentNames
        .map((component) => ({ component, beforeUsd: sumOf(before, component), afterUsd: sumOf(after, component) }))
        .filter((c) => Math.abs(c.afterUsd - c.beforeUsd) >= HALF_CENT);

    const notPriced = (e: CostEstimate) => new Set(e.lines.filter((l) => l.status === "not-priced").map((l) => `${shortType(l.type)} ${l.name}`));
    const [wasNot, isNot] = [notPriced(before), notPriced(after)];
    return {
        stack: after.stack,
        beforeUsd: before.totalMonthlyUsd,
        afterUsd: after.totalMonthlyUsd,
        charges,
        components,
        newlyNotPriced: [...isNot].filter((n) => !wasNot.has(n)),
        noLongerNotPriced: [...wasNot].filter((n) => !isNot.has(n)),
    };
}

export function renderDiff(diff: CostDiff): string {
    const delta = diff.afterUsd - diff.beforeUsd;
    const percent = diff.beforeUsd > 0 ? ` (${delta >= 0 ? "+" : ""}${((100 * delta) / diff.beforeUsd).toFixed(1)}%)` : "";
    const out = [`Monthly cost of stack "${diff.stack}": ${usd(diff.beforeUsd)} -> ${usd(diff.afterUsd)}, ${signedUsd(delta)}${percent}`];
    if (diff.charges.length === 0 && diff.newlyNotPriced.length === 0 && diff.noLongerNotPriced.length === 0) {
        out.push("No priced charge changed.");
        return out.join("\n");
    }
    if (diff.charges.length > 0) {
        out.push("", "Changed charges (largest first):");
        const mark = { added: "+", removed: "-", changed: "~" } as const;
        for (const c of diff.charges) {
            out.push(`  ${mark[c.change]} ${shortType(c.type)} ${c.name}: ${c.label}: ${usd(c.beforeUsd)} -> ${usd(c.afterUsd)} (${signedUsd(c.afterUsd - c.beforeUsd)})`);
        }
    }
    if (diff.components.length > 0) {
        out.push("", "Per component:");
        for (const c of diff.components) out.push(`  ${c.component}: ${usd(c.beforeUsd)} -> ${usd(c.afterUsd)} (${signedUsd(c.afterUsd - c.beforeUsd)})`);
    }
    if (diff.newlyNotPriced.length > 0) out.push("", `Now not priced (not in the total): ${diff.newlyNotPriced.join(", ")}`);
    if (diff.noLongerNotPriced.length > 0) out.push("", `Priced now, not priced before: ${diff.noLongerNotPriced.join(", ")}`);
    return out.join("\n");
}

/** Reads a saved estimate (from --save or --json), refusing anything else. */
export function parseSavedEstimate(text: string, stack: string, file: string): CostEstimate {
    const e = parseJsonFile(text, file) as Partial<CostEstimate> & { estimate?: CostEstimate };
    const estimate = e.kind === "fivestar-cost-estimate" ? (e as CostEstimate) : e.estimate;
    if (!estimate || estimate.kind !== "fivestar-cost-estimate" || !Array.isArray(estimate.lines) || typeof estimate.totalMonthlyUsd !== "number") {
        throw new Error(`${file} is not a saved cost estimate (write one with: npm run cost -- ${stack} --save <file>)`);
    }
    if (estimate.stack !== stack) throw new Error(`${file} is the estimate of stack "${estimate.stack}", not "${stack}"`);
    return estimate;
}
