/**
 * Compute config (issue 5): image tags, the ALB's certificate and routing, scaling targets, ECS Exec,
 * and the dev after-hours shutdown. Every rejection names the fully qualified key.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig, rejection } from "../support/config";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
const PE_HOSTS = { dev: "payments.dev.fivestar-payments.example", staging: "payments.staging.fivestar-payments.example", prod: "payments.fivestar-payments.example" } as const;
const HOSTS = { dev: "portal.dev.fivestar-payments.example", staging: "portal.staging.fivestar-payments.example", prod: "portal.fivestar-payments.example" } as const;

describe("compute config: values per stack (§2.2.1, §3.2.2, §4.1, §5)", () => {
    for (const stack of ["dev", "staging", "prod"] as const) {
        describe(stack, () => {
            const cfg = parseStackConfig(rawStackConfig(stack));
            it("image tags from the stack file (placeholders until the first release), 30 images kept", () => {
                expect(cfg.images).to.deep.equal({ tags: { "internal-pe": "unreleased", "customer-portal": "unreleased" }, retainedImages: 30 });
            });
            it("the ALB: the stack's (placeholder) certificate, TLS 1.2+ PQ policy, strictest desync, portal by host name", () => {
                expect(cfg.alb).to.deep.equal({
                    certificateArn: `arn:aws:acm:ap-south-1:${ACCOUNTS[stack]}:certificate/00000000-0000-0000-0000-000000000000`,
                    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
                    desyncMitigationMode: "strictest",
                    accessLogRetentionDays: stack === "prod" ? 365 : 90,
                    routing: { mode: "host", portalHostnames: [HOSTS[stack]] },
                    internalPeHostname: PE_HOSTS[stack],
                });
            });
            it("ECS Exec off, 120 s grace, scaling targets 70 % CPU / 75 % memory; the guide's sizing unchanged", () => {
                expect(cfg.ecs).to.deep.include({ execEnabled: false, healthCheckGracePeriodSeconds: 120, scaling: { cpuTargetPercent: 70, memoryTargetPercent: 75 } });
                expect(cfg.app.aspnetcoreEnvironment).to.equal({ dev: "Development", staging: "Staging", prod: "Production" }[stack]);
            });
            it(`after-hours shutdown ${stack === "dev" ? "on (§2.2.1)" : "off"}, 20:00-08:00 IST`, () => {
                expect(cfg.afterHours).to.deep.equal({
                    enabled: stack === "dev", stopCron: "cron(0 20 ? * MON-FRI *)", startCron: "cron(0 8 ? * MON-FRI *)", timezone: "Asia/Kolkata",
                });
            });
        });
    }

    it("path routing uses the default /portal patterns", () => {
        expect(parseStackConfig(rawStackConfig("dev", { albRoutingMode: "path" })).alb.routing).to.deep.equal({ mode: "path", portalPathPatterns: ["/portal", "/portal/*"] });
    });
});

describe("compute config: rejections", () => {
    it("refuses latest as an image tag (immutable tags; rollback pins a tag)", () => {
        expect(rejection("dev", { internalPeImageTag: "latest" })).to.contain("fivestar-payments:internalPeImageTag").and.contain("not latest");
        expect(rejection("dev", { customerPortalImageTag: "LATEST" })).to.contain("fivestar-payments:customerPortalImageTag");
    });
    it("refuses a malformed image tag", () => {
        expect(rejection("dev", { internalPeImageTag: "-rc1" })).to.contain("fivestar-payments:internalPeImageTag").and.contain("must be an image tag");
        expect(rejection("dev", { internalPeImageTag: "a b" })).to.contain("internalPeImageTag");
    });
    it("requires the image tags and the certificate", () => {
        expect(rejection("prod", { internalPeImageTag: undefined })).to.contain("fivestar-payments:internalPeImageTag is not set: required");
        expect(rejection("prod", { albCertificateArn: undefined })).to.contain("fivestar-payments:albCertificateArn is not set: required");
    });
    it("refuses a certificate ARN that is not an ACM certificate", () => {
        expect(rejection("prod", { albCertificateArn: "arn:aws:iam::123456789014:server-certificate/x" }))
            .to.contain("fivestar-payments:albCertificateArn").and.contain("must be an ACM certificate ARN");
    });
    it("refuses a certificate from another region (CloudFront's us-east-1 certificate, say)", () => {
        expect(rejection("prod", { albCertificateArn: "arn:aws:acm:us-east-1:123456789014:certificate/11111111-2222-3333-4444-555555555555" }))
            .to.contain("is in region us-east-1").and.contain("fivestar-payments:region");
    });
    it("refuses a certificate from another account (e.g. staging's in prod)", () => {
        expect(rejection("prod", { albCertificateArn: "arn:aws:acm:ap-south-1:123456789013:certificate/11111111-2222-3333-4444-555555555555" }))
            .to.contain("belongs to account 123456789013").and.contain("fivestar-payments:awsAccountId");
    });
    it("refuses host routing without portal host names", () => {
        expect(rejection("staging", { customerPortalHostnames: "[]" })).to.contain("fivestar-payments:customerPortalHostnames is empty");
    });
    it("refuses invalid host names and more than one rule can hold", () => {
        expect(rejection("dev", { customerPortalHostnames: "[\"Portal.Example.com\"]" })).to.contain("fivestar-payments:customerPortalHostnames");
        const six = JSON.stringify(["a", "b", "c", "d", "e", "f"].map((h) => `${h}.example.com`));
        expect(rejection("dev", { customerPortalHostnames: six })).to.contain("at most 5");
    });
    it("refuses an internal-pe host name the portal rule would take (§11 /health would reach the portal), or a wildcard", () => {
        expect(rejection("prod", { internalPeHostname: "portal.fivestar-payments.example" })).to.contain(
            "fivestar-payments:internalPeHostname = \"portal.fivestar-payments.example\" matches a host name of customerPortalHostnames");
        expect(rejection("prod", { customerPortalHostnames: "[\"*.fivestar-payments.example\"]" })).to.contain("fivestar-payments:internalPeHostname = \"payments.fivestar-payments.example\" matches");
        expect(rejection("prod", { internalPeHostname: "*.fivestar-payments.example" })).to.contain("fivestar-payments:internalPeHostname").and.contain("no wildcard");
    });
    it("refuses portal path patterns that take internal-pe's /health", () => {
        expect(rejection("dev", { albRoutingMode: "path", customerPortalPathPatterns: "[\"/portal/*\", \"/heal*\"]" }))
            .to.contain("fivestar-payments:customerPortalPathPatterns = [\"/portal/*\",\"/heal*\"] matches /health");
    });
    it("refuses path patterns that do not start with /", () => {
        expect(rejection("dev", { albRoutingMode: "path", customerPortalPathPatterns: "[\"portal/*\"]" })).to.contain("fivestar-payments:customerPortalPathPatterns");
    });
    it("refuses TLS policies that still allow TLS 1.0/1.1 and desync modes weaker than defensive", () => {
        expect(rejection("prod", { albSslPolicy: "ELBSecurityPolicy-2016-08" })).to.contain("fivestar-payments:albSslPolicy").and.contain("ELBSecurityPolicy-TLS13-1-2-2021-06");
        expect(rejection("prod", { albDesyncMitigationMode: "monitor" })).to.contain("fivestar-payments:albDesyncMitigationMode").and.contain("defensive, strictest");
    });
    it("refuses the after-hours shutdown in prod (§2.2.1: non-prod only)", () => {
        expect(rejection("prod", { afterHoursShutdown: "true" })).to.contain("fivestar-payments:afterHoursShutdown = true in environment \"prod\"");
    });
    it("refuses the after-hours shutdown with read replicas (RDS cannot stop such an instance)", () => {
        expect(rejection("dev", { rdsReadReplicas: "1" })).to.contain("fivestar-payments:rdsReadReplicas = 1");
    });
    it("refuses malformed crons, a cron with both day fields set, equal start and stop, and unknown time zones", () => {
        expect(rejection("dev", { afterHoursStopCron: "0 20 * * *" })).to.contain("fivestar-payments:afterHoursStopCron").and.contain("six fields");
        expect(rejection("dev", { afterHoursStartCron: "cron(0 8 * * MON-FRI *)" })).to.contain("fivestar-payments:afterHoursStartCron").and.contain("exactly one");
        expect(rejection("dev", { afterHoursStartCron: "cron(0 20 ? * MON-FRI *)" })).to.contain("start and stop must differ");
        expect(rejection("dev", { afterHoursTimezone: "India/Mumbai" })).to.contain("fivestar-payments:afterHoursTimezone").and.contain("IANA time zone");
    });
    it("issue 13 fault 9: a stop that fires on days the start does not (weekends) names both keys", () => {
        expect(rejection("dev", { afterHoursStopCron: "cron(0 20 * * ? *)" })).to.contain(
            'fivestar-payments:afterHoursStopCron = "cron(0 20 * * ? *)" runs on days "* * ?" and fivestar-payments:afterHoursStartCron = "cron(0 8 ? * MON-FRI *)" on "? * MON-FRI"');
    });
    it("accepts another valid time zone and schedule", () => {
        const cfg = parseStackConfig(rawStackConfig("staging", { afterHoursShutdown: "true", afterHoursTimezone: "UTC", afterHoursStopCron: "cron(30 14 ? * MON-FRI *)" }));
        expect(cfg.afterHours).to.include({ enabled: true, timezone: "UTC", stopCron: "cron(30 14 ? * MON-FRI *)" });
    });
    it("refuses scaling targets outside 10-95 % and a retention below 10 images", () => {
        expect(rejection("prod", { ecsScalingCpuTargetPercent: "99" })).to.contain("fivestar-payments:ecsScalingCpuTargetPercent").and.contain("at most 95");
        expect(rejection("prod", { ecrRetainedImages: "3" })).to.contain("fivestar-payments:ecrRetainedImages").and.contain("at least 10");
    });
});
