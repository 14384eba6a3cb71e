/**
 * Whole program, issue 17 item 1: prod replicates continuously to ap-south-2, in place. Both DynamoDB
 * tables become global tables with a replica there (its own key, PITR, deletion protection), the three
 * secrets get replicas under keys there, ECR replicates our repositories into KMS-encrypted, immutable
 * repositories, and replication lag or a stopped backup replication pages the alert topic. Dev and
 * staging replicate nothing. The replicas check catches a broken plan.
 */
import { expect } from "chai";
import type { RegisteredResource } from "../../lib/planRecord";
import { checkPlan } from "../../tools/offline/checks";
import { checkReplicas } from "../../tools/offline/checks/replicas";
import { Plan, planOf, runPlan, STACKS } from "../support/plans";

const TABLE = "aws:dynamodb/table:Table";
const SECRET = "aws:secretsmanager/secret:Secret";
const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const REPLICATION = "aws:ecr/replicationConfiguration:ReplicationConfiguration";
const TEMPLATE = "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate";
const PROD_ACCOUNT = "123456789014";

/** The region of the provider a resource is created with. */
const regionOf = (plan: Plan, r: RegisteredResource) => String(plan.byUrn(r.provider)?.inputs.region);
/** The key of the plan a (mocked) key ARN input refers to: the engine recorded it as a dependency. */
function keyBehind(plan: Plan, r: RegisteredResource, arn: unknown): RegisteredResource {
    const keys = r.dependencies.map((u) => plan.byUrn(u)).filter((d): d is RegisteredResource => d?.type === KEY && String(arn).endsWith(`:${d.name}`));
    expect(keys, `${r.name}: the key behind ${String(arn)}`).to.have.length(1);
    return keys[0];
}

describe("whole program: prod replicates to ap-south-2 (issue 17)", () => {
    let prod: Plan;
    before(async () => { prod = await planOf("prod"); });

    it("two replica keys in ap-south-2, protected, rotated, under the aliases prod-dr looks them up by", () => {
        for (const purpose of ["general", "database"]) {
            const key = prod.one(KEY, `replica-keys-${purpose}`);
            expect(regionOf(prod, key)).to.equal("ap-south-2");
            expect(key.protect).to.equal(true);
            expect(key.inputs).to.deep.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
            const alias = prod.one(ALIAS, `replica-keys-${purpose}`);
            expect(alias.inputs.name).to.equal(`alias/fivestar/prod/replica-${purpose}`);
            expect(regionOf(prod, alias)).to.equal("ap-south-2");
        }
        // Distinct from every alias in the plan (and from prod-dr's own alias/fivestar/prod/<purpose>).
        const aliases = prod.ofType(ALIAS).map((a) => String(a.inputs.name));
        expect(new Set(aliases).size).to.equal(aliases.length);
    });

    for (const table of ["tables-transactions", "tables-transaction-queue"]) {
        it(`${table}: a global table with one replica in ap-south-2 under the replica key, PITR and deletion protection on, streams on`, () => {
            const t = prod.one(TABLE, table);
            const replicas = t.inputs.replicas as Record<string, unknown>[];
            expect(replicas).to.have.length(1);
            expect(replicas[0]).to.deep.include({ regionName: "ap-south-2", pointInTimeRecovery: true, deletionProtectionEnabled: true, propagateTags: true });
            const key = keyBehind(prod, t, replicas[0].kmsKeyArn);
            expect(key.name).to.equal("replica-keys-general");
            expect(regionOf(prod, key)).to.equal("ap-south-2");
            expect(t.inputs).to.deep.include({ streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES", deletionProtectionEnabled: true });
            // The source table is unchanged in what matters: its own CMK and PITR, protected.
            expect((t.inputs.serverSideEncryption as Record<string, unknown>).enabled).to.equal(true);
            expect(t.inputs.pointInTimeRecovery).to.deep.equal({ enabled: true });
            expect(t.protect).to.equal(true);
        });
    }

    it("the three secrets replicate to ap-south-2: the database secret under replica-database, the integrations under replica-general", () => {
        const expected = { "app-secrets-database": "replica-keys-database", "app-secrets-razorpay": "replica-keys-general", "app-secrets-juspay": "replica-keys-general" };
        for (const [name, keyName] of Object.entries(expected)) {
            const s = prod.one(SECRET, name);
            const replicas = s.inputs.replicas as Record<string, unknown>[];
            expect(replicas.map((r) => r.region), name).to.deep.equal(["ap-south-2"]);
            const key = keyBehind(prod, s, replicas[0].kmsKeyId);
            expect(key.name, name).to.equal(keyName);
            expect(regionOf(prod, key)).to.equal("ap-south-2");
            expect(s.protect).to.equal(true);
        }
    });

    it("ECR: our repositories (fivestar-*) replicate to ap-south-2 in the same account, after the template exists", () => {
        const rc = prod.one(REPLICATION, "image-replication-registry");
        expect(regionOf(prod, rc)).to.equal("ap-south-1");
        expect(rc.inputs.replicationConfiguration).to.deep.equal({ rules: [{
            destinations: [{ region: "ap-south-2", registryId: PROD_ACCOUNT }],
            repositoryFilters: [{ filter: "fivestar-", filterType: "PREFIX_MATCH" }],
        }] });
        expect(rc.dependencies).to.include(prod.one(TEMPLATE, "image-replication-template").urn);
    });

    it("ECR: replicated repositories are created in ap-south-2 KMS-encrypted with the replica key, immutable, with our lifecycle policy", () => {
        const t = prod.one(TEMPLATE, "image-replication-template");
        expect(regionOf(prod, t)).to.equal("ap-south-2");
        expect(t.inputs).to.deep.include({ prefix: "ROOT", appliedFors: ["REPLICATION"], imageTagMutability: "IMMUTABLE" });
        const [encryption] = t.inputs.encryptionConfigurations as Record<string, unknown>[];
        expect(encryption.encryptionType).to.equal("KMS");
        expect(keyBehind(prod, t, encryption.kmsKey).name).to.equal("replica-keys-general");
        const ours = prod.ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy")[0].inputs.policy;
        expect(JSON.parse(String(t.inputs.lifecyclePolicy))).to.deep.equal(JSON.parse(String(ours)));
        // ECR uses a custom role for a KMS template; the template waits for its policy.
        const role = prod.one("aws:iam/role:Role", "image-replication-template");
        expect(role.inputs.name).to.equal("prod-fivestar-ecr-replication-ap-south-2");
        expect(t.dependencies).to.include(prod.one("aws:iam/rolePolicy:RolePolicy", "image-replication-template").urn);
    });

    it("replication alarms notify the alert topic: both tables' latency to ap-south-2, RDS backup replication stopped or behind", () => {
        const topic = prod.one("aws:sns/topic:Topic", "alerts-topic");
        const alarms = prod.ofType(ALARM).filter((a) => a.name.startsWith("replication-alarms-"));
        expect(alarms.map((a) => a.inputs.name)).to.have.members([
            "prod-fivestar-transactions-replication-latency", "prod-fivestar-transaction-queue-replication-latency", "prod-fivestar-rds-backup-replication-stopped",
            "prod-fivestar-rds-backup-replication-lag"]);
        for (const a of alarms) {
            expect(a.dependencies, a.name).to.include(topic.urn);
            expect((a.inputs.alarmActions as string[]).length).to.equal(1);
        }
        const latency = prod.one(ALARM, "replication-alarms-transactions-replication-latency");
        expect(latency.inputs.dimensions).to.deep.equal({ TableName: "prod-fivestar-transactions", ReceivingRegion: "ap-south-2" });
        const filter = prod.one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "replication-alarms-rds-backup-replication-stopped");
        expect(filter.inputs.logGroupName).to.equal("/aws/cloudtrail/prod-fivestar-trail");
    });

    it("the replicas check passes for prod", () => {
        expect(checkPlan(prod.evaluated).filter((f) => f.check === "replicas")).to.deep.equal([]);
    });

    for (const stack of STACKS.filter((s) => s !== "prod")) {
        it(`${stack} replicates nothing: single-region tables and secrets, no ECR replication, no replica keys or alarms`, async () => {
            const plan = await planOf(stack);
            for (const t of plan.ofType(TABLE)) expect(t.inputs, t.name).not.to.have.any.keys("replicas", "streamEnabled", "streamViewType");
            for (const s of plan.ofType(SECRET)) expect(s.inputs, s.name).not.to.have.property("replicas");
            expect(plan.ofType(REPLICATION).concat(plan.ofType(TEMPLATE))).to.deep.equal([]);
            expect(plan.resources.filter((r) => /^(replica-keys|replication-alarms|image-replication|rds-backup-lag)/.test(r.name))).to.deep.equal([]);
        });
    }

    describe("a broken plan is caught", () => {
        const broken = (mutate: (resources: RegisteredResource[]) => void) => {
            const copy = JSON.parse(JSON.stringify(prod.evaluated)) as typeof prod.evaluated;
            mutate(copy.resources);
            return checkReplicas(copy).map((f) => `${f.name}: ${f.message}`);
        };
        const find = (resources: RegisteredResource[], type: string, name: string) => resources.find((r) => r.type === type && r.name === name)!;

        it("a table replica without a KMS key or PITR, or outside India", () => {
            const found = broken((rs) => {
                const t = find(rs, TABLE, "tables-transactions");
                t.inputs.replicas = [{ regionName: "ap-southeast-1", pointInTimeRecovery: false }];
            });
            expect(found).to.include("tables-transactions: replica ap-southeast-1 in ap-southeast-1: copies of payment data stay in India (ap-south-1, ap-south-2; RBI 2018 directive)");
            expect(found).to.include("tables-transactions: replica ap-southeast-1 has no kmsKeyArn: it would be encrypted with an AWS-owned key, not a customer-managed key of its region");
            expect(found.some((m) => m.startsWith("tables-transactions: replica ap-southeast-1 without pointInTimeRecovery"))).to.equal(true);
        });
        it("a table replica without the NEW_AND_OLD_IMAGES stream, or in the table's own region", () => {
            const found = broken((rs) => {
                const t = find(rs, TABLE, "tables-transaction-queue");
                delete t.inputs.streamEnabled;
                (t.inputs.replicas as Record<string, unknown>[])[0].regionName = "ap-south-1";
            });
            expect(found.some((m) => m.startsWith("tables-transaction-queue: has replicas without streamEnabled"))).to.equal(true);
            expect(found.some((m) => m.startsWith("tables-transaction-queue: replica ap-south-1 in ap-south-1, the source's own region"))).to.equal(true);
        });
        it("a secret replica without a KMS key, and an ECR destination outside India", () => {
            const found = broken((rs) => {
                (find(rs, SECRET, "app-secrets-database").inputs.replicas as Record<string, unknown>[])[0].kmsKeyId = undefined;
                const rc = find(rs, REPLICATION, "image-replication-registry");
                (rc.inputs.replicationConfiguration as { rules: { destinations: { region: string }[] }[] }).rules[0].destinations[0].region = "eu-west-1";
            });
            expect(found).to.include("app-secrets-database: replica ap-south-2 has no kmsKeyId: it would use aws/secretsmanager, not a customer-managed key of its region");
            expect(found.some((m) => m.startsWith("image-replication-registry: destination in eu-west-1"))).to.equal(true);
        });
        it("config outside India fails the plan before any resource, naming the key", async () => {
            const result = await runPlan("prod", { drReplicationRegion: "ap-southeast-1" });
            expect(result).to.have.property("error");
            expect((result as { error: string }).error).to.include("fivestar-payments:drReplicationRegion = \"ap-southeast-1\": must be a region in India");
            expect((result as { registeredBeforeFailure: number }).registeredBeforeFailure).to.equal(0);
        });
    });
});
