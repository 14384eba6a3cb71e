import { expect } from "chai";
import { PublicLoadBalancer, PublicLoadBalancerArgs } from "../../compute/loadBalancer";
import { construct, inAccount, TEST_LOG_TARGET, valueOf } from "../support/component";
import { ACCOUNTS, loadBalancerArgs, STACKS, stackConfig, T, upstream } from "./fixtures";

type Env = (typeof STACKS)[number];
const build = (env: Env, overrides: Partial<PublicLoadBalancerArgs> = {}) =>
    construct(() => new PublicLoadBalancer("alb", loadBalancerArgs(env, overrides), inAccount()));
const tgArn = (name: string) => `arn:aws:lb:ap-south-1:123456789012:${name}`;

describe("public load balancer (§3.1.2, §11)", () => {
    for (const env of STACKS) {
        describe(env, () => {
            it(`deletion protection and Pulumi protect ${env === "prod" ? "on in prod" : "off outside prod"}`, async () => {
                const alb = (await build(env)).one(T.alb, "alb");
                expect([alb.inputs.enableDeletionProtection, alb.protect]).to.deep.equal([env === "prod", env === "prod"]);
            });
            it(`WAF web ACL ${env === "dev" ? "not attached (the WAF is off in dev)" : "attached"}`, async () => {
                const built = await build(env);
                const assoc = built.ofType(T.waf);
                expect(stackConfig(env).guardrails.waf).to.equal(env !== "dev");
                if (env === "dev") {
                    expect(assoc).to.have.length(0);
                } else {
                    expect(assoc).to.have.length(1);
                    expect(assoc[0].inputs).to.deep.equal({ resourceArn: `arn:aws:lb:ap-south-1:123456789012:${env}-internal-pe-alb`, webAclArn: upstream(env).webAclArn });
                }
            });
            it(`access logs to a private SSE-S3 bucket kept ${env === "prod" ? 365 : 90} days`, async () => {
                const built = await build(env);
                const bucketName = `fivestar-payments-${env}-alb-logs-${ACCOUNTS[env]}`;
                expect(built.one(T.alb, "alb").inputs.accessLogs).to.deep.equal({ bucket: bucketName, prefix: "alb", enabled: true });
                const bucket = built.one(T.bucket, "alb-access-logs");
                expect(bucket.inputs).to.include({ bucket: bucketName, forceDestroy: env !== "prod" });
                expect(bucket.protect).to.equal(env === "prod");
                // Private, versioned, TLS-only: PrivateBucket's (tests/security/privateBucket.test.ts); SSE-S3 is this bucket's choice.
                expect(built.one(T.sse, "alb-access-logs").inputs.rules).to.deep.equal([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
                expect(built.one(T.bucketLogging, "alb-access-logs").inputs).to.deep.include({ targetBucket: TEST_LOG_TARGET.targetBucket, targetPrefix: `${bucketName}/` });
                const [rule] = built.one(T.bucketLifecycle, "alb-access-logs").inputs.rules as Record<string, unknown>[];
                expect(rule).to.deep.include({ status: "Enabled", expiration: { days: env === "prod" ? 365 : 90 }, noncurrentVersionExpiration: { noncurrentDays: 30 } });
            });
            it("the bucket admits only the Mumbai ELB account under this account's prefix, over TLS only", async () => {
                const built = await build(env);
                const policy = JSON.parse(String(built.one(T.bucketPolicy, "alb-access-logs").inputs.policy));
                const bucketArn = "arn:aws:s3:ap-south-1:123456789012:alb-access-logs";
                expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["DenyInsecureTransport", "AlbAccessLogDelivery"]);
                expect(policy.Statement[1]).to.deep.equal({
                    Sid: "AlbAccessLogDelivery", Effect: "Allow", Principal: { AWS: "arn:aws:iam::718504428378:root" },
                    Action: "s3:PutObject", Resource: `${bucketArn}/alb/AWSLogs/${ACCOUNTS[env]}/*`,
                });
            });
        });
    }

    // The same in every stack: once (what the real plan of each stack holds is tests/program/compute.test.ts;
    // each stack's portal host names: tests/config/compute.test.ts).
    it("HTTPS 443 with the certificate and TLS policy given, forwarding to internal-pe by default; the portal routed by its host name", async () => {
        const built = await build("prod");
        const https = built.one(T.listener, "alb-https").inputs;
        expect(https).to.include({ port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", certificateArn: loadBalancerArgs("prod").certificateArn });
        expect(https.defaultActions).to.deep.equal([{ type: "forward", targetGroupArn: tgArn("internal-pe-tg") }]);
        const rule = built.one(T.rule, "alb-customer-portal-route").inputs;
        expect(rule.priority).to.equal(100);
        expect(rule.conditions).to.deep.equal([{ hostHeader: { values: ["portal.fivestar-payments.example"] } }]);
        expect(rule.actions).to.deep.equal([{ type: "forward", targetGroupArn: tgArn("customer-portal-tg") }]);
    });
    it("drops invalid header fields and mitigates desync strictly", async () => {
        const alb = (await build("prod")).one(T.alb, "alb").inputs;
        expect(alb).to.include({ dropInvalidHeaderFields: true, desyncMitigationMode: "strictest" });
    });
    it("ip target groups: internal-pe on 8080 checked at /health, the portal on 8443 checked at /", async () => {
        const built = await build("prod");
        const pe = built.one(T.targetGroup, "internal-pe-tg").inputs;
        expect(pe).to.include({ port: 8080, protocol: "HTTP", targetType: "ip", vpcId: upstream("prod").vpcId, deregistrationDelay: 60 });
        expect(pe.healthCheck).to.include({ enabled: true, path: "/health", matcher: "200", port: "traffic-port" });
        const portal = built.one(T.targetGroup, "customer-portal-tg").inputs;
        expect(portal).to.include({ port: 8443, protocol: "HTTP", targetType: "ip", vpcId: upstream("prod").vpcId, deregistrationDelay: 30 });
        expect(portal.healthCheck).to.include({ enabled: true, path: "/", matcher: "200" });
    });
    it("turns access logging on only after the bucket policy admits the ALB", async () => {
        const built = await build("dev");
        expect(built.one(T.alb, "alb").dependencies).to.include(built.one(T.bucketPolicy, "alb-access-logs").urn);
    });
    it("exports each service's target group ARN (the ECS service's dependency on its listener: compute.test.ts)", async () => {
        const built = await build("dev");
        expect(await valueOf(built.component.targetGroupArns["internal-pe"])).to.equal(tgArn("internal-pe-tg"));
        expect(await valueOf(built.component.targetGroupArns["customer-portal"])).to.equal(tgArn("customer-portal-tg"));
    });
    it("path mode routes the configured patterns to the portal; internal-pe stays the default", async () => {
        const built = await build("staging", { routing: { mode: "path", portalPathPatterns: ["/portal", "/portal/*"] } });
        expect(built.one(T.rule, "alb-customer-portal-route").inputs.conditions).to.deep.equal([{ pathPattern: { values: ["/portal", "/portal/*"] } }]);
        expect(built.one(T.listener, "alb-https").inputs.defaultActions).to.deep.equal([{ type: "forward", targetGroupArn: tgArn("internal-pe-tg") }]);
    });
    it("refuses host routing without a host name instead of building a rule that matches nothing", async () => {
        let error: unknown;
        try {
            await build("dev", { routing: { mode: "host", portalHostnames: [] } });
        } catch (e) {
            error = e;
        }
        expect(String(error)).to.match(/at least one portal host name/);
    });
});
