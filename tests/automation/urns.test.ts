import { expect } from "chai";
import { ownerOf, parseUrn, providerUrnOf } from "../../automation/urns";

describe("delivery tool: reading URNs", () => {
    const subnet = "urn:pulumi:prod::fivestar-payments::fivestar:network:Network$aws:ec2/subnet:Subnet::network-db-a";

    it("splits a URN into stack, project, parent type chain, type and name", () => {
        expect(parseUrn(subnet)).to.deep.equal({
            stack: "prod",
            project: "fivestar-payments",
            typeChain: ["fivestar:network:Network", "aws:ec2/subnet:Subnet"],
            type: "aws:ec2/subnet:Subnet",
            name: "network-db-a",
        });
    });

    it("keeps a name that itself contains ::", () => {
        expect(parseUrn("urn:pulumi:dev::p::aws:s3/bucket:Bucket::odd::name").name).to.equal("odd::name");
    });

    it("rejects what is not a URN", () => {
        expect(() => parseUrn("network-db-a")).to.throw('not a Pulumi URN: "network-db-a"');
    });

    it("a resource belongs to the module of its top-level component, however deep", () => {
        const deep = "urn:pulumi:prod::fivestar-payments::fivestar:data:Database$fivestar:data:Inner$aws:rds/instance:Instance::database-primary";
        expect(ownerOf(deep)).to.deep.equal({ kind: "module", module: "data" });
    });

    it("a provider at the stack root is a provider; one inside a component belongs to that module", () => {
        expect(ownerOf("urn:pulumi:prod::fivestar-payments::pulumi:providers:aws::deployment-account")).to.deep.equal({ kind: "provider" });
        expect(ownerOf("urn:pulumi:prod::fivestar-payments::fivestar:data:Database$pulumi:providers:aws::replica-region"))
            .to.deep.equal({ kind: "module", module: "data" });
    });

    it("the root stack resource is the stack; a resource outside any component is unowned", () => {
        expect(ownerOf("urn:pulumi:prod::fivestar-payments::pulumi:pulumi:Stack::fivestar-payments-prod")).to.deep.equal({ kind: "stack" });
        expect(ownerOf("urn:pulumi:prod::fivestar-payments::aws:s3/bucket:Bucket::stray")).to.deep.equal({ kind: "unowned", topType: "aws:s3/bucket:Bucket" });
    });

    it("a provider reference loses its id; a bare URN is kept", () => {
        const urn = "urn:pulumi:prod::fivestar-payments::pulumi:providers:aws::deployment-account";
        expect(providerUrnOf(`${urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`)).to.equal(urn);
        expect(providerUrnOf(urn)).to.equal(urn);
        expect(providerUrnOf("")).to.equal("");
    });
});
