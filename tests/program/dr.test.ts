/**
 * Issue 17: the whole program as the `prod-dr` stack, in standby (its committed stack file) and active
 * (config overrides, as `npm run plan -- prod-dr --set ...` runs it). Each check is a pure function over a
 * plan, run on the real plans and proven able to fail on a plan that breaks it (prod's own plan, or an
 * edited copy of prod-dr's).
 */
import { expect } from "chai";
import * as path from "path";
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { nameCollisions, regionOf } from "../../tools/safety/accountNames";
import { compareIdentity, isUnchanged, staleMessage } from "../../tools/safety/identity";
import { readSnapshot, snapshotPath } from "../../tools/safety/snapshotFiles";
import { PACK_ENFORCEMENT, POLICIES } from "../../policy/pack";
import { formatViolations, runPack } from "../policy/support/engine";
import { stackPackConfig } from "../policy/support/packConfig";
import { planOf, runPlan } from "../support/plans";
import { copyOf } from "../safety/fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const DR_STACK = "prod-dr";
const REGION = "ap-south-2";
const ACCOUNT = "123456789014";
const BACKUPS_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:auto-backup:ab-0123456789abcdefghijklmnopqrstuvwxyz0123`;
/** The documented switch to active (docs/decisions.md, issue 17). */
const ACTIVE = { drMode: "active", drRestoreTime: "latest", drRestoreSourceBackupsArn: BACKUPS_ARN } as const;
const INSTANCE = "aws:rds/instance:Instance";

async function drPlan(mode: "standby" | "active"): Promise<EvaluatedStack> {
    const result = await runPlan(DR_STACK, mode === "active" ? { ...ACTIVE } : {});
    if ("error" in result) throw new Error(`${DR_STACK} (${mode}) did not plan: ${result.error}`);
    return result;
}

const custom = (plan: EvaluatedStack) => plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
const ofType = (plan: EvaluatedStack, type: string) => plan.resources.filter((r) => r.type === type);

/** Every AWS provider in the recovery region and account, assuming that account's role; every AWS resource on one of them. */
export function providerProblems(plan: EvaluatedStack): string[] {
    const providers = ofType(plan, "pulumi:providers:aws");
    const problems = providers.flatMap((p) => {
        const found: string[] = [];
        if (p.inputs.region !== REGION) found.push(`provider ${p.name}: region ${String(p.inputs.region)}`);
        if (String(p.inputs.allowedAccountIds) !== JSON.stringify([ACCOUNT])) found.push(`provider ${p.name}: allowedAccountIds ${String(p.inputs.allowedAccountIds)}`);
        const roles = JSON.parse(String(p.inputs.assumeRoles ?? "[]")) as { roleArn: string }[];
        if (roles.length !== 1 || !roles[0].roleArn.startsWith(`arn:aws:iam::${ACCOUNT}:role/`)) found.push(`provider ${p.name}: assumeRoles ${String(p.inputs.assumeRoles)}`);
        return found;
    });
    const urns = new Set(providers.map((p) => p.urn));
    problems.push(...custom(plan).filter((r) => r.type.startsWith("aws:") && !urns.has(r.provider)).map((r) => `${r.type} ${r.name}: not on an AWS provider of the plan`));
    return problems;
}

/** Every KMS key or alias the plan creates, and every KMS key ARN or alias any input names, is in the recovery region. */
export function kmsRegionProblems(plan: EvaluatedStack): string[] {
    const problems = custom(plan).filter((r) => r.type.startsWith("aws:kms/") && regionOf(plan, r) !== REGION)
        .map((r) => `${r.type} ${r.name}: created in ${regionOf(plan, r)}`);
    const walk = (r: RegisteredResource, value: unknown, at: string): void => {
        if (typeof value === "string") {
            for (const arn of value.match(/arn:aws:kms:[a-z0-9-]*:/g) ?? []) if (arn !== `arn:aws:kms:${REGION}:`) problems.push(`${r.type} ${r.name} ${at}: ${arn}`);
            // JSON documents (policies, container definitions) hold ARNs too.
            if (value.startsWith("{") || value.startsWith("[")) {
                try {
                    walk(r, JSON.parse(value), at);
                } catch {
                    // not JSON: the ARN scan above covered it
                }
            }
        } else if (Array.isArray(value)) value.forEach((v, i) => walk(r, v, `${at}[${i}]`));
        else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => walk(r, v, at ? `${at}.${k}` : k));
    };
    for (const r of custom(plan)) walk(r, r.inputs, "");
    return [...new Set(problems)];
}

/** The primary's tables and secrets are used, never created: no table or secret resource, and the roles reach the primary's names here. */
export function adoptionProblems(plan: EvaluatedStack): string[] {
    const problems = custom(plan).filter((r) => ["aws:dynamodb/table:Table", "aws:secretsmanager/secret:Secret", "aws:dynamodb/globalTable:GlobalTable"].includes(r.type))
        .map((r) => `${r.type} ${r.name} is created by this stack`);
    const task = plan.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "ecs-roles-task-access");
    const policy = String(task?.inputs.policy ?? "");
    for (const table of ["prod-fivestar-transactions", "prod-fivestar-transaction-queue"]) {
        if (!policy.includes(`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table}"`)) problems.push(`the task role does not reach table ${table} in ${REGION}`);
    }
    if (!policy.includes(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:fivestar/payments/prod/*`)) problems.push(`the task role does not read prod's secrets in ${REGION}`);
    return problems;
}

/** Active: the primary is restored from the replicated backups with the stack's own network, group, key; standby: no database at all. */
export function databaseProblems(plan: EvaluatedStack, mode: "standby" | "active"): string[] {
    const instances = ofType(plan, INSTANCE);
    const rdsOwned = custom(plan).filter((r) => r.type.startsWith("aws:rds/") && r.type !== "aws:rds/subnetGroup:SubnetGroup");
    if (mode === "standby") return rdsOwned.map((r) => `standby creates ${r.type} ${r.name}`);
    const primary = instances.filter((r) => r.inputs.replicateSourceDb === undefined);
    if (primary.length !== 1) return [`expected one primary instance, found ${primary.length}`];
    const p = primary[0].inputs;
    const problems: string[] = [];
    const restore = p.restoreToPointInTime as Record<string, unknown> | undefined;
    if (restore?.sourceDbInstanceAutomatedBackupsArn !== BACKUPS_ARN) problems.push(`primary not restored from ${BACKUPS_ARN}: ${JSON.stringify(restore)}`);
    if (restore?.useLatestRestorableTime !== true) problems.push(`primary not restored to the latest restorable time: ${JSON.stringify(restore)}`);
    for (const k of ["password", "username", "dbName"]) if (p[k] !== undefined && p[k] !== null) problems.push(`a restore sets ${k}`);
    if (p.multiAz !== true) problems.push("primary not Multi-AZ");
    if (p.dbSubnetGroupName !== "prod-fivestar-payments-db-subnets") problems.push(`subnet group ${String(p.dbSubnetGroupName)}`);
    const own = (type: string, name: string) => plan.resources.some((r) => r.type === type && r.name === name);
    if (!own("aws:rds/parameterGroup:ParameterGroup", "database-params")) problems.push("no parameter group of its own");
    if (!String(p.kmsKeyId).startsWith(`arn:aws:kms:${REGION}:`)) problems.push(`key ${String(p.kmsKeyId)}`);
    // RestoreDBInstanceToPointInTime takes no key: the instance keeps the replicated backups' key, so that is what is declared.
    if (!String(p.kmsKeyId).endsWith("key/mock-fivestar-prod-database-backup-replica")) problems.push(`restored on ${String(p.kmsKeyId)}, not the replicated backups' key`);
    if (instances.length - 1 !== 2) problems.push(`${instances.length - 1} read replicas, prod has 2`);
    return problems;
}

describe(`whole program: the ${DR_STACK} stack (issue 17)`, () => {
    let prod: EvaluatedStack;
    let standby: EvaluatedStack;
    let active: EvaluatedStack;
    before(async function () {
        this.timeout(0);
        [prod, standby, active] = await Promise.all([planOf("prod").then((p) => p.evaluated), drPlan("standby"), drPlan("active")]);
    });
    const both = () => [["standby", standby], ["active", active]] as const;

    it("no physical name of either mode collides with prod's plan (IAM, S3, budgets, dashboards account-wide; the rest per region)", () => {
        for (const [mode, plan] of both()) expect(nameCollisions(prod, plan), mode).to.deep.equal([]);
    });

    it("the collision check fails on a clash: prod against itself, and a prod-dr role renamed to prod's", () => {
        expect(nameCollisions(prod, prod)).to.have.length.greaterThan(0);
        const broken = copyOf(standby) as EvaluatedStack;
        const role = broken.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "ecs-roles-task");
        if (!role) throw new Error("no task role");
        (role.inputs as Record<string, unknown>).name = "prod-fivestar-ecs-task";
        expect(nameCollisions(prod, broken)).to.deep.equal([
            'aws:iam/role:Role "prod-fivestar-ecs-task" (account): prod ecs-roles-task and prod-dr ecs-roles-task',
        ]);
    });

    it("every AWS provider is in ap-south-2 and the prod account (allowedAccountIds, assumeRoles), and every AWS resource uses one", () => {
        for (const [mode, plan] of both()) {
            expect(providerProblems(plan), mode).to.deep.equal([]);
            expect(ofType(plan, "pulumi:providers:aws").map((p) => p.name), mode).to.deep.equal(["deployment-account"]);
        }
        // prod's providers are in ap-south-1: the check fails there.
        expect(providerProblems(prod)).to.include("provider deployment-account: region ap-south-1");
    });

    it("no trail, no human-access singletons, no repositories: prod owns them for the account (or ECR replication creates them here)", () => {
        for (const [mode, plan] of both()) {
            const types = new Set(custom(plan).map((r) => r.type));
            for (const t of ["aws:cloudtrail/trail:Trail", "aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "aws:iam/group:Group", "aws:ecr/repository:Repository"]) {
                expect(types.has(t), `${mode} ${t}`).to.equal(false);
            }
        }
        const recorder = standby.resources.find((r) => r.type === "aws:cfg/recorder:Recorder");
        expect((recorder?.inputs.recordingGroup as Record<string, unknown>).includeGlobalResourceTypes).to.equal(false);
    });

    it("active: the database is restored from the replicated backups (own subnet group, parameter group, key, Multi-AZ, 2 replicas); standby: none", () => {
        expect(databaseProblems(active, "active")).to.deep.equal([]);
        expect(databaseProblems(standby, "standby")).to.deep.equal([]);
        expect(ofType(active, INSTANCE).filter((r) => r.inputs.replicateSourceDb !== undefined).map((r) => r.inputs.identifier)).to.deep.equal([
            "prod-fivestar-payments-db-replica-1", "prod-fivestar-payments-db-replica-2",
        ]);
        // Fails on a database created empty (prod) and on a database in standby (the active plan checked as standby).
        expect(databaseProblems(prod, "active")).to.have.length.greaterThan(0);
        expect(databaseProblems(active, "standby")).to.have.length.greaterThan(0);
    });

    it("active: the adopted database secret gets a version pointing at the restored instance, and database_url follows it", () => {
        const version = active.resources.find((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion" && r.name === "database-connection-secret");
        expect(String(version?.inputs.secretId)).to.match(new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:fivestar/payments/prod/database-`));
        expect(version?.secretPaths).to.include("secretString");
        const document = JSON.parse(String(version?.inputs.secretString));
        expect(document).to.include({ host: `prod-fivestar-payments-db.mock.${REGION}.rds.amazonaws.com`, username: "fivestar_app", database: "fivestar_payments" });
        const url = active.resources.find((r) => r.type === "aws:ssm/parameter:Parameter" && r.name === "database-connection-database-url");
        expect(String(url?.inputs.value)).to.include(`prod-fivestar-payments-db.mock.${REGION}.rds.amazonaws.com`);
        expect(standby.resources.filter((r) => r.name.startsWith("database-connection"))).to.deep.equal([]);
    });

    it("tables and secrets are adopted, not created; the roles reach prod's replicas in ap-south-2", () => {
        for (const [mode, plan] of both()) expect(adoptionProblems(plan), mode).to.deep.equal([]);
        expect(adoptionProblems(prod)).to.include.members(["aws:dynamodb/table:Table tables-transactions is created by this stack"]);
    });

    it("every KMS key created or named in either mode is an ap-south-2 key", () => {
        for (const [mode, plan] of both()) expect(kmsRegionProblems(plan), mode).to.deep.equal([]);
        expect(kmsRegionProblems(prod)).to.have.length.greaterThan(0);
    });

    it("services: 0 tasks and no autoscaling in standby; prod's counts with Pulumi owning the desired count in active", () => {
        const services = (plan: EvaluatedStack) => ofType(plan, "aws:ecs/service:Service");
        expect(services(standby).map((s) => s.inputs.desiredCount)).to.deep.equal([0, 0]);
        expect(ofType(standby, "aws:appautoscaling/target:Target")).to.deep.equal([]);
        expect(services(active).map((s) => [s.inputs.desiredCount, s.ignoreChanges])).to.deep.equal([[3, []], [3, []]]);
        expect(ofType(active, "aws:appautoscaling/target:Target").map((t) => [t.inputs.minCapacity, t.inputs.maxCapacity])).to.deep.equal([[2, 10], [2, 10]]);
    });

    it("the policy pack (policy/config/prod-dr.json: prod's, the trail rule advisory) finds no mandatory violation in either mode", async () => {
        for (const [mode, plan] of both()) {
            const violations = await runPack(POLICIES, plan.resources, stackPackConfig(DR_STACK), PACK_ENFORCEMENT);
            expect(violations.map((v) => `${v.level} ${v.policy}`), `${mode}:\n${formatViolations(violations)}`).to.deep.equal(["advisory cloudtrail-1-multi-region-trail"]);
        }
    });

    it(`standby: every URN matches ${snapshotPath(DR_STACK)}`, () => {
        const snapshot = readSnapshot(PROJECT_DIR, DR_STACK);
        if (!snapshot) throw new Error(`no identity snapshot for ${DR_STACK}: run \`npm run snapshot -- --update ${DR_STACK}\``);
        const change = compareIdentity(snapshot, standby.resources);
        if (!isUnchanged(change)) throw new Error(staleMessage(snapshot, change, snapshotPath(DR_STACK)));
    });
});
