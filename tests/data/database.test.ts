import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { Environment } from "../../config/names";
import { Database, DatabaseArgs } from "../../data/database";
import { postgresParameters } from "../../lib/postgres";
import { RegisteredResource } from "../../lib/planRecord";
import { construct, Constructed, inAccount, valueOf } from "../support/component";

const INSTANCE = "aws:rds/instance:Instance";
const PARAMS = "aws:rds/parameterGroup:ParameterGroup";
const REPLICATION = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
const KMS_KEY = "aws:kms/key:Key";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const LOGS_KEY = "arn:aws:kms:ap-south-1:123456789012:key/logs";
const DB_KEY = "arn:aws:kms:ap-south-1:123456789012:key/database";
const AZS = ["ap-south-1a", "ap-south-1b"];

/** The §4.1 sizing of each stack, as index.ts cuts it from config. */
const SIZING = {
    dev: { instanceClass: "db.t3.medium", allocatedStorageGb: 100, maxAllocatedStorageGb: 200, backupRetentionDays: 7, multiAz: false, readReplicas: 0, maxConnections: 200, protect: false },
    staging: { instanceClass: "db.r6g.large", allocatedStorageGb: 500, maxAllocatedStorageGb: 1000, backupRetentionDays: 14, multiAz: true, readReplicas: 0, maxConnections: 500, protect: false },
    prod: { instanceClass: "db.r6g.large", allocatedStorageGb: 1000, maxAllocatedStorageGb: 2000, backupRetentionDays: 35, multiAz: true, readReplicas: 2, maxConnections: 1500, protect: true },
} as const;
/** §4.1 log retention per stack (config `logRetentionDays`). */
const LOG_RETENTION = { dev: 7, staging: 30, prod: 90 } as const;

function args(env: Environment, extra: Partial<DatabaseArgs> = {}): DatabaseArgs {
    return {
        environment: env,
        accountId: "123456789012",
        ...SIZING[env],
        availabilityZones: AZS,
        dbSubnetGroupName: `${env}-fivestar-payments-db-subnets`,
        securityGroupIds: ["sg-rds"],
        kmsKeyArn: DB_KEY,
        masterPassword: pulumi.secret("password-from-security"),
        engineVersion: "15",
        autoMinorVersionUpgrade: true,
        slowQueryThresholdMs: 1000,
        logRetentionDays: LOG_RETENTION[env], logsKmsKeyArn: LOGS_KEY,
        ...extra,
    };
}

interface Built {
    built: Constructed<Database>;
    primary: RegisteredResource;
    /** The URNs of the log groups of each instance identifier. */
    logGroupUrns: Record<string, string[]>;
    drProviderUrn?: string;
}

/** Builds a stack's database the way index.ts does: in prod with a DR-region provider. */
async function build(env: Environment, name: string, extra: Partial<DatabaseArgs> = {}): Promise<Built> {
    const built = await construct(() => {
        const backupReplication = env === "prod"
            ? { provider: new aws.Provider(`${name}-test-dr`, { region: "ap-south-2" }), region: "ap-south-2", retentionDays: 7 }
            : undefined;
        return new Database(name, args(env, { backupReplication, ...extra }), inAccount());
    });
    const urnOf = (type: string, n: string) => built.resources.find((r) => r.type === type && r.name === n)?.urn;
    return {
        built,
        primary: built.one(INSTANCE, `${name}-primary`),
        logGroupUrns: logGroupUrnsById(built.ofType(LOG_GROUP)),
        drProviderUrn: urnOf("pulumi:providers:aws", `${name}-test-dr`),
    };
}

/** `/aws/rds/instance/<id>/<log>` groups by instance identifier. */
function logGroupUrnsById(groups: readonly RegisteredResource[]): Record<string, string[]> {
    const byId: Record<string, string[]> = {};
    for (const g of groups) (byId[String(g.inputs.name).split("/")[4]] ??= []).push(g.urn);
    return byId;
}

const replicasOf = (b: Built) => b.built.ofType(INSTANCE).filter((r) => r !== b.primary);

describe("data: Database (§6.1.1, §4.1, §2.2.3)", () => {
    const stacks: Record<Environment, Built> = {} as Record<Environment, Built>;
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) stacks[env] = await build(env, `db-${env}`);
    });

    // The same in every stack but for the environment's names: once, on dev (each stack's real plan: tests/program/data.test.ts).
    describe("the primary (§6.1.1)", () => {
        const dev = () => stacks.dev;
        it("postgres 15 (the major only, automatic minor upgrades), fivestar_payments/fivestar_app, gp3 encrypted with the database CMK, private on 5432, the guide's windows", () => {
            expect(dev().primary.inputs).to.include({
                identifier: "dev-fivestar-payments-db", engine: "postgres", engineVersion: "15", autoMinorVersionUpgrade: true, dbName: "fivestar_payments", username: "fivestar_app",
                storageType: "gp3", storageEncrypted: true, kmsKeyId: DB_KEY, publiclyAccessible: false, dbSubnetGroupName: "dev-fivestar-payments-db-subnets", port: 5432,
                backupWindow: "03:00-04:00", maintenanceWindow: "sun:04:00-sun:05:00", copyTagsToSnapshot: true, deleteAutomatedBackups: false,
                parameterGroupName: "dev-fivestar-payments-postgres15",
            });
            expect(dev().primary.inputs.vpcSecurityGroupIds).to.deep.equal(["sg-rds"]);
        });
        it("master password from the security module, registered as a secret", () => {
            expect(dev().primary.inputs.password).to.equal("password-from-security");
            expect(dev().primary.secretPaths).to.include("password");
        });
        it("enhanced monitoring every 60 s through its own role; Performance Insights 7 days with the database CMK; postgresql and upgrade logs exported (§12.2.2)", () => {
            expect(dev().primary.inputs).to.include({ monitoringInterval: 60, performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: 7, performanceInsightsKmsKeyId: DB_KEY });
            expect(dev().primary.inputs.monitoringRoleArn).to.match(/:db-dev-monitoring$/);
            expect(dev().primary.inputs.enabledCloudwatchLogsExports).to.deep.equal(["postgresql", "upgrade"]);
        });
        it("waits for its own log groups and the monitoring role's policy; every child has the component as parent", () => {
            const policy = dev().built.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "db-dev-monitoring");
            const groups = dev().logGroupUrns["dev-fivestar-payments-db"];
            expect(groups).to.have.length(2);
            expect(dev().primary.dependencies).to.include.members([...groups, policy.urn]);
            const component = dev().built.one("fivestar:data:Database", "db-dev");
            const children = dev().built.resources.filter((r) => r.name.startsWith("db-dev-") && !r.name.includes("-test-"));
            expect(children.length).to.be.greaterThan(3);
            for (const child of children) expect(child.parent, child.name).to.equal(component.urn);
        });
    });

    describe("the log groups RDS writes to (§12.2.2), created before the instances", () => {
        // Each stack's groups on its real plan (retention 7 / 30 / 90, the logs CMK, protect): tests/program/monitoring.test.ts.
        it("prod: /aws/rds/instance/<id>/postgresql and /upgrade for the primary and both replicas; the given retention, the logs CMK, protected", () => {
            const groups = stacks.prod.built.ofType(LOG_GROUP);
            const ids = ["prod-fivestar-payments-db", "prod-fivestar-payments-db-replica-1", "prod-fivestar-payments-db-replica-2"];
            expect(groups.map((g) => g.inputs.name).sort()).to.deep.equal(ids.flatMap((id) => [`/aws/rds/instance/${id}/postgresql`, `/aws/rds/instance/${id}/upgrade`]).sort());
            for (const g of groups) {
                expect(g.inputs, g.name).to.include({ retentionInDays: 90, kmsKeyId: LOGS_KEY, deletionProtectionEnabled: true });
                expect(g.protect, g.name).to.equal(true);
            }
            expect(stacks.dev.built.ofType(LOG_GROUP).map((g) => [g.inputs.deletionProtectionEnabled, g.protect])).to.deep.equal([[false, false], [false, false]]);
        });
        it("each group keeps its identity from before issue 15 (a child of monitoring's LogGroups \"logs\") through an alias", () => {
            for (const g of stacks.prod.built.ofType(LOG_GROUP)) {
                const [, , , , id, log] = String(g.inputs.name).split("/");
                expect(g.aliases.map((a) => [a.name, a.parentUrn]), g.name).to.deep.include([`logs-${id}-${log}`, "urn:pulumi:test::fivestar-payments::fivestar:monitoring:LogGroups::logs"]);
            }
        });
    });

    describe("protection: only in prod (protect = true)", () => {
        it("prod: Pulumi protect, deletion protection, a final snapshot named <env>-fivestar-payments-db-final-<random suffix>", () => {
            const p = stacks.prod.primary;
            expect(p.protect).to.equal(true);
            expect(p.inputs).to.include({ deletionProtection: true, skipFinalSnapshot: false });
            // The mock's RandomId hex is "mock<logical name>".
            expect(p.inputs.finalSnapshotIdentifier).to.match(/^prod-fivestar-payments-db-final-mock.+-final-snapshot$/);
        });
        for (const env of ["dev", "staging"] as const) {
            it(`${env}: no protect, no deletion protection, no final snapshot`, () => {
                const p = stacks[env].primary;
                expect(p.protect).to.equal(false);
                expect(p.inputs).to.include({ deletionProtection: false, skipFinalSnapshot: true });
                expect(p.inputs).not.to.have.property("finalSnapshotIdentifier");
            });
        }
    });

    describe("parameter group (family postgres15)", () => {
        const params = (env: Environment) => {
            const group = stacks[env].built.one(PARAMS, `db-${env}-params`).inputs;
            const list = group.parameters as { name: string; value: string; applyMethod: string }[];
            return { group, byName: Object.fromEntries(list.map((p) => [p.name, p])) };
        };
        it("is named after environment and family postgres15 and holds lib/postgres's parameters (SSL, slow queries, audit: postgres.test.ts) for the threshold and max_connections given", () => {
            expect(params("prod").group).to.include({ name: "prod-fivestar-payments-postgres15", family: "postgres15" });
            expect(params("prod").group.parameters).to.deep.equal(postgresParameters({ slowQueryThresholdMs: 1000, maxConnections: 1500 }));
            expect(params("dev").byName.max_connections).to.include({ value: "200", applyMethod: "pending-reboot" });
        });
        it("follows a different threshold", async () => {
            const b = await build("dev", "db-threshold", { slowQueryThresholdMs: 250 });
            const list = b.built.one(PARAMS, "db-threshold-params").inputs.parameters as { name: string; value: string }[];
            expect(list.find((p) => p.name === "log_min_duration_statement")?.value).to.equal("250");
        });
    });

    describe("enhanced monitoring role", () => {
        it("trusts only monitoring.rds.amazonaws.com on behalf of this account", () => {
            const trust = JSON.parse(String(stacks.dev.built.one("aws:iam/role:Role", "db-dev-monitoring").inputs.assumeRolePolicy));
            expect(trust.Statement).to.deep.equal([{
                Effect: "Allow",
                Principal: { Service: "monitoring.rds.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
            }]);
        });
        it("has the AmazonRDSEnhancedMonitoringRole managed policy", () => {
            expect(stacks.dev.built.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "db-dev-monitoring").inputs.policyArn)
                .to.equal("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
        });
    });

    describe("read replicas (§4.1.3)", () => {
        it("prod: two, named -replica-1 and -replica-2, in two different AZs", () => {
            const replicas = replicasOf(stacks.prod);
            expect(replicas.map((r) => r.inputs.identifier)).to.deep.equal(["prod-fivestar-payments-db-replica-1", "prod-fivestar-payments-db-replica-2"]);
            expect(replicas.map((r) => r.inputs.availabilityZone)).to.deep.equal(["ap-south-1a", "ap-south-1b"]);
        });
        it("replicate the primary", async () => {
            const arn = await valueOf(stacks.prod.built.component.arn);
            for (const r of replicasOf(stacks.prod)) expect(r.inputs.replicateSourceDb).to.equal(arn);
        });
        it("are encrypted with the database CMK, monitored every 60 s and have Performance Insights", () => {
            for (const r of replicasOf(stacks.prod)) {
                expect(r.inputs).to.include({ storageEncrypted: true, kmsKeyId: DB_KEY, monitoringInterval: 60, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: DB_KEY });
                expect(r.inputs.monitoringRoleArn).to.equal(stacks.prod.primary.inputs.monitoringRoleArn);
            }
        });
        it("are protected and deletion-protected in prod, share the parameter group, and export logs", () => {
            for (const r of replicasOf(stacks.prod)) {
                expect(r.protect).to.equal(true);
                expect(r.inputs).to.include({ deletionProtection: true, parameterGroupName: "prod-fivestar-payments-postgres15", publiclyAccessible: false });
                expect(r.inputs.enabledCloudwatchLogsExports).to.deep.equal(["postgresql", "upgrade"]);
                expect(r.dependencies).to.include.members(stacks.prod.logGroupUrns[String(r.inputs.identifier)]);
            }
        });
        it("carry no credentials or database name of their own", () => {
            for (const r of replicasOf(stacks.prod)) for (const k of ["username", "password", "dbName"]) expect(r.inputs).not.to.have.property(k);
        });
        it("without protect, replicas are not protected", async () => {
            const b = await build("staging", "db-staging-replicas", { readReplicas: 1 });
            const [replica] = replicasOf(b);
            expect(replica.protect).to.equal(false);
            expect(replica.inputs.deletionProtection).to.equal(false);
        });
        it("refuses more replicas than availability zones, before registering anything", () => {
            expect(() => new Database("db-too-many", args("prod", { readReplicas: 3 }))).to.throw("3 read replicas need 3 availability zones");
        });
    });

    describe("cross-region backup replication (§2.2.3)", () => {
        it("prod: replicates the primary's automated backups for 7 days through the destination-region provider", async () => {
            const replication = stacks.prod.built.one(REPLICATION, "db-prod-backup-replication");
            expect(replication.provider).to.equal(stacks.prod.drProviderUrn);
            expect(replication.inputs.sourceDbInstanceArn).to.equal(await valueOf(stacks.prod.built.component.arn));
            expect(replication.inputs.retentionPeriod).to.equal(7);
            expect(replication.protect).to.equal(true);
        });
        it("prod: encrypts the copies with a rotating CMK created in the destination region, protected", () => {
            const key = stacks.prod.built.one(KMS_KEY, "db-prod-backup-replica-key");
            expect(key.provider).to.equal(stacks.prod.drProviderUrn);
            expect(key.inputs.enableKeyRotation).to.equal(true);
            expect(key.protect).to.equal(true);
            const replication = stacks.prod.built.one(REPLICATION, "db-prod-backup-replication");
            expect(replication.inputs.kmsKeyId).to.equal(`arn:aws:kms:ap-south-1:123456789012:db-prod-backup-replica-key`);
            const alias = stacks.prod.built.one("aws:kms/alias:Alias", "db-prod-backup-replica-key");
            expect(alias.provider).to.equal(stacks.prod.drProviderUrn);
            expect(alias.inputs.name).to.equal("alias/fivestar/prod/database-backup-replica");
        });
        it("everything else stays on the stack's own provider", () => {
            const others = stacks.prod.built.resources.filter((r) => r.custom && r.type.startsWith("aws:") && ![REPLICATION, KMS_KEY, "aws:kms/alias:Alias"].includes(r.type));
            expect(others.length).to.be.greaterThan(3);
            for (const r of others) expect(r.provider, r.name).not.to.equal(stacks.prod.drProviderUrn);
        });
    });

    describe("outputs", () => {
        it("address, endpoint, port 5432, identifier, ARN", async () => {
            const c = stacks.prod.built.component;
            expect(await valueOf(c.address)).to.equal("prod-fivestar-payments-db.mock.ap-south-1.rds.amazonaws.com");
            expect(await valueOf(c.endpoint)).to.equal("prod-fivestar-payments-db.mock.ap-south-1.rds.amazonaws.com:5432");
            expect(await valueOf(c.port)).to.equal(5432);
            expect(await valueOf(c.identifier)).to.equal("prod-fivestar-payments-db");
            expect(await valueOf(c.arn)).to.match(/^arn:aws:rds:ap-south-1:123456789012:/);
        });
        it("replica identifiers (empty without replicas) and the parameter group name", async () => {
            expect(await Promise.all(stacks.prod.built.component.replicaIdentifiers.map(valueOf)))
                .to.deep.equal(["prod-fivestar-payments-db-replica-1", "prod-fivestar-payments-db-replica-2"]);
            expect(stacks.dev.built.component.replicaIdentifiers).to.deep.equal([]);
            expect(await valueOf(stacks.dev.built.component.parameterGroupName)).to.equal("dev-fivestar-payments-postgres15");
        });
    });
});
