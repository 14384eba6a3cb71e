import { expect } from "chai";
import fc from "fast-check";
import { splitTasks, StrategyItem } from "../../tools/cost/capacitySplit";

/** §3.2.2: FARGATE base 2 weight 1, then FARGATE_SPOT weight 4. */
const GUIDE: StrategyItem[] = [{ capacityProvider: "FARGATE", base: 2, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 }];

describe("capacity provider split (§3.2.2 strategy)", () => {
    const cases: [number, number, number][] = [
        // desired, on FARGATE, on FARGATE_SPOT
        [0, 0, 0],
        [1, 1, 0], // inside the base
        [2, 2, 0], // the base exactly (staging)
        [3, 2, 1], // 1 beyond the base: 0.2 / 0.8 → the larger remainder, Spot (prod desired 3)
        [4, 2, 2], // 2 beyond: 0.4 / 1.6 → 0 + 1, leftover to Spot's 0.6
        [5, 3, 2], // 3 beyond: 0.6 / 2.4 → 0 + 2, leftover to FARGATE's 0.6
        [7, 3, 4], // 5 beyond: exactly 1 : 4
        [12, 4, 8], // 10 beyond: exactly 2 : 8
    ];
    for (const [desired, onDemand, spot] of cases) {
        it(`places ${desired} desired as ${onDemand} FARGATE + ${spot} FARGATE_SPOT`, () => {
            expect(splitTasks(desired, GUIDE)).to.deep.equal({ FARGATE: onDemand, FARGATE_SPOT: spot });
        });
    }

    it("keeps every task on one provider when the strategy names only it", () => {
        expect(splitTasks(3, [{ capacityProvider: "FARGATE", weight: 1 }])).to.deep.equal({ FARGATE: 3 });
    });

    it("refuses a negative or fractional desired count", () => {
        expect(() => splitTasks(-1, GUIDE)).to.throw(/whole number/);
    });

    it("refuses an empty strategy", () => {
        expect(() => splitTasks(1, [])).to.throw(/at least one provider/);
    });

    describe("for any desired count and weights", () => {
        const strategies = fc.record({
            base: fc.integer({ min: 0, max: 5 }),
            weightA: fc.integer({ min: 0, max: 10 }),
            weightB: fc.integer({ min: 1, max: 10 }),
        }).map(({ base, weightA, weightB }): StrategyItem[] => [
            { capacityProvider: "FARGATE", base, weight: weightA }, { capacityProvider: "FARGATE_SPOT", weight: weightB },
        ]);

        it("places exactly the desired count, no provider below 0", () => {
            fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), strategies, (desired, strategy) => {
                const placed = Object.values(splitTasks(desired, strategy));
                return placed.every((n) => Number.isInteger(n) && n >= 0) && placed.reduce((a, b) => a + b, 0) === desired;
            }));
        });

        it("gives the base provider at least min(base, desired)", () => {
            fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), strategies, (desired, strategy) =>
                splitTasks(desired, strategy).FARGATE >= Math.min(strategy[0].base ?? 0, desired)));
        });

        it("keeps each provider within one task of its exact weighted share beyond the base", () => {
            fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), strategies, (desired, strategy) => {
                const base = Math.min(strategy[0].base ?? 0, desired);
                const rest = desired - base;
                const total = (strategy[0].weight ?? 0) + (strategy[1].weight ?? 0);
                const spotShare = (rest * (strategy[1].weight ?? 0)) / total;
                return Math.abs(splitTasks(desired, strategy).FARGATE_SPOT - spotShare) < 1;
            }));
        });
    });
});
