/**
 * The offline plan's checks (issue 13): auto-naming as the provider does it, and happens-before over
 * roles and secrets. Each runs over the whole plan of every stack, and each is fed deliberately broken
 * plans to show it fails and says what is wrong by type and name.
 */
import { expect } from "chai";
import type { RegisteredResource } from "../../lib/planRecord";
import { checkAutoNaming, providerAutoName } from "../../tools/offline/checks/autoNaming";
import { checkHappensBefore } from "../../tools/offline/checks/happensBefore";
import { checkPlan, renderCheckReport } from "../../tools/offline/checks";
import { NAMING_RULES } from "../../tools/offline/checks/namingRules";
import { planOf, STACKS } from "../support/plans";
import { blankRecord } from "../support/records";

const PARENT = "urn:pulumi:dev::fivestar-payments::fivestar:compute:PublicLoadBalancer::compute-alb";
const urn = (type: string, name: string) => `${PARENT}$${type}::${name}`;
function resource(type: string, name: string, extra: Partial<RegisteredResource> = {}): RegisteredResource {
    return { ...blankRecord(urn(type, name), type, name), parent: PARENT, ...extra };
}
const plan = (...resources: RegisteredResource[]) => ({ resources });

const TG = "aws:lb/targetGroup:TargetGroup";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

describe("offline plan checks over every stack (issue 13)", () => {
    for (const stack of STACKS) {
        it(`${stack}: every auto-name and given name fits the provider's and AWS's limits, and every type has a naming rule`, async () => {
            const findings = checkAutoNaming((await planOf(stack)).evaluated);
            expect(findings, renderCheckReport(findings)).to.deep.equal([]);
        });
        it(`${stack}: every consumer of a role waits for all its policies, every consumer of a secret for its versions`, async () => {
            const findings = checkHappensBefore((await planOf(stack)).evaluated);
            expect(findings, renderCheckReport(findings)).to.deep.equal([]);
        });
    }
});

describe("auto-naming check: fails on what the provider or AWS would refuse", () => {
    it("today's target group: unnamed, logical name compute-alb-customer-portal, auto-name 35 characters > 32", () => {
        const findings = checkAutoNaming(plan(resource(TG, "compute-alb-customer-portal", { inputs: { port: 8443 } })));
        expect(findings).to.have.length(1);
        expect(findings[0]).to.include({ check: "auto-naming", type: TG, name: "compute-alb-customer-portal" });
        expect(findings[0].message).to.include('"compute-alb-customer-portal-xxxxxxx" (35 characters').and.include("AWS allows 32");
        expect(renderCheckReport(findings)).to.include(`${TG} "compute-alb-customer-portal"`);
    });

    it("the renamed target groups fit: <service>-tg plus 8 characters", () => {
        expect(checkAutoNaming(plan(resource(TG, "customer-portal-tg"), resource(TG, "internal-pe-tg")))).to.deep.equal([]);
        const rule = NAMING_RULES[TG];
        if (rule.kind !== "named" || !rule.autoName) throw new Error("target groups are auto-named");
        expect(providerAutoName("customer-portal-tg", rule.autoName)).to.equal("customer-portal-tg-xxxxxxx");
    });

    it("a given name longer than AWS allows (a 33-character load balancer name)", () => {
        const findings = checkAutoNaming(plan(resource("aws:lb/loadBalancer:LoadBalancer", "alb", { inputs: { name: "a".repeat(33) } })));
        expect(findings.map((f) => f.message)).to.deep.equal([`name "${"a".repeat(33)}" is 33 characters; AWS allows 32 (AWS API Reference ELBv2 CreateLoadBalancer: Name up to 32)`]);
    });

    it("a name prefix longer than the provider allows (target group namePrefix over 6)", () => {
        expect(checkAutoNaming(plan(resource(TG, "tg", { inputs: { namePrefix: "portal" } })))).to.deep.equal([]);
        const findings = checkAutoNaming(plan(resource(TG, "tg", { inputs: { namePrefix: "portal-" } })));
        expect(findings[0].message).to.include('namePrefix "portal-" is 7 characters; at most 6');
    });

    it("the provider's own maximum when it is below AWS's (SNS topics: 80 generated, 256 given)", () => {
        const long = "t".repeat(73);
        const findings = checkAutoNaming(plan(resource("aws:sns/topic:Topic", long)));
        expect(findings[0].message).to.include("81 characters").and.include("the provider allows 80");
        expect(checkAutoNaming(plan(resource("aws:sns/topic:Topic", long, { inputs: { name: "n".repeat(256) } })))).to.deep.equal([]);
    });

    it("a type the provider never auto-names, left unnamed (a task definition without a family)", () => {
        const findings = checkAutoNaming(plan(resource(TASK_DEFINITION, "td")));
        expect(findings[0].message).to.include("no family: the provider does not auto-name aws:ecs/taskDefinition:TaskDefinition");
    });

    it("a type with no naming rule fails once, naming the type and the data file to extend", () => {
        const type = "aws:lambda/eventSourceMapping:EventSourceMapping";
        const findings = checkAutoNaming(plan(resource(type, "a"), resource(type, "b")));
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.include(`no naming rule for type ${type}`).and.include("tools/offline/checks/namingRules.ts");
    });

    it("providers and components are not named resources", () => {
        expect(checkAutoNaming(plan(
            resource("pulumi:providers:aws", "deployment-account"),
            { ...resource("fivestar:compute:PublicLoadBalancer", "compute-alb"), custom: false },
        ))).to.deep.equal([]);
    });

    it("every rule states its sources and sane limits", () => {
        for (const [type, rule] of Object.entries(NAMING_RULES)) {
            expect(rule.kind === "named" ? rule.awsSource : rule.source, type).to.match(/\S/);
            if (rule.kind !== "named") continue;
            expect(rule.awsMaxLength, type).to.be.greaterThan(0);
            if (rule.autoName) {
                expect(rule.autoName.source, type).to.include("pulumi/pulumi-aws");
                expect(rule.autoName.randomLength, type).to.equal(7);
            }
            if (rule.prefix) expect(rule.prefix.maxLength, type).to.equal(rule.awsMaxLength - 26);
        }
    });
});

describe("happens-before check: fails when a consumer does not wait", () => {
    const role = resource(ROLE, "ecs-roles-execution");
    const policy = resource(ROLE_POLICY, "ecs-roles-execution-secrets", { propertyDependencies: { role: [role.urn], policy: [] }, dependencies: [role.urn] });
    const attachment = resource(ATTACHMENT, "ecs-roles-execution-managed", { propertyDependencies: { role: [role.urn] }, dependencies: [role.urn] });
    const taskDefinition = (dependencies: string[]) => resource(TASK_DEFINITION, "compute-internal-pe", {
        inputs: { family: "dev-fivestar-internal-pe" }, propertyDependencies: { executionRoleArn: [role.urn] }, dependencies,
    });

    it("today's task definition: takes the execution role but waits only for the role itself", () => {
        const findings = checkHappensBefore(plan(role, policy, attachment, taskDefinition([role.urn])));
        expect(findings).to.have.length(1);
        expect(findings[0]).to.include({ check: "happens-before", type: TASK_DEFINITION, name: "compute-internal-pe" });
        expect(findings[0].message).to.include(`uses ${ROLE} "ecs-roles-execution" (input executionRoleArn)`)
            .and.include(`${ROLE_POLICY} "ecs-roles-execution-secrets"`).and.include(`${ATTACHMENT} "ecs-roles-execution-managed"`);
    });

    it("one policy missing is enough to fail", () => {
        const findings = checkHappensBefore(plan(role, policy, attachment, taskDefinition([role.urn, policy.urn])));
        expect(findings[0].message).to.include("ecs-roles-execution-managed").and.not.include("ecs-roles-execution-secrets");
    });

    it("waiting directly or through another resource passes", () => {
        expect(checkHappensBefore(plan(role, policy, attachment, taskDefinition([role.urn, policy.urn, attachment.urn])))).to.deep.equal([]);
        const gate = resource("aws:ecs/cluster:Cluster", "gate", { dependencies: [policy.urn, attachment.urn] });
        expect(checkHappensBefore(plan(role, policy, attachment, gate, taskDefinition([role.urn, gate.urn])))).to.deep.equal([]);
    });

    it("a reference inside a policy document grants access and is not a use", () => {
        const other = resource(ROLE_POLICY, "other-role-policy", { propertyDependencies: { policy: [role.urn] }, dependencies: [role.urn] });
        expect(checkHappensBefore(plan(role, policy, attachment, other))).to.deep.equal([]);
    });

    const secret = resource(SECRET, "app-secrets-database");
    const version = resource(VERSION, "database-connection-secret", { propertyDependencies: { secretId: [secret.urn], secretString: [] }, dependencies: [secret.urn] });
    it("today's secret reader: a task definition whose container definitions name the secret, waiting only for the secret", () => {
        const reader = resource(TASK_DEFINITION, "compute-internal-pe", { propertyDependencies: { containerDefinitions: [secret.urn] }, dependencies: [secret.urn] });
        const findings = checkHappensBefore(plan(secret, version, reader));
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.include(`uses ${SECRET} "app-secrets-database" (input containerDefinitions)`)
            .and.include(`its versions: ${VERSION} "database-connection-secret"`);
        const fixed = { ...reader, dependencies: [secret.urn, version.urn] };
        expect(checkHappensBefore(plan(secret, version, fixed))).to.deep.equal([]);
    });

    it("checkPlan runs both checks", () => {
        const findings = checkPlan(plan(role, policy, attachment, taskDefinition([role.urn]), resource(TG, "compute-alb-customer-portal")));
        expect(findings.map((f) => `${f.check} ${f.name}`).sort()).to.deep.equal(["auto-naming compute-alb-customer-portal", "happens-before compute-internal-pe"]);
    });
});
