/**
 * The cost tool's usage assumptions (tools/cost/assumptions.ts) and its command line. They are not
 * program config (issue 15): the program refuses a cost key as unknown, so no `pulumi up` can fail on one.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { ASSUMPTION_NAMES, ASSUMPTIONS, AssumptionError, HOURS_PER_MONTH, resolveAssumptions } from "../../tools/cost/assumptions";
import { COST_FLAGS, parseArgs } from "../../tools/cost";
import { rawStackConfig, rejection } from "../support/config";

/** Every problem resolveAssumptions reports for this input; fails if it accepts it. */
function problems(...args: Parameters<typeof resolveAssumptions>): readonly string[] {
    try {
        resolveAssumptions(...args);
    } catch (e) {
        if (e instanceof AssumptionError) return e.problems;
        throw e;
    }
    throw new Error("the assumptions were accepted");
}

describe("cost assumptions are not program config", () => {
    it("the program refuses a former cost key as unknown, naming it (so it cannot fail or steer a pulumi up)", () => {
        expect(rejection("prod", { costNatDataGbPerMonth: "500" })).to.include("fivestar-payments:costNatDataGbPerMonth is not a key of this project");
    });

    it("no stack file sets a cost* key, and the validated config has no cost section", () => {
        const keys = (["dev", "staging", "prod"] as const).flatMap((s) => Object.keys(rawStackConfig(s)));
        expect([keys.filter((k) => /^cost[A-Z]/.test(k)), "cost" in parseStackConfig(rawStackConfig("dev"))]).to.deep.equal([[], false]);
    });
});

describe("cost assumptions (tools/cost/assumptions.ts)", () => {
    it("default to always on (730 hours) for the scheduled hours of staging and prod", () => {
        const hours = (["staging", "prod"] as const).map((stack) => resolveAssumptions({ stack, environment: stack }).scheduledHoursPerMonth);
        expect(hours).to.deep.equal([HOURS_PER_MONTH, HOURS_PER_MONTH]);
    });

    it("give dev its business hours (§2.2.1 auto-shutdown, 08:00-20:00 on weekdays): 60 h a week × 730 / 168 = 261 h", () => {
        expect(resolveAssumptions({ stack: "dev", environment: "dev" }).scheduledHoursPerMonth).to.equal(261);
    });

    it("keep every default inside its own range", () => {
        const outside = ASSUMPTION_NAMES.filter((k) => {
            const s = ASSUMPTIONS[k];
            return !(s.default >= s.min && s.default <= s.max);
        });
        expect(outside).to.deep.equal([]);
    });

    it("take --assume over --assumptions over the stack's value", () => {
        const a = resolveAssumptions({
            stack: "dev", environment: "dev",
            file: { name: "a.json", content: { natDataGbPerMonth: 300, scheduledHoursPerMonth: 200 } },
            assume: [["natDataGbPerMonth", "500"]],
        });
        expect([a.natDataGbPerMonth, a.scheduledHoursPerMonth]).to.deep.equal([500, 200]);
    });

    const refused: [string, Parameters<typeof resolveAssumptions>[0], string | RegExp][] = [
        ["an unknown name with the nearest known one", { stack: "dev", assume: [["natDataGbPerMnth", "5"]] }, /^--assume: natDataGbPerMnth is not a cost assumption: did you mean natDataGbPerMonth\?/],
        ["a former config name (cost prefix) with the tool's name for it", { stack: "dev", assume: [["costNatDataGbPerMonth", "5"]] }, "did you mean natDataGbPerMonth?"],
        ["a negative volume, naming the assumption and what it accepts", { stack: "dev", assume: [["logGbPerGroupPerMonth", "-1"]] },
            `--assume: logGbPerGroupPerMonth = "-1": must be a whole number from 0 to 1000000 (${ASSUMPTIONS.logGbPerGroupPerMonth.description})`],
        ["more hours than a month has", { stack: "dev", assume: [["scheduledHoursPerMonth", "800"]] }, 'scheduledHoursPerMonth = "800": must be a whole number from 0 to 730'],
        ["an after-hours shutdown in prod, which runs around the clock", { stack: "prod", environment: "prod", assume: [["scheduledHoursPerMonth", "242"]] },
            'scheduledHoursPerMonth = 242 for stack "prod" in environment "prod"'],
        ["an --assumptions file that is not a JSON object", { stack: "dev", file: { name: "a.json", content: [1, 2] } }, "--assumptions a.json: must be a JSON object"],
    ];
    for (const [what, input, message] of refused) {
        it(`refuse ${what}`, () => {
            const found = problems(input);
            expect(found).to.have.length(1);
            if (typeof message === "string") expect(found[0]).to.include(message);
            else expect(found[0]).to.match(message);
        });
    }

    it("report every problem of a run in one pass: the file's and the command line's", () => {
        const found = problems({ stack: "dev", file: { name: "a.json", content: { s3GbPerBucket: "lots", nope: 1 } }, assume: [["albLcuPerHour", "1.5"]] });
        expect(found.map((p) => /^(.*?): (\w+)/.exec(p)?.slice(1).join(" "))).to.deep.equal(["--assumptions a.json s3GbPerBucket", "--assumptions a.json nope", "--assume albLcuPerHour"]);
    });

});

describe("npm run cost arguments", () => {
    it("reads the stack, --json, --save, --diff, --set, --assume (repeated) and --assumptions", () => {
        expect(parseArgs(["dev", "--json", "--save", "head.json", "--diff", "base.json", "--set", "rdsMultiAz=false",
            "--assume", "natDataGbPerMonth=500", "--assume", "albLcuPerHour=2", "--assumptions", "a.json"])).to.deep.equal({
            stack: "dev", json: true, save: "head.json", diff: "base.json", overrides: { rdsMultiAz: "false" },
            assume: [["natDataGbPerMonth", "500"], ["albLcuPerHour", "2"]], assumptions: "a.json",
        });
    });

    it("accepts every flag of its declarative table (what the usage text and the docs show)", () => {
        const argv = COST_FLAGS.filter((f) => f.flag !== "--help").flatMap((f) => (f.value ? [f.flag, f.flag === "--set" || f.flag === "--assume" ? "a=1" : "x.json"] : [f.flag]));
        expect([() => parseArgs(["dev", ...argv]), () => parseArgs(["dev", "-h"])].map((run) => {
            try {
                run();
                return "accepted";
            } catch (e) {
                return (e as Error).message === "" ? "usage" : (e as Error).message;
            }
        })).to.deep.equal(["accepted", "usage"]);
    });

    const refused: [string, string[], string | RegExp][] = [
        ["a former cost config key given to --set, naming the --assume that replaces it", ["dev", "--set", "costNatDataGbPerMonth=500"],
            "costNatDataGbPerMonth is no longer program config: use --assume natDataGbPerMonth=500"],
        ["--assume without name=value", ["dev", "--assume", "natDataGbPerMonth"], /--assume needs name=value/],
        ["a missing stack", ["--json"], /missing <stack>/],
        ["--diff without a file", ["dev", "--diff"], /--diff needs <file>/],
        ["an unknown option", ["dev", "--yearly"], /unknown option --yearly/],
    ];
    for (const [what, argv, message] of refused) it(`refuses ${what}`, () => expect(() => parseArgs(argv)).to.throw(message));
});
