import { expect } from "chai";
import { FargateService, FargateServiceArgs } from "../../compute/fargateService";
import { ServiceName } from "../../config/names";
import { construct, inAccount, valueOf } from "../support/component";
import { fargateServiceArgs, repositoryUrl, STACKS, T, targetGroupArn, upstream } from "./fixtures";

type Env = (typeof STACKS)[number];
const build = (env: Env, service: ServiceName, overrides: Partial<FargateServiceArgs> = {}) =>
    construct(() => new FargateService(service, fargateServiceArgs(env, service, overrides), inAccount()));
const containers = (inputs: Record<string, unknown>) => JSON.parse(String(inputs.containerDefinitions)) as Record<string, unknown>[];

/**
 * The component's behaviour, once (prod's config). What differs per stack (§4.1 cpu, memory, desired count,
 * ASPNETCORE_ENVIRONMENT and log level) is asserted once per stack on the real plan: tests/program/compute.test.ts.
 */
describe("Fargate services (§5, §10, §11)", () => {
    for (const env of ["prod"] as const) {
        describe(env, () => {
            it(`task definition ${env}-fivestar-internal-pe: awsvpc, FARGATE, the config's cpu / memory`, async () => {
                const td = (await build(env, "internal-pe")).one(T.taskDefinition, "internal-pe").inputs;
                expect(td).to.include({ family: `${env}-fivestar-internal-pe`, networkMode: "awsvpc", cpu: "2048", memory: "4096", skipDestroy: true });
                expect(td.requiresCompatibilities).to.deep.equal(["FARGATE"]);
                expect(td.runtimePlatform).to.deep.equal({ operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" });
                expect(td).to.include({ executionRoleArn: upstream(env).executionRoleArn, taskRoleArn: upstream(env).taskRoleArn });
                expect(td.volumes).to.deep.equal([{ name: "tmp" }]);
            });
            it(`internal-pe container: the configured image tag, ASPNETCORE_ENVIRONMENT and log level, the database secret, its log group`, async () => {
                const [c] = containers((await build(env, "internal-pe")).one(T.taskDefinition, "internal-pe").inputs);
                expect(c.image).to.equal(`${repositoryUrl(env, "internal-pe")}:unreleased`);
                expect(c.environment).to.deep.include({ name: "ASPNETCORE_ENVIRONMENT", value: "Production" });
                expect(c.environment).to.deep.include({ name: "Logging__LogLevel__Default", value: "Warning" });
                expect(c.secrets).to.deep.equal([{ name: "DATABASE_CONNECTION_STRING", valueFrom: upstream(env).databaseSecretArn }]);
                expect((c.logConfiguration as { options: Record<string, string> }).options["awslogs-group"]).to.equal(`/ecs/${env}-fivestar-internal-pe`);
            });
            it(`customer-portal: task definition ${env}-fivestar-customer-portal, nginx on 8443, no task role, no secret`, async () => {
                const td = (await build(env, "customer-portal")).one(T.taskDefinition, "customer-portal").inputs;
                expect(td).to.include({ family: `${env}-fivestar-customer-portal`, cpu: "2048", memory: "4096" });
                expect(td.taskRoleArn).to.equal(undefined);
                expect(td.volumes).to.deep.equal([{ name: "tmp" }, { name: "nginx-cache" }]);
                const [c] = containers(td);
                expect(c.image).to.equal(`${repositoryUrl(env, "customer-portal")}:unreleased`);
                expect(c.portMappings).to.deep.equal([{ containerPort: 8443, protocol: "tcp" }]);
                expect(c.secrets).to.deep.equal([]);
                expect((c.logConfiguration as { options: Record<string, string> }).options["awslogs-group"]).to.equal(`/ecs/${env}-fivestar-customer-portal`);
            });
            for (const service of ["internal-pe", "customer-portal"] as const) {
                it(`ECS service ${env}-${service}-service: the config's desired count, private app subnets, ECS group, no public IP`, async () => {
                    const built = await build(env, service);
                    const svc = built.one(T.service, service).inputs;
                    expect(svc).to.include({ name: `${env}-${service}-service`, desiredCount: 3 });
                    expect(svc.cluster).to.equal(fargateServiceArgs(env, service).clusterArn);
                    expect(svc.networkConfiguration).to.deep.equal({ subnets: upstream(env).appSubnetIds, securityGroups: [upstream(env).ecsSecurityGroupId], assignPublicIp: false });
                    expect(svc.loadBalancers).to.deep.equal([{ targetGroupArn: targetGroupArn(env, service), containerName: service, containerPort: service === "internal-pe" ? 8080 : 8443 }]);
                });
                it(`${service}: circuit breaker with rollback, 120 s grace, ECS Exec off, tags propagated, waits for steady state`, async () => {
                    const svc = (await build(env, service)).one(T.service, service).inputs;
                    expect(svc.deploymentCircuitBreaker).to.deep.equal({ enable: true, rollback: true });
                    expect(svc).to.include({
                        healthCheckGracePeriodSeconds: 120, enableExecuteCommand: false, propagateTags: "SERVICE", enableEcsManagedTags: true,
                        waitForSteadyState: true, deploymentMinimumHealthyPercent: 100, deploymentMaximumPercent: 200, availabilityZoneRebalancing: "ENABLED",
                    });
                    expect(svc.launchType).to.equal(undefined);
                });
                it(`${service}: runs the exact revision Pulumi registered and never ignores a task definition change`, async () => {
                    const built = await build(env, service);
                    const svc = built.one(T.service, service);
                    expect(svc.inputs.taskDefinition).to.equal(`arn:aws:ecs:ap-south-1:123456789012:task-definition/${env}-fivestar-${service}:1`);
                    expect(svc.ignoreChanges).not.to.include("taskDefinition");
                });
            }
            it("capacity: internal-pe on on-demand FARGATE only; the portal on the cluster default (§3.2.2)", async () => {
                expect((await build(env, "internal-pe")).one(T.service, "internal-pe").inputs.capacityProviderStrategies)
                    .to.deep.equal([{ capacityProvider: "FARGATE", base: 0, weight: 1 }]);
                expect((await build(env, "customer-portal")).one(T.service, "customer-portal").inputs.capacityProviderStrategies).to.deep.equal([
                    { capacityProvider: "FARGATE", base: 2, weight: 1 },
                    { capacityProvider: "FARGATE_SPOT", base: 0, weight: 4 },
                ]);
            });
        });
    }

    it("Application Auto Scaling owns the desired count in prod (2..10) and dev (after-hours schedule); staging has neither", async () => {
        for (const env of STACKS) {
            const svc = (await build(env, "internal-pe")).one(T.service, "internal-pe");
            expect(svc.ignoreChanges, env).to.deep.equal(env === "staging" ? [] : ["desiredCount"]);
        }
    });
    it("ECS Exec follows config when turned on", async () => {
        expect((await build("dev", "internal-pe", { enableExecuteCommand: true })).one(T.service, "internal-pe").inputs.enableExecuteCommand).to.equal(true);
    });
    it("exports the service name, task definition ARN and family", async () => {
        const c = (await build("prod", "internal-pe")).component;
        expect(await valueOf(c.serviceName)).to.equal("prod-internal-pe-service");
        expect(await valueOf(c.taskDefinitionFamily)).to.equal("prod-fivestar-internal-pe");
        expect(await valueOf(c.taskDefinitionArn)).to.equal("arn:aws:ecs:ap-south-1:123456789012:task-definition/prod-fivestar-internal-pe:1");
    });
});
