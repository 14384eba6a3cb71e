/**
 * The pull-request comment (issue 18): architecture diagram of a changed stack, the plan diff's
 * summary and the cost per component as a chart, built by tools/prComment.ts, and the preview
 * workflow posts exactly that file.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { buildComment, costChart, diffChanges, MAX_COMMENT, parseArgs } from "../../tools/prComment";
import type { CostDiff } from "../../tools/cost/diff";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const DIFF = [
    "Previewing update (prod) against the saved plan:", "",
    "!!! 1 deletion(s) or replacement(s) would lose stateful data !!!",
    "!!!   REPLACED aws:ec2:Vpc network-vpc (cidrBlock) under stateful database-primary", "",
    "     Type         Name         Plan",
    " +-  aws:ec2:Vpc  network-vpc  replace [diff: ~cidrBlock]", "",
    "Resources: 0 to create, 0 to update, 1 to replace, 0 to delete, 202 unchanged",
].join("\n");
const COST: CostDiff = {
    stack: "prod", beforeUsd: 2266.03, afterUsd: 2363.7, charges: [], newlyNotPriced: [], noLongerNotPriced: [],
    components: [{ component: "compute (fivestar:compute:Compute)", beforeUsd: 332.98, afterUsd: 430.65 }],
};
const MERMAID = 'flowchart TB\n  internet(("Internet"))\n';

describe("PR comment body (tools/prComment.ts)", () => {
    it("has the diff summary, the cost chart and the diagram of a changed stack", () => {
        const body = buildComment({ stack: "prod", base: "main", diagram: MERMAID, diffText: DIFF, cost: COST });
        expect(body).to.include("!!!   REPLACED aws:ec2:Vpc network-vpc (cidrBlock) under stateful database-primary");
        expect(body).to.include("Resources: 0 to create, 0 to update, 1 to replace, 0 to delete, 202 unchanged");
        expect(body).to.include("```mermaid\nxychart-beta\n");
        expect(body).to.include('  x-axis ["compute"]\n  y-axis "USD per month" 0 --> 474\n  bar [332.98]\n  bar [430.65]');
        expect(body).to.include("| compute | $332.98 | $430.65 | +$97.67 |");
        expect(body).to.include("| **stack total** | **$2,266.03** | **$2,363.70** | **+$97.67** |");
        expect(body).to.include(`### Architecture\n\n\`\`\`mermaid\n${MERMAID.trimEnd()}\n\`\`\``);
        expect(body).to.include("<details><summary>Full plan diff</summary>");
    });

    it("leaves the diagram out when the stack does not change", () => {
        const unchanged = "Previewing update (dev) against the saved plan:\n\nNo changes\n\nResources: 0 to create, 0 to update, 0 to replace, 0 to delete, 180 unchanged";
        expect(diffChanges(unchanged)).to.equal(false);
        expect(diffChanges(DIFF)).to.equal(true);
        const body = buildComment({ stack: "dev", base: "main", diagram: MERMAID, diffText: unchanged });
        expect(body).to.not.include("flowchart TB");
        expect(body).to.include("No resource changes: the architecture diagram is left out.");
    });

    it("says so when no component's cost changes", () => {
        expect(costChart({ ...COST, components: [], afterUsd: 170.9 })).to.deep.equal(["No component's monthly cost changes ($170.90 a month)."]);
    });

    it("stays under GitHub's comment limit by cutting the folded full diff", () => {
        const huge = `${DIFF}\n${"x".repeat(200_000)}`;
        const body = buildComment({ stack: "prod", base: "main", diagram: MERMAID, diffText: huge, cost: COST });
        expect(body.length).to.be.at.most(MAX_COMMENT);
        expect(body).to.include("… (cut: the whole diff is in the job log)");
    });

    it("parses its arguments", () => {
        expect(parseArgs(["prod", "--diagram", "d.mmd", "--diff", "d.txt", "--cost-base", "b.json", "--cost-head", "h.json", "--base", "release"]))
            .to.deep.equal({ stack: "prod", base: "release", diagram: "d.mmd", diff: "d.txt", costBase: "b.json", costHead: "h.json" });
        expect(() => parseArgs(["prod", "--cost-base", "b.json"])).to.throw("--cost-base and --cost-head go together");
        expect(() => parseArgs(["prod", "--diagram"])).to.throw("--diagram needs a value");
    });
});

describe("preview workflow posts the comment built by tools/prComment.ts", () => {
    interface Step { name?: string; uses?: string; run?: string; with?: Record<string, string> }
    const wf = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", "preview.yml"), "utf8")) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);

    it("draws the stack's Mermaid diagram and builds the body from the diagram, the plan diff and both cost estimates", () => {
        const build = steps.find((s) => s.run?.includes("build/tools/prComment.js"));
        expect(build, "a step running tools/prComment.js").to.not.equal(undefined);
        const run = build!.run!;
        const diagram = "plan-${{ matrix.stack }}.mmd";
        expect(run).to.include(`node build/tools/plan.js \${{ matrix.stack }} --quiet --diagram ${diagram}`);
        expect(run).to.include(`--diagram ${diagram} --diff plan-diff.txt --cost-base base-cost-\${{ matrix.stack }}.json --cost-head cost-head.json > offline-comment-\${{ matrix.stack }}.md`);
        // The inputs are written by earlier steps.
        const before = steps.slice(0, steps.indexOf(build!)).map((s) => s.run ?? "").join("\n");
        expect(before).to.include("> plan-diff.txt").and.include("--save cost-head.json").and.include('--save "$GITHUB_WORKSPACE/base-cost-$STACK.json"');
    });

    it("the PR comment of each stack includes that file, and the comment job posts it", () => {
        const assemble = steps.find((s) => s.run?.includes('> "comment-$STACK.md"'));
        expect(assemble?.run).to.include('cat "offline-comment-$STACK.md"');
        const comment = steps.find((s) => s.uses?.startsWith("marocchino/sticky-pull-request-comment@"));
        expect(comment?.with?.path?.trim()).to.equal("comment/comment-${{ matrix.stack }}.md");
    });
});
