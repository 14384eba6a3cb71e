/**
 * The steps of an `up` and the stop-on-first-failure logic (§1.2, §11).
 */
import { expect } from "chai";
import { OpMap } from "../../automation/events";
import { modulesIn, PhaseModule, planPhases } from "../../automation/phases";
import { RolloutActions, rolloutSteps, runRollout, StepOutcome } from "../../automation/rollout";
import { CheckName, checksFor } from "../../automation/validation/checks";
import { planOf } from "../support/plans";
import { miniProgram } from "./fixtures";

/** Records what the rollout asked for; `failUpAt` / `failValidationAt` make that call fail. */
class RecordingActions implements RolloutActions {
    readonly calls: string[] = [];
    readonly lines: string[] = [];
    private ups = 0;
    private validations = 0;
    constructor(private readonly failUpAt?: number, private readonly failValidationAt?: number) {}

    async up(targets: readonly string[] | undefined): Promise<OpMap> {
        this.ups++;
        this.calls.push(`up ${targets === undefined ? "all" : targets.length}`);
        if (this.ups === this.failUpAt) throw new Error("update failed: AccessDenied");
        return { create: 1 };
    }

    async validate(checks: readonly CheckName[]): Promise<StepOutcome> {
        this.validations++;
        this.calls.push(`validate ${checks.join("+")}`);
        return this.validations === this.failValidationAt ? { ok: false, detail: "RDS instance prod-fivestar-payments-db: modifying" } : { ok: true, detail: "" };
    }

    log(line: string): void {
        this.lines.push(line);
    }
}

const summarize = (c: OpMap) => JSON.stringify(c);
const ALL: ReadonlySet<PhaseModule> = new Set(["network", "security", "data", "compute", "monitoring"]);

describe("delivery tool: rollout steps and stop-on-failure", () => {
    describe("steps", () => {
        it("big bang (dev, staging): one untargeted update, then every check whose module is in the plan (none without data or compute)", () => {
            expect(rolloutSteps("big-bang", [], ALL)).to.deep.equal([{ label: "whole stack", checks: ["rds", "ecs", "health"] }]);
            expect(rolloutSteps("big-bang", [], new Set<PhaseModule>(["network"]))[0].checks).to.deep.equal([]);
            // ECS and health checks wait for the compute module.
            expect(checksFor(new Set<PhaseModule>(["network", "security", "data"]))).to.deep.equal(["rds"]);
        });

        it("phased (prod): one targeted step per phase, in module order, checks growing as modules land", () => {
            const m = miniProgram();
            const steps = rolloutSteps("phased", planPhases(m.all), modulesIn(m.all));
            expect(steps.map((s) => [s.label, s.checks.join("+")])).to.deep.equal([
                ["phase 1/5: network", ""],
                ["phase 2/5: security", ""],
                ["phase 3/5: data", "rds"],
                ["phase 4/5: compute", "rds+ecs+health"],
                ["phase 5/5: monitoring", "rds+ecs+health"],
            ]);
        });

        it("a phase with no targets is skipped, never run untargeted", () => {
            const m = miniProgram();
            const phases = planPhases(m.all.filter((r) => !r.urn.includes("fivestar:compute:") && !r.urn.includes("fivestar:monitoring:Alarms")));
            const steps = rolloutSteps("phased", phases, new Set<PhaseModule>(["network", "security", "data", "monitoring"]));
            expect(steps.map((s) => s.label)).to.not.include("phase 4/5: compute");
            expect(steps.every((s) => s.targets !== undefined && s.targets.length > 0)).to.equal(true);
        });

        it("prod's real plan: phased steps all targeted, validation of RDS from the data phase on", async () => {
            const plan = await planOf("prod");
            const steps = rolloutSteps("phased", planPhases(plan.resources), modulesIn(plan.resources));
            expect(steps[0].label).to.equal("phase 1/5: network");
            expect(steps.find((s) => s.label.endsWith(": data"))!.checks).to.include("rds");
        });
    });

    describe("running", () => {
        const steps = rolloutSteps("phased", planPhases(miniProgram().all), ALL);

        it("runs every step's update then its validation, in order", async () => {
            const actions = new RecordingActions();
            const result = await runRollout(steps, actions, summarize);
            expect(result.ok).to.equal(true);
            expect(actions.calls.filter((c) => c.startsWith("validate"))).to.deep.equal(["validate rds", "validate rds+ecs+health", "validate rds+ecs+health"]);
        });

        it("stops at the first failed update: no validation of it, no later phase", async () => {
            const actions = new RecordingActions(3);
            const result = await runRollout(steps, actions, summarize);
            expect(result.failed).to.deep.equal({ label: "phase 3/5: data", stage: "up", reason: "update failed: AccessDenied" });
            expect(actions.calls.length).to.equal(3);
        });

        it("stops at the first failed validation, with its reason: the later phases are not deployed", async () => {
            const actions = new RecordingActions(undefined, 1);
            const result = await runRollout(steps, actions, summarize);
            expect(result.completed).to.deep.equal(["phase 1/5: network", "phase 2/5: security"]);
            expect(result.failed).to.deep.equal({ label: "phase 3/5: data", stage: "validate", reason: "RDS instance prod-fivestar-payments-db: modifying" });
            expect(actions.calls).to.deep.equal(["up " + steps[0].targets!.length, "up " + steps[1].targets!.length, "up " + steps[2].targets!.length, "validate rds"]);
        });

        it("a big-bang step updates the whole stack (no target list)", async () => {
            const actions = new RecordingActions();
            await runRollout(rolloutSteps("big-bang", [], ALL), actions, summarize);
            expect(actions.calls).to.deep.equal(["up all", "validate rds+ecs+health"]);
        });

        it("refuses a step with an empty target list before updating anything", async () => {
            const actions = new RecordingActions();
            let error: Error | undefined;
            await runRollout([{ label: "broken", targets: [], checks: [] }], actions, summarize).catch((e) => (error = e));
            expect([error?.message, actions.calls.length]).to.deep.equal(['step "broken" has an empty target list; refusing (Pulumi would update the whole stack)', 0]);
        });
    });
});
