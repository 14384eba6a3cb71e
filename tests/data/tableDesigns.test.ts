import { expect } from "chai";
import { indexKeySchema, keyAttributes, TableDesign, TRANSACTION_QUEUE_TABLE, TRANSACTIONS_TABLE } from "../../data/tableDesigns";

describe("data: DynamoDB table designs (§4.1, §7.1.1)", () => {
    for (const [label, design] of [["transactions", TRANSACTIONS_TABLE], ["transaction queue", TRANSACTION_QUEUE_TABLE]] as const) {
        describe(label, () => {
            it("every index has a valid, unique name and a documented access pattern", () => {
                const namesSeen = design.indexes.map((i) => i.name);
                expect(new Set(namesSeen).size).to.equal(namesSeen.length);
                for (const i of design.indexes) {
                    expect(i.name).to.match(/^[a-zA-Z0-9_.-]{3,255}$/);
                    expect(i.serves, i.name).to.have.length.greaterThan(20);
                }
                expect(design.serves).to.have.length.greaterThan(20);
            });
            it("stays within DynamoDB's 20 global secondary indexes", () => expect(design.indexes.length).to.be.at.most(20));
        });
    }

    it("the queue expires items on expiresAt; transactions never expire", () => {
        expect(TRANSACTION_QUEUE_TABLE.ttlAttribute).to.equal("expiresAt");
        expect(TRANSACTIONS_TABLE.ttlAttribute).to.equal(undefined);
    });

    it("keeps the queue's TTL attribute out of every key (TTL is epoch seconds, keys are strings)", () => {
        expect(keyAttributes(TRANSACTION_QUEUE_TABLE).map((a) => a.name)).not.to.include("expiresAt");
    });

    it("defines each key attribute once, table key first", () => {
        const design: TableDesign = {
            partitionKey: "id", serves: "x".repeat(21), indexes: [
                { name: "a", partitionKey: "status", sortKey: "at", projection: "ALL", serves: "" },
                { name: "b", partitionKey: "owner", sortKey: "at", projection: "KEYS_ONLY", serves: "" },
            ],
        };
        expect(keyAttributes(design)).to.deep.equal(["id", "status", "at", "owner"].map((name) => ({ name, type: "S" })));
    });

    it("writes index keys as HASH then RANGE, or HASH alone", () => {
        expect(indexKeySchema({ name: "x", partitionKey: "p", sortKey: "s", projection: "ALL", serves: "" }))
            .to.deep.equal([{ attributeName: "p", keyType: "HASH" }, { attributeName: "s", keyType: "RANGE" }]);
        expect(indexKeySchema({ name: "x", partitionKey: "p", projection: "ALL", serves: "" })).to.deep.equal([{ attributeName: "p", keyType: "HASH" }]);
    });
});
