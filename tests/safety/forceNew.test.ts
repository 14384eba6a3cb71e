/**
 * The ForceNew data (tools/safety/forceNew.json): every resource type the program registers has an
 * entry with its source, so the plan diff can say which changes replace a resource.
 */
import { expect } from "chai";
import { FORCE_NEW, hasForceNewData, typesWithoutForceNew } from "../../tools/safety/forceNew";
import { STATEFUL_TYPES } from "../../tools/safety/statefulTypes";
import { planOf, STACKS } from "../support/plans";

describe("safety: ForceNew data for every resource type", () => {
    it("every custom resource type of every stack has an entry (a missing one is named)", async () => {
        const types = (await Promise.all(STACKS.map(planOf))).flatMap((p) => p.resources.filter((r) => r.custom).map((r) => r.type));
        expect(typesWithoutForceNew(types)).to.deep.equal([]);
    });

    it("names a type that has no entry (the check can fail)", () => {
        expect(typesWithoutForceNew(["aws:ec2/vpc:Vpc", "aws:sqs/queue:Queue", "aws:sqs/queue:Queue"])).to.deep.equal(["aws:sqs/queue:Queue"]);
    });

    it("each entry names its Terraform resource and source file, and lists camelCase inputs", () => {
        for (const [type, entry] of Object.entries(FORCE_NEW)) {
            expect(entry.terraform, type).to.match(/^(aws_|random_|\(provider)/);
            expect(entry.source, type).to.match(/\.go|provider/);
            for (const input of entry.forceNew) expect(input, type).to.match(/^[a-z][A-Za-z0-9]*$/);
        }
    });

    it("the VPC, subnet and DB subnet group entries (checked against the provider source) say what replaces them", () => {
        expect(FORCE_NEW["aws:ec2/vpc:Vpc"].forceNew).to.include("cidrBlock");
        expect(FORCE_NEW["aws:ec2/subnet:Subnet"].forceNew).to.include.members(["cidrBlock", "vpcId", "availabilityZone"]);
        expect(FORCE_NEW["aws:rds/subnetGroup:SubnetGroup"].forceNew).to.deep.equal(["name", "namePrefix"]);
    });

    it("agrees with the replace-on-change inputs of the stateful types", () => {
        for (const [type, stateful] of Object.entries(STATEFUL_TYPES)) {
            if (!hasForceNewData(type)) continue;
            expect(FORCE_NEW[type].forceNew, type).to.include.members([...stateful.replaceOnChange]);
        }
    });
});
