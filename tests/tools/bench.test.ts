/**
 * The pure part of `npm run bench` (tools/bench/report.ts): medians, ratios to the floor, the issue-15
 * targets and the table. The bench itself measures time and is not a test; nothing here is timed.
 */
import { expect } from "chai";
import { childCpuSeconds, Measured, median, meets, parseBenchArgs, ratio, renderTable, tableRows } from "../../tools/bench/report";

const STEP_IDS = ["test", "plan-dev"];
const floor: Measured = { id: "floor", what: "floor typecheck", wall: [4, 6, 5], cpu: [4, 4, 4] };
const test: Measured = { id: "test", what: "npm test", wall: [31, 29, 40], cpu: [50, 50, 50], target: { floorTimes: 6 } };
const slowPlan: Measured = { id: "plan-dev", what: "plan dev", wall: [5.5, 5.2, 9], cpu: [3, 3, 3], target: { floorTimes: 1 } };
const help: Measured = { id: "cli-help", what: "cli --help", wall: [1.0, 1.0, 0.2], cpu: [0.1, 0.1, 0.1], target: { seconds: 1 } };

describe("bench report (tools/bench/report.ts)", () => {
    it("takes the median of odd and even counts, whatever the order", () => {
        expect(median([9, 1, 5])).to.equal(5);
        expect(median([4, 1, 3, 2])).to.equal(2.5);
        expect(() => median([])).to.throw(/no values/);
    });

    it("divides by the floor and refuses a floor of zero", () => {
        expect(ratio(30, 5)).to.equal(6);
        expect(() => ratio(1, 0)).to.throw(/floor/);
    });

    it("judges each target on the median: ≤ N× floor, or strictly under N seconds", () => {
        expect(meets(test, 5)).to.equal(false); // median 31 s > 6 × 5 s
        expect(meets(test, 5.2)).to.equal(true); // 31 s ≤ 31.2 s
        expect(meets({ ...test, wall: [30] }, 5)).to.equal(true); // exactly 6× is allowed
        expect(meets(slowPlan, 5)).to.equal(false); // 5.5 > 5
        expect(meets(slowPlan, 5.5)).to.equal(true);
        expect(meets(help, 5)).to.equal(false); // median 1.0 is not under 1 s
        expect(meets({ ...help, wall: [0.9] }, 5)).to.equal(true);
        expect(meets(floor, 5)).to.equal(undefined);
    });

    it("puts the floor first with ratio 1, and every run's figure and the verdict in each row", () => {
        const rows = tableRows(floor, [test, slowPlan]);
        expect(rows.map((r) => r[0])).to.deep.equal(["floor typecheck", "npm test", "plan dev"]);
        expect(rows[0].slice(1, 3)).to.deep.equal(["5.00", "1.00×"]);
        expect(rows[1]).to.deep.equal(["npm test", "31.0", "6.20×", "50.0", "31.0 29.0 40.0", "≤ 6× floor: MISSED"]);
        expect(rows[2][5]).to.equal("≤ 1× floor: MISSED");
        expect(tableRows({ ...floor, wall: [6] }, [slowPlan])[1][5]).to.equal("≤ 1× floor: met");
    });

    it("renders Markdown with one row per step under a header", () => {
        const lines = renderTable(floor, [test], true).split("\n");
        expect(lines).to.have.length(4);
        expect(lines[0]).to.match(/^\| what \| wall s \(median\) \| × floor typecheck/);
        expect(lines[1]).to.match(/^\| --- \|/);
        expect(lines[3]).to.equal("| npm test | 31.0 | 6.20× | 50.0 | 31.0 29.0 40.0 | ≤ 6× floor: MISSED |");
    });

    it("reads the children's CPU time from bash's `times`", () => {
        expect(childCpuSeconds("0m0.010s 0m0.002s\n1m2.500s 0m0.250s\n")).to.equal(62.75);
        expect(() => childCpuSeconds("nonsense")).to.throw(/CPU time/);
    });

    it("parses --runs, --markdown and --only, and names what is wrong", () => {
        expect(parseBenchArgs([], STEP_IDS)).to.deep.equal({ runs: 3, markdown: false, only: [] });
        expect(parseBenchArgs(["--runs", "5", "--markdown", "--only", "plan-dev"], STEP_IDS)).to.deep.equal({ runs: 5, markdown: true, only: ["plan-dev"] });
        expect(() => parseBenchArgs(["--runs", "0"], STEP_IDS)).to.throw(/--runs/);
        expect(() => parseBenchArgs(["--runs", "2.5"], STEP_IDS)).to.throw(/--runs/);
        expect(() => parseBenchArgs(["--only", "plan-qa"], STEP_IDS)).to.throw(/unknown: plan-qa/);
        expect(() => parseBenchArgs(["--fast"], STEP_IDS)).to.throw(/unknown option --fast/);
    });
});
