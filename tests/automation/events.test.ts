import { expect } from "chai";
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import { changeSummary, progressLine } from "../../automation/events";

const URN = "urn:pulumi:prod::fivestar-payments::fivestar:compute:FargateService$aws:ecs/service:Service::internal-pe-service";
const meta = (op: StepEventMetadata["op"]): StepEventMetadata => ({ op, urn: URN, type: "aws:ecs/service:Service", provider: "" });
const event = (fields: Partial<EngineEvent>): EngineEvent => ({ sequence: 1, timestamp: 0, ...fields });

describe("delivery tool: engine events as progress", () => {
    const policyEvent = { message: "must be encrypted", color: "never", policyName: "rds-encrypted", policyPackName: "fivestar", policyPackVersion: "1", policyPackVersionTag: "1", enforcementLevel: "mandatory" } as const;
    const cases: [string, Partial<EngineEvent>, string | undefined][] = [
        ["an update starting", { resourcePreEvent: { metadata: meta("update") } }, "  ~ doing update aws:ecs:Service internal-pe-service"],
        ["a planned create in a preview", { resourcePreEvent: { metadata: meta("create"), planning: true } }, "  + would create aws:ecs:Service internal-pe-service"],
        ["a step finished", { resOutputsEvent: { metadata: meta("replace") } }, "  ✓ replace done aws:ecs:Service internal-pe-service"],
        ["a failed step", { resOpFailedEvent: { metadata: meta("update"), status: 1, steps: 1 } }, "  ✗ update FAILED aws:ecs:Service internal-pe-service"],
        ["an error diagnostic, with the resource it is about", { diagnosticEvent: { urn: URN, message: "AccessDenied: not authorized\n", color: "never", severity: "error" } },
            "  error internal-pe-service: AccessDenied: not authorized"],
        ["a policy violation", { policyEvent }, "  policy mandatory fivestar/rds-encrypted: must be encrypted"],
        ["nothing for an unchanged resource", { resourcePreEvent: { metadata: meta("same") } }, undefined],
        ["nothing for an info diagnostic", { diagnosticEvent: { message: "x", color: "never", severity: "info" } }, undefined],
        ["nothing for stdout", { stdoutEvent: { message: "Updating (prod)", color: "never" } }, undefined],
    ];
    for (const [what, fields, line] of cases) {
        it(what, () => {
            expect(progressLine(event(fields))).to.equal(line);
        });
    }
});

describe("delivery tool: change summary", () => {
    it("lists the changes in a fixed order, and says when nothing changes", () => {
        expect(changeSummary({ same: 40, update: 1, create: 2, delete: 1 })).to.equal("2 create, 1 update, 1 delete, 40 same");
        expect([changeSummary({ same: 40 }), changeSummary({})]).to.deep.equal(["no changes (40 unchanged)", "no changes"]);
    });
});
