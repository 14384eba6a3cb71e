import { expect } from "chai";
import { replicaPlacements } from "../../data/replicaPlacement";

describe("data: read replica placement (§4.1.3)", () => {
    const AZS = ["ap-south-1a", "ap-south-1b"];
    it("prod's two replicas go to two different zones, named -replica-1 and -replica-2", () => {
        expect(replicaPlacements("prod", 2, AZS)).to.deep.equal([
            { index: 0, identifier: "prod-fivestar-payments-db-replica-1", availabilityZone: "ap-south-1a" },
            { index: 1, identifier: "prod-fivestar-payments-db-replica-2", availabilityZone: "ap-south-1b" },
        ]);
    });
    it("no replicas, no placements", () => expect(replicaPlacements("dev", 0, AZS)).to.deep.equal([]));
    it("never puts two replicas in one zone", () => {
        const zones = replicaPlacements("prod", 3, ["ap-south-1a", "ap-south-1b", "ap-south-1c"]).map((p) => p.availabilityZone);
        expect(new Set(zones).size).to.equal(3);
    });
    it("refuses more replicas than zones", () => {
        expect(() => replicaPlacements("prod", 3, AZS)).to.throw("3 read replicas need 3 availability zones (one each), only 2 given");
    });
    it("refuses repeated zones and negative or fractional counts", () => {
        expect(() => replicaPlacements("prod", 2, ["ap-south-1a", "ap-south-1a"])).to.throw("availability zones repeat");
        expect(() => replicaPlacements("prod", -1, AZS)).to.throw("whole number");
        expect(() => replicaPlacements("prod", 1.5, AZS)).to.throw("whole number");
    });
});
