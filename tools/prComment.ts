/**
 * The body of the pull-request comment of one stack, from the files the preview workflow writes:
 * `node build/tools/prComment.js <stack> --diagram plan.mmd --diff plan-diff.txt --cost-base base.json --cost-head head.json [--base main] > comment.md`
 *
 * It shows pictures GitHub renders natively: the stack's architecture (Mermaid, when the stack
 * changes), the plan diff's summary (data-loss lines and the closing `Resources:` line, the full diff
 * folded), and the monthly cost per component before and after as a Mermaid bar chart with a table.
 * Exit codes: 0 written, 2 bad usage or unreadable input.
 */
import * as fs from "fs";
import { CostDiff, diffEstimates, parseSavedEstimate } from "./cost/diff";
import { signedUsd, usd } from "./cost/render";
import { exitWhenFlushed } from "../lib/exit";
import { Flag, Flags, parseFlags } from "./flags";

export interface CommentInput {
    readonly stack: string;
    readonly base: string;
    /** The stack's architecture as Mermaid (tools/diagram). */
    readonly diagram?: string;
    /** The text of `npm run plan -- <stack> --diff <saved plan>`. */
    readonly diffText?: string;
    readonly cost?: CostDiff;
}

/** GitHub refuses comments over 65,536 characters; the folded full diff gives way first. */
export const MAX_COMMENT = 60_000;

const RESOURCES_LINE = /^Resources: (\d+) to create, (\d+) to update, (\d+) to replace, (\d+) to delete, (\d+) unchanged$/m;

/** Whether the plan diff changes anything (its closing line counts more than unchanged). */
export function diffChanges(diffText: string): boolean {
    const m = RESOURCES_LINE.exec(diffText);
    if (!m) return true; // no closing line: show everything rather than hide a change
    return m.slice(1, 5).some((n) => Number(n) > 0) || /^Outputs:$/m.test(diffText);
}

/** The cost of the components that change, before and after, as a Mermaid xychart (two bar series) and a table. */
export function costChart(cost: CostDiff): string[] {
    const rows = cost.components;
    if (rows.length === 0) return [`No component's monthly cost changes (${usd(cost.afterUsd)} a month).`];
    const label = (c: { component: string }) => c.component.split(" ")[0];
    const max = Math.max(1, ...rows.flatMap((c) => [c.beforeUsd, c.afterUsd]));
    return [
        "```mermaid",
        "xychart-beta",
        `  title "Monthly cost per component (USD): base, then this PR"`,
        `  x-axis [${rows.map((c) => `"${label(c)}"`).join(", ")}]`,
        `  y-axis "USD per month" 0 --> ${Math.ceil(max * 1.1)}`,
        `  bar [${rows.map((c) => c.beforeUsd.toFixed(2)).join(", ")}]`,
        `  bar [${rows.map((c) => c.afterUsd.toFixed(2)).join(", ")}]`,
        "```",
        "",
        "| component | base | this PR | change |",
        "| --- | ---: | ---: | ---: |",
        ...rows.map((c) => `| ${label(c)} | ${usd(c.beforeUsd)} | ${usd(c.afterUsd)} | ${c.afterUsd === c.beforeUsd ? "" : signedUsd(c.afterUsd - c.beforeUsd)} |`),
        `| **stack total** | **${usd(cost.beforeUsd)}** | **${usd(cost.afterUsd)}** | **${signedUsd(cost.afterUsd - cost.beforeUsd)}** |`,
    ];
}

export function buildComment(input: CommentInput): string {
    const out = [`## Offline plan of \`${input.stack}\`: this PR vs \`${input.base}\``, ""];
    const changed = input.diffText === undefined || diffChanges(input.diffText);
    if (input.diffText !== undefined) {
        const summary = input.diffText.split("\n").filter((l) => l.startsWith("!!") || RESOURCES_LINE.test(l));
        out.push("### Plan diff", "", "```text", ...summary, "```", "");
    } else out.push("### Plan diff", "", "_No plan of the base branch to compare with._", "");
    if (input.cost) out.push("### Monthly cost", "", ...costChart(input.cost), "");
    if (input.diagram && changed) out.push("### Architecture", "", "```mermaid", input.diagram.trimEnd(), "```", "");
    else if (input.diagram) out.push("_No resource changes: the architecture diagram is left out._", "");
    const body = out.join("\n");
    if (input.diffText !== undefined) {
        const fence = ["<details><summary>Full plan diff</summary>", "", "```text", "```", "</details>", ""];
        const note = "\n… (cut: the whole diff is in the job log)";
        const room = MAX_COMMENT - body.length - 1 - fence.join("\n").length - 1 - note.length;
        const text = input.diffText.length <= room ? input.diffText : `${input.diffText.slice(0, Math.max(0, room))}${note}`;
        fence.splice(3, 0, text);
        return `${body}\n${fence.join("\n")}`;
    }
    return body;
}

interface CommentArgs { stack: string; base: string; diagram?: string; diff?: string; costBase?: string; costHead?: string }

/** An option whose value is a file (or, for --base, a branch name). */
const valued = (option: string, key: Exclude<keyof CommentArgs, "stack">): Flag<CommentArgs> => ({
    value: "<file>",
    apply: (args, value) => {
        if (value === undefined || value.startsWith("--")) throw new Error(`${option} needs a value`);
        args[key] = value;
    },
});

/** The options of `node build/tools/prComment.js`. */
export const PR_COMMENT_FLAGS: Flags<CommentArgs> = {
    "--diagram": valued("--diagram", "diagram"),
    "--diff": valued("--diff", "diff"),
    "--cost-base": valued("--cost-base", "costBase"),
    "--cost-head": valued("--cost-head", "costHead"),
    "--base": { ...valued("--base", "base"), value: "<branch>" },
};

export function parseArgs(argv: readonly string[]): CommentArgs {
    const args: CommentArgs = { stack: "", base: "main" };
    parseFlags(argv, PR_COMMENT_FLAGS, args, (arg) => {
        if (args.stack) throw new Error(`unexpected argument ${arg}`);
        args.stack = arg;
    });
    if (!args.stack) throw new Error("missing <stack>");
    if ((args.costBase === undefined) !== (args.costHead === undefined)) throw new Error("--cost-base and --cost-head go together");
    return args;
}

function main(argv: readonly string[]): number {
    try {
        const args = parseArgs(argv);
        const read = (f: string | undefined) => (f === undefined ? undefined : fs.readFileSync(f, "utf8"));
        const cost = args.costBase && args.costHead
            ? diffEstimates(parseSavedEstimate(read(args.costBase)!, args.stack, args.costBase), parseSavedEstimate(read(args.costHead)!, args.stack, args.costHead))
            : undefined;
        process.stdout.write(buildComment({ stack: args.stack, base: args.base, diagram: read(args.diagram), diffText: read(args.diff), cost }) + "\n");
        return 0;
    } catch (e) {
        console.error(`error: ${(e as Error).message}`);
        return 2;
    }
}

if (require.main === module) exitWhenFlushed(main(process.argv.slice(2)));
