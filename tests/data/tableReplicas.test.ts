/**
 * Issue 17: PaymentTables with a replica: both tables become global tables (2019.11.21) with one replica
 * in the recovery region under that region's key, PITR and deletion protection on the replica, and the
 * NEW_AND_OLD_IMAGES stream replication runs through. Without a replica nothing of it is set.
 */
import { expect } from "chai";
import { PaymentTables } from "../../data/tables";
import { construct, inAccount } from "../support/component";

const TABLE = "aws:dynamodb/table:Table";
const GENERAL_KEY = "arn:aws:kms:ap-south-1:123456789012:key/general";
const REPLICA_KEY = "arn:aws:kms:ap-south-2:123456789012:key/replica-general";

describe("data: PaymentTables replicas (issue 17)", () => {
    for (const protect of [true, false]) {
        it(`a replica in ap-south-2 with its own key, PITR, deletion protection ${protect}, tags propagated; the stream on`, async () => {
            const built = await construct(() => new PaymentTables(`tables-replicated-${protect}`, {
                environment: "prod", kmsKeyArn: GENERAL_KEY, pointInTimeRecovery: true, protect, replica: { region: "ap-south-2", kmsKeyArn: REPLICA_KEY },
            }, inAccount()));
            const tables = built.ofType(TABLE);
            expect(tables).to.have.length(2);
            for (const t of tables) {
                expect(t.inputs.replicas, t.name).to.deep.equal([{ regionName: "ap-south-2", kmsKeyArn: REPLICA_KEY, pointInTimeRecovery: true, deletionProtectionEnabled: protect, propagateTags: true }]);
                expect(t.inputs).to.deep.include({ streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" });
                expect(t.inputs.serverSideEncryption).to.deep.equal({ enabled: true, kmsKeyArn: GENERAL_KEY });
            }
        });
    }
    it("without a replica: no replicas, no stream (dev and staging unchanged)", async () => {
        const built = await construct(() => new PaymentTables("tables-single", { environment: "staging", kmsKeyArn: GENERAL_KEY, pointInTimeRecovery: false, protect: false }, inAccount()));
        for (const t of built.ofType(TABLE)) expect(t.inputs).not.to.have.any.keys("replicas", "streamEnabled", "streamViewType");
    });
});
