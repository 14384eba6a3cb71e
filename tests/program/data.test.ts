/**
 * Whole program, data (§4.1, §6.1.1, §2.2.3): the database and tables each stack really creates,
 * and that they are wired to the keys, security group, subnets, log groups and secrets of the
 * other components.
 */
import { expect } from "chai";
import { Plan, planOf, STACKS } from "../support/plans";

const RDS = {
    dev: { instanceClass: "db.t3.medium", allocatedStorage: 100, maxAllocatedStorage: 200, backupRetentionPeriod: 7, multiAz: false, replicas: 0 },
    staging: { instanceClass: "db.r6g.large", allocatedStorage: 500, maxAllocatedStorage: 1000, backupRetentionPeriod: 14, multiAz: true, replicas: 0 },
    prod: { instanceClass: "db.r6g.large", allocatedStorage: 1000, maxAllocatedStorage: 2000, backupRetentionPeriod: 35, multiAz: true, replicas: 2 },
} as const;
const RDS_INSTANCE = "aws:rds/instance:Instance";
const TABLE = "aws:dynamodb/table:Table";

const urnOf = (plan: Plan, type: string, name: string) => plan.one(type, name).urn;

describe("whole program: data per stack (§4.1, §6.1.1)", () => {
    for (const stack of STACKS) {
        const want = RDS[stack];
        const isProd = stack === "prod";
        describe(stack, () => {
            it(`RDS ${want.instanceClass}, ${want.allocatedStorage} GB gp3, ${want.backupRetentionPeriod} days of backups, multi-AZ ${want.multiAz}`, async () => {
                const db = (await planOf(stack)).one(RDS_INSTANCE, "database-primary");
                expect(db.inputs).to.include({
                    identifier: `${stack}-fivestar-payments-db`,
                    engine: "postgres",
                    instanceClass: want.instanceClass,
                    allocatedStorage: want.allocatedStorage,
                    maxAllocatedStorage: want.maxAllocatedStorage,
                    backupRetentionPeriod: want.backupRetentionPeriod,
                    multiAz: want.multiAz,
                    storageType: "gp3",
                    dbName: "fivestar_payments",
                    username: "fivestar_app",
                    port: 5432,
                    backupWindow: "03:00-04:00",
                    maintenanceWindow: "sun:04:00-sun:05:00",
                    monitoringInterval: 60,
                    performanceInsightsEnabled: true,
                    performanceInsightsRetentionPeriod: 7,
                    deleteAutomatedBackups: false,
                });
                // Issue 13 fault 8: the major only with automatic minor upgrades, so an upgrade by AWS never plans a downgrade.
                expect(db.inputs).to.include({ engineVersion: "15", autoMinorVersionUpgrade: true });
            });

            it("RDS is private, encrypted with the database CMK, and in the DB subnets behind the RDS security group", async () => {
                const plan = await planOf(stack);
                const db = plan.one(RDS_INSTANCE, "database-primary");
                expect(db.inputs).to.include({ storageEncrypted: true, publiclyAccessible: false, dbSubnetGroupName: `${stack}-fivestar-payments-db-subnets` });
                expect(db.dependencies).to.include.members([
                    urnOf(plan, "aws:kms/key:Key", "kms-database"),
                    urnOf(plan, "aws:ec2/securityGroup:SecurityGroup", "security-groups-rds"),
                    urnOf(plan, "aws:rds/subnetGroup:SubnetGroup", "network-db-subnets"),
                ]);
                expect(db.inputs.vpcSecurityGroupIds).to.deep.equal(["security-groups-rds-id"]);
            });

            it("the master password comes from the generated credentials and is a secret input", async () => {
                const plan = await planOf(stack);
                const db = plan.one(RDS_INSTANCE, "database-primary");
                expect(db.dependencies).to.include(urnOf(plan, "random:index/randomPassword:RandomPassword", "db-credentials-password"));
                expect(db.secretPaths).to.include("password");
            });

            it("the RDS log groups exist before the instance that writes to them", async () => {
                const plan = await planOf(stack);
                const db = plan.one(RDS_INSTANCE, "database-primary");
                for (const log of ["postgresql", "upgrade"]) {
                    expect(db.dependencies).to.include(urnOf(plan, "aws:cloudwatch/logGroup:LogGroup", `database-logs-${stack}-fivestar-payments-db-${log}`));
                }
            });

            it(`${isProd ? "deletion protection, a final snapshot and protect" : "no deletion protection or protect (teardown allowed)"}`, async () => {
                const db = (await planOf(stack)).one(RDS_INSTANCE, "database-primary");
                expect(db.inputs.deletionProtection).to.equal(isProd);
                expect(db.protect).to.equal(isProd);
                if (isProd) {
                    expect(db.inputs.skipFinalSnapshot).to.equal(false);
                    expect(String(db.inputs.finalSnapshotIdentifier)).to.match(/^prod-fivestar-payments-db-final-/);
                }
            });

            it(`${want.replicas} read replica(s)${want.replicas ? ", encrypted, in different AZs, protected" : ""}`, async () => {
                const replicas = (await planOf(stack)).ofType(RDS_INSTANCE).filter((r) => r.name !== "database-primary");
                expect(replicas).to.have.length(want.replicas);
                expect(new Set(replicas.map((r) => r.inputs.availabilityZone)).size).to.equal(want.replicas);
                for (const r of replicas) {
                    expect(r.inputs).to.include({ storageEncrypted: true, publiclyAccessible: false, monitoringInterval: 60, performanceInsightsEnabled: true });
                    expect(r.protect).to.equal(true);
                }
            });

            it(isProd ? "automated backups replicated to ap-south-2 with a key there (RPO < 1 h, §2.2.3)" : "no cross-region backup replication", async () => {
                const replication = (await planOf(stack)).ofType("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication");
                expect(replication).to.have.length(isProd ? 1 : 0);
            });

            it(`DynamoDB tables ${stack}-fivestar-transactions and ${stack}-fivestar-transaction-queue, on demand, CMK, PITR ${isProd}`, async () => {
                const plan = await planOf(stack);
                const tables = plan.ofType(TABLE);
                expect(tables.map((t) => t.inputs.name).sort()).to.deep.equal([`${stack}-fivestar-transaction-queue`, `${stack}-fivestar-transactions`]);
                for (const t of tables) {
                    expect(t.inputs.billingMode).to.equal("PAY_PER_REQUEST");
                    expect(t.inputs.serverSideEncryption).to.deep.equal({ enabled: true, kmsKeyArn: `arn:aws:kms:ap-south-1:${plan.outputs.accountId.value}:kms-general` });
                    expect(t.inputs.pointInTimeRecovery).to.deep.include({ enabled: isProd });
                    expect(t.inputs.deletionProtectionEnabled).to.equal(isProd);
                    expect(t.protect).to.equal(isProd);
                }
            });

            it("the database secret and the database_url parameter carry the real endpoint, never the password in the URL", async () => {
                const plan = await planOf(stack);
                const address = `${stack}-fivestar-payments-db.mock.ap-south-1.rds.amazonaws.com`;
                const version = plan.one("aws:secretsmanager/secretVersion:SecretVersion", "database-connection-secret");
                expect(version.secretPaths).to.include("secretString");
                expect(JSON.parse(String(version.inputs.secretString))).to.deep.include({ username: "fivestar_app", host: address, port: 5432, database: "fivestar_payments" });
                const url = plan.one("aws:ssm/parameter:Parameter", "database-connection-database-url").inputs;
                expect(url).to.include({ name: `/fivestar/payments/${stack}/app/database_url`, value: `postgresql://${address}:5432/fivestar_payments` });
                expect(plan.outputs.dbAddress.value).to.equal(address);
                expect(version.inputs.secretId).to.equal("app-secrets-database-id");
            });
        });
    }
});
