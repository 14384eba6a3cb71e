import { expect } from "chai";
import { Environment } from "../../config/names";
import { PaymentTables } from "../../data/tables";
import { construct, Constructed, inAccount, valueOf } from "../support/component";

const TABLE = "aws:dynamodb/table:Table";
const GENERAL_KEY = "arn:aws:kms:ap-south-1:123456789012:key/general";

const STACKS = {
    dev: { pointInTimeRecovery: false, protect: false },
    staging: { pointInTimeRecovery: false, protect: false },
    prod: { pointInTimeRecovery: true, protect: true },
} as const;

interface Gsi { name: string; keySchemas: { attributeName: string; keyType: string }[]; projectionType: string }

describe("data: PaymentTables (§4.1, §7.1.1)", () => {
    const built = {} as Record<Environment, Constructed<PaymentTables>>;
    before(async () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            built[env] = await construct(() => new PaymentTables(`tables-${env}`, { environment: env, kmsKeyArn: GENERAL_KEY, ...STACKS[env] }, inAccount()));
        }
    });
    const transactions = (env: Environment) => built[env].one(TABLE, `tables-${env}-transactions`);
    const queue = (env: Environment) => built[env].one(TABLE, `tables-${env}-transaction-queue`);
    const indexes = (inputs: Record<string, unknown>) => Object.fromEntries((inputs.globalSecondaryIndexes as Gsi[]).map((i) => [i.name, i]));
    const keys = (gsi: Gsi) => gsi.keySchemas.map((k) => `${k.keyType}:${k.attributeName}`);

    // Each stack's tables on its real plan (names, on demand, CMK, PITR) are tests/program/data.test.ts; here the behaviour once.
    it("on demand (§4.1), encrypted with the given CMK; PITR, protect and deletion protection follow the args", () => {
        for (const env of ["dev", "prod"] as const) {
            for (const t of [transactions(env), queue(env)]) {
                expect(t.inputs.billingMode, t.name).to.equal("PAY_PER_REQUEST");
                expect(t.inputs.serverSideEncryption, t.name).to.deep.equal({ enabled: true, kmsKeyArn: GENERAL_KEY });
                expect(t.inputs.pointInTimeRecovery, t.name).to.deep.equal({ enabled: STACKS[env].pointInTimeRecovery });
                expect(t.protect, t.name).to.equal(STACKS[env].protect);
                expect(t.inputs.deletionProtectionEnabled, t.name).to.equal(STACKS[env].protect);
            }
        }
        expect(transactions("dev").inputs.name).to.equal("dev-fivestar-transactions");
        expect(queue("dev").inputs.name).to.equal("dev-fivestar-transaction-queue");
    });

    describe("transactions table keys and indexes", () => {
        it("is keyed by transactionId alone", () => {
            expect(transactions("prod").inputs.hashKey).to.equal("transactionId");
            expect(transactions("prod").inputs).not.to.have.property("rangeKey");
        });
        it("finds a customer's and a loan account's transactions by time, transactions by status and time, and the one a gateway webhook names (keys only)", () => {
            const gsi = indexes(transactions("prod").inputs);
            expect(Object.fromEntries(Object.entries(gsi).map(([name, g]) => [name, keys(g)]))).to.deep.include({
                "by-customer": ["HASH:customerId", "RANGE:createdAt"], "by-loan-account": ["HASH:loanAccountId", "RANGE:createdAt"],
                "by-status": ["HASH:status", "RANGE:createdAt"], "by-gateway-reference": ["HASH:gatewayReference"],
            });
            expect([gsi["by-customer"].projectionType, gsi["by-gateway-reference"].projectionType]).to.deep.equal(["ALL", "KEYS_ONLY"]);
        });
        it("defines exactly the key attributes, as strings", () => {
            expect(transactions("prod").inputs.attributes).to.have.deep.members(
                ["transactionId", "customerId", "createdAt", "loanAccountId", "status", "gatewayReference"].map((name) => ({ name, type: "S" })));
        });
        it("has no TTL: transactions are financial records", () => {
            expect(transactions("prod").inputs).not.to.have.property("ttl");
        });
    });

    describe("transaction queue keys, indexes and TTL", () => {
        it("is keyed by queueItemId", () => expect(queue("prod").inputs.hashKey).to.equal("queueItemId"));
        it("finds due items by status and due time, and a transaction's items", () => {
            const gsi = indexes(queue("prod").inputs);
            expect(keys(gsi["by-status-due"])).to.deep.equal(["HASH:status", "RANGE:dueAt"]);
            expect(keys(gsi["by-transaction"])).to.deep.equal(["HASH:transactionId", "RANGE:dueAt"]);
            expect(Object.keys(gsi)).to.have.length(2);
        });
        it("expires finished items through TTL on expiresAt", () => {
            expect(queue("prod").inputs.ttl).to.deep.equal({ enabled: true, attributeName: "expiresAt" });
        });
    });

    it("outputs the table names and ARNs", async () => {
        const c = built.dev.component;
        expect(await valueOf(c.transactionsTableName)).to.equal("dev-fivestar-transactions");
        expect(await valueOf(c.queueTableName)).to.equal("dev-fivestar-transaction-queue");
        expect(await valueOf(c.transactionsTableArn)).to.match(/:dev-fivestar-transactions$/);
        expect(await valueOf(c.queueTableArn)).to.match(/:dev-fivestar-transaction-queue$/);
    });

    it("parents both tables to the component", () => {
        const component = built.prod.one("fivestar:data:PaymentTables", "tables-prod");
        for (const t of [transactions("prod"), queue("prod")]) expect(t.parent).to.equal(component.urn);
    });
});
