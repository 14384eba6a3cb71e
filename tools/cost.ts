/**
 * The offline monthly cost estimate: `npm run cost -- <stack> [options]` (the options: COST_FLAGS below).
 *
 * Evaluates the program for a stack under mocks (the offline plan, in a child process), prices every
 * planned resource from tools/cost/prices-<region>.json and the cost tool's own usage assumptions
 * (tools/cost/assumptions.ts, overridable with --assume and --assumptions), and prints one row per
 * charge, subtotals per component and the total. No Pulumi CLI, no credentials, no network.
 * Exit codes: 0 estimated, 1 the config, the assumptions or the plan failed, 2 bad usage or an unreadable --diff/--assumptions file.
 */
import * as fs from "fs";
import { checkStackConfig, StackConfig } from "../config";
import { diffEstimates, parseSavedEstimate, renderDiff } from "./cost/diff";
import { estimateCost } from "./cost/estimate";
import { CostEstimate } from "./cost/model";
import { planInChildProcess } from "../lib/planProcess";
import { loadPriceBook } from "./cost/priceTable";
import { renderEstimate } from "./cost/render";
import { AssumptionInput, isAssumptionKey, parseAssume, resolveAssumptions } from "./cost/assumptions";
import { DEFAULT_WIDTH } from "./offline/fit";
import { listStacks, parseConfigOverride, projectDir, readStackConfig } from "../config/stackFiles";
import { runMain } from "../lib/exit";
import { usageExit } from "./flags";

export interface CostArgs {
    stack: string;
    json: boolean;
    save?: string;
    diff?: string;
    overrides: Record<string, string>;
    /** `--assume name=value`, in order. */
    assume: [string, string][];
    /** `--assumptions <file>`: a JSON object of assumption names and values. */
    assumptions?: string;
    /** Print every column in full instead of fitting 160 columns. */
    wide?: true;
}

/** One command-line flag: its name, the value it takes (if any), what it does, and how it is stored. */
export interface FlagSpec {
    readonly flag: string;
    /** The value's placeholder in the usage text; absent for a switch. */
    readonly value?: string;
    readonly help: string;
    /** May be given more than once. */
    readonly repeatable?: true;
    readonly apply: (args: CostArgs, value: string) => void;
}

/** The cost* config keys of old are assumptions of this tool now (issue 15): say which flag replaces one. */
function refuseFormerCostKey(key: string, value: string): void {
    const name = /^cost([A-Z])(\w*)$/.exec(key);
    const assumption = name ? `${name[1].toLowerCase()}${name[2]}` : "";
    if (isAssumptionKey(assumption)) throw new Error(`${key} is no longer program config: use --assume ${assumption}=${value}`);
}

/** Every flag `npm run cost` accepts: the parser, the usage text and the docs test all read this table. */
export const COST_FLAGS: readonly FlagSpec[] = [
    { flag: "--json", help: "print the estimate as JSON (with --diff: {estimate, diff}); only JSON on stdout through `npm run -s cost -- <stack> --json`",
        apply: (a) => { a.json = true; } },
    { flag: "--save", value: "<file>", help: "also write the estimate as JSON to <file> (the input of a later --diff)", apply: (a, v) => { a.save = v; } },
    { flag: "--diff", value: "<file>", help: "print what changed against a saved estimate instead of the table", apply: (a, v) => { a.diff = v; } },
    { flag: "--set", value: "key=value", repeatable: true, help: "override a program config key for this estimate only (e.g. --set rdsMultiAz=false)",
        apply: (a, v) => { const [k, setting] = parseConfigOverride(v); refuseFormerCostKey(k, setting); a.overrides[k] = setting; } },
    { flag: "--assume", value: "name=value", repeatable: true, help: "override a usage assumption (tools/cost/assumptions.ts), e.g. --assume natDataGbPerMonth=500",
        apply: (a, v) => { a.assume.push(parseAssume(v)); } },
    { flag: "--assumptions", value: "<file>", help: "override usage assumptions from a JSON object, e.g. {\"natDataGbPerMonth\": 500} (--assume wins)",
        apply: (a, v) => { a.assumptions = v; } },
    { flag: "--wide", help: "print every column in full (by default the table fits 160 columns)", apply: (a) => { a.wide = true; } },
    { flag: "--help", help: "print this usage (also -h)", apply: () => { throw new Error(""); } },
];

const USAGE = [
    `usage: npm run cost -- <stack> ${COST_FLAGS.map((f) => `[${f.flag}${f.value ? ` ${f.value}` : ""}${f.repeatable ? " ..." : ""}]`).join(" ")}`,
    `  ${"<stack>".padEnd(24)} one of: ${listStacks().join(", ")}`,
    ...COST_FLAGS.map((f) => `  ${`${f.flag}${f.value ? ` ${f.value}` : ""}`.padEnd(24)} ${f.help}`),
].join("\n");

export function parseArgs(argv: readonly string[]): CostArgs {
    const args: CostArgs = { stack: "", json: false, overrides: {}, assume: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const spec = COST_FLAGS.find((f) => f.flag === (arg === "-h" ? "--help" : arg));
        if (spec) {
            let value = "";
            if (spec.value) {
                value = argv[++i] ?? "";
                if (value === "" || value.startsWith("--")) throw new Error(`${spec.flag} needs ${spec.value}`);
            }
            spec.apply(args, value);
        } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
        else if (!args.stack) args.stack = arg;
        else throw new Error(`unexpected argument ${arg}`);
    }
    if (!args.stack) throw new Error("missing <stack>");
    return args;
}

/** The stack's validated config, read from its files the way the plan reads them (every check the program makes). */
export function stackConfigOf(stack: string, dir: string, overrides: Record<string, string>): StackConfig {
    return checkStackConfig(readStackConfig(stack, dir, overrides));
}

/** Every region the plan's AWS providers (or resources) point at, so their price tables are loaded. */
function regionsOf(plan: { resources: { type: string; inputs: Record<string, unknown> }[] }): string[] {
    return [...new Set(plan.resources.map((r) => r.inputs.region).filter((r): r is string => typeof r === "string"))];
}

/** The assumption overrides of a run: `--assumptions` (read here) and `--assume`. */
export type AssumptionOverrides = Pick<AssumptionInput, "file" | "assume">;

export async function estimateStack(stack: string, dir: string, overrides: Record<string, string> = {}, assumed: AssumptionOverrides = {}): Promise<CostEstimate> {
    const cfg = stackConfigOf(stack, dir, overrides);
    // Assumptions are checked before the plan runs: a mistyped one fails in a second, not after the plan.
    const assumptions = resolveAssumptions({ stack, environment: cfg.environment, ...assumed });
    const plan = await planInChildProcess(stack, overrides);
    return estimateCost(plan, {
        prices: loadPriceBook(cfg.account.region, regionsOf(plan)),
        assumptions,
        region: cfg.account.region,
        budgetUsd: cfg.monitoring.monthlyBudgetUsd,
    });
}

async function main(argv: readonly string[]): Promise<number> {
    let args: CostArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        return usageExit(e, USAGE);
    }
    const dir = projectDir();
    let saved: CostEstimate | undefined;
    try {
        if (args.diff !== undefined) saved = parseSavedEstimate(fs.readFileSync(args.diff, "utf8"), args.stack, args.diff);
    } catch (e) {
        console.error(`error: --diff: ${(e as Error).message}`);
        return 2;
    }
    let file: AssumptionOverrides["file"];
    try {
        if (args.assumptions !== undefined) file = { name: args.assumptions, content: JSON.parse(fs.readFileSync(args.assumptions, "utf8")) };
    } catch (e) {
        console.error(`error: --assumptions: ${(e as Error).message}`);
        return 2;
    }
    let estimate: CostEstimate;
    try {
        estimate = await estimateStack(args.stack, dir, args.overrides, { file, assume: args.assume });
    } catch (e) {
        console.error(`Cost estimate of stack "${args.stack}" failed:\n${(e as Error).message}`);
        return 1;
    }
    if (args.save) fs.writeFileSync(args.save, JSON.stringify(estimate, null, 2) + "\n");
    const diff = saved ? diffEstimates(saved, estimate) : undefined;
    if (args.json) process.stdout.write(JSON.stringify(diff ? { estimate, diff } : estimate, null, 2) + "\n");
    else console.log(diff ? renderDiff(diff) : renderEstimate(estimate, args.wide ? Infinity : DEFAULT_WIDTH));
    return 0;
}

runMain(module, main);
