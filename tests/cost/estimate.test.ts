import { expect } from "chai";
import { CENT, estimate, lineOf, resource, testTable, TEST_PRICES } from "./fixtures";

const component = (type: string, name: string) => resource(type, name, {}, { custom: false });
const inComponent = (parent: { urn: string }, type: string, name: string, inputs: Record<string, unknown> = {}) => resource(type, name, inputs, { parent: parent.urn });

describe("cost estimate", () => {
    const network = component("fivestar:network:Network", "network");
    const kms = component("fivestar:security:KmsKeys", "kms");
    const natGroup = component("fivestar:network:NatGateways", "nats"); // a nested component
    const nested = resource("aws:ec2/eip:Eip", "nat-eip", {}, { parent: natGroup.urn });
    const plan = [
        network,
        { ...natGroup, parent: network.urn },
        nested,
        inComponent(network, "aws:ec2/subnet:Subnet", "public-a"),
        inComponent(kms, "aws:kms/key:Key", "logs-key"),
        kms,
        inComponent(kms, "aws:kms/key:Key", "data-key"),
    ];

    it("prices only custom resources: components are groups, not lines", () => {
        expect(estimate({ resources: plan }).lines.map((l) => l.name).sort()).to.deep.equal(["data-key", "deployment-account", "logs-key", "nat-eip", "public-a"]);
    });

    it("attributes a resource to its top-level component, through nested components", () => {
        expect(lineOf(estimate({ resources: plan }), "nat-eip").component).to.equal("network (fivestar:network:Network)");
    });

    it("subtotals per component, in deployment order: network (730 × $0.005 = $3.65) before kms (2 × $1)", () => {
        const rounded = estimate({ resources: plan }).components.map((c) => [c.component, Math.round(c.monthlyUsd * 100) / 100]);
        expect(rounded).to.deep.equal([["network (fivestar:network:Network)", 3.65], ["kms (fivestar:security:KmsKeys)", 2], ["(stack)", 0]]);
    });

    it("totals every priced charge: $3.65 + $2.00 = $5.65", () => {
        expect(estimate({ resources: plan }).totalMonthlyUsd).to.be.closeTo(5.65, CENT);
    });

    it("lists free resources as free with the reason", () => {
        const line = lineOf(estimate({ resources: plan }), "public-a");
        expect([line.status, line.reason]).to.deep.equal(["free", "VPC networking has no charge"]);
    });

    it("lists the provider as free: not a cloud resource", () => {
        expect(lineOf(estimate({ resources: plan }), "deployment-account").status).to.equal("free");
    });

    it("reports a type no rule knows as not priced, never as free", () => {
        const e = estimate({ resources: [resource("aws:sqs/queue:Queue", "stopper", { runtime: "nodejs20.x" })] });
        expect(lineOf(e, "stopper").reason).to.equal("no pricing rule for aws:sqs/queue:Queue: add one in tools/cost/rules/ (or list it as free there) before trusting the total");
    });

    it("counts priced, free and not-priced resources", () => {
        const e = estimate({ resources: [...plan, resource("aws:sqs/queue:Queue", "stopper")] });
        expect(e.counts).to.deep.equal({ priced: 3, free: 2, notPriced: 1 });
    });

    it("reports a charge whose price is missing from the table as not priced, and keeps the rest of the line priced", () => {
        const withoutData = Object.fromEntries(Object.entries(TEST_PRICES).filter(([k]) => k !== "ec2.natGatewayDataGb"));
        const e = estimate({ resources: [resource("aws:ec2/natGateway:NatGateway", "nat")], tables: [testTable(withoutData)] });
        const line = lineOf(e, "nat");
        expect([line.status, line.monthlyUsd]).to.deep.equal(["not-priced", 730 * 0.05]);
    });

    it("does not flag a sourced (non-estimate) price as estimated", () => {
        const e = estimate({ resources: [resource("aws:kms/key:Key", "key")] });
        expect(lineOf(e, "key").charges[0].estimatedPrice).to.equal(false);
    });

    it("uses another region's own table when there is one", () => {
        const hyderabad = testTable({ ...TEST_PRICES, "kms.keyMonth": 2 }, "ap-south-2");
        const providerB = resource("pulumi:providers:aws", "backup-region", { region: "ap-south-2" });
        const e = estimate({ resources: [providerB, resource("aws:kms/key:Key", "replica-key", {}, { provider: providerB.urn })], tables: [testTable(), hyderabad] });
        expect(lineOf(e, "replica-key").monthlyUsd).to.equal(2);
    });

    it("reads a resource's own region input before its provider's", () => {
        const e = estimate({ resources: [resource("aws:kms/key:Key", "key", { region: "eu-west-1" })] });
        expect(lineOf(e, "key").region).to.equal("eu-west-1");
    });
});
