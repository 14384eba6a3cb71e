/**
 * Whole program, compute (§3.2.2, §4.1, §5, §10, §11): what each stack really runs, and that it is
 * wired to the network, security groups, roles, secret and log groups of the other components.
 */
import { expect } from "chai";
import { planOf, STACKS } from "../support/plans";

const ECS = {
    dev: { desired: 1, cpu: "512", memory: "1024", aspnet: "Development", logLevel: "Debug", insights: "disabled" },
    staging: { desired: 2, cpu: "1024", memory: "2048", aspnet: "Staging", logLevel: "Information", insights: "enabled" },
    prod: { desired: 3, cpu: "2048", memory: "4096", aspnet: "Production", logLevel: "Warning", insights: "enabled" },
} as const;
const SERVICES = ["internal-pe", "customer-portal"] as const;
const PORTS = { "internal-pe": 8080, "customer-portal": 8443 } as const;
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const SERVICE = "aws:ecs/service:Service";

interface Container {
    name: string;
    portMappings: { containerPort: number }[];
    environment?: { name: string; value: string }[];
    secrets?: { name: string; valueFrom: string }[];
    logConfiguration: { logDriver: string; options: Record<string, string> };
    healthCheck: { command: string[]; interval: number; timeout: number; retries: number; startPeriod: number };
    readonlyRootFilesystem: boolean;
    user?: string;
    privileged?: boolean;
}

describe("whole program: compute per stack", () => {
    for (const stack of STACKS) {
        const want = ECS[stack];
        const isProd = stack === "prod";
        describe(stack, () => {
            it(`cluster ${stack}-fivestar-payments: FARGATE base 2 weight 1 + FARGATE_SPOT weight 4; Container Insights ${want.insights}`, async () => {
                const plan = await planOf(stack);
                const cluster = plan.one("aws:ecs/cluster:Cluster", "compute-cluster").inputs;
                expect(cluster.name).to.equal(`${stack}-fivestar-payments`);
                expect(cluster.settings).to.deep.equal([{ name: "containerInsights", value: want.insights }]);
                const providers = plan.one("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "compute-cluster").inputs;
                expect(providers.capacityProviders).to.deep.equal(["FARGATE", "FARGATE_SPOT"]);
                expect(providers.defaultCapacityProviderStrategies).to.deep.equal([
                    { base: 2, capacityProvider: "FARGATE", weight: 1 },
                    { base: 0, capacityProvider: "FARGATE_SPOT", weight: 4 },
                ]);
            });

            it("ECR repositories fivestar-internal-pe and fivestar-customer-portal: scan on push, immutable tags, KMS", async () => {
                const repos = (await planOf(stack)).ofType("aws:ecr/repository:Repository");
                // ...and the debug task's tools image (§12.1.2, issue 16), held to the same rules.
                expect(repos.map((r) => r.inputs.name).sort()).to.deep.equal(["fivestar-customer-portal", "fivestar-debug-tools", "fivestar-internal-pe"]);
                for (const r of repos) {
                    expect(r.inputs).to.deep.include({ imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } });
                    expect(r.inputs.encryptionConfigurations).to.deep.equal([{ encryptionType: "KMS", kmsKey: `arn:aws:kms:ap-south-1:${(await planOf(stack)).outputs.accountId.value}:kms-general` }]);
                }
            });

            for (const service of SERVICES) {
                it(`${service}: task family ${stack}-fivestar-${service}, Fargate awsvpc, ${want.cpu} CPU / ${want.memory} MiB, roles from security`, async () => {
                    const plan = await planOf(stack);
                    const task = plan.one(TASK, `compute-${service}`).inputs;
                    expect(task).to.deep.include({
                        family: `${stack}-fivestar-${service}`,
                        networkMode: "awsvpc",
                        requiresCompatibilities: ["FARGATE"],
                        cpu: want.cpu,
                        memory: want.memory,
                    });
                    expect(task.executionRoleArn).to.match(new RegExp(`${stack}-fivestar-ecs-execution$`));
                });

                it(`${service}: container on ${PORTS[service]}, awslogs to /ecs/${stack}-fivestar-${service} (prefix ecs), read-only root, non-root, not privileged`, async () => {
                    const [container] = JSON.parse(String((await planOf(stack)).one(TASK, `compute-${service}`).inputs.containerDefinitions)) as Container[];
                    expect(container.portMappings.map((p) => p.containerPort)).to.deep.equal([PORTS[service]]);
                    expect(container.logConfiguration).to.deep.equal({
                        logDriver: "awslogs",
                        options: { "awslogs-group": `/ecs/${stack}-fivestar-${service}`, "awslogs-region": "ap-south-1", "awslogs-stream-prefix": "ecs" },
                    });
                    expect(container.readonlyRootFilesystem).to.equal(true);
                    expect(container.user).to.match(/^[1-9]\d*$/);
                    expect(container.privileged ?? false).to.equal(false);
                });

                it(`${service}: service ${stack}-${service}-service, ${want.desired} task(s), private app subnets, no public IP, ECS group, circuit breaker with rollback`, async () => {
                    const svc = (await planOf(stack)).one(SERVICE, `compute-${service}`).inputs;
                    expect(svc).to.deep.include({
                        name: `${stack}-${service}-service`,
                        desiredCount: want.desired,
                        enableExecuteCommand: false,
                        deploymentCircuitBreaker: { enable: true, rollback: true },
                        networkConfiguration: { assignPublicIp: false, securityGroups: ["security-groups-ecs-id"], subnets: ["network-app-a-id", "network-app-b-id"] },
                    });
                    expect(svc.cluster).to.match(new RegExp(`cluster/${stack}-fivestar-payments$`));
                    expect(svc.taskDefinition).to.match(new RegExp(`task-definition/${stack}-fivestar-${service}:\\d+$`));
                });
            }

            it(`internal-pe: §5.2.1 environment, database secret and health check`, async () => {
                const [container] = JSON.parse(String((await planOf(stack)).one(TASK, "compute-internal-pe").inputs.containerDefinitions)) as Container[];
                expect(container.environment).to.deep.include({ name: "ASPNETCORE_ENVIRONMENT", value: want.aspnet });
                // §4.1 LOG_LEVEL DEBUG / INFO / WARN in .NET's names
                expect(container.environment).to.deep.include({ name: "Logging__LogLevel__Default", value: want.logLevel });
                expect(container.secrets).to.deep.equal([{ name: "DATABASE_CONNECTION_STRING", valueFrom: `arn:aws:secretsmanager:ap-south-1:${(await planOf(stack)).outputs.accountId.value}:fivestar/payments/${stack}/database` }]);
                expect(container.healthCheck).to.deep.equal({ command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 60 });
                for (const e of container.environment ?? []) expect(e.name, "no secret in the environment").to.not.match(/PASSWORD|SECRET|CONNECTION_STRING/);
            });

            it(`ALB ${stack}-internal-pe-alb: internet-facing in the public subnets, ALB group, hardened, access logs on`, async () => {
                const plan = await planOf(stack);
                const alb = plan.one("aws:lb/loadBalancer:LoadBalancer", "compute-alb").inputs;
                expect(alb).to.deep.include({
                    name: `${stack}-internal-pe-alb`,
                    internal: false,
                    loadBalancerType: "application",
                    subnets: ["network-public-a-id", "network-public-b-id"],
                    securityGroups: ["security-groups-alb-id"],
                    dropInvalidHeaderFields: true,
                    desyncMitigationMode: "strictest",
                    enableDeletionProtection: isProd,
                });
                expect(alb.accessLogs).to.deep.include({ enabled: true });
                expect(plan.outputs.albDnsName.value).to.equal(`${stack}-internal-pe-alb.ap-south-1.elb.amazonaws.com`);
            });

            it("listener 443 HTTPS with a TLS 1.2+ policy; listener 80 only redirects to HTTPS with 301", async () => {
                const plan = await planOf(stack);
                const https = plan.one("aws:lb/listener:Listener", "compute-alb-https").inputs;
                expect(https).to.include({ port: 443, protocol: "HTTPS" });
                expect(String(https.sslPolicy)).to.match(/^ELBSecurityPolicy-TLS13-1-2-/);
                expect(String(https.certificateArn)).to.match(new RegExp(`^arn:aws:acm:ap-south-1:${plan.outputs.accountId.value}:certificate/`));
                const http = plan.one("aws:lb/listener:Listener", "compute-alb-http").inputs;
                expect(http).to.include({ port: 80, protocol: "HTTP" });
                expect(http.defaultActions).to.deep.equal([{ type: "redirect", redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" } }]);
            });

            it("target groups of type ip; internal-pe checked on /health", async () => {
                const groups = (await planOf(stack)).ofType("aws:lb/targetGroup:TargetGroup");
                expect(groups).to.have.length(2);
                for (const g of groups) expect(g.inputs.targetType).to.equal("ip");
                const pe = groups.find((g) => g.name === "internal-pe-tg")!;
                expect(pe.inputs).to.include({ port: 8080 });
                expect(pe.inputs.healthCheck).to.deep.include({ path: "/health" });
            });

            it(stack === "dev" ? "no WAF on the ALB (dev saves cost)" : "the guardrails' WAF web ACL is attached to the ALB", async () => {
                const plan = await planOf(stack);
                const associations = plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation");
                expect(associations).to.have.length(stack === "dev" ? 0 : 1);
            });

            it(isProd ? "autoscaling min 2 max 10 with target tracking on CPU and memory (§4.1.3)" : "no target-tracking autoscaling", async () => {
                const plan = await planOf(stack);
                const targets = plan.ofType("aws:appautoscaling/target:Target").filter((t) => String(t.inputs.resourceId).endsWith("internal-pe-service"));
                const policies = plan.ofType("aws:appautoscaling/policy:Policy");
                if (!isProd) {
                    expect(policies).to.deep.equal([]);
                    return;
                }
                expect(targets[0].inputs).to.include({ minCapacity: 2, maxCapacity: 10, scalableDimension: "ecs:service:DesiredCount" });
                const metrics = policies.filter((p) => p.name.startsWith("compute-internal-pe")).map((p) =>
                    (p.inputs.targetTrackingScalingPolicyConfiguration as { predefinedMetricSpecification: { predefinedMetricType: string } }).predefinedMetricSpecification.predefinedMetricType);
                expect(metrics.sort()).to.deep.equal(["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"]);
            });

            it(stack === "dev" ? "after-hours shutdown: services to 0 and the database stopped in the evening, back in the morning (IST)" : "no after-hours shutdown", async () => {
                const plan = await planOf(stack);
                const actions = plan.ofType("aws:appautoscaling/scheduledAction:ScheduledAction");
                const schedules = plan.ofType("aws:scheduler/schedule:Schedule").filter((s) => String(s.inputs.name).includes("after-hours"));
                if (stack !== "dev") {
                    expect([...actions, ...schedules]).to.deep.equal([]);
                    return;
                }
                expect(actions).to.have.length(4);
                for (const a of actions) expect(a.inputs.timezone).to.equal("Asia/Kolkata");
                const stops = actions.filter((a) => a.name.endsWith("-stop"));
                for (const s of stops) expect(s.inputs.scalableTargetAction).to.deep.equal({ minCapacity: 0, maxCapacity: 0 });
                expect(schedules.map((s) => (s.inputs.target as { arn: string }).arn).sort()).to.deep.equal([
                    "arn:aws:scheduler:::aws-sdk:rds:startDBInstance",
                    "arn:aws:scheduler:::aws-sdk:rds:stopDBInstance",
                ]);
                const policy = JSON.parse(String(plan.one("aws:iam/rolePolicy:RolePolicy", "compute-after-hours-scheduler").inputs.policy));
                expect(policy.Statement).to.have.length(1);
                expect(policy.Statement[0].Action.sort()).to.deep.equal(["rds:StartDBInstance", "rds:StopDBInstance"]);
                expect(policy.Statement[0].Resource).to.equal("arn:aws:rds:ap-south-1:123456789012:db:dev-fivestar-payments-db");
            });

            it("exports what validation and rollback need", async () => {
                const { outputs } = await planOf(stack);
                expect(outputs.clusterName.value).to.equal(`${stack}-fivestar-payments`);
                expect(outputs.serviceNames.value).to.deep.equal({ "internal-pe": `${stack}-internal-pe-service`, "customer-portal": `${stack}-customer-portal-service` });
                expect(outputs.taskDefinitionFamilies.value).to.deep.equal({ "internal-pe": `${stack}-fivestar-internal-pe`, "customer-portal": `${stack}-fivestar-customer-portal` });
                expect(outputs.dbInstanceIdentifier.value).to.equal(`${stack}-fivestar-payments-db`);
                // §11 health routes from the stack file's host names: the committed workflows pass no host flag.
                const domain = `${stack === "prod" ? "" : `${stack}.`}fivestar-payments.example`;
                expect(outputs.healthRoutes.value).to.deep.equal([
                    { service: "internal-pe", host: `payments.${domain}`, path: "/health" },
                    { service: "customer-portal", host: `portal.${domain}`, path: "/" },
                ]);
                for (const o of Object.values(outputs)) expect(o.secret).to.equal(false);
            });
        });
    }
});

describe("whole program: alarms per stack (§12.2.1)", () => {
    const MAX_CONNECTIONS = { dev: 200, staging: 500, prod: 1500 } as const;
    for (const stack of STACKS) {
        it(`${stack}: CPU > 80% for 5 min and memory > 85% for 3 min per service; DB connections > 80% of ${MAX_CONNECTIONS[stack]} per instance; all to the topic`, async () => {
            const plan = await planOf(stack);
            const alarms = plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
            const topic = `arn:aws:sns:ap-south-1:${plan.outputs.accountId.value}:${stack}-fivestar-payments-alerts`;
            for (const a of alarms) {
                expect(a.inputs.alarmActions, a.name).to.deep.equal([topic]);
            }
            for (const service of SERVICES) {
                const cpu = plan.one("aws:cloudwatch/metricAlarm:MetricAlarm", `alarms-${service}-cpu`).inputs;
                expect(cpu).to.deep.include({ namespace: "AWS/ECS", metricName: "CPUUtilization", threshold: 80, period: 60, evaluationPeriods: 5 });
                expect(cpu.dimensions).to.deep.equal({ ClusterName: `${stack}-fivestar-payments`, ServiceName: `${stack}-${service}-service` });
                const memory = plan.one("aws:cloudwatch/metricAlarm:MetricAlarm", `alarms-${service}-memory`).inputs;
                expect(memory).to.deep.include({ namespace: "AWS/ECS", metricName: "MemoryUtilization", threshold: 85, period: 60, evaluationPeriods: 3 });
            }
            const connections = alarms.filter((a) => a.inputs.metricName === "DatabaseConnections");
            expect(connections).to.have.length(stack === "prod" ? 3 : 1);
            for (const c of connections) expect(c.inputs.threshold).to.equal(MAX_CONNECTIONS[stack] * 0.8);
        });
    }
});
