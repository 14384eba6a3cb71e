import { expect } from "chai";
import { ServiceAutoscaling, ServiceAutoscalingArgs } from "../../compute/autoscaling";
import { names, ServiceName } from "../../config/names";
import { construct, inAccount, valueOf } from "../support/component";
import { STACKS, stackConfig, T } from "./fixtures";

type Env = (typeof STACKS)[number];
function args(env: Env, service: ServiceName): ServiceAutoscalingArgs {
    const cfg = stackConfig(env);
    return {
        environment: env, service,
        clusterName: names.ecsCluster(env), serviceName: names.ecsService(env, service),
        minCapacity: cfg.ecs.minCapacity, maxCapacity: cfg.ecs.maxCapacity,
        cpuTargetPercent: cfg.ecs.scaling.cpuTargetPercent, memoryTargetPercent: cfg.ecs.scaling.memoryTargetPercent,
        scheduled: cfg.afterHours.enabled,
    };
}
const build = (env: Env, service: ServiceName, overrides: Partial<ServiceAutoscalingArgs> = {}) =>
    construct(() => new ServiceAutoscaling(`${service}-scaling`, { ...args(env, service), ...overrides }, inAccount()));

describe("service autoscaling (§4.1.3)", () => {
    for (const service of ["internal-pe", "customer-portal"] as const) {
        describe(service, () => {
            it("prod: a scalable target from 2 to 10 tasks on the service's desired count", async () => {
                const built = await build("prod", service);
                expect(built.one(T.target, `${service}-scaling`).inputs).to.deep.include({
                    serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount",
                    resourceId: `service/prod-fivestar-payments/prod-${service}-service`, minCapacity: 2, maxCapacity: 10,
                });
                expect(await valueOf(built.component.scalableTargetResourceId!)).to.equal(`service/prod-fivestar-payments/prod-${service}-service`);
            });
            it("prod: target tracking on average CPU at 70 % and memory at 75 %", async () => {
                const built = await build("prod", service);
                const cpu = built.one(T.policy, `${service}-scaling-cpu`).inputs;
                expect(cpu).to.include({ name: `prod-${service}-cpu-target-tracking`, policyType: "TargetTrackingScaling", resourceId: `service/prod-fivestar-payments/prod-${service}-service` });
                expect(cpu.targetTrackingScalingPolicyConfiguration).to.deep.equal({
                    predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" }, targetValue: 70, scaleOutCooldown: 60, scaleInCooldown: 300,
                });
                const memory = built.one(T.policy, `${service}-scaling-memory`).inputs;
                expect(memory.targetTrackingScalingPolicyConfiguration).to.deep.equal({
                    predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" }, targetValue: 75, scaleOutCooldown: 60, scaleInCooldown: 300,
                });
            });
            it("staging (2..2, no schedule): no target, no policy", async () => {
                const built = await build("staging", service);
                expect(built.ofType(T.target)).to.have.length(0);
                expect(built.ofType(T.policy)).to.have.length(0);
                expect(built.component.scalableTargetResourceId).to.equal(undefined);
            });
            it("dev (1..1 with the after-hours schedule): a 1..1 target for the schedule, no scaling policy", async () => {
                const built = await build("dev", service);
                expect(built.one(T.target, `${service}-scaling`).inputs).to.include({ minCapacity: 1, maxCapacity: 1 });
                expect(built.ofType(T.policy)).to.have.length(0);
            });
        });
    }
    it("uses the configured targets", async () => {
        const built = await build("prod", "internal-pe", { cpuTargetPercent: 55, memoryTargetPercent: 65 });
        expect((built.one(T.policy, "internal-pe-scaling-cpu").inputs.targetTrackingScalingPolicyConfiguration as { targetValue: number }).targetValue).to.equal(55);
        expect((built.one(T.policy, "internal-pe-scaling-memory").inputs.targetTrackingScalingPolicyConfiguration as { targetValue: number }).targetValue).to.equal(65);
    });
});
