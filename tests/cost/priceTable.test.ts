import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { parsePriceTable, readPriceTable } from "../../tools/cost/priceTable";
import { testTableJson } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const realFile = path.join(ROOT, "tools", "cost", "prices-ap-south-1.json");
const realJson = () => JSON.parse(fs.readFileSync(realFile, "utf8"));

describe("price tables", () => {
    describe("tools/cost/prices-ap-south-1.json", () => {
        it("is a valid table for ap-south-1 in USD, with the date it was taken", () => {
            const table = readPriceTable("ap-south-1", path.join(ROOT, "tools", "cost"));
            expect([table?.region, table?.takenOn]).to.deep.equal(["ap-south-1", realJson().takenOn]);
        });

        it("names a listed source for every price", () => {
            const { prices, sources } = realJson();
            const unknown = Object.entries(prices as Record<string, { source: string }>).filter(([, p]) => !(p.source in sources)).map(([k]) => k);
            expect(unknown).to.deep.equal([]);
        });

        it("has every price key the test table has, so each rule tested here is priced for real too", () => {
            const missing = Object.keys(testTableJson().prices).filter((k) => !(k in realJson().prices));
            expect(missing).to.deep.equal([]);
        });

        it("labels every estimated price with its basis (a number the sources do not give for ap-south-1)", () => {
            const estimates = Object.values(realJson().prices as Record<string, { estimate?: string }>).filter((p) => p.estimate !== undefined);
            expect(estimates.every((p) => (p.estimate ?? "").length > 20)).to.equal(true);
        });
    });

    describe("tools/cost/prices-ap-south-2.json (the disaster-recovery region, issue 17)", () => {
        const drJson = () => JSON.parse(fs.readFileSync(path.join(ROOT, "tools", "cost", "prices-ap-south-2.json"), "utf8"));

        it("is a valid table for ap-south-2", () => {
            expect(readPriceTable("ap-south-2", path.join(ROOT, "tools", "cost"))?.region).to.equal("ap-south-2");
        });

        it("prices every key ap-south-1 prices, so a replica or the prod-dr stack is never priced from another region by accident", () => {
            expect(Object.keys(drJson().prices).sort()).to.deep.equal(Object.keys(realJson().prices).sort());
        });

        it("labels every price not found for ap-south-2 as an estimate with its basis", () => {
            const unlabelled = Object.entries(drJson().prices as Record<string, { estimate?: string }>).filter(([, p]) => !p.estimate).map(([k]) => k);
            expect(unlabelled).to.deep.equal([]);
        });
    });

    it("prices Container Insights exactly as the CloudWatch meters it is billed on (custom metrics, log ingestion), in every table", () => {
        const tables = ["ap-south-1", "ap-south-2"].map((r) => JSON.parse(fs.readFileSync(path.join(ROOT, "tools", "cost", `prices-${r}.json`), "utf8")).prices);
        const pairs = tables.map((p) => [p["containerInsights.metricMonth"].usd - p["cloudwatch.customMetricMonth"].usd, p["containerInsights.performanceLogGb"].usd - p["logs.ingestGb"].usd]);
        expect(pairs).to.deep.equal([[0, 0], [0, 0]]);
    });

    it("has no table for a region nobody priced", () => {
        expect(readPriceTable("eu-west-1", path.join(ROOT, "tools", "cost"))).to.equal(undefined);
    });

    const broken: [string, (json: ReturnType<typeof testTableJson>) => void, RegExp][] = [
        ["a price that names a source the table does not list", (json) => { json.prices["kms.keyMonth"].source = "S99"; }, /prices\.kms\.keyMonth\.source: names source S99/],
        ["a negative price", (json) => { json.prices["kms.keyMonth"].usd = -1; }, /bad\.json is invalid/],
        ["a table without the date it was taken", (json) => { delete (json as Partial<typeof json>).takenOn; }, /takenOn/],
    ];
    for (const [what, breakIt, message] of broken) {
        it(`refuses ${what}`, () => {
            const json = testTableJson();
            breakIt(json);
            expect(() => parsePriceTable(json, "bad.json")).to.throw(message);
        });
    }
});
