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
import { planInChildProcess } from "../lib/planProcess";
import { loadPriceBook } from "./cost/priceTable";
import { renderEstimate } from "./cost/render";
import { DEFAULT_WIDTH } from "./offline/fit";
import { listStacks, parseConfigOverride, projectDir, readStackConfig } from "../config/stackFiles";
import { exitWhenFlushed } from "../lib/exit";

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

export function parseArgs(argv: readonly string[]): CostArgs {
    const args: CostArgs = { stack: "", json: false, overrides: {} };
    const value = (i: number, option: string) => {
        const v = argv[i];
        if (v === undefined || v.startsWith("--")) throw new Error(`${option} needs a file name`);
        return v;
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json") args.json = true;
        else if (arg === "--wide") args.wide = true;
        else if (arg === "--save") args.save = value(++i, "--save");
        else if (arg === "--diff") args.diff = value(++i, "--diff");
        else if (arg === "--set") {
            const [key, setting] = parseConfigOverride(argv[++i] ?? "");
            args.overrides[key] = setting;
        } else if (arg === "--help" || arg === "-h") throw new Error("");
        else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
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
