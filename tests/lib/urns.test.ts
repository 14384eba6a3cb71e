/**
 * URNs and aliases computed as the Pulumi engine does: the basis for telling a moved resource (kept
 * by an alias) from a deleted one, and for the delivery tool's rollout phases (which module owns a URN).
 */
import { expect } from "chai";
import * as fc from "fast-check";
import { AliasedResource, aliasIndex, aliasUrns, ownerOf, parseUrn, providerUrnOf, urnFor } from "../../lib/urns";

const P = "urn:pulumi:prod::fivestar-payments::";
const NETWORK = `${P}fivestar:network:Network::network`;
const FLOW_LOGS = `${P}fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup::network-flow-logs`;

const resource = (over: Partial<AliasedResource> & Pick<AliasedResource, "urn">): AliasedResource => {
    const { name, type } = parseUrn(over.urn);
    return { name, type, parent: "", aliases: [], ...over };
};
const noParents = () => undefined;

describe("lib: URNs", () => {
    it("parses stack, project, the parent type chain, the own type and the name", () => {
        expect(parseUrn(FLOW_LOGS)).to.deep.equal({
            stack: "prod",
            project: "fivestar-payments",
            qualifiedType: "fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup",
            typeChain: ["fivestar:network:Network", "aws:cloudwatch/logGroup:LogGroup"],
            type: "aws:cloudwatch/logGroup:LogGroup",
            name: "network-flow-logs",
        });
    });

    it("keeps a name that contains :: whole", () => {
        expect(parseUrn(`${P}aws:s3/bucket:Bucket::a::b`).name).to.equal("a::b");
    });

    it("refuses what is not a URN", () => {
        expect(() => parseUrn("network-flow-logs")).to.throw('not a Pulumi URN: "network-flow-logs"');
    });

    it("builds a child's URN from its parent's type chain (the parent's name is not part of it)", () => {
        expect(urnFor("prod", "fivestar-payments", "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs", NETWORK)).to.equal(FLOW_LOGS);
    });

    it("leaves the root stack resource out of a top-level resource's URN", () => {
        const stackUrn = `${P}pulumi:pulumi:Stack::fivestar-payments-prod`;
        expect(urnFor("prod", "fivestar-payments", "fivestar:network:Network", "network", stackUrn)).to.equal(NETWORK);
        expect(urnFor("prod", "fivestar-payments", "fivestar:network:Network", "network", "")).to.equal(NETWORK);
    });

    it("parses back every URN it builds (property)", () => {
        const token = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}:[a-z0-9/]{1,12}:[A-Z][a-zA-Z0-9]{0,10}$/);
        const name = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);
        fc.assert(fc.property(token, name, fc.option(fc.tuple(token, name), { nil: undefined }), (type, n, parent) => {
            const parentUrn = parent ? urnFor("dev", "p", parent[0], parent[1], "") : "";
            const parsed = parseUrn(urnFor("dev", "p", type, n, parentUrn));
            return parsed.type === type && parsed.name === n && parsed.qualifiedType === (parent ? `${parent[0]}$${type}` : type);
        }));
    });
});

describe("lib: the URNs an alias stands for", () => {
    const renamed = `${P}fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup::network-vpc-flow-logs`;

    it("{ name } (recorded with the current parent): the old name under the same parent", () => {
        const r = resource({ urn: renamed, parent: NETWORK, aliases: [{ name: "network-flow-logs", parentUrn: NETWORK }] });
        expect(aliasUrns(r, noParents)).to.deep.equal([FLOW_LOGS]);
    });

    it("{ name } with no parent recorded: relative to the resource's current parent", () => {
        const r = resource({ urn: renamed, parent: NETWORK, aliases: [{ name: "network-flow-logs" }] });
        expect(aliasUrns(r, noParents)).to.deep.equal([FLOW_LOGS]);
    });

    it("{ parent: old }: the same name under the old parent", () => {
        const moved = `${P}fivestar:monitoring:LogGroups$aws:cloudwatch/logGroup:LogGroup::network-flow-logs`;
        const r = resource({ urn: moved, parent: `${P}fivestar:monitoring:LogGroups::logs`, aliases: [{ parentUrn: NETWORK }] });
        expect(aliasUrns(r, noParents)).to.deep.equal([FLOW_LOGS]);
    });

    it("{ parent: pulumi.rootStackResource } (noParent): the same name at the stack root", () => {
        const r = resource({ urn: FLOW_LOGS, parent: NETWORK, aliases: [{ noParent: true }] });
        expect(aliasUrns(r, noParents)).to.deep.equal([`${P}aws:cloudwatch/logGroup:LogGroup::network-flow-logs`]);
    });

    it("{ type }: the old type (e.g. BucketV2 -> Bucket)", () => {
        const bucket = `${P}aws:s3/bucket:Bucket::trail`;
        expect(aliasUrns(resource({ urn: bucket, aliases: [{ type: "aws:s3/bucketV2:BucketV2" }] }), noParents)).to.deep.equal([`${P}aws:s3/bucketV2:BucketV2::trail`]);
    });

    it("a whole URN stands for itself", () => {
        const old = `${P}aws:foo:Bar::old`;
        expect(aliasUrns(resource({ urn: FLOW_LOGS, parent: NETWORK, aliases: [{ urn: old }] }), noParents)).to.deep.equal([old]);
    });

    it("no aliases, no aliased parent: nothing", () => {
        expect(aliasUrns(resource({ urn: FLOW_LOGS, parent: NETWORK }), noParents)).to.deep.equal([]);
    });

    describe("inherited from an aliased parent (the engine's child aliases)", () => {
        const core = `${P}fivestar:network:Network::core-network`;
        const coreComponent = resource({ urn: core, aliases: [{ name: "network" }] });
        const parents = (urn: string) => (urn === core ? coreComponent : undefined);

        it("a child named after the parent gets the old prefix back", () => {
            const child = resource({ urn: `${P}fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup::core-network-flow-logs`, parent: core });
            expect(aliasUrns(child, parents)).to.deep.equal([FLOW_LOGS]);
        });

        it("a child with its own name: same URN under the old parent (URNs carry parent types, not names)", () => {
            const child = resource({ urn: `${P}fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup::flow-logs`, parent: core });
            expect(aliasUrns(child, parents)).to.deep.equal([]);
        });

        it("a child with its own name under a parent whose type changed: the old type chain", () => {
            const vpc = `${P}fivestar:network:Vpc::network`;
            const retyped = resource({ urn: vpc, aliases: [{ type: "fivestar:network:Network" }] });
            const child = resource({ urn: `${P}fivestar:network:Vpc$aws:cloudwatch/logGroup:LogGroup::flow-logs`, parent: vpc });
            expect(aliasUrns(child, (urn) => (urn === vpc ? retyped : undefined))).to.deep.equal([`${P}fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup::flow-logs`]);
        });

        it("a grandchild inherits through the chain", () => {
            const midUrn = `${P}fivestar:network:Network$fivestar:network:FlowLogs::core-network-flow`;
            const mid = resource({ urn: midUrn, parent: core });
            const leaf = resource({ urn: `${P}fivestar:network:Network$fivestar:network:FlowLogs$aws:cloudwatch/logGroup:LogGroup::core-network-flow-group`, parent: midUrn });
            const lookup = (urn: string) => (urn === core ? coreComponent : urn === midUrn ? mid : undefined);
            expect(aliasUrns(leaf, lookup)).to.deep.equal([`${P}fivestar:network:Network$fivestar:network:FlowLogs$aws:cloudwatch/logGroup:LogGroup::network-flow-group`]);
        });
    });

    it("indexes every old URN to the current resource that keeps it", () => {
        const r = resource({ urn: renamed, parent: NETWORK, aliases: [{ name: "network-flow-logs" }] });
        const index = aliasIndex([resource({ urn: NETWORK }), r]);
        expect([...index.entries()].map(([old, now]) => [old, now.urn])).to.deep.equal([[FLOW_LOGS, renamed]]);
    });
});

describe("lib: who owns a URN (the delivery tool's rollout phases)", () => {
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
