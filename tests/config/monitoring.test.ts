/**
 * Monitoring config (issue 6): alert addresses; bad values are refused naming the key and what is
 * allowed. The alarm thresholds are constants (lib/thresholds.ts, tested there).
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig, rejection } from "../support/config";

describe("monitoring config (§12.2.1, §2.2)", () => {
    describe("defaults, when a stack sets nothing", () => {
        it("alert addresses: the committed placeholder only (no real address in git; `pulumi up` refuses it)", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                expect(parseStackConfig(rawStackConfig(stack)).monitoring.alertEmails, stack).to.deep.equal(["oncall@fivestar-payments.example"]);
            }
        });
    });

    describe("values a stack may set", () => {
        it("alertEmails as a YAML list reaches the section as strings", () => {
            const cfg = parseStackConfig(rawStackConfig("prod", { alertEmails: JSON.stringify(["oncall@fivestar.example", "ops@fivestar.example"]) }));
            expect(cfg.monitoring.alertEmails).to.deep.equal(["oncall@fivestar.example", "ops@fivestar.example"]);
        });
    });

    describe("refusals name the key and what is allowed", () => {
        it("alertEmails that are not email addresses", () => {
            const message = rejection("dev", { alertEmails: JSON.stringify(["oncall"]) });
            expect(message).to.include("fivestar-payments:alertEmails").and.include("must be a list of email addresses");
        });

        it("alertEmails that is not a list", () => {
            expect(rejection("dev", { alertEmails: "oncall@fivestar.example" })).to.include("fivestar-payments:alertEmails").and.include("must be a list of email addresses");
        });

        it("more than 10 alertEmails (the AWS Budgets limit per notification)", () => {
            const eleven = Array.from({ length: 11 }, (_, i) => `ops${i}@fivestar.example`);
            expect(rejection("dev", { alertEmails: JSON.stringify(eleven) })).to.include("fivestar-payments:alertEmails").and.include("at most 10");
        });

        it("an address listed twice, ignoring case", () => {
            const message = rejection("dev", { alertEmails: JSON.stringify(["Ops@fivestar.example", "ops@fivestar.example"]) });
            expect(message).to.include("fivestar-payments:alertEmails").and.include("more than once");
        });

        it("an alarm threshold: not config since issue 15 (the guide fixes them, lib/thresholds.ts), so setting one is refused by name", () => {
            expect(rejection("staging", { alarmEcsCpuPercent: "90" })).to.include("fivestar-payments:alarmEcsCpuPercent is not a key of this project");
        });
    });
});
