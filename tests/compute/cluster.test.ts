import { expect } from "chai";
import { EcsCluster } from "../../compute/cluster";
import { construct, inAccount, valueOf } from "../support/component";
import { STACKS, stackConfig, T, upstream } from "./fixtures";

const build = (env: (typeof STACKS)[number]) => construct(() => new EcsCluster("cluster", {
    environment: env,
    containerInsights: stackConfig(env).monitoring.detailedMonitoring,
    execKmsKeyArn: upstream(env).generalKeyArn,
}, inAccount()));

// The behaviour once (prod's config); Container Insights, the one thing that differs per stack, for each.
describe("ECS cluster (§3.2.2)", () => {
    for (const env of ["prod"] as const) {
        describe(env, () => {
            it(`is named ${env}-fivestar-payments`, async () => {
                const built = await build(env);
                expect(built.one(T.cluster, "cluster").inputs.name).to.equal(`${env}-fivestar-payments`);
                expect(await valueOf(built.component.clusterName)).to.equal(`${env}-fivestar-payments`);
                expect(await valueOf(built.component.clusterArn)).to.equal(`arn:aws:ecs:ap-south-1:123456789012:cluster/${env}-fivestar-payments`);
            });
            // FARGATE base 2 weight 1 + FARGATE_SPOT weight 4 on each stack's cluster: tests/program/compute.test.ts (the table: plans.test.ts).
        });
    }

    it("Container Insights off in dev (no detailed monitoring, §4.1.1), on in staging and prod (§4.1)", async () => {
        for (const env of STACKS) {
            const built = await build(env);
            expect(built.one(T.cluster, "cluster").inputs.settings, env).to.deep.equal([{ name: "containerInsights", value: env === "dev" ? "disabled" : "enabled" }]);
        }
    });
    it("ECS Exec sessions are encrypted with the general key", async () => {
        const built = await build("prod");
        expect(built.one(T.cluster, "cluster").inputs.configuration).to.deep.equal({
            executeCommandConfiguration: { kmsKeyId: upstream("prod").generalKeyArn, logging: "DEFAULT" },
        });
    });
    it("every child is parented to the component", async () => {
        const built = await build("dev");
        const urn = built.resources.find((r) => r.type === "fivestar:compute:EcsCluster")!.urn;
        for (const r of built.resources.filter((x) => x.custom && x.type.startsWith("aws:"))) expect(r.parent, r.type).to.equal(urn);
    });
});
