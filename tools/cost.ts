/**
 * The offline monthly cost estimate: `npm run cost -- <stack> [--json] [--save <file>] [--diff <file>] [--set key=value ...]`.
 *
 * Evaluates the program for a stack under mocks (the offline plan, in a child process), prices every
 * planned resource from tools/cost/prices-<region>.json and the stack's usage assumptions (the
 * optional cost* keys, config/keys/cost.ts), and prints one row per charge, subtotals per component
 * and the total. No Pulumi CLI, no credentials, no network.
 * Exit codes: 0 estimated, 1 the config or the plan failed, 2 bad usage or an unreadable --diff file.
 */
import * as fs from "fs";
import { checkStackConfig, StackConfig } from "../config";
import { diffEstimates, parseSavedEstimate, renderDiff } from "./cost/diff";
import { assumptionsFromConfig, estimateCost } from "./cost/estimate";
import { CostEstimate } from "./cost/model";
import { planInChildProcess } from "./offline/planProcess";
import { loadPriceBook } from "./cost/priceTable";
import { renderEstimate } from "./cost/render";
import { DEFAULT_WIDTH } from "./offline/fit";
import { listStacks, parseConfigOverride, projectDir, readStackConfig } from "./offline/stackFiles";
import { exitWhenFlushed } from "./exit";
import { Flags, HELP_FLAGS, parseFlags } from "./flags";

export interface CostArgs {
    stack: string;
    json: boolean;
    save?: string;
    diff?: string;
    overrides: Record<string, string>;
    /** Print every column in full instead of fitting 160 columns. */
    wide?: true;
}

const USAGE = `usage: npm run cost -- <stack> [--json] [--save <file>] [--diff <file>] [--set key=value ...] [--wide]
  <stack>          one of: ${listStacks().join(", ")}
  --json           print the estimate as JSON (only JSON on stdout; with --diff: {estimate, diff})
  --save <file>    also write the estimate as JSON to <file> (the input of a later --diff)
  --diff <file>    print what changed against a saved estimate instead of the table
  --set key=value  override a config key for this estimate only (e.g. --set costNatDataGbPerMonth=500)
  --wide           print every column in full (by default the table fits 160 columns)`;

/** A value that must be there and must not be the next option. */
function fileName(option: string, v: string | undefined): string {
    if (v === undefined || v.startsWith("--")) throw new Error(`${option} needs a file name`);
    return v;
}

/** The options of `npm run cost`. */
export const COST_FLAGS: Flags<CostArgs> = {
    ...HELP_FLAGS,
    "--json": { apply: (args) => { args.json = true; } },
    "--wide": { apply: (args) => { args.wide = true; } },
    "--save": { value: "<file>", apply: (args, v) => { args.save = fileName("--save", v); } },
    "--diff": { value: "<file>", apply: (args, v) => { args.diff = fileName("--diff", v); } },
    "--set": {
        value: "key=value",
        apply: (args, v) => {
            const [key, setting] = parseConfigOverride(v ?? "");
            args.overrides[key] = setting;
        },
    },
};

export function parseArgs(argv: readonly string[]): CostArgs {
    const args: CostArgs = { stack: "", json: false, overrides: {} };
    parseFlags(argv, COST_FLAGS, args, (arg) => {
        if (args.stack) throw new Error(`unexpected argument ${arg}`);
        args.stack = arg;
    });
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

export async function estimateStack(stack: string, dir: string, overrides: Record<string, string> = {}): Promise<CostEstimate> {
    const cfg = stackConfigOf(stack, dir, overrides);
    const plan = await planInChildProcess(stack, dir, overrides);
    return estimateCost(plan, {
        prices: loadPriceBook(cfg.account.region, regionsOf(plan)),
        assumptions: assumptionsFromConfig(cfg.cost),
        region: cfg.account.region,
        budgetUsd: cfg.monitoring.monthlyBudgetUsd,
    });
}

async function main(argv: readonly string[]): Promise<number> {
    let args: CostArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        const message = (e as Error).message;
        console.error(message ? `error: ${message}\n${USAGE}` : USAGE);
        return message ? 2 : 0;
    }
    const dir = projectDir();
    let saved: CostEstimate | undefined;
    try {
        if (args.diff !== undefined) saved = parseSavedEstimate(fs.readFileSync(args.diff, "utf8"), args.stack, args.diff);
    } catch (e) {
        console.error(`error: --diff: ${(e as Error).message}`);
        return 2;
    }
    let estimate: CostEstimate;
    try {
        estimate = await estimateStack(args.stack, dir, args.overrides);
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

if (require.main === module) {
    main(process.argv.slice(2)).then(exitWhenFlushed, (e) => {
        console.error(e);
        process.exit(1);
    });
}
