/**
 * How a capacity provider strategy places a service's desired tasks (§3.2.2: FARGATE base 2 weight 1,
 * FARGATE_SPOT weight 4), so Spot tasks can be priced at the Spot rate.
 *
 * The rule, decided here and stated in the report: the provider with a base gets the first
 * min(base, desired) tasks; the remaining n tasks are shared in proportion to the weights, each
 * provider getting floor(n × weight / Σweights), and the tasks left over by the rounding go one each
 * to the largest fractional remainders (ties to the higher weight, so to the cheaper Spot in the
 * §3.2.2 strategy). This keeps whole tasks, matches the weights exactly for multiples of Σweights,
 * and for the §3.2.2 strategy gives: 1 → 1 FARGATE, 2 → 2, 3 → 2 + 1 Spot, 7 → 3 + 4 Spot.
 */
export interface StrategyItem {
    readonly capacityProvider: string;
    readonly base?: number;
    readonly weight?: number;
}

export function splitTasks(desired: number, strategy: readonly StrategyItem[]): Record<string, number> {
    if (!Number.isInteger(desired) || desired < 0) throw new Error(`desired task count must be a whole number >= 0, got ${desired}`);
    if (strategy.length === 0) throw new Error("a capacity provider strategy needs at least one provider");
    const placed: Record<string, number> = Object.fromEntries(strategy.map((s) => [s.capacityProvider, 0]));

    let remaining = desired;
    for (const s of strategy) {
        const base = Math.min(s.base ?? 0, remaining);
        placed[s.capacityProvider] += base;
        remaining -= base;
    }

    const weighted = strategy.filter((s) => (s.weight ?? 0) > 0);
    // ECS refuses a strategy whose weights are all 0; if one arrives anyway, keep the tasks on the base provider.
    if (weighted.length === 0) {
        placed[strategy[0].capacityProvider] += remaining;
        return placed;
    }
    const total = weighted.reduce((sum, s) => sum + (s.weight ?? 0), 0);
    const shares = weighted.map((s, order) => {
        const exact = (remaining * (s.weight ?? 0)) / total;
        return { provider: s.capacityProvider, weight: s.weight ?? 0, order, whole: Math.floor(exact), fraction: exact - Math.floor(exact) };
    });
    let leftover = remaining - shares.reduce((sum, s) => sum + s.whole, 0);
    for (const s of shares) placed[s.provider] += s.whole;
    const byRemainder = [...shares].sort((a, b) => b.fraction - a.fraction || b.weight - a.weight || a.order - b.order);
    for (const s of byRemainder) {
        if (leftover === 0) break;
        placed[s.provider] += 1;
        leftover -= 1;
    }
    return placed;
}
