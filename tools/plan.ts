/**
 * The offline plan: `npm run plan -- <stack> [--json <file>|-] [--set key=value ...] [--quiet] [--diff <plan.json>] [--show-secrets]`.
 *
 * Evaluates the program for a stack from its real Pulumi.<stack>.yaml under mocks and prints what
 * `pulumi up` would create. Needs no Pulumi CLI, no credentials and no network. With --diff it prints
 * instead what changed against a saved plan (e.g. the base branch's), stateful resources flagged.
 * With --diagram it also draws the stack's architecture (tools/diagram/). The table fits 160 columns
 * unless --wide, and ends with a summary line and the placeholders `pulumi up` would refuse.
 * Exit codes: 0 planned, 1 the program or its config failed, 2 bad usage,
 * 3 (--diff) a stateful resource, or the VPC/subnets/DB subnet group one sits in, would be deleted or replaced,
 * 4 a plan check failed (tools/offline/checks, and the DeploymentRole's coverage of the plan:
 * tools/iam/deploymentCoverage.ts).
 */
import * as fs from "fs";
import { evaluateStack, ProgramError } from "./offline/evaluate";
import { dataLossRisks, DiffedPlan, diffPlans, parseSavedPlan } from "./safety/planDiff";
import { renderPreview } from "./safety/previewRender";
import { redactSecrets } from "./offline/redact";
import { checkPlan, renderCheckReport } from "./offline/checks";
import { CHECKS_FAILED_EXIT_CODE } from "../lib/planRecord";
import { renderPlan } from "./offline/report";
import { checkDeploymentRole } from "./iam/deploymentCoverage";
import { listStacks, parseConfigOverride, projectDir } from "../config/stackFiles";
import { runMain } from "../lib/exit";
import { writeDiagram } from "./diagram/svg";
import { DEFAULT_WIDTH } from "./offline/fit";
import { planFooter } from "./offline/footer";
import { Flags, HELP_FLAGS, parseFlags, usageExit } from "./flags";
import { bootstrapStackOf } from "../config/stacks";

export interface PlanArgs {
    stack: string;
    json?: string;
    overrides: Record<string, string>;
    quiet: boolean;
    diff?: string;
    showSecrets?: boolean;
    diagram?: string;
    wide?: true;
}

const USAGE = `usage: npm run plan -- <stack> [--json <file>|-] [--set key=value ...] [--quiet] [--diff <file>] [--diagram <file>] [--wide] [--show-secrets]
  <stack>          one of: ${listStacks().join(", ")}
  --json <file>    also write the full plan (every resource, its options and inputs) as JSON; - for stdout
  --set key=value  override a config key for this plan only (try a change before committing it); a key that
                   holds a secret stays a secret
  --quiet          do not print the table
  --diff <file>    print what changed against a saved plan (from --json) instead of the table;
                   exit code 3 if a stateful resource (or the VPC, subnet or DB subnet group it sits in)
                   would be deleted or replaced
  --diagram <file> also draw the stack's architecture: <file>.svg (Graphviz layout) or <file>.mmd (Mermaid)
  --wide           print every column in full (by default the table fits 160 columns)
  --show-secrets   write secret values into --json (by default every secret is "[secret]")
Exit code 4: a check (auto-naming, happens-before, DeploymentRole coverage) found what a real provider or AWS would refuse.`;

/** The options of `npm run plan` (and, through BOOTSTRAP_PLAN_FLAGS, of `npm run plan:bootstrap`). */
export const PLAN_FLAGS: Flags<PlanArgs> = {
    ...HELP_FLAGS,
    "--json": { value: "<file>|-", apply: (args, v) => { args.json = v; } },
    "--diff": { value: "<file>", apply: (args, v) => { args.diff = v; } },
    "--quiet": { apply: (args) => { args.quiet = true; } },
    "--show-secrets": { apply: (args) => { args.showSecrets = true; } },
    "--diagram": { value: "<file>", apply: (args, v) => { args.diagram = v; } },
    "--wide": { apply: (args) => { args.wide = true; } },
    "--set": {
        value: "key=value",
        apply: (args, v) => {
            const [key, value] = parseConfigOverride(v ?? "");
            args.overrides[key] = value;
        },
    },
};

export function parseArgs(argv: readonly string[], flags: Flags<PlanArgs> = PLAN_FLAGS): PlanArgs {
    const args: PlanArgs = { stack: "", overrides: {}, quiet: false };
    parseFlags(argv, flags, args, (arg) => {
        if (args.stack) throw new Error(`unexpected argument ${arg}`);
        args.stack = arg;
    });
    if (!args.stack) throw new Error("missing <stack>");
    if (args.json === undefined && argv.includes("--json")) throw new Error("--json needs a file name or -");
    if (args.diff === undefined && argv.includes("--diff")) throw new Error("--diff needs the file of a saved plan");
    if (args.diagram !== undefined && !/\.(svg|mmd)$/.test(args.diagram)) throw new Error("--diagram needs a file ending in .svg or .mmd");
    if (args.diagram === undefined && argv.includes("--diagram")) throw new Error("--diagram needs a file ending in .svg or .mmd");
    return args;
}

export async function main(argv: readonly string[]): Promise<number> {
    let args: PlanArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        return usageExit(e, USAGE);
    }
    const write = (json: unknown) => {
        const text = JSON.stringify(json, null, 2) + "\n";
        if (args.json === "-") process.stdout.write(text);
        else if (args.json) fs.writeFileSync(args.json, text);
    };
    let saved: DiffedPlan | undefined;
    try {
        if (args.diff !== undefined) {
            if (!fs.existsSync(args.diff)) throw new Error(`no saved plan at ${args.diff}: write one with \`npm run plan -- ${args.stack} --json ${args.diff}\` on the base branch`);
            saved = parseSavedPlan(fs.readFileSync(args.diff, "utf8"), args.stack, args.diff);
        }
    } catch (e) {
        console.error(`error: --diff: ${(e as Error).message}`);
        return 2;
    }
    try {
        const evaluated = await evaluateStack(args.stack, { projectDir: projectDir(), overrides: args.overrides });
        const plan = args.showSecrets ? evaluated : redactSecrets(evaluated);
        // With --json - stdout carries the JSON, so the human-readable text goes to stderr.
        const print = args.json === "-" ? console.error : console.log;
        const width = args.wide ? Infinity : DEFAULT_WIDTH;
        // The DeploymentRole as bootstrap builds it must allow every request the plan makes (issue 13).
        const coverage = await checkDeploymentRole(evaluated, projectDir());
        const findings = [...checkPlan(evaluated), ...coverage.problems.map((message) =>
            ({ check: "deployment-role", type: "DeploymentRole", name: `bootstrap/Pulumi.${bootstrapStackOf(args.stack)}.yaml`, message }))];
        const checked = findings.length > 0 ? CHECKS_FAILED_EXIT_CODE : 0;
        // Findings always reach the terminal, --quiet or not.
        if (findings.length > 0) console.error(renderCheckReport(findings));
        if (args.diagram) await writeDiagram(plan, args.diagram);
        if (saved) {
            const diff = diffPlans(saved, plan);
            print(renderPreview(diff, plan.resources.length, { width, before: saved.resources, after: plan.resources }));
            write(plan);
            return dataLossRisks(diff, saved.resources, plan.resources).length > 0 ? 3 : checked;
        }
        if (!args.quiet && args.json !== "-") {
            const roleLine = coverage.problems.length === 0 ? `\nDeploymentRole: allows all ${coverage.requests} requests of the plan (tools/iam/deploymentCoverage.ts).` : "";
            console.log(`${renderPlan(plan, width)}\n\n${renderCheckReport(findings)}${roleLine}\n\n${planFooter(plan, projectDir(), args.overrides, width)}`);
        }
        write(plan);
        return checked;
    } catch (e) {
        const registered = e instanceof ProgramError ? e.registeredBeforeFailure : 0;
        console.error(`Plan of stack "${args.stack}" failed; ${registered} resources were registered before the failure.\n${(e as Error).message}`);
        write({ stack: args.stack, error: (e as Error).message, registeredBeforeFailure: registered });
        return 1;
    }
}

runMain(module, main);
