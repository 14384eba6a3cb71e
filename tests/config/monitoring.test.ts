/**
 * Monitoring config (issue 6): alert addresses; bad values are refused naming the key and what is
 * allowed. The alarm thresholds are constants (lib/thresholds.ts, tested there).
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig } from "../support/config";
import { itRefuses } from "./fixtures";

describe("monitoring config (§12.2.1, §2.2)", () => {
    it("alert addresses: the committed placeholder only in every stack (no real address in git; `pulumi up` refuses it)", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            expect(parseStackConfig(rawStackConfig(stack)).monitoring.alertEmails, stack).to.deep.equal(["oncall@fivestar-payments.example"]);
        }
    });

    it("alertEmails as a YAML list reaches the section as strings", () => {
        const cfg = parseStackConfig(rawStackConfig("prod", { alertEmails: JSON.stringify(["oncall@fivestar.example", "ops@fivestar.example"]) }));
        expect(cfg.monitoring.alertEmails).to.deep.equal(["oncall@fivestar.example", "ops@fivestar.example"]);
    });

    describe("refusals name the key and what is allowed", () => {
        itRefuses([
            ["alertEmails that are not email addresses", "dev", { alertEmails: JSON.stringify(["oncall"]) }, "fivestar-payments:alertEmails", "must be a list of email addresses"],
            ["alertEmails that is not a list", "dev", { alertEmails: "oncall@fivestar.example" }, "fivestar-payments:alertEmails", "must be a list of email addresses"],
            ["more than 10 alertEmails (the AWS Budgets limit per notification)", "dev", { alertEmails: JSON.stringify(Array.from({ length: 11 }, (_, i) => `ops${i}@fivestar.example`)) },
                "fivestar-payments:alertEmails", "at most 10"],
            ["an address listed twice, ignoring case", "dev", { alertEmails: JSON.stringify(["Ops@fivestar.example", "ops@fivestar.example"]) }, "fivestar-payments:alertEmails", "more than once"],
            ["an alarm threshold: not config since issue 15 (the guide fixes them, lib/thresholds.ts), so setting one is refused by name", "staging", { alarmEcsCpuPercent: "90" },
                "fivestar-payments:alarmEcsCpuPercent is not a key of this project"],
        ]);
    });
});
