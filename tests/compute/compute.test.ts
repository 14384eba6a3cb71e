import { expect } from "chai";
import { Compute } from "../../compute/compute";
import { construct, inAccount, valueOf } from "../support/component";
import { ACCOUNTS, computeArgs, STACKS, T } from "./fixtures";

type Env = (typeof STACKS)[number];
const build = (env: Env) => construct(() => new Compute("compute", computeArgs(env), inAccount()));

// What each stack's plan holds (internal-pe's scaling, the after-hours actions, the WAF, the exported names)
// is asserted per stack in tests/program/compute.test.ts; here that the module builds them for both services.
describe("compute module, as each stack builds it", () => {
    it("scalable targets, target tracking policies, after-hours actions, database schedules, WAF associations: dev, staging, prod", async () => {
        const counts: number[][] = [];
        for (const env of STACKS) {
            const built = await build(env); // one at a time: the mocks record one construction at a time
            counts.push([T.target, T.policy, T.scheduledAction, T.schedule, T.waf].map((type) => built.ofType(type).length));
        }
        expect(counts).to.deep.equal([[2, 0, 4, 2, 0], [0, 0, 0, 0, 1], [2, 4, 0, 0, 1]]);
    });
    it("exports what delivery and monitoring read: cluster, service names, task families, repositories, ALB (its DNS name on each plan: tests/program)", async () => {
        const c = (await build("prod")).component;
        expect(await valueOf(c.clusterName)).to.equal("prod-fivestar-payments");
        expect(await valueOf(c.serviceNames["customer-portal"])).to.equal("prod-customer-portal-service");
        expect(await valueOf(c.taskDefinitionFamilies["internal-pe"])).to.equal("prod-fivestar-internal-pe");
        expect(await valueOf(c.repositoryUrls["internal-pe"])).to.match(/\.dkr\.ecr\.ap-south-1\.amazonaws\.com\/fivestar-internal-pe$/);
        expect(await valueOf(c.albArnSuffix)).to.equal("app/prod-internal-pe-alb/mock");
        expect(await valueOf(c.targetGroupArnSuffixes["customer-portal"])).to.equal("targetgroup/customer-portal-tg/mock");
        expect(await valueOf(c.targetGroupArnSuffixes["internal-pe"])).to.equal("targetgroup/internal-pe-tg/mock");
        expect(await valueOf(c.httpsListenerArn)).to.equal("arn:aws:lb:ap-south-1:123456789012:compute-alb-https");
        expect(await valueOf(c.albAccessLogBucketName)).to.equal(`fivestar-payments-prod-alb-logs-${ACCOUNTS.prod}`);
    });
    for (const env of STACKS) {
        describe(env, () => {
            it("every resource sits under the compute component, with fivestar:compute component types (or the shared PrivateBucket)", async () => {
                const built = await build(env);
                const root = built.resources.find((r) => r.type === "fivestar:compute:Compute")!;
                const byUrn = new Map(built.resources.map((r) => [r.urn, r]));
                for (const r of built.resources.filter((x) => x.custom && x.type.startsWith("aws:"))) {
                    let p = byUrn.get(r.parent);
                    while (p && p.urn !== root.urn) {
                        expect(p.type, r.urn).to.match(/^fivestar:compute:|^fivestar:security:PrivateBucket$/);
                        p = byUrn.get(p.parent);
                    }
                    expect(p?.urn, r.urn).to.equal(root.urn);
                }
            });
        });
    }
    // The same in every stack: once.
    it("one cluster, two repositories, one ALB, two services and task definitions", async () => {
        const built = await build("prod");
        expect(built.ofType(T.cluster)).to.have.length(1);
        expect(built.ofType(T.repository)).to.have.length(2);
        expect(built.ofType(T.alb)).to.have.length(1);
        expect(built.ofType(T.service).map((s) => s.inputs.name).sort()).to.deep.equal(["prod-customer-portal-service", "prod-internal-pe-service"]);
        expect(built.ofType(T.taskDefinition).map((s) => s.inputs.family).sort()).to.deep.equal(["prod-fivestar-customer-portal", "prod-fivestar-internal-pe"]);
    });
    it("each service is created after its listener routes to its target group and the capacity providers are attached", async () => {
        const built = await build("prod");
        const capacity = built.one(T.capacity, "compute-cluster").urn;
        const pe = built.one(T.service, "compute-internal-pe");
        expect(pe.dependencies).to.include.members([built.one(T.listener, "compute-alb-https").urn, capacity]);
        const portal = built.one(T.service, "compute-customer-portal");
        expect(portal.dependencies).to.include.members([built.one(T.rule, "compute-alb-customer-portal-route").urn, capacity]);
    });

    it("dev: the scheduled actions act on the registered scalable targets", async () => {
        const built = await build("dev");
        const targets = built.ofType(T.target).map((t) => t.urn);
        for (const action of built.ofType(T.scheduledAction)) expect(action.dependencies.some((d) => targets.includes(d)), action.name).to.equal(true);
    });
});
