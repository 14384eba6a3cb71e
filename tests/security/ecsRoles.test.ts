import { expect } from "chai";
import { Environment } from "../../config/names";
import { EcsRoles } from "../../security/ecsRoles";
import { executionRolePolicy, taskRolePolicy } from "../../security/ecsPolicies";
import { construct, inAccount, valueOf } from "../support/component";
import { ACCOUNTS, ATTACHMENT, POLICY, ROLE, sid } from "./fixtures";

const GENERAL_KEY = "arn:aws:kms:ap-south-1:123456789014:key/general";
const DATABASE_KEY = "arn:aws:kms:ap-south-1:123456789014:key/database";

const ctx = (environment: Environment) => ({ environment, accountId: ACCOUNTS[environment], region: "ap-south-1" });

describe("ECS task role policy (§7.1.1)", () => {
    for (const env of ["dev", "staging", "prod"] as const) {
        it(`${env}: exactly four Allow statements, none on a * resource: the six DynamoDB actions on the two transaction tables and their indexes; secrets, SSM parameters of ${env} only; kms:Decrypt only through Secrets Manager and SSM`, () => {
            const doc = taskRolePolicy(ctx(env), [GENERAL_KEY, DATABASE_KEY]);
            const account = ACCOUNTS[env];
            expect(doc.Statement.map((s) => s.Sid)).to.deep.equal(["TransactionTables", "ReadEnvironmentSecrets", "ReadEnvironmentParameters", "DecryptSecretsAndParameters"]);
            for (const s of doc.Statement) {
                expect(s.Effect).to.equal("Allow");
                expect([s.Resource].flat()).to.not.include("*");
            }
            const tables = sid(doc, "TransactionTables");
            expect(tables.Action).to.have.members(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan"]);
            expect(tables.Resource).to.have.members([
                `arn:aws:dynamodb:ap-south-1:${account}:table/${env}-fivestar-transactions`,
                `arn:aws:dynamodb:ap-south-1:${account}:table/${env}-fivestar-transactions/index/*`,
                `arn:aws:dynamodb:ap-south-1:${account}:table/${env}-fivestar-transaction-queue`,
                `arn:aws:dynamodb:ap-south-1:${account}:table/${env}-fivestar-transaction-queue/index/*`,
            ]);
            expect(sid(doc, "ReadEnvironmentSecrets")).to.deep.include({
                Action: "secretsmanager:GetSecretValue", Resource: `arn:aws:secretsmanager:ap-south-1:${account}:secret:fivestar/payments/${env}/*`,
            });
            const parameters = sid(doc, "ReadEnvironmentParameters");
            expect(parameters.Action).to.have.members(["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]);
            expect(parameters.Resource).to.equal(`arn:aws:ssm:ap-south-1:${account}:parameter/fivestar/payments/${env}/*`);
            expect(sid(doc, "DecryptSecretsAndParameters")).to.deep.include({
                Action: "kms:Decrypt", Resource: [GENERAL_KEY, DATABASE_KEY],
                Condition: { StringEquals: { "kms:ViaService": ["secretsmanager.ap-south-1.amazonaws.com", "ssm.ap-south-1.amazonaws.com"] } },
            });
        });
    }
});

describe("ECS execution role policy (§3.2.2)", () => {
    for (const env of ["dev", "staging", "prod"] as const) {
        it(`${env}: GetSecretValue on fivestar/payments/${env}/* (not every environment's), GetParameters on its parameters, kms:Decrypt via those services`, () => {
            const doc = executionRolePolicy(ctx(env), [GENERAL_KEY, DATABASE_KEY]);
            const account = ACCOUNTS[env];
            expect(sid(doc, "ReadEnvironmentSecrets")).to.deep.include({
                Action: "secretsmanager:GetSecretValue", Resource: `arn:aws:secretsmanager:ap-south-1:${account}:secret:fivestar/payments/${env}/*`,
            });
            expect(sid(doc, "ReadEnvironmentParameters")).to.deep.include({
                Action: "ssm:GetParameters", Resource: `arn:aws:ssm:ap-south-1:${account}:parameter/fivestar/payments/${env}/*`,
            });
            expect(sid(doc, "DecryptSecretsAndParameters").Resource).to.deep.equal([GENERAL_KEY, DATABASE_KEY]);
            expect(doc.Statement).to.have.length(3);
            expect(JSON.stringify(doc)).to.not.include("dynamodb");
        });
    }
});

describe("EcsRoles component (§3.2.2, §7.1.1)", () => {
    async function build(environment: Environment) {
        return construct(() => new EcsRoles("ecs-roles", {
            environment, accountId: ACCOUNTS[environment], region: "ap-south-1", secretsKmsKeyArn: GENERAL_KEY, databaseKmsKeyArn: DATABASE_KEY,
        }, inAccount()));
    }

    it("execution role: named <env>-fivestar-ecs-execution, trusted by ecs-tasks.amazonaws.com for this account only, AmazonECSTaskExecutionRolePolicy attached and the secrets policy inline", async () => {
        const built = await build("prod");
        const role = built.one(ROLE, "ecs-roles-execution");
        expect(role.inputs.name).to.equal("prod-fivestar-ecs-execution");
        expect(JSON.parse(String(role.inputs.assumeRolePolicy))).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "123456789014" } } }],
        });
        const attachment = built.one(ATTACHMENT, "ecs-roles-execution-managed");
        expect(attachment.inputs).to.include({ role: "prod-fivestar-ecs-execution", policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" });
        const policy = built.one(POLICY, "ecs-roles-execution-secrets");
        expect(policy.inputs.role).to.equal("prod-fivestar-ecs-execution");
        expect(JSON.parse(String(policy.inputs.policy))).to.deep.equal(executionRolePolicy(ctx("prod"), [GENERAL_KEY, DATABASE_KEY]));
        expect(built.ofType(ATTACHMENT)).to.have.length(1);
    });

    for (const env of ["dev", "staging", "prod"] as const) {
        it(`${env}: task role ${env}-fivestar-ecs-task with the §7.1.1 policy of ${env}, same trust`, async () => {
            const built = await build(env);
            const role = built.one(ROLE, "ecs-roles-task");
            expect(role.inputs.name).to.equal(`${env}-fivestar-ecs-task`);
            expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": ACCOUNTS[env] } });
            const policy = built.one(POLICY, "ecs-roles-task-access");
            expect(policy.inputs.role).to.equal(`${env}-fivestar-ecs-task`);
            expect(JSON.parse(String(policy.inputs.policy))).to.deep.equal(taskRolePolicy(ctx(env), [GENERAL_KEY, DATABASE_KEY]));
        });
    }

    it("exposes role ARNs and names", async () => {
        const c = (await build("dev")).component;
        const [execName, taskName, execArn, taskArn] = await Promise.all([c.executionRoleName, c.taskRoleName, c.executionRoleArn, c.taskRoleArn].map((o) => valueOf(o)));
        expect([execName, taskName, ...[execArn, taskArn].map((arn) => /dev-fivestar-ecs-\w+$/.exec(arn)?.[0])])
            .to.deep.equal(["dev-fivestar-ecs-execution", "dev-fivestar-ecs-task", "dev-fivestar-ecs-execution", "dev-fivestar-ecs-task"]);
    });
});
