/**
 * The thin Pulumi adapter's pure parts, what the CLI prints about a rollout, and the offline plan
 * the rollout is computed from.
 */
import { expect } from "chai";
import { modulesIn, planPhases } from "../../automation/phases";
import { briefError, resourcesOfDeployment, targetFlags } from "../../automation/pulumiStack";
import { renderRolloutPlan, renderRolloutResult } from "../../automation/report";
import { rolloutSteps } from "../../automation/rollout";
import { miniProgram } from "./fixtures";


describe("delivery tool: Pulumi adapter", () => {
    it("passes targets to Pulumi as given; no target list means the whole stack; an empty one is refused (Pulumi would run on everything)", () => {
        expect(targetFlags({ onEvent: () => undefined, targets: ["urn:a", "urn:b"] })).to.deep.equal({ target: ["urn:a", "urn:b"], targetDependents: undefined });
        expect(targetFlags({ onEvent: () => undefined })).to.deep.equal({});
        expect(() => targetFlags({ onEvent: () => undefined, targets: [] })).to.throw("refusing a targeted operation with no targets");
    });

    it("a failed Pulumi command is reported by its stderr, not by the whole streamed stdout; a concurrent update says so", () => {
        const failure = Object.assign(new Error("code: 255 stdout: <300 lines>"), {
            name: "CommandError",
            commandResult: { code: 255, stdout: "Updating (prod)\n<300 lines>", stderr: "error: update failed\n\n  aws:rds:Instance: InvalidParameterCombination\n" },
        });
        expect(briefError(failure).message).to.equal("CommandError (exit 255): error: update failed\n  aws:rds:Instance: InvalidParameterCombination");
        // A concurrent update says so.
        const busy = Object.assign(new Error("..."), { name: "ConcurrentUpdateError", commandResult: { code: 255, stdout: "", stderr: "[409] Conflict" } });
        expect(briefError(busy).message).to.equal("another update of this stack is in progress; nothing was changed by this one");
    });

    it("reads the resources of an exported deployment, skipping malformed entries", () => {
        const deployment = { resources: [{ urn: "urn:a", type: "aws:ecs/service:Service", inputs: { name: "s" } }, { type: "x" }, { urn: "urn:b", type: "pulumi:pulumi:Stack" }] };
        expect(resourcesOfDeployment(deployment)).to.deep.equal([
            { urn: "urn:a", type: "aws:ecs/service:Service", inputs: { name: "s" } },
            { urn: "urn:b", type: "pulumi:pulumi:Stack", inputs: {} },
        ]);
    });
});

describe("delivery tool: what `up` prints about the rollout", () => {
    it("a phased plan: each phase, what was brought forward, and the checks after it", () => {
        const m = miniProgram();
        const phases = planPhases(m.all);
        const text = renderRolloutPlan("prod", "phased", rolloutSteps("phased", phases, modulesIn(m.all)), phases, false);
        expect(text.split("\n").slice(0, 5)).to.deep.equal([
            'Rollout of stack "prod": phased (§1.2, production)',
            "  phase 1/5: network: 5 targets; then no checks apply yet",
            "  phase 2/5: security: 2 targets; then no checks apply yet",
            "  phase 3/5: data: 4 targets; then validate rds",
            "    brought forward from monitoring: fivestar:monitoring:LogGroups  logs (needed by logs-prod-fivestar-payments-db-postgresql)",
        ]);
    });

    it("a big-bang plan: one update and its checks; a stopped rollout says where, why, and that later steps did not run", () => {
        expect(renderRolloutPlan("dev", "big-bang", [{ label: "whole stack", checks: ["rds"] }], [], false)).to.equal(
            'Rollout of stack "dev": one update of the whole stack (§1.2)\n  then validate rds');
        expect(renderRolloutResult({ ok: false, completed: ["phase 1/5: network"], failed: { label: "phase 3/5: data", stage: "validate", reason: "RDS modifying" } })).to.equal(
            "Rollout STOPPED at phase 3/5: data (validation failed): RDS modifying\ncompleted before it: phase 1/5: network; later steps were not run");
    });
});
