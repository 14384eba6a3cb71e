/**
 * The estimate of each real stack, from the cached offline plans (tests/support/plans.ts) and the
 * committed stack config: dev and staging stay under their §2.2 budgets with the dev after-hours
 * shutdown taken into account, and every planned resource of every stack is accounted for. The
 * assertions hold whatever modules are wired in: a new resource type without a rule shows up as
 * "not priced" with a reason, and a new cost shows up in the totals checked against the budgets.
 */
import { expect } from "chai";
import * as path from "path";
import { parseStackConfig, StackConfig } from "../../config";
import { estimateCost } from "../../tools/cost/estimate";
import { resolveAssumptions } from "../../tools/cost/assumptions";
import { CostEstimate } from "../../tools/cost/model";
import { loadPriceBook } from "../../tools/cost/priceTable";
import { rawStackConfig } from "../support/config";
import { planOf, StackName } from "../support/plans";

const PRICE_DIR = path.resolve(__dirname, "..", "..", "..", "tools", "cost");
/** §2.2.1 and §2.2.2 budget alerts. */
const GUIDE_BUDGETS: Partial<Record<StackName, number>> = { dev: 1000, staging: 3000 };

const estimates = new Map<StackName, Promise<{ estimate: CostEstimate; cfg: StackConfig }>>();
function estimateOf(stack: StackName) {
    let pending = estimates.get(stack);
    if (!pending) {
        pending = planOf(stack).then((plan) => {
            const cfg = parseStackConfig(rawStackConfig(stack));
            const regions = plan.resources.map((r) => r.inputs.region).filter((r): r is string => typeof r === "string");
            const estimate = estimateCost(plan.evaluated, {
                prices: loadPriceBook(cfg.account.region, regions, PRICE_DIR),
                assumptions: resolveAssumptions({ stack, environment: cfg.environment }),
                region: cfg.account.region,
                budgetUsd: cfg.monitoring.monthlyBudgetUsd,
            });
            return { estimate, cfg };
        });
        estimates.set(stack, pending);
    }
    return pending;
}

describe("cost estimate of each stack", () => {
    for (const stack of ["dev", "staging"] as const) {
        describe(stack, () => {
            it(`stays under the §2.2 budget of $${GUIDE_BUDGETS[stack]} a month, the budget the stack itself configures (monthlyBudgetUsd)`, async () => {
                const { estimate } = await estimateOf(stack);
                expect(estimate.totalMonthlyUsd).to.be.greaterThan(0).and.lessThan(GUIDE_BUDGETS[stack]!);
                expect(estimate.budgetUsd).to.equal(GUIDE_BUDGETS[stack]);
            });
        });
    }

    it("dev: the database and the ECS services run business hours only (§2.2.1), from the plan's schedules or the dev assumption", async () => {
        const { estimate } = await estimateOf("dev");
        const scheduled = estimate.lines.filter((l) => l.type === "aws:rds/instance:Instance" || l.type === "aws:ecs/service:Service");
        // Each hour-based charge states its hours in its basis: "<n> × <hours> h (<why>)".
        const hours = scheduled.flatMap((l) => l.charges).map((c) => /× ([\d.]+) h \(/.exec(c.basis ?? "")?.[1]).filter((h): h is string => h !== undefined).map(Number);
        expect(hours.length > 0 && hours.every((h) => h < 730)).to.equal(true);
    });

    for (const stack of ["dev", "staging", "prod"] as const) {
        it(`${stack}: accounts for every planned resource as priced, free or not priced with a reason`, async () => {
            const { estimate } = await estimateOf(stack);
            const plan = await planOf(stack);
            const unexplained = estimate.lines.filter((l) => l.status !== "priced" && !l.reason).map((l) => l.name);
            expect([estimate.lines.length, unexplained]).to.deep.equal([plan.resources.filter((r) => r.custom).length, []]);
        });
        it(`${stack}: prices everything it creates: 0 not priced (issue 15), Container Insights and GuardDuty's plans included`, async () => {
            const { estimate } = await estimateOf(stack);
            expect(estimate.lines.filter((l) => l.status === "not-priced").map((l) => `${l.type} ${l.name}: ${l.reason}`)).to.deep.equal([]);
        });
    }

    it("prod with a resource of a type no rule knows (a broken plan): reports exactly that one as not priced", async () => {
        const [plan, { cfg }] = await Promise.all([planOf("prod"), estimateOf("prod")]);
        const intruder = { ...plan.resources[plan.resources.length - 1], urn: "urn:pulumi:prod::fivestar-payments::aws:sqs/queue:Queue::intruder", type: "aws:sqs/queue:Queue", name: "intruder", custom: true };
        const broken = estimateCost({ ...plan.evaluated, resources: [...plan.evaluated.resources, intruder] }, {
            prices: loadPriceBook(cfg.account.region, [], PRICE_DIR), assumptions: resolveAssumptions({ stack: "prod", environment: "prod" }), region: cfg.account.region,
        });
        expect(broken.lines.filter((l) => l.status === "not-priced").map((l) => l.name)).to.deep.equal(["intruder"]);
    });

    it("staging: Container Insights (on outside dev, §8) is priced on the cluster", async () => {
        const { estimate } = await estimateOf("staging");
        const cluster = estimate.lines.filter((l) => l.type === "aws:ecs/cluster:Cluster").flatMap((l) => l.charges.map((c) => c.item));
        expect(cluster).to.deep.equal(["Container Insights metrics", "Container Insights performance log events"]);
    });

    it("prod costs more than staging, and staging more than dev (§4.1 sizing)", async () => {
        const [dev, staging, prod] = await Promise.all((["dev", "staging", "prod"] as const).map(estimateOf));
        expect(dev.estimate.totalMonthlyUsd < staging.estimate.totalMonthlyUsd && staging.estimate.totalMonthlyUsd < prod.estimate.totalMonthlyUsd).to.equal(true);
    });

    it("prod: Multi-AZ primary and two replicas are four instances' hours of db.r6g.large (2 × 730 + 2 × 730)", async () => {
        const { estimate } = await estimateOf("prod");
        const hours = estimate.lines.filter((l) => l.type === "aws:rds/instance:Instance").flatMap((l) => l.charges).filter((c) => c.item.includes("instance hours"));
        expect(hours.reduce((s, c) => s + c.quantity, 0)).to.equal(4 * 730);
    });
});
