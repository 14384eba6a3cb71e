/**
 * Compute config (issue 5): image tags, the ALB's certificate and routing, scaling targets, ECS Exec,
 * and the dev after-hours shutdown. Every rejection names the fully qualified key.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig } from "../support/config";
import { itRefuses } from "./fixtures";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
const PE_HOSTS = { dev: "payments.dev.fivestar-payments.example", staging: "payments.staging.fivestar-payments.example", prod: "payments.fivestar-payments.example" } as const;
const HOSTS = { dev: "portal.dev.fivestar-payments.example", staging: "portal.staging.fivestar-payments.example", prod: "portal.fivestar-payments.example" } as const;

describe("compute config: values per stack (§2.2.1, §3.2.2, §4.1, §5)", () => {
    for (const stack of ["dev", "staging", "prod"] as const) {
        describe(stack, () => {
            const cfg = parseStackConfig(rawStackConfig(stack));
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
            it("image tags (placeholders until the first release), 30 images kept; ECS Exec off, 120 s grace, scaling targets 70 % CPU / 75 % memory", () => {
                expect(cfg.images).to.deep.equal({ tags: { "internal-pe": "unreleased", "customer-portal": "unreleased" }, retainedImages: 30 });
                expect(cfg.ecs).to.deep.include({ execEnabled: false, healthCheckGracePeriodSeconds: 120, scaling: { cpuTargetPercent: 70, memoryTargetPercent: 75 } });
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
    const CERT = "arn:aws:acm:ap-south-1:123456789014:certificate/11111111-2222-3333-4444-555555555555";
    itRefuses([
        ["latest as an image tag (immutable tags; rollback pins a tag)", "dev", { internalPeImageTag: "latest" }, "fivestar-payments:internalPeImageTag", "not latest"],
        ["LATEST as the portal's image tag", "dev", { customerPortalImageTag: "LATEST" }, "fivestar-payments:customerPortalImageTag"],
        ["a malformed image tag", "dev", { internalPeImageTag: "-rc1" }, "fivestar-payments:internalPeImageTag", "must be an image tag"],
        ["an image tag with a space", "dev", { internalPeImageTag: "a b" }, "internalPeImageTag"],
        ["a missing image tag", "prod", { internalPeImageTag: undefined }, "fivestar-payments:internalPeImageTag is not set: required"],
        ["a missing certificate", "prod", { albCertificateArn: undefined }, "fivestar-payments:albCertificateArn is not set: required"],
        ["a certificate ARN that is not an ACM certificate", "prod", { albCertificateArn: "arn:aws:iam::123456789014:server-certificate/x" },
            "fivestar-payments:albCertificateArn", "must be an ACM certificate ARN"],
        ["a certificate from another region (CloudFront's us-east-1 certificate, say)", "prod", { albCertificateArn: CERT.replace("ap-south-1", "us-east-1") },
            "is in region us-east-1", "fivestar-payments:region"],
        ["a certificate from another account (e.g. staging's in prod)", "prod", { albCertificateArn: CERT.replace("123456789014", "123456789013") },
            "belongs to account 123456789013", "fivestar-payments:awsAccountId"],
        ["host routing without portal host names", "staging", { customerPortalHostnames: "[]" }, "fivestar-payments:customerPortalHostnames is empty"],
        ["an invalid host name", "dev", { customerPortalHostnames: "[\"Portal.Example.com\"]" }, "fivestar-payments:customerPortalHostnames"],
        ["more host names than one rule can hold", "dev", { customerPortalHostnames: JSON.stringify(["a", "b", "c", "d", "e", "f"].map((h) => `${h}.example.com`)) }, "at most 5"],
        ["an internal-pe host name the portal rule would take (§11 /health would reach the portal)", "prod", { internalPeHostname: "portal.fivestar-payments.example" },
            "fivestar-payments:internalPeHostname = \"portal.fivestar-payments.example\" matches a host name of customerPortalHostnames"],
        ["a portal wildcard that takes internal-pe's host", "prod", { customerPortalHostnames: "[\"*.fivestar-payments.example\"]" },
            "fivestar-payments:internalPeHostname = \"payments.fivestar-payments.example\" matches"],
        ["a wildcard internal-pe host name", "prod", { internalPeHostname: "*.fivestar-payments.example" }, "fivestar-payments:internalPeHostname", "no wildcard"],
        ["portal path patterns that take internal-pe's /health", "dev", { albRoutingMode: "path", customerPortalPathPatterns: "[\"/portal/*\", \"/heal*\"]" },
            "fivestar-payments:customerPortalPathPatterns = [\"/portal/*\",\"/heal*\"] matches /health"],
        ["path patterns that do not start with /", "dev", { albRoutingMode: "path", customerPortalPathPatterns: "[\"portal/*\"]" }, "fivestar-payments:customerPortalPathPatterns"],
        ["a TLS policy that still allows TLS 1.0/1.1", "prod", { albSslPolicy: "ELBSecurityPolicy-2016-08" }, "fivestar-payments:albSslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"],
        ["a desync mode weaker than defensive", "prod", { albDesyncMitigationMode: "monitor" }, "fivestar-payments:albDesyncMitigationMode", "defensive, strictest"],
        ["the after-hours shutdown in prod (§2.2.1: non-prod only)", "prod", { afterHoursShutdown: "true" }, "fivestar-payments:afterHoursShutdown = true in environment \"prod\""],
        ["the after-hours shutdown with read replicas (RDS cannot stop such an instance)", "dev", { rdsReadReplicas: "1" }, "fivestar-payments:rdsReadReplicas = 1"],
        ["a cron that is not six fields", "dev", { afterHoursStopCron: "0 20 * * *" }, "fivestar-payments:afterHoursStopCron", "six fields"],
        ["a cron with both day fields set", "dev", { afterHoursStartCron: "cron(0 8 * * MON-FRI *)" }, "fivestar-payments:afterHoursStartCron", "exactly one"],
        ["equal start and stop", "dev", { afterHoursStartCron: "cron(0 20 ? * MON-FRI *)" }, "start and stop must differ"],
        ["an unknown time zone", "dev", { afterHoursTimezone: "India/Mumbai" }, "fivestar-payments:afterHoursTimezone", "IANA time zone"],
        ["issue 13 fault 9: a stop that fires on days the start does not (weekends) names both keys", "dev", { afterHoursStopCron: "cron(0 20 * * ? *)" },
            'fivestar-payments:afterHoursStopCron = "cron(0 20 * * ? *)" runs on days "* * ?" and fivestar-payments:afterHoursStartCron = "cron(0 8 ? * MON-FRI *)" on "? * MON-FRI"'],
        ["a scaling target above 95 %", "prod", { ecsScalingCpuTargetPercent: "99" }, "fivestar-payments:ecsScalingCpuTargetPercent", "at most 95"],
        ["a retention below 10 images", "prod", { ecrRetainedImages: "3" }, "fivestar-payments:ecrRetainedImages", "at least 10"],
    ]);

    it("accepts another valid time zone and schedule", () => {
        const cfg = parseStackConfig(rawStackConfig("staging", { afterHoursShutdown: "true", afterHoursTimezone: "UTC", afterHoursStopCron: "cron(30 14 ? * MON-FRI *)" }));
        expect(cfg.afterHours).to.include({ enabled: true, timezone: "UTC", stopCron: "cron(30 14 ? * MON-FRI *)" });
    });
});
