import { expect } from "chai";
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import { changeSummary, progressLine } from "../../automation/events";

const URN = "urn:pulumi:prod::fivestar-payments::fivestar:compute:FargateService$aws:ecs/service:Service::internal-pe-service";
const meta = (op: StepEventMetadata["op"]): StepEventMetadata => ({ op, urn: URN, type: "aws:ecs/service:Service", provider: "" });
const event = (fields: Partial<EngineEvent>): EngineEvent => ({ sequence: 1, timestamp: 0, ...fields });

describe("delivery tool: engine events as progress", () => {
    it("an update starting", () => {
        expect(progressLine(event({ resourcePreEvent: { metadata: meta("update") } }))).to.equal("  ~ doing update aws:ecs:Service internal-pe-service");
    });

    it("a planned create in a preview", () => {
        expect(progressLine(event({ resourcePreEvent: { metadata: meta("create"), planning: true } }))).to.equal("  + would create aws:ecs:Service internal-pe-service");
    });

    it("a step finished", () => {
        expect(progressLine(event({ resOutputsEvent: { metadata: meta("replace") } }))).to.equal("  ✓ replace done aws:ecs:Service internal-pe-service");
    });

    it("a failed step", () => {
        expect(progressLine(event({ resOpFailedEvent: { metadata: meta("update"), status: 1, steps: 1 } }))).to.equal("  ✗ update FAILED aws:ecs:Service internal-pe-service");
    });

    it("an error diagnostic, with the resource it is about", () => {
        const line = progressLine(event({ diagnosticEvent: { urn: URN, message: "AccessDenied: not authorized\n", color: "never", severity: "error" } }));
        expect(line).to.equal("  error internal-pe-service: AccessDenied: not authorized");
    });

    it("a policy violation", () => {
        const line = progressLine(event({ policyEvent: { message: "must be encrypted", color: "never", policyName: "rds-encrypted", policyPackName: "fivestar", policyPackVersion: "1", policyPackVersionTag: "1", enforcementLevel: "mandatory" } }));
        expect(line).to.equal("  policy mandatory fivestar/rds-encrypted: must be encrypted");
    });

    it("nothing for unchanged resources, info diagnostics and stdout", () => {
        const quiet = [
            event({ resourcePreEvent: { metadata: meta("same") } }),
            event({ diagnosticEvent: { message: "x", color: "never", severity: "info" } }),
            event({ stdoutEvent: { message: "Updating (prod)", color: "never" } }),
        ];
        expect(quiet.map(progressLine)).to.deep.equal([undefined, undefined, undefined]);
    });
});

describe("delivery tool: change summary", () => {
    it("lists the changes in a fixed order", () => {
        expect(changeSummary({ same: 40, update: 1, create: 2, delete: 1 })).to.equal("2 create, 1 update, 1 delete, 40 same");
    });

    it("says when nothing changes", () => {
        expect([changeSummary({ same: 40 }), changeSummary({})]).to.deep.equal(["no changes (40 unchanged)", "no changes"]);
    });
});
