import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { COST_KEYS, HOURS_PER_MONTH } from "../../config/keys/cost";
import { parseArgs } from "../../tools/cost";
import { rawStackConfig } from "../support/config";

describe("cost assumption keys (config/keys/cost.ts)", () => {
    it("are all optional, so no stack has to set them", () => {
        expect(Object.entries(COST_KEYS).filter(([, spec]) => spec.required).map(([k]) => k)).to.deep.equal([]);
    });

    it("state a default in every description", () => {
        expect(Object.entries(COST_KEYS).filter(([, s]) => !/default|= always on/.test(s.description)).map(([k]) => k)).to.deep.equal([]);
    });

    it("default to always on (730 hours) for the scheduled hours", () => {
        expect(parseStackConfig(rawStackConfig("staging")).cost.scheduledHoursPerMonth).to.equal(HOURS_PER_MONTH);
    });

    it("give dev its business hours (§2.2.1 auto-shutdown, 08:00-20:00 on weekdays): 60 h a week × 730 / 168 = 261 h", () => {
        expect(parseStackConfig(rawStackConfig("dev")).cost.scheduledHoursPerMonth).to.equal(261);
    });

    it("accept a stack's own volume", () => {
        expect(parseStackConfig(rawStackConfig("prod", { costNatDataGbPerMonth: "500" })).cost.natDataGbPerMonth).to.equal(500);
    });

    it("refuse a negative volume, naming the key", () => {
        expect(() => parseStackConfig(rawStackConfig("dev", { costLogGbPerGroupPerMonth: "-1" }))).to.throw(/fivestar-payments:costLogGbPerGroupPerMonth = "-1": must be at least 0/);
    });

    it("refuse more hours than a month has", () => {
        expect(() => parseStackConfig(rawStackConfig("dev", { costScheduledHoursPerMonth: "800" }))).to.throw(/costScheduledHoursPerMonth = "800": must be at most 730/);
    });

    it("refuse an after-hours shutdown in prod, which runs around the clock", () => {
        expect(() => parseStackConfig(rawStackConfig("prod", { costScheduledHoursPerMonth: "242" }))).to.throw(/costScheduledHoursPerMonth = 242 in environment "prod"/);
    });
});

describe("npm run cost arguments", () => {
    it("reads the stack, --json, --save, --diff and --set", () => {
        expect(parseArgs(["dev", "--json", "--save", "head.json", "--diff", "base.json", "--set", "costNatDataGbPerMonth=500"])).to.deep.equal({
            stack: "dev", json: true, save: "head.json", diff: "base.json", overrides: { costNatDataGbPerMonth: "500" },
        });
    });

    it("refuses a missing stack", () => {
        expect(() => parseArgs(["--json"])).to.throw(/missing <stack>/);
    });

    it("refuses --diff without a file", () => {
        expect(() => parseArgs(["dev", "--diff"])).to.throw(/--diff needs a file name/);
    });

    it("refuses an unknown option", () => {
        expect(() => parseArgs(["dev", "--yearly"])).to.throw(/unknown option --yearly/);
    });
});
