/**
 * Monitoring config (issue 6): alert addresses and alarm thresholds. Every key is optional with the
 * guide's value (§12.2.1) as default; bad values are refused naming the key and what is allowed.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { CONFIG_KEYS } from "../../config/schema";
import { MONITORING_KEYS } from "../../config/keys/monitoring";
import { rawStackConfig, rejection } from "../support/config";

const alarms = (changes: Record<string, string> = {}) => parseStackConfig(rawStackConfig("dev", changes)).monitoring.alarms;

describe("monitoring config (§12.2.1, §2.2)", () => {
    describe("defaults, when a stack sets nothing", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            it(`${stack}: the guide's thresholds: CPU 80 %/5 min, memory 85 %/3 min, error rate 5 %/2 min, connections 80 % of max`, () => {
                const a = parseStackConfig(rawStackConfig(stack)).monitoring.alarms;
                expect(a.ecsCpu).to.deep.equal({ percent: 80, minutes: 5 });
                expect(a.ecsMemory).to.deep.equal({ percent: 85, minutes: 3 });
                expect(a.errorRate).to.deep.equal({ percent: 5, minutes: 2 });
                expect(a.dbConnectionsPercent).to.equal(80);
            });
        }

        it("the team's choices where the guide is silent: RDS CPU 80 %, free storage 10 %, replica lag 60 s, any throttle or ERROR line, 5-minute windows", () => {
            expect(alarms()).to.deep.include({
                rdsCpuPercent: 80, rdsFreeStoragePercent: 10, replicaLagSeconds: 60, dynamodbThrottleEvents: 0, errorLogLines: 0, sustainMinutes: 5,
            });
        });

        it("alert addresses: the committed placeholder only (no real address in git; `pulumi up` refuses it)", () => {
            for (const stack of ["dev", "staging", "prod"]) {
                expect(parseStackConfig(rawStackConfig(stack)).monitoring.alertEmails, stack).to.deep.equal(["oncall@fivestar-payments.example"]);
            }
        });

        it("every monitoring key added by issue 6 is optional (nothing to set in Pulumi.yaml or the stack files)", () => {
            const added = Object.keys(MONITORING_KEYS).filter((k) => !["logRetentionDays", "detailedMonitoring", "monthlyBudgetUsd"].includes(k));
            expect(added).to.have.length(14);
            for (const k of added) expect(CONFIG_KEYS[k as keyof typeof CONFIG_KEYS].required, k).to.equal(false);
        });
    });

    describe("values a stack may set", () => {
        it("alertEmails as a YAML list reaches the section as strings", () => {
            const cfg = parseStackConfig(rawStackConfig("prod", { alertEmails: JSON.stringify(["oncall@fivestar.example", "ops@fivestar.example"]) }));
            expect(cfg.monitoring.alertEmails).to.deep.equal(["oncall@fivestar.example", "ops@fivestar.example"]);
        });

        it("each threshold key lands on its field", () => {
            const a = alarms({
                alarmEcsCpuPercent: "70", alarmEcsCpuMinutes: "10", alarmEcsMemoryPercent: "90", alarmEcsMemoryMinutes: "4",
                alarmErrorRatePercent: "2", alarmErrorRateMinutes: "3", alarmDbConnectionsPercent: "75", alarmRdsCpuPercent: "85",
                alarmRdsFreeStoragePercent: "20", alarmReplicaLagSeconds: "120", alarmDynamodbThrottleEvents: "10", alarmErrorLogLines: "25",
                alarmSustainMinutes: "15",
            });
            expect(a).to.deep.equal({
                ecsCpu: { percent: 70, minutes: 10 }, ecsMemory: { percent: 90, minutes: 4 }, errorRate: { percent: 2, minutes: 3 },
                dbConnectionsPercent: 75, rdsCpuPercent: 85, rdsFreeStoragePercent: 20, replicaLagSeconds: 120,
                dynamodbThrottleEvents: 10, errorLogLines: 25, sustainMinutes: 15,
            });
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

        for (const [k, bad, allowed] of [
            ["alarmEcsCpuPercent", "0", "at least 1"],
            ["alarmEcsCpuPercent", "101", "at most 100"],
            ["alarmEcsMemoryPercent", "85.5", "whole number"],
            ["alarmErrorRatePercent", "five", "whole number from 1 to 100"],
            ["alarmDbConnectionsPercent", "120", "at most 100"],
            ["alarmRdsFreeStoragePercent", "100", "at most 99"],
            ["alarmEcsCpuMinutes", "0", "at least 1"],
            ["alarmErrorRateMinutes", "1441", "at most 1440"],
            ["alarmSustainMinutes", "0", "at least 1"],
            ["alarmReplicaLagSeconds", "0", "at least 1"],
            ["alarmDynamodbThrottleEvents", "-1", "at least 0"],
            ["alarmErrorLogLines", "-1", "at least 0"],
        ] as const) {
            it(`${k} = ${bad}`, () => {
                const message = rejection("staging", { [k]: bad });
                expect(message).to.include(`fivestar-payments:${k}`).and.include(allowed);
            });
        }
    });
});
