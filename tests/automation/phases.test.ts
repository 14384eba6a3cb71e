/**
 * §1.2 phased production rollout: which targets each phase gets, in which order, for each stack.
 */
import { expect } from "chai";
import * as fc from "fast-check";
import { modulesIn, Phase, PHASE_MODULES, PhasePlanningError, planPhases, PlannedResource, strategyFor } from "../../automation/phases";
import { providerUrnOf } from "../../lib/urns";
import { planOf, STACKS } from "../support/plans";
import { miniProgram, node, STACK_PREFIX } from "./fixtures";

const phaseOf = (phases: Phase[], module: string) => phases.find((p) => p.module === module)!;
/** Index of the first phase that targets the URN (-1: none). */
const firstPhase = (phases: Phase[], urn: string) => phases.findIndex((p) => p.targets.includes(urn));

/** Pulumi's rule for a targeted update: everything a target needs exists already or is targeted too. */
function unmetNeeds(planned: readonly PlannedResource[], phases: Phase[]): string[] {
    const known = new Set(planned.map((r) => r.urn));
    const problems: string[] = [];
    phases.forEach((phase, index) => {
        for (const urn of phase.targets) {
            const r = planned.find((p) => p.urn === urn);
            if (!r) continue;
            for (const need of [r.parent, providerUrnOf(r.provider), ...r.dependencies]) {
                if (need && known.has(need) && firstPhase(phases, need) > index) problems.push(`${urn} needs ${need}`);
            }
        }
    });
    return problems;
}

describe("delivery tool: rollout strategy and phases (§1.2)", () => {
    it("prod is phased; dev and staging update in one go", () => {
        expect([strategyFor("dev"), strategyFor("staging"), strategyFor("prod")]).to.deep.equal(["big-bang", "big-bang", "phased"]);
    });

    it("phases come in the module order network, security, data, compute, monitoring; a module's phase targets its top-level component and every descendant; the explicit AWS provider is deployed in the first phase", () => {
        const m = miniProgram();
        expect(planPhases(m.all).map((p) => p.module)).to.deep.equal(["network", "security", "data", "compute", "monitoring"]);
        expect(phaseOf(planPhases(m.all), "network").targets).to.include.members([m.provider.urn, m.network.urn, m.vpc.urn, m.subnet.urn, m.subnetGroup.urn]);
    });

    it("a resource only in the stack's state is targeted in its module's phase, so its deletion happens there; the root stack resource is never a target", () => {
        const removed = `${STACK_PREFIX}fivestar:compute:FargateService$aws:ecs/service:Service::old-service`;
        const stackUrn = `${STACK_PREFIX}pulumi:pulumi:Stack::fivestar-payments-prod`;
        const phases = planPhases(miniProgram().all, [removed, stackUrn]);
        expect(phaseOf(phases, "compute").targets).to.include(removed);
        expect(phases.flatMap((p) => p.targets)).to.not.include(stackUrn);
    });

    it("a resource a phase needs from a later module is brought forward with its component, and reported", () => {
        const m = miniProgram();
        const data = phaseOf(planPhases(m.all), "data");
        expect(data.targets).to.include.members([m.dbLog.urn, m.logs.urn]);
        expect(data.hoisted).to.deep.include({ urn: m.dbLog.urn, from: "monitoring", neededBy: m.primary.urn });
        // ...and still targeted (as a no-op) in its own module's phase.
        expect(phaseOf(planPhases(m.all), "monitoring").targets).to.include(m.dbLog.urn);
    });

    it("only what is needed is brought forward: the service log group waits for compute, the alarms for monitoring", () => {
        const m = miniProgram();
        const phases = planPhases(m.all);
        expect([firstPhase(phases, m.serviceLog.urn), firstPhase(phases, m.alarm.urn)]).to.deep.equal([3, 4]);
    });

    it("a phase with nothing in the plan or the state has no targets", () => {
        const m = miniProgram();
        const withoutCompute = m.all.filter((r) => !r.urn.includes("fivestar:compute:") && r !== m.alarm && r !== m.alarms);
        expect(phaseOf(planPhases(withoutCompute), "compute").targets).to.deep.equal([]);
    });

    it("refuses a resource outside any module component, naming it, and a component of a module that has no phase", () => {
        expect(() => planPhases([...miniProgram().all, node("aws:s3/bucket:Bucket", "stray-bucket")])).to.throw(PhasePlanningError, /stray-bucket \(top-level type aws:s3\/bucket:Bucket\)/);
        expect(() => planPhases([node("fivestar:billing:Invoices", "invoices")])).to.throw(PhasePlanningError, /top-level type fivestar:billing:\*/);
    });

    it("lists the modules present in a plan", () => {
        const m = miniProgram();
        expect([...modulesIn([m.provider, m.network, m.vpc, m.logs])].sort()).to.deep.equal(["monitoring", "network"]);
    });

    it("for any acyclic program: every resource lands in its own module's phase and never before what it needs (property)", () => {
        const spec = fc.array(fc.record({
            module: fc.integer({ min: 0, max: PHASE_MODULES.length - 1 }),
            component: fc.boolean(),
            parentPick: fc.nat(),
            depPicks: fc.array(fc.nat(), { maxLength: 3 }),
        }), { minLength: 1, maxLength: 40 });
        fc.assert(fc.property(spec, (specs) => {
            const provider = node("pulumi:providers:aws", "deployment-account");
            const components: ReturnType<typeof node>[] = [];
            const resources: ReturnType<typeof node>[] = [provider];
            const home = new Map<string, number>([[provider.urn, 0]]);
            specs.forEach((s, i) => {
                const deps = resources.length > 1 ? s.depPicks.map((d) => resources[1 + (d % (resources.length - 1))]) : [];
                if (s.component || components.length === 0) {
                    const c = node(`fivestar:${PHASE_MODULES[s.module]}:C${i}`, `c${i}`);
                    components.push(c);
                    resources.push(c);
                    home.set(c.urn, s.module);
                } else {
                    const parent = components[s.parentPick % components.length];
                    const r = node("aws:ec2/subnet:Subnet", `r${i}`, parent, { provider, deps });
                    resources.push(r);
                    home.set(r.urn, home.get(parent.urn)!);
                }
            });
            const phases = planPhases(resources);
            const inOwnPhase = resources.every((r) => phases[home.get(r.urn)!].targets.includes(r.urn));
            return inOwnPhase && unmetNeeds(resources, phases).length === 0;
        }), { numRuns: 200 });
    });

    describe("on the real plans", () => {
        for (const stack of STACKS) {
            it(`${stack}: every planned resource is targeted, and no phase creates something before what it needs`, async () => {
                const plan = await planOf(stack);
                const phases = planPhases(plan.resources);
                const targeted = new Set(phases.flatMap((p) => p.targets));
                expect(plan.resources.map((r) => r.urn).filter((u) => !targeted.has(u))).to.deep.equal([]);
                expect(unmetNeeds(plan.resources, phases)).to.deep.equal([]);
            });
        }

        it("prod: each phase targets its modules' components with all their descendants", async () => {
            const plan = await planOf("prod");
            const phases = planPhases(plan.resources);
            const missing: string[] = [];
            for (const component of plan.resources.filter((r) => r.parent === "" && r.type.startsWith("fivestar:"))) {
                const module = component.type.split(":")[1];
                const targets = phaseOf(phases, module).targets;
                for (const r of [component, ...plan.descendantsOf(component.urn)]) if (!targets.includes(r.urn)) missing.push(r.urn);
            }
            expect(missing).to.deep.equal([]);
        });

            it("prod: every explicit provider, and the network module, is in the first phase", async () => {
            const plan = await planOf("prod");
            const providers = plan.resources.filter((r) => r.type.startsWith("pulumi:providers:") && r.parent === "").map((r) => r.urn);
            expect(providers).to.not.deep.equal([]);
            expect(planPhases(plan.resources)[0].targets).to.include.members([...providers, plan.component("fivestar:network:Network").urn]);
        });
    });
});
