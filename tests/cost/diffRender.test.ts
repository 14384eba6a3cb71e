import { expect } from "chai";
import { diffEstimates, parseSavedEstimate, renderDiff } from "../../tools/cost/diff";
import { renderEstimate, unitPrice, usd } from "../../tools/cost/render";
import { estimate, resource } from "./fixtures";

// Test prices: NAT $0.05/h + $0.04/GB, Elastic IP $0.005/h, KMS key $1.
const nat = (name: string) => resource("aws:ec2/natGateway:NatGateway", name);
const eip = (name: string) => resource("aws:ec2/eip:Eip", name);
const oneNat = () => estimate({ resources: [nat("nat-a"), eip("eip-a")], assumptions: { natDataGbPerMonth: 100 } });
const twoNats = () => estimate({ resources: [nat("nat-a"), eip("eip-a"), nat("nat-b"), eip("eip-b")], assumptions: { natDataGbPerMonth: 100 } });

describe("cost diff", () => {
    it("adds a second NAT and its address: +$40.15 a month", () => {
        // New NAT 730 × $0.05 = $36.50 + its half of the data 50 GB × $0.04 = $2.00; its address 730 × $0.005 = $3.65;
        // the first NAT's data halves (100 GB → 50 GB): -$2.00. Total +$40.15.
        const diff = diffEstimates(oneNat(), twoNats());
        expect(diff.afterUsd - diff.beforeUsd).to.be.closeTo(36.5 + 3.65, 0.0001);
    });

    it("lists an added charge, a changed one and none unchanged", () => {
        const changes = diffEstimates(oneNat(), twoNats()).charges.map((c) => `${c.change} ${c.name} ${c.item}`);
        expect(changes.sort()).to.deep.equal([
            "added eip-b public IPv4 address hours", "added nat-b NAT gateway hours", "added nat-b data processed", "changed nat-a data processed",
        ]);
    });

    it("lists a removed charge when the resource goes", () => {
        const diff = diffEstimates(twoNats(), oneNat());
        expect(diff.charges.filter((c) => c.change === "removed").map((c) => c.name).sort()).to.deep.equal(["eip-b", "nat-b", "nat-b"]);
    });

    it("prints no change for identical estimates", () => {
        expect(renderDiff(diffEstimates(oneNat(), oneNat()))).to.include("No priced charge changed.");
    });

    it("prints the total before, after and the difference", () => {
        expect(renderDiff(diffEstimates(oneNat(), twoNats())).split("\n")[0]).to.equal('Monthly cost of stack "test": $44.15 -> $84.30, +$40.15 (+90.9%)');
    });

    it("names resources that became not priced", () => {
        const after = estimate({ resources: [nat("nat-a"), eip("eip-a"), resource("aws:sqs/queue:Queue", "stopper")] });
        expect(diffEstimates(oneNat(), after).newlyNotPriced).to.deep.equal(["aws:sqs:Queue stopper"]);
    });

    describe("saved estimates", () => {
        it("reads back what --save writes", () => {
            const saved = JSON.stringify(oneNat());
            expect(parseSavedEstimate(saved, "test", "base.json").totalMonthlyUsd).to.equal(oneNat().totalMonthlyUsd);
        });

        it("reads the estimate out of --json --diff output too", () => {
            const saved = JSON.stringify({ estimate: oneNat(), diff: {} });
            expect(parseSavedEstimate(saved, "test", "base.json").stack).to.equal("test");
        });

        it("refuses a plan file (not an estimate)", () => {
            expect(() => parseSavedEstimate(JSON.stringify({ stack: "test", resources: [] }), "test", "plan.json")).to.throw(/is not a saved cost estimate/);
        });

        it("refuses another stack's estimate", () => {
            expect(() => parseSavedEstimate(JSON.stringify(oneNat()), "prod", "base.json")).to.throw(/stack "test", not "prod"/);
        });
    });
});

describe("cost report text", () => {
    const text = () => renderEstimate(estimate({
        resources: [nat("nat-a"), resource("aws:ec2/subnet:Subnet", "public-a"), resource("aws:sqs/queue:Queue", "stopper")],
        assumptions: { natDataGbPerMonth: 100 },
    }));

    const shows: [string, RegExp][] = [
        ["a row per charge with quantity, unit price and monthly cost", /aws:ec2:NatGateway\s+nat-a\s+NAT gateway hours\s+730\s+unit of ec2\.natGatewayHour\s+× \$0\.05\s+\$36\.50/],
        ["[A] on the rows that depend on an assumption", /data processed\s+100\s+unit of ec2\.natGatewayDataGb\s+× \$0\.04\s+\$4\.00\s+\[A\]/],
        ["the total, a lower bound when something is not priced", /Total: \$40\.50 a month \(1 priced, 2 free, 1 not priced resources\); a lower bound/],
        ["what is not priced with the reason", / {2}aws:sqs:Queue stopper: no pricing rule for aws:sqs\/queue:Queue/],
        ["the assumptions with their values and use", / {2}natDataGbPerMonth = 100 \(default\): used by 1 charge/],
    ];
    for (const [what, line] of shows) it(`prints ${what}`, () => expect(text()).to.match(line));

    it("formats money with cents and thousands, and tiny unit prices with enough digits", () => {
        expect([usd(1829.476), unitPrice(0.0000007), unitPrice(0.4)]).to.deep.equal(["$1,829.48", "$0.0000007", "$0.40"]);
    });
});
