import { expect } from "chai";
import { chargeLabel } from "../../tools/cost/model";
import { CENT, chargeOf, estimate, lineOf, resource } from "./fixtures";

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

describe("cost rules: compute", () => {
    describe("Fargate service on the cluster's default strategy", () => {
        it("puts 1 task on FARGATE (inside the base): 1 × 0.5 vCPU × 730 h × $0.04 = $14.60", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("512", "1024"), service(1)] });
            expect(chargeOf(lineOf(e, "internal-pe"), "vCPU-hours on FARGATE")).to.be.closeTo(14.6, CENT);
        });

        it("prices memory per GB: 1 task × 1 GB × 730 h × $0.004 = $2.92", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("512", "1024"), service(1)] });
            expect(chargeOf(lineOf(e, "internal-pe"), "GB-hours on FARGATE")).to.be.closeTo(2.92, CENT);
        });

        it("puts the 3rd task of 3 on Spot: 1 × 2 vCPU × 730 h × $0.012 = $17.52", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("2048", "4096"), service(3)] });
            expect(chargeOf(lineOf(e, "internal-pe"), "vCPU-hours on FARGATE_SPOT")).to.be.closeTo(17.52, CENT);
        });

        it("prices the whole 3-task service: on demand 2 × (2 × 0.04 + 4 × 0.004) × 730 + Spot 1 × (2 × 0.012 + 4 × 0.0012) × 730 = $161.184", () => {
            // On demand: 2 tasks × (0.08 + 0.016) $/h × 730 h = $140.16; Spot: 1 × (0.024 + 0.0048) × 730 = $21.024.
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("2048", "4096"), service(3)] });
            expect(lineOf(e, "internal-pe").monthlyUsd).to.be.closeTo(161.184, CENT);
        });

        it("lists a service scaled to 0 as free", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("512", "1024"), service(0)] });
            expect(lineOf(e, "internal-pe").status).to.equal("free");
        });
    });

    describe("placement other than the cluster default", () => {
        it("keeps every task on demand for launch type FARGATE: 3 × 2 vCPU × 730 × $0.04 = $175.20", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("2048", "4096"), service(3, { launchType: "FARGATE" })] });
            expect(chargeOf(lineOf(e, "internal-pe"), "vCPU-hours on FARGATE")).to.be.closeTo(175.2, CENT);
        });

        it("uses the service's own strategy over the cluster's: FARGATE base 3 keeps 3 of 3 on demand", () => {
            const own = [{ capacityProvider: "FARGATE", base: 3, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 }];
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("2048", "4096"), service(3, { capacityProviderStrategies: own })] });
            expect(lineOf(e, "internal-pe").charges.map(chargeLabel)).to.deep.equal(["vCPU-hours on FARGATE, 3 tasks × 2 vCPU", "GB-hours on FARGATE, 3 tasks × 4 GB"]);
        });

        it("does not price an EC2 launch type (its instances would be the cost)", () => {
            const e = estimate({ resources: [taskDef("512", "1024"), service(1, { launchType: "EC2" })] });
            expect(lineOf(e, "internal-pe").status).to.equal("not-priced");
        });

        it("does not price a service whose task definition is not in the plan", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), service(1)] });
            expect(lineOf(e, "internal-pe").reason).to.match(/task definition is not in the plan/);
        });

        it("does not price ARM64 tasks (no ARM prices in the table) instead of charging x86 rates", () => {
            const e = estimate({ resources: [cluster(), clusterStrategy(), taskDef("512", "1024", { runtimePlatform: { cpuArchitecture: "ARM64" } }), service(1)] });
            expect(lineOf(e, "internal-pe").status).to.equal("not-priced");
        });
    });

    describe("after-hours shutdown without schedule resources in the plan", () => {
        const scheduled = () => estimate({ resources: [cluster(), clusterStrategy(), taskDef("512", "1024"), service(1)], assumptions: { costScheduledHoursPerMonth: 242 } });

        it("runs for the assumed hours: 1 × 0.5 vCPU × 242 h × $0.04 = $4.84", () => {
            expect(chargeOf(lineOf(scheduled(), "internal-pe"), "vCPU-hours")).to.be.closeTo(4.84, CENT);
        });

        it("marks the compute charges as depending on costScheduledHoursPerMonth", () => {
            expect(lineOf(scheduled(), "internal-pe").charges.map((c) => c.assumptions)).to.deep.equal([["costScheduledHoursPerMonth"], ["costScheduledHoursPerMonth"]]);
        });
    });

    describe("ECS cluster", () => {
        it("is free without Container Insights", () => {
            expect(lineOf(estimate({ resources: [cluster()] }), "cluster").status).to.equal("free");
        });

        it("is reported not priced with Container Insights on, whose metrics cost per task", () => {
            const e = estimate({ resources: [cluster([{ name: "containerInsights", value: "enabled" }])] });
            expect(lineOf(e, "cluster").status).to.equal("not-priced");
        });
    });

    it("charges an ECR repository its assumed image storage: 5 GB × $0.10 = $0.50", () => {
        const e = estimate({ resources: [resource("aws:ecr/repository:Repository", "repo", { name: "fivestar-internal-pe" })], assumptions: { costEcrGbPerRepository: 5 } });
        expect(lineOf(e, "repo").monthlyUsd).to.be.closeTo(0.5, CENT);
    });
});
