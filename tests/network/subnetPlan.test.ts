import { expect } from "chai";
import fc from "fast-check";
import { contains, overlaps, parseCidr } from "../../lib/cidr";
import { checkLayout, checkSubnetPlanInput, planSubnets, SUBNET_TIERS } from "../../lib/subnetPlan";

const GUIDE_INPUT = {
    vpcCidr: "192.168.0.0/24",
    availabilityZones: ["ap-south-1a", "ap-south-1b"],
    subnetPrefixLength: 27,
    reservedCidrs: ["192.168.0.192/26"],
};

describe("subnet planner (§3.1.1)", () => {
    it("produces exactly the guide's six subnets, tier by tier and AZ by AZ", () => {
        const plan = planSubnets(GUIDE_INPUT);
        expect(plan.subnets.map((s) => [s.tier, s.availabilityZone, s.cidr])).to.deep.equal([
            ["public", "ap-south-1a", "192.168.0.0/27"],
            ["public", "ap-south-1b", "192.168.0.32/27"],
            ["app", "ap-south-1a", "192.168.0.64/27"],
            ["app", "ap-south-1b", "192.168.0.96/27"],
            ["db", "ap-south-1a", "192.168.0.128/27"],
            ["db", "ap-south-1b", "192.168.0.160/27"],
        ]);
    });

    it("leaves 192.168.0.192/26 free (Reserved: future expansion)", () => {
        const plan = planSubnets(GUIDE_INPUT);
        const reserved = parseCidr("192.168.0.192/26");
        expect(plan.reservedCidrs).to.deep.equal(["192.168.0.192/26"]);
        for (const s of plan.subnets) expect(overlaps(parseCidr(s.cidr), reserved), s.cidr).to.equal(false);
    });

    it("rejects a VPC CIDR that is not a network address", () => {
        expect(checkSubnetPlanInput({ ...GUIDE_INPUT, vpcCidr: "192.168.0.5/24" })[0]).to.include({ key: "vpcCidr" });
        expect(checkSubnetPlanInput({ ...GUIDE_INPUT, vpcCidr: "not-a-cidr" })[0]).to.include({ key: "vpcCidr" });
    });

    it("rejects a VPC too small for three tiers in every AZ", () => {
        const problems = checkSubnetPlanInput({ ...GUIDE_INPUT, availabilityZones: ["ap-south-1a", "ap-south-1b", "ap-south-1c"], reservedCidrs: [] });
        expect(problems).to.have.length(1);
        expect(problems[0].key).to.equal("availabilityZones");
        expect(problems[0].message).to.match(/need 9 \/27 subnets but 192\.168\.0\.0\/24 holds only 8/);
    });

    it("rejects a subnet size larger than the VPC or smaller than /28", () => {
        expect(checkSubnetPlanInput({ ...GUIDE_INPUT, subnetPrefixLength: 23 })[0].key).to.equal("subnetPrefixLength");
        expect(checkSubnetPlanInput({ ...GUIDE_INPUT, subnetPrefixLength: 29 })[0].key).to.equal("subnetPrefixLength");
    });

    it("rejects a reserved block outside the VPC, naming it", () => {
        const problems = checkSubnetPlanInput({ ...GUIDE_INPUT, reservedCidrs: ["10.0.0.0/26"] });
        expect(problems).to.deep.equal([{ key: "reservedCidrs", message: "reserved 10.0.0.0/26 is outside the VPC CIDR 192.168.0.0/24" }]);
    });

    it("rejects a reserved block that overlaps a planned subnet", () => {
        const problems = checkSubnetPlanInput({ ...GUIDE_INPUT, reservedCidrs: ["192.168.0.160/27"] });
        expect(problems).to.deep.equal([{ key: "reservedCidrs", message: "reserved 192.168.0.160/27 overlaps db ap-south-1b 192.168.0.160/27" }]);
    });

    it("checkLayout: a subnet outside the VPC or overlapping another is reported", () => {
        const problems = checkLayout("192.168.0.0/24", [
            { name: "a", cidr: "192.168.0.0/27" },
            { name: "b", cidr: "192.168.0.16/28" },
            { name: "c", cidr: "192.168.1.0/27" },
        ], []);
        expect(problems.map((p) => p.message)).to.deep.equal(["b overlaps a", "c is outside the VPC CIDR 192.168.0.0/24"]);
    });

    it("property: for any VPC and AZ count that fit, subnets are inside the VPC, disjoint, and of the asked size", () => {
        fc.assert(fc.property(
            fc.integer({ min: 16, max: 24 }),
            fc.integer({ min: 1, max: 4 }),
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: 0, max: 255 }),
            (vpcPrefix, azCount, extraBits, secondOctet) => {
                const subnetPrefix = Math.min(28, vpcPrefix + 2 + extraBits);
                const input = {
                    vpcCidr: `10.${secondOctet}.0.0/${vpcPrefix}`,
                    availabilityZones: ["ap-south-1a", "ap-south-1b", "ap-south-1c", "ap-south-1d"].slice(0, azCount),
                    subnetPrefixLength: subnetPrefix,
                    reservedCidrs: [],
                };
                fc.pre(2 ** (subnetPrefix - vpcPrefix) >= SUBNET_TIERS.length * azCount);
                const plan = planSubnets(input);
                const vpc = parseCidr(input.vpcCidr);
                const ranges = plan.subnets.map((s) => parseCidr(s.cidr));
                expect(plan.subnets).to.have.length(SUBNET_TIERS.length * azCount);
                ranges.forEach((r, i) => {
                    expect(r.prefixLength).to.equal(subnetPrefix);
                    expect(contains(vpc, r)).to.equal(true);
                    ranges.slice(i + 1).forEach((other) => expect(overlaps(r, other)).to.equal(false));
                });
            },
        ));
    });
});
