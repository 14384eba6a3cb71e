import { expect } from "chai";
import { estimate, itHasStatus, itPrices, lineOf, provider, resource, testTable, TEST_PRICES } from "./fixtures";

// Test prices (fixtures.ts): RDS PostgreSQL db.t3.medium $0.10/h, db.r6g.large $0.30/h, gp3
// $0.125/GB-month, backup $0.10/GB-month (marked estimate), inter-region transfer $0.09/GB;
// DynamoDB $0.70/M WRU, $0.14/M RRU, $0.30/GB-month, PITR $0.20/GB-month. 730 h a month.
const primary = (inputs: Record<string, unknown> = {}) => resource("aws:rds/instance:Instance", "database-primary", {
    identifier: "dev-fivestar-payments-db", engine: "postgres", instanceClass: "db.t3.medium", allocatedStorage: 100, storageType: "gp3",
    multiAz: false, backupRetentionPeriod: 7, ...inputs,
});
const replica = (name: string) => resource("aws:rds/instance:Instance", name, {
    identifier: `prod-fivestar-payments-db-${name}`, instanceClass: "db.r6g.large", multiAz: false, storageType: "gp3",
    replicateSourceDb: "arn:aws:rds:ap-south-1:123456789014:database-primary",
});
const backupRegion = () => provider("backup-region", "ap-south-2");
const replication = () => resource("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "backup-replication", {
    sourceDbInstanceArn: "arn:aws:rds:ap-south-1:123456789014:database-primary", retentionPeriod: 7,
}, { provider: backupRegion().urn });
const replicated = { resources: [backupRegion(), primary({ allocatedStorage: 1000 }), replication()] };
const table = (inputs: Record<string, unknown> = {}) => resource("aws:dynamodb/table:Table", "transactions", {
    billingMode: "PAY_PER_REQUEST", hashKey: "transactionId",
    globalSecondaryIndexes: [
        { name: "by-customer", projectionType: "ALL" }, { name: "by-status", projectionType: "ALL" }, { name: "by-ref", projectionType: "KEYS_ONLY" },
    ],
    ...inputs,
});
const volumes = { dynamodbWritesMillionsPerMonth: 1, dynamodbReadsMillionsPerMonth: 5, dynamodbStorageGbPerTable: 10 };
const restored = (inputs: Record<string, unknown> = {}) => resource("aws:rds/instance:Instance", "dr-database", {
    instanceClass: "db.t3.medium", restoreToPointInTime: { sourceDbInstanceIdentifier: "dev-fivestar-payments-db", useLatestRestorableTime: true }, ...inputs,
});

describe("cost rules: data", () => {
    describe("RDS instance", () => {
        itPrices([
            ["single-AZ instance-hours: 730 × $0.10 = $73.00", { resources: [primary()] }, "database-primary", "instance hours", 73],
            ["Multi-AZ doubles instance-hours (primary + standby): 2 × 730 × $0.30 = $438.00",
                { resources: [primary({ instanceClass: "db.r6g.large", multiAz: true })] }, "database-primary", "instance hours", 438],
            ["gp3 storage per copy: 500 GB × 2 copies (Multi-AZ) × $0.125 = $125.00", { resources: [primary({ allocatedStorage: 500, multiAz: true })] }, "database-primary", "storage", 125],
            ["backup beyond the free allowance: 100 GB × 2% a day × 7 days = 14 GB × $0.10 = $1.40",
                { resources: [primary()], assumptions: { dbDailyChangePercent: 2 } }, "database-primary", "backup storage", 1.4],
            ["a read replica is its own single-AZ instance with the source's storage: 730 × $0.30 + 1000 GB × $0.125 = $344.00",
                { resources: [primary({ instanceClass: "db.r6g.large", allocatedStorage: 1000, multiAz: true }), replica("replica-1")] }, "replica-1", undefined, 219 + 125],
            ["a stopped-after-hours database runs the assumed hours: 242 × $0.10 = $24.20",
                { resources: [primary()], assumptions: { scheduledHoursPerMonth: 242 } }, "database-primary", "instance hours", 24.2],
            ["storage stays charged while the database is stopped: 100 GB × $0.125 = $12.50",
                { resources: [primary()], assumptions: { scheduledHoursPerMonth: 242 } }, "database-primary", "storage", 12.5],
        ]);

        it("marks the backup charge as an assumption on an estimated price", () => {
            const backup = lineOf(estimate({ resources: [primary()] }), "database-primary").charges.find((c) => c.item.startsWith("backup"));
            expect([backup?.assumptions, backup?.estimatedPrice]).to.deep.equal([["dbDailyChangePercent"], true]);
        });

        it("charges a replica no backup storage (it keeps no automated backups)", () => {
            const e = estimate({ resources: [primary({ allocatedStorage: 1000 }), replica("replica-1")] });
            expect(lineOf(e, "replica-1").charges.some((c) => c.item.startsWith("backup"))).to.equal(false);
        });

        it("reports an instance class missing from the price table as not priced, never as $0", () => {
            const line = lineOf(estimate({ resources: [primary({ instanceClass: "db.x2g.16xlarge" })] }), "database-primary");
            expect([line.status, line.reason]).to.deep.equal(["not-priced", 'instance hours, db.x2g.16xlarge: no price "rds.postgres.instanceHour.db.x2g.16xlarge" in prices-ap-south-1.json']);
        });
    });

    describe("cross-region automated backup replication", () => {
        itPrices([
            ["stores a full copy plus the retained changes: 1000 × (1 + 2% × 7) = 1140 GB × $0.10 = $114.00", replicated, "backup-replication", "replicated backup storage", 114],
            ["ships each day's changes across regions: 1000 GB × 2% × 30.4167 days × $0.09 = $54.75", replicated, "backup-replication", "daily changes", 1000 * 0.02 * (730 / 24) * 0.09],
        ]);

        it("says it was priced with ap-south-1 prices, there being no ap-south-2 table", () => {
            expect(lineOf(estimate(replicated), "backup-replication").notes).to.include("no price table for ap-south-2: priced with ap-south-1 prices (marked estimated)");
        });
    });

    describe("DynamoDB on demand", () => {
        itPrices([
            ["each write once for the item and once per GSI: 1 M × (1 + 3) × $0.70 = $2.80", { resources: [table()], assumptions: volumes }, "transactions", "write request units", 2.8],
            ["reads: 5 M × $0.14 = $0.70", { resources: [table()], assumptions: volumes }, "transactions", "read request units", 0.7],
            ["storage for the table and each ALL-projection index: 10 GB × (1 + 2) × $0.30 = $9.00", { resources: [table()], assumptions: volumes }, "transactions", "storage", 9],
            ["point-in-time recovery on the table's size when on: 10 GB × $0.20 = $2.00",
                { resources: [table({ pointInTimeRecovery: { enabled: true } })], assumptions: volumes }, "transactions", "point-in-time recovery", 2],
        ]);

        it("charges no point-in-time recovery when it is off", () => {
            const e = estimate({ resources: [table({ pointInTimeRecovery: { enabled: false } })], assumptions: volumes });
            expect(lineOf(e, "transactions").charges.map((c) => c.item)).to.not.include("point-in-time recovery");
        });

        describe("global-table replica (Table replicas, issue 17)", () => {
            const hyderabad = testTable({ ...TEST_PRICES, "dynamodb.replicatedWriteRequestMillion": 0.8, "dynamodb.storageGbMonth": 0.35, "dynamodb.pitrGbMonth": 0.25 }, "ap-south-2");
            const global = (replica: Record<string, unknown> = {}) => ({
                resources: [table({ replicas: [{ regionName: "ap-south-2", pointInTimeRecovery: true, ...replica }] })],
                assumptions: { ...volumes, dynamodbItemKb: 2 }, tables: [testTable(), hyderabad],
            });

            itPrices([
                ["applies every write (and its GSI writes) again in the replica region at its replicated-write price: 1 M × 4 × $0.80 = $3.20",
                    global(), "transactions", "replica in ap-south-2: replicated write request units", 3.2],
                ["stores a full copy with its ALL-projection indexes at the replica region's price: 10 GB × 3 × $0.35 = $10.50", global(), "transactions", "replica in ap-south-2: storage", 10.5],
                ["charges the replica's own point-in-time recovery when on: 10 GB × $0.25 = $2.50", global(), "transactions", "replica in ap-south-2: point-in-time recovery", 2.5],
            ]);

            it("charges no replica point-in-time recovery when off", () => {
                expect(lineOf(estimate(global({ pointInTimeRecovery: false })), "transactions").charges.map((c) => c.item)).to.not.include("replica in ap-south-2: point-in-time recovery");
            });

            it("ships each write out of the table's region: 1 M × 2 KB = 1.907 GB × $0.09 (ap-south-1 price)", () => {
                const c = lineOf(estimate(global()), "transactions").charges.find((x) => x.item === "replica in ap-south-2: writes copied across regions");
                expect([c?.region, c?.monthlyUsd]).to.deep.equal(["ap-south-1", (2_000_000 / (1024 * 1024)) * 0.09]);
            });
        });
    });

    describe("point-in-time restore (the DR stack's database, issue 17)", () => {
        itPrices([
            ["takes engine and storage from its source when the plan holds it: 730 × $0.10 + 100 GB × $0.125", { resources: [primary(), restored()] }, "dr-database", undefined, 73 + 12.5],
        ]);

        it("says what to set when neither it nor a source in the plan gives its storage", () => {
            expect(lineOf(estimate({ resources: [restored({ engine: "postgres" })] }), "dr-database").reason).to.equal("no allocated storage on the instance or its source (a restore from another stack: set allocatedStorage on it)");
        });
    });

    itHasStatus([
        ["RDS: another engine is not priced", { resources: [primary({ engine: "mysql" })] }, "database-primary", "not-priced"],
        ["DynamoDB: provisioned capacity is not priced", { resources: [table({ billingMode: "PROVISIONED" })] }, "transactions", "not-priced"],
        ["a restore whose source is in another stack is priced from its own inputs",
            { resources: [restored({ engine: "postgres", allocatedStorage: 100, storageType: "gp3" })] }, "dr-database", "priced"],
    ]);
});
