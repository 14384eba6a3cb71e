/** The pure decisions of the compute module: capacity, image retention, routing, log delivery, scaling, schedules. */
import { expect } from "chai";
import { accessLogObjectsArn, albLogDeliveryStatement, ELB_LOG_DELIVERY_SERVICE, elbLogDeliveryPrincipal } from "../../compute/accessLogPolicy";
import { afterHoursCapacity, afterHoursSchedulerPolicy, RDS_SCHEDULER_TARGETS, rdsScheduleInput } from "../../compute/afterHoursPlan";
import { CLUSTER_DEFAULT_STRATEGY, serviceCapacityStrategy } from "../../compute/capacity";
import { ecrLifecyclePolicy } from "../../compute/ecrLifecyclePolicy";
import { HTTPS_REDIRECT, portalRuleCondition, targetGroupSpec } from "../../compute/routing";
import { ecsServiceResourceId, scalingPlan, targetTrackingPolicies } from "../../compute/scaling";

describe("capacity strategies (§3.2.2)", () => {
    it("cluster default: FARGATE base 2 weight 1, FARGATE_SPOT weight 4", () => {
        expect(CLUSTER_DEFAULT_STRATEGY).to.deep.equal([
            { capacityProvider: "FARGATE", base: 2, weight: 1 },
            { capacityProvider: "FARGATE_SPOT", base: 0, weight: 4 },
        ]);
    });
    it("internal-pe runs on on-demand Fargate only: no payment task is reclaimed by Spot", () => {
        expect(serviceCapacityStrategy("internal-pe")).to.deep.equal([{ capacityProvider: "FARGATE", base: 0, weight: 1 }]);
        expect(serviceCapacityStrategy("internal-pe").map((s) => s.capacityProvider)).not.to.include("FARGATE_SPOT");
    });
    it("customer-portal states the cluster default explicitly", () => {
        expect(serviceCapacityStrategy("customer-portal")).to.deep.equal(CLUSTER_DEFAULT_STRATEGY);
    });
});

describe("ECR lifecycle policy (§5.2.1 images)", () => {
    it("keeps the newest N images of any tag status and expires the rest", () => {
        expect(ecrLifecyclePolicy(30)).to.deep.equal({
            rules: [{
                rulePriority: 1,
                description: "Keep the newest 30 images; older ones expire",
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 30 },
                action: { type: "expire" },
            }],
        });
    });
    it("refuses an unbounded or empty count", () => {
        expect(() => ecrLifecyclePolicy(0)).to.throw(/positive whole number/);
        expect(() => ecrLifecyclePolicy(2.5)).to.throw(/positive whole number/);
    });
});

describe("ALB routing (§3.1.2, §11)", () => {
    it("target groups: internal-pe on 8080 health-checked at /health, the portal on 8443 at /", () => {
        expect(targetGroupSpec("internal-pe")).to.deep.include({ port: 8080, protocol: "HTTP", targetType: "ip", deregistrationDelay: 60 });
        expect(targetGroupSpec("internal-pe").healthCheck).to.include({ path: "/health", port: "traffic-port", matcher: "200", protocol: "HTTP" });
        expect(targetGroupSpec("customer-portal")).to.deep.include({ port: 8443, protocol: "HTTP", targetType: "ip", deregistrationDelay: 30 });
        expect(targetGroupSpec("customer-portal").healthCheck).to.include({ path: "/", matcher: "200" });
    });
    it("the portal rule matches host names in host mode and path patterns in path mode", () => {
        expect(portalRuleCondition({ mode: "host", portalHostnames: ["pay.example.com"] })).to.deep.equal({ hostHeader: { values: ["pay.example.com"] } });
        expect(portalRuleCondition({ mode: "path", portalPathPatterns: ["/portal", "/portal/*"] })).to.deep.equal({ pathPattern: { values: ["/portal", "/portal/*"] } });
    });
    it("refuses a portal rule that matches nothing", () => {
        expect(() => portalRuleCondition({ mode: "host", portalHostnames: [] })).to.throw(/host name/);
    });
    it("port 80 redirects to HTTPS 443 with a 301", () => {
        expect(HTTPS_REDIRECT).to.deep.equal({ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } });
    });
});

describe("ALB access log delivery", () => {
    it("ap-south-1 (a Region from before August 2022) grants the Mumbai ELB account 718504428378", () => {
        expect(elbLogDeliveryPrincipal("ap-south-1")).to.deep.equal({ AWS: "arn:aws:iam::718504428378:root" });
    });
    it("Regions opened later (Hyderabad) use the log delivery service principal", () => {
        expect(elbLogDeliveryPrincipal("ap-south-2")).to.deep.equal({ Service: ELB_LOG_DELIVERY_SERVICE });
        expect(ELB_LOG_DELIVERY_SERVICE).to.equal("logdelivery.elasticloadbalancing.amazonaws.com");
    });
    it("the bucket grant allows PutObject only under this account's prefix", () => {
        const bucket = "arn:aws:s3:::fivestar-payments-prod-alb-logs-123456789014";
        expect(albLogDeliveryStatement(bucket, "alb", "123456789014", "ap-south-1")).to.deep.equal({
            Sid: "AlbAccessLogDelivery", Effect: "Allow", Principal: { AWS: "arn:aws:iam::718504428378:root" },
            Action: "s3:PutObject", Resource: `${bucket}/alb/AWSLogs/123456789014/*`,
        });
        expect(accessLogObjectsArn(bucket, "alb", "123456789014")).to.equal(`${bucket}/alb/AWSLogs/123456789014/*`);
    });
});

describe("autoscaling plan (§4.1.3)", () => {
    it("prod 2..10: a target with CPU and memory target tracking", () => {
        expect(scalingPlan(2, 10, false)).to.deep.equal({ registerTarget: true, targetTracking: true });
    });
    it("staging 2..2: nothing to scale, no target", () => {
        expect(scalingPlan(2, 2, false)).to.deep.equal({ registerTarget: false, targetTracking: false });
    });
    it("dev 1..1 with the after-hours schedule: a bare target for the scheduled actions", () => {
        expect(scalingPlan(1, 1, true)).to.deep.equal({ registerTarget: true, targetTracking: false });
    });
    it("refuses min above max", () => {
        expect(() => scalingPlan(3, 2, false)).to.throw(/greater than/);
    });
    it("target tracking on average CPU and memory, quick out, slow in", () => {
        expect(targetTrackingPolicies(70, 75)).to.deep.equal([
            { metric: "cpu", predefinedMetricType: "ECSServiceAverageCPUUtilization", targetValue: 70, scaleOutCooldown: 60, scaleInCooldown: 300 },
            { metric: "memory", predefinedMetricType: "ECSServiceAverageMemoryUtilization", targetValue: 75, scaleOutCooldown: 60, scaleInCooldown: 300 },
        ]);
    });
    it("the scalable target id is service/<cluster>/<service>", () => {
        expect(ecsServiceResourceId("prod-fivestar-payments", "prod-internal-pe-service")).to.equal("service/prod-fivestar-payments/prod-internal-pe-service");
    });
});

describe("after-hours plan (§2.2.1)", () => {
    it("evening: 0..0; morning: the configured range", () => {
        expect(afterHoursCapacity("stop", { minCapacity: 1, maxCapacity: 1 })).to.deep.equal({ minCapacity: 0, maxCapacity: 0 });
        expect(afterHoursCapacity("start", { minCapacity: 1, maxCapacity: 3 })).to.deep.equal({ minCapacity: 1, maxCapacity: 3 });
    });
    it("calls the RDS API through Scheduler universal targets with the SDK's DbInstanceIdentifier", () => {
        expect(RDS_SCHEDULER_TARGETS).to.deep.equal({
            stop: "arn:aws:scheduler:::aws-sdk:rds:stopDBInstance",
            start: "arn:aws:scheduler:::aws-sdk:rds:startDBInstance",
        });
        expect(JSON.parse(rdsScheduleInput("dev-fivestar-payments-db"))).to.deep.equal({ DbInstanceIdentifier: "dev-fivestar-payments-db" });
    });
    it("the scheduler role may only stop and start that one database", () => {
        const db = "arn:aws:rds:ap-south-1:123456789012:db:dev-fivestar-payments-db";
        expect(afterHoursSchedulerPolicy(db)).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{ Sid: "StopAndStartTheDevDatabase", Effect: "Allow", Action: ["rds:StopDBInstance", "rds:StartDBInstance"], Resource: db }],
        });
    });
});
