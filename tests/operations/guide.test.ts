/**
 * Issue 16 against the guide, per stack, on the real plans: §2.2.3 MFA, §2.2.2 weekly cleanup,
 * §2.2.1 resource limits, §4.1 settings in both containers, §12.1.2 debug task, and the mock LMS.
 */
import { expect } from "chai";
import { route } from "../../operations/mockLmsHandler";
import { transpiledSource } from "../../operations/lambdaCode";
import { PASSWORD_POLICY } from "../../security/mfaPolicies";
import { debugRunTaskCommand } from "../../automation/debugTask";
import { usageLimitAlarms } from "../../monitoring/usageLimitPlan";
import { planOf, STACKS } from "../support/plans";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
type Env = { name: string; value: string }[];
const envOf = (defs: unknown, container: string): Record<string, string> => {
    const list = (JSON.parse(String(defs)) as { name: string; environment: Env }[]).find((c) => c.name === container)?.environment ?? [];
    return Object.fromEntries(list.map((e) => [e.name, e.value]));
};

/** §4.1: Debug, LogLevel and External Integrations per environment. */
const GUIDE = {
    dev: { debug: "true", dotnet: "Debug", nginx: "debug", razorpay: "sandbox", juspay: "testing", lms: "mock" },
    staging: { debug: "false", dotnet: "Information", nginx: "info", razorpay: "sandbox", juspay: "testing", lms: "staging" },
    prod: { debug: "false", dotnet: "Warning", nginx: "warn", razorpay: "production", juspay: "production", lms: "production" },
} as const;

describe("issue 16 on the real plans", function () {
    this.timeout(0);
    for (const stack of STACKS as readonly ("dev" | "staging" | "prod")[]) {
        describe(stack, () => {
            it("§2.2.3: the account password policy (14+ characters, all classes, 24 remembered) and the deny-unless-MFA group", async () => {
                const plan = await planOf(stack);
                const policies = plan.ofType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy");
                expect(policies).to.have.length(1);
                expect(policies[0].inputs).to.include({ ...PASSWORD_POLICY });
                expect(PASSWORD_POLICY).to.include({ minimumPasswordLength: 14, passwordReusePrevention: 24, requireSymbols: true });
                const policy = JSON.parse(String(plan.ofType("aws:iam/policy:Policy").find((p) => p.inputs.name === "fivestar-require-mfa")?.inputs.policy));
                const deny = policy.Statement.find((s: { Effect: string }) => s.Effect === "Deny");
                expect(deny.Condition).to.deep.equal({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } });
                expect(plan.ofType("aws:iam/group:Group").map((g) => g.inputs.name)).to.deep.equal(["fivestar-human-users"]);
                expect(plan.ofType("aws:iam/groupPolicyAttachment:GroupPolicyAttachment")).to.have.length(1);
            });

            it(`§2.2.2: the weekly cleanup ${stack === "staging" ? "runs weekly (Sunday 03:00 IST)" : "is absent"}`, async () => {
                const schedules = (await planOf(stack)).ofType("aws:scheduler/schedule:Schedule").filter((s) => String(s.inputs.name).includes("weekly-cleanup"));
                const functions = (await planOf(stack)).ofType("aws:lambda/function:Function").filter((f) => String(f.inputs.name).includes("weekly-cleanup"));
                if (stack !== "staging") {
                    expect(schedules).to.deep.equal([]);
                    expect(functions).to.deep.equal([]);
                    return;
                }
                expect(schedules.map((s) => [s.inputs.scheduleExpression, s.inputs.scheduleExpressionTimezone])).to.deep.equal([["cron(0 3 ? * SUN *)", "Asia/Kolkata"]]);
                expect(functions.map((f) => f.inputs.name)).to.deep.equal(["staging-fivestar-weekly-cleanup"]);
            });

            it(`§2.2.1: resource limit guards ${stack === "dev" ? "EC2 50 instances (100 vCPUs), RDS 10, Lambda 1000, to the alert topic" : "are absent"}`, async () => {
                const alarms = (await planOf(stack)).ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => String(a.inputs.name).includes("usage-limit"));
                if (stack !== "dev") {
                    expect(alarms).to.deep.equal([]);
                    return;
                }
                const byName = Object.fromEntries(alarms.map((a) => [String(a.inputs.name), a.inputs]));
                expect(byName["dev-fivestar-usage-limit-ec2-vcpus"]).to.include({ namespace: "AWS/Usage", metricName: "ResourceCount", threshold: 100 });
                expect(byName["dev-fivestar-usage-limit-rds-instances"]).to.include({ namespace: "AWS/Usage", metricName: "ResourceCount", threshold: 10 });
                expect(byName["dev-fivestar-usage-limit-lambda-concurrency"]).to.include({ namespace: "AWS/Lambda", metricName: "ConcurrentExecutions", threshold: 1000 });
                for (const a of alarms) expect(a.inputs.alarmActions, String(a.inputs.name)).to.deep.equal(["arn:aws:sns:ap-south-1:123456789012:dev-fivestar-payments-alerts"]);
            });

            it("§4.1: Debug, LogLevel and the integration environments reach both containers", async () => {
                const plan = await planOf(stack);
                const g = GUIDE[stack];
                const task = (family: string) => plan.ofType("aws:ecs/taskDefinition:TaskDefinition").find((t) => t.inputs.family === family)?.inputs.containerDefinitions;
                const pe = envOf(task(`${stack}-fivestar-internal-pe`), "internal-pe");
                const portal = envOf(task(`${stack}-fivestar-customer-portal`), "customer-portal");
                expect(pe).to.include({ ASPNETCORE_DETAILEDERRORS: g.debug, App__Debug: g.debug, Logging__LogLevel__Default: g.dotnet,
                    Integrations__RazorPay__Environment: g.razorpay, Integrations__JusPay__Environment: g.juspay, Integrations__Lms__Environment: g.lms });
                expect(portal).to.include({ APP_DEBUG: g.debug, NGINX_ERROR_LOG_LEVEL: g.nginx, APP_RAZORPAY_ENVIRONMENT: g.razorpay, APP_JUSPAY_ENVIRONMENT: g.juspay, APP_LMS_ENVIRONMENT: g.lms });
                expect(pe.Integrations__Lms__Endpoint).to.match(stack === "dev" ? /^https:\/\/.+\.lambda-url\.ap-south-1\.on\.aws$/ : /^unset$/);
            });

            it(`§4.1.1: ${stack === "dev" ? "a mock LMS with a public URL, capped at 5 concurrent executions" : "no mock LMS"}`, async () => {
                const plan = await planOf(stack);
                const mock = plan.ofType("aws:lambda/function:Function").filter((f) => String(f.inputs.name).includes("mock-lms"));
                expect(mock.map((f) => f.inputs.reservedConcurrentExecutions)).to.deep.equal(stack === "dev" ? [5] : []);
                const lms = plan.ofType("aws:ssm/parameter:Parameter").find((p) => p.inputs.name === `/fivestar/payments/${stack}/integrations/lms_endpoint`);
                expect(String(lms?.inputs.value)).to.match(stack === "dev" ? /lambda-url/ : /^unset$/);
            });

            it("§12.1.2: <env>-fivestar-debug-task with psql/curl/dig tools, no secrets, its own log group, a role that reads only the database secret", async () => {
                const plan = await planOf(stack);
                const td = plan.ofType("aws:ecs/taskDefinition:TaskDefinition").find((t) => t.inputs.family === `${stack}-fivestar-debug-task`);
                expect(td, "debug task").to.not.equal(undefined);
                const [c] = JSON.parse(String(td?.inputs.containerDefinitions));
                expect(c.secrets).to.deep.equal([]);
                expect(c.image).to.match(/\/fivestar-debug-tools:1$/);
                expect(c.logConfiguration.options["awslogs-group"]).to.equal(`/ecs/${stack}-fivestar-debug-task`);
                expect(c.command.join(" ")).to.match(/dig/).and.to.match(/pg_isready/).and.to.match(/curl/);
                expect(c.readonlyRootFilesystem).to.equal(true);
                const rolePolicy = JSON.parse(String(plan.ofType("aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "debug-task-task")?.inputs.policy));
                const secretReads = rolePolicy.Statement.filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith("secretsmanager:")));
                expect(secretReads.map((s: { Resource: string }) => s.Resource)).to.deep.equal([`arn:aws:secretsmanager:ap-south-1:${ACCOUNTS[stack]}:fivestar/payments/${stack}/database`]);
            });
        });
    }
});

describe("npm run ops -- debug <stack> (§12.1.2)", () => {
    const outputs = { clusterName: "prod-fivestar-payments", debugTaskFamily: "prod-fivestar-debug-task", appSubnetIds: ["subnet-a", "subnet-b"], ecsSecurityGroupId: "sg-1" };
    it("prints the run-task with the stack's app subnets, ECS security group and family; refuses a stack without them, naming them", () => {
        const cmd = debugRunTaskCommand(outputs, "ap-south-1");
        expect(cmd).to.contain("--cluster 'prod-fivestar-payments'").and.contain("--task-definition 'prod-fivestar-debug-task'");
        expect(cmd).to.contain("subnets=[subnet-a,subnet-b],securityGroups=[sg-1],assignPublicIp=DISABLED");
        expect(cmd).to.contain("--region 'ap-south-1'");
        expect(() => debugRunTaskCommand({ ...outputs, ecsSecurityGroupId: undefined, appSubnetIds: [] }, "ap-south-1")).to.throw(/appSubnetIds, ecsSecurityGroupId/);
    });
});

describe("§2.2.1 usage limit alarms (pure)", () => {
    it("one alarm per set limit, none without", () => {
        expect(usageLimitAlarms("dev", {})).to.deep.equal([]);
        expect(usageLimitAlarms("dev", { rdsInstances: 10 }).map((a) => a.dimensions)).to.deep.equal([{ Service: "RDS", Type: "Resource", Resource: "DBInstances", Class: "None" }]);
    });
});

describe("mock LMS (§4.1.1) and the Lambda code packaging", () => {
    it("answers health, a loan and a payment with fake data; 404 otherwise", () => {
        expect(JSON.parse(route("GET", "/health").body)).to.deep.equal({ status: "ok", mock: true });
        expect(JSON.parse(route("GET", "/loans/L-1").body)).to.include({ loanAccountId: "L-1", mock: true });
        expect(route("POST", "/loans/L-1/payments").statusCode).to.equal(202);
        expect(route("DELETE", "/loans/L-1").statusCode).to.equal(404);
    });
    it("ships the reviewed source, transpiled to CommonJS (no closure serialization)", () => {
        const js = transpiledSource("cleanupHandler.ts");
        expect(js).to.contain("require(\"./cleanupRules\")").and.contain("exports.handler");
    });
});
