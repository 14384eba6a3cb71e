/**
 * Operations config (issue 16): §2.2.2 cleanup in staging only, §2.2.1 limits in dev, the mock LMS outside prod.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig, rejection } from "../support/config";

describe("operations config per stack (§2.2.1, §2.2.2, §4.1.1)", () => {
    it("staging cleans up weekly (Sunday 03:00 IST: 10 revisions, 14-day snapshots, 7-day untagged images); dev has the guide's limits (100 vCPUs = 50 instances, RDS 10, Lambda 1000) and the mock LMS", () => {
        const none = { ec2Vcpus: undefined, rdsInstances: undefined, lambdaConcurrency: undefined };
        expect(["dev", "staging", "prod"].map((s) => { const c = parseStackConfig(rawStackConfig(s)); return [c.cleanup.enabled, c.usageLimits, c.mockLms]; })).to.deep.equal([
            [false, { ec2Vcpus: 100, rdsInstances: 10, lambdaConcurrency: 1000 }, true], [true, none, false], [false, none, false],
        ]);
        expect(parseStackConfig(rawStackConfig("staging")).cleanup).to.deep.equal({
            enabled: true, cron: "cron(0 3 ? * SUN *)", timezone: "Asia/Kolkata", keepTaskRevisions: 10, snapshotMaxAgeDays: 14, untaggedImageMinAgeDays: 7,
        });
    });
    it("refuses the cleanup in prod, naming the key", () => {
        expect(rejection("prod", { cleanupEnabled: "true" })).to.include("fivestar-payments:cleanupEnabled = true in environment \"prod\"");
    });
    it("refuses the mock LMS in prod, and with an lmsEndpoint; all problems in one pass", () => {
        const message = rejection("prod", { lmsEnvironment: "mock", lmsEndpoint: "https://lms.example.com", cleanupEnabled: "true" });
        expect(message).to.include("fivestar-payments:lmsEnvironment = \"mock\" in environment \"prod\"");
        expect(message).to.include("fivestar-payments:lmsEndpoint = \"https://lms.example.com\" with fivestar-payments:lmsEnvironment = \"mock\"");
        expect(message).to.include("fivestar-payments:cleanupEnabled");
    });
    it("refuses a bad cron, a keep count under 2 and latest as the debug image", () => {
        expect(rejection("staging", { cleanupCron: "weekly" })).to.include("fivestar-payments:cleanupCron");
        expect(rejection("staging", { cleanupKeepTaskRevisions: "1" })).to.include("fivestar-payments:cleanupKeepTaskRevisions = \"1\": must be at least 2");
        expect(rejection("dev", { debugToolsImageTag: "latest" })).to.include("fivestar-payments:debugToolsImageTag");
    });
});
