import { expect } from "chai";
import { chargeLabel } from "../../tools/cost/model";
import { estimate, itHasStatus, itPrices, lineOf, resource, testTable, TEST_PRICES } from "./fixtures";

// Test prices (fixtures.ts): Fargate $0.04/vCPU-h and $0.004/GB-h on demand; Spot $0.012 and
// $0.0012. ECR $0.10/GB-month. 730 hours a month.
const CLUSTER = "dev-fivestar-payments";
const taskDef = (cpu: string, memory: string, extra: Record<string, unknown> = {}) =>
    resource("aws:ecs/taskDefinition:TaskDefinition", "internal-pe-task", { family: "dev-fivestar-internal-pe", cpu, memory, requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", ...extra });
const cluster = (settings: unknown[] = []) => resource("aws:ecs/cluster:Cluster", "cluster", { name: CLUSTER, settings });
/** §3.2.2: FARGATE base 2 weight 1, FARGATE_SPOT weight 4. */
const clusterStrategy = () => resource("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "cluster-providers", {
    clusterName: CLUSTER,
    capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 2, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 }],
});
const service = (desiredCount: number, extra: Record<string, unknown> = {}) => resource("aws:ecs/service:Service", "internal-pe", {
    name: "dev-internal-pe-service",
    cluster: `arn:aws:ecs:ap-south-1:123456789012:${CLUSTER}`,
    taskDefinition: "arn:aws:ecs:ap-south-1:123456789012:internal-pe-task",
    desiredCount,
    ...extra,
});

const running = (cpu: string, memory: string, desired: number, extra: Record<string, unknown> = {}) => [cluster(), clusterStrategy(), taskDef(cpu, memory), service(desired, extra)];

describe("cost rules: compute", () => {
    describe("Fargate service on the cluster's default strategy, and other placements", () => {
        itPrices([
            ["puts 1 task on FARGATE (inside the base): 1 × 0.5 vCPU × 730 h × $0.04 = $14.60", { resources: running("512", "1024", 1) }, "internal-pe", "vCPU-hours on FARGATE", 14.6],
            ["prices memory per GB: 1 task × 1 GB × 730 h × $0.004 = $2.92", { resources: running("512", "1024", 1) }, "internal-pe", "GB-hours on FARGATE", 2.92],
            ["puts the 3rd task of 3 on Spot: 1 × 2 vCPU × 730 h × $0.012 = $17.52", { resources: running("2048", "4096", 3) }, "internal-pe", "vCPU-hours on FARGATE_SPOT", 17.52],
            // On demand: 2 tasks × (0.08 + 0.016) $/h × 730 h = $140.16; Spot: 1 × (0.024 + 0.0048) × 730 = $21.024.
            ["prices the whole 3-task service: on demand 2 × (2 × 0.04 + 4 × 0.004) × 730 + Spot 1 × (2 × 0.012 + 4 × 0.0012) × 730 = $161.184",
                { resources: running("2048", "4096", 3) }, "internal-pe", undefined, 161.184],
            ["keeps every task on demand for launch type FARGATE: 3 × 2 vCPU × 730 × $0.04 = $175.20",
                { resources: running("2048", "4096", 3, { launchType: "FARGATE" }) }, "internal-pe", "vCPU-hours on FARGATE", 175.2],
        ]);

        it("lists a service scaled to 0 as free", () => {
            expect(lineOf(estimate({ resources: running("512", "1024", 0) }), "internal-pe").status).to.equal("free");
        });

        it("uses the service's own strategy over the cluster's: FARGATE base 3 keeps 3 of 3 on demand", () => {
            const own = [{ capacityProvider: "FARGATE", base: 3, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 }];
            const e = estimate({ resources: running("2048", "4096", 3, { capacityProviderStrategies: own }) });
            expect(lineOf(e, "internal-pe").charges.map(chargeLabel)).to.deep.equal(["vCPU-hours on FARGATE, 3 tasks × 2 vCPU", "GB-hours on FARGATE, 3 tasks × 4 GB"]);
        });

    });

    const insights = (value: string) => cluster([{ name: "containerInsights", value }]);
    const repo = (name: string) => resource("aws:ecr/repository:Repository", name, { name });
    const replication = (filters: unknown[]) => resource("aws:ecr/replicationConfiguration:ReplicationConfiguration", "replication", {
        replicationConfiguration: { rules: [{ destinations: [{ region: "ap-south-2", registryId: "123456789012" }], repositoryFilters: filters }] },
    });
    const fivestarOnly = [{ filter: "fivestar-", filterType: "PREFIX_MATCH" }];

    itHasStatus([
        ["does not price an EC2 launch type (its instances would be the cost)", { resources: [taskDef("512", "1024"), service(1, { launchType: "EC2" })] }, "internal-pe", "not-priced"],
        ["does not price ARM64 tasks (no ARM prices in the table) instead of charging x86 rates",
            { resources: [cluster(), clusterStrategy(), taskDef("512", "1024", { runtimePlatform: { cpuArchitecture: "ARM64" } }), service(1)] }, "internal-pe", "not-priced"],
        ["an ECS cluster without Container Insights is free", { resources: [cluster()] }, "cluster", "free"],
        ["with Container Insights on but no task running, is free: nothing is published", { resources: [insights("enabled"), taskDef("512", "1024"), service(0)] }, "cluster", "free"],
        ["ECR replication is free when its filter selects no repository of the plan", { resources: [repo("tools"), replication(fivestarOnly)] }, "replication", "free"],
    ]);

    it("does not price a service whose task definition is not in the plan", () => {
        expect(lineOf(estimate({ resources: [cluster(), clusterStrategy(), service(1)] }), "internal-pe").reason).to.match(/task definition is not in the plan/);
    });

    describe("after-hours shutdown without schedule resources in the plan", () => {
        const scheduled = { resources: running("512", "1024", 1), assumptions: { scheduledHoursPerMonth: 242 } };
        itPrices([["runs for the assumed hours: 1 × 0.5 vCPU × 242 h × $0.04 = $4.84", scheduled, "internal-pe", "vCPU-hours", 4.84]]);

        it("marks the compute charges as depending on scheduledHoursPerMonth", () => {
            expect(lineOf(estimate(scheduled), "internal-pe").charges.map((c) => c.assumptions)).to.deep.equal([["scheduledHoursPerMonth"], ["scheduledHoursPerMonth"]]);
        });
    });

    itPrices([
        ["with Container Insights on, pays its metrics as custom metrics: (12 cluster + 15 service + 10 task family) × $0.30 = $11.10",
            { resources: [insights("enabled"), taskDef("512", "1024"), service(2)] }, "cluster", "Container Insights metrics", 37 * 0.3],
        ["with Container Insights on, pays its performance log events as ingestion: 2 tasks × 512 MB = 1 GB × $0.60",
            { resources: [insights("enabled"), taskDef("512", "1024"), service(2)], assumptions: { containerInsightsMbPerTaskMonth: 512 } }, "cluster", "Container Insights performance log events", 0.6],
        ["charges an ECR repository its assumed image storage: 5 GB × $0.10 = $0.50", { resources: [repo("fivestar-internal-pe")], assumptions: { ecrGbPerRepository: 5 } }, "fivestar-internal-pe", undefined, 0.5],
    ]);

    it("with Container Insights on, pays metrics only for the share of the month tasks run (a service stopped 12 h a day: 37 × 0.5)", () => {
        const action = (name: string, schedule: string, capacity: number) => resource("aws:appautoscaling/scheduledAction:ScheduledAction", name, {
            resourceId: "service/dev-fivestar-payments/dev-internal-pe-service", schedule, scalableTargetAction: { minCapacity: capacity, maxCapacity: capacity * 2 },
        });
        const e = estimate({ resources: [insights("enabled"), taskDef("512", "1024"), service(2), action("stop", "cron(0 20 ? * * *)", 0), action("start", "cron(0 8 ? * * *)", 1)] });
        expect(lineOf(e, "cluster").charges[0].quantity).to.be.closeTo(37 * 0.5, 0.001);
    });

    it("reports enhanced observability (billed per observation) as not priced, naming the missing price", () => {
        const line = lineOf(estimate({ resources: [insights("enhanced"), taskDef("512", "1024"), service(2)] }), "cluster");
        expect([line.status, line.reason]).to.deep.equal(["not-priced", 'Container Insights (enhanced): no price "containerInsights.enhancedObservationMonth" in prices-ap-south-1.json']);
    });

    it("ECR replication stores each selected repository's images again in the destination region, at that region's price: 2 × 5 GB × $0.20", () => {
        const hyderabad = testTable({ ...TEST_PRICES, "ecr.storageGbMonth": 0.2 }, "ap-south-2");
        const e = estimate({ resources: [repo("fivestar-internal-pe"), repo("fivestar-customer-portal"), replication([])], tables: [testTable(), hyderabad], assumptions: { ecrGbPerRepository: 5 } });
        const c = lineOf(e, "replication").charges[0];
        expect([c.region, c.monthlyUsd]).to.deep.equal(["ap-south-2", 2 * 5 * 0.2]);
    });

    it("ECR replication replicates only the repositories its prefix filter selects", () => {
        expect(lineOf(estimate({ resources: [repo("fivestar-internal-pe"), repo("tools"), replication(fivestarOnly)] }), "replication").charges[0].quantity).to.equal(5);
    });
});
