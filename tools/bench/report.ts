/**
 * The pure part of `npm run bench`: its arguments, the median of repeated runs, each figure's ratio
 * to the floor's typecheck, the issue-15 targets and the table (text or Markdown). bench.ts runs the
 * commands; everything it prints is decided here.
 */
import { Flags, HELP_FLAGS, parseFlags } from "../flags";

/** One measured step: wall-clock and CPU (user + system of every process it started) seconds per run. */
export interface Measured {
    readonly id: string;
    readonly what: string;
    readonly wall: readonly number[];
    readonly cpu: readonly number[];
    /** Issue 15's target for this figure, if it has one. */
    readonly target?: Target;
}

/** At most `floorTimes` × the floor's typecheck, or under `seconds` of wall-clock time. */
export type Target = { readonly floorTimes: number } | { readonly seconds: number };

export interface BenchArgs {
    readonly runs: number;
    readonly markdown: boolean;
    /** Step ids to run (all when empty). The floor's typecheck always runs: every ratio needs it. */
    readonly only: readonly string[];
}

export const DEFAULT_RUNS = 3;

type Draft = { -readonly [K in keyof BenchArgs]: K extends "only" ? string[] : BenchArgs[K] };

/** The options of `npm run bench` (the docs test reads this table too). */
export const BENCH_FLAGS: Flags<Draft> = {
    ...HELP_FLAGS,
    "--runs": {
        value: "N",
        apply: (a, text = "") => {
            if (!/^[1-9][0-9]*$/.test(text)) throw new Error(`--runs needs a whole number of runs ≥ 1, got "${text}"`);
            a.runs = Number(text);
        },
    },
    "--markdown": { apply: (a) => { a.markdown = true; } },
    "--only": { value: "<step>,...", apply: (a, v = "") => { a.only.push(...v.split(",").filter((id) => id !== "")); } },
};

export function parseBenchArgs(argv: readonly string[], stepIds: readonly string[]): BenchArgs {
    const args: Draft = { runs: DEFAULT_RUNS, markdown: false, only: [] };
    parseFlags(argv, BENCH_FLAGS, args, (arg) => {
        throw new Error(`unknown argument ${arg}`);
    });
    const unknown = args.only.filter((id) => !stepIds.includes(id));
    if (argv.includes("--only") && (args.only.length === 0 || unknown.length > 0)) {
        throw new Error(`--only takes a comma-separated list of: ${stepIds.join(", ")}${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}`);
    }
    return args;
}

export function median(values: readonly number[]): number {
    if (values.length === 0) throw new Error("median of no values");
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ratio(seconds: number, floorSeconds: number): number {
    if (!(floorSeconds > 0)) throw new Error(`the floor's typecheck took ${floorSeconds} s: no ratio can be formed`);
    return seconds / floorSeconds;
}

/** Whether a step's median meets its target (undefined when it has none). */
export function meets(step: Measured, floorSeconds: number): boolean | undefined {
    if (!step.target) return undefined;
    const wall = median(step.wall);
    return "floorTimes" in step.target ? ratio(wall, floorSeconds) <= step.target.floorTimes : wall < step.target.seconds;
}

const seconds = (s: number) => s.toFixed(s < 10 ? 2 : 1);
const targetText = (t?: Target) => (!t ? "" : "floorTimes" in t ? `≤ ${t.floorTimes}× floor` : `< ${t.seconds} s`);

/** The rows of the table: the floor first, then every step in the order run. */
export function tableRows(floor: Measured, steps: readonly Measured[]): string[][] {
    const floorWall = median(floor.wall);
    return [floor, ...steps].map((step) => {
        const wall = median(step.wall);
        const verdict = meets(step, floorWall);
        return [
            step.what,
            seconds(wall),
            `${ratio(wall, floorWall).toFixed(2)}×`,
            seconds(median(step.cpu)),
            step.wall.map(seconds).join(" "),
            step.target ? `${targetText(step.target)}: ${verdict ? "met" : "MISSED"}` : "",
        ];
    });
}

const HEADER = ["what", "wall s (median)", "× floor typecheck", "CPU s (median)", "wall s (each run)", "target (issue 15)"];

export function renderTable(floor: Measured, steps: readonly Measured[], markdown: boolean): string {
    const rows = tableRows(floor, steps);
    if (markdown) {
        const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
        return [line(HEADER), line(HEADER.map(() => "---")), ...rows.map(line)].join("\n");
    }
    const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
    return [line(HEADER), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Parses the second line of bash's `times` ("0m1.250s 0m0.310s": the children's user and system time). */
export function childCpuSeconds(timesOutput: string): number {
    const line = timesOutput.trim().split("\n")[1] ?? "";
    const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)];
    if (parts.length !== 2) throw new Error(`cannot read the CPU time from bash's \`times\`: "${timesOutput.trim()}"`);
    return parts.reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}
