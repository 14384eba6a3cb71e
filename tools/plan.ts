/**
 * The offline plan: `npm run plan -- <stack> [--json <file>|-] [--set key=value ...] [--quiet]`.
 *
 * Evaluates the program for a stack from its real Pulumi.<stack>.yaml under mocks and prints what
 * `pulumi up` would create. Needs no Pulumi CLI, no credentials and no network.
 * Exit codes: 0 planned, 1 the program or its config failed, 2 bad usage.
 */
import * as fs from "fs";
import { evaluateStack, ProgramError } from "./offline/evaluate";
import { renderPlan } from "./offline/report";
import { listStacks, projectDir } from "./offline/stackFiles";

interface PlanArgs {
    stack: string;
    json?: string;
    overrides: Record<string, string>;
    quiet: boolean;
}

const USAGE = `usage: npm run plan -- <stack> [--json <file>|-] [--set key=value ...] [--quiet]
  <stack>          one of: ${listStacks().join(", ")}
  --json <file>    also write the full plan (every resource, its options and inputs) as JSON; - for stdout
  --set key=value  override a config key for this plan only (try a change before committing it)
  --quiet          do not print the table`;

export function parseArgs(argv: readonly string[]): PlanArgs {
    const args: PlanArgs = { stack: "", overrides: {}, quiet: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json") args.json = argv[++i];
        else if (arg === "--quiet") args.quiet = true;
        else if (arg === "--set") {
            const pair = argv[++i] ?? "";
            const eq = pair.indexOf("=");
            if (eq <= 0) throw new Error(`--set needs key=value, got "${pair}"`);
            args.overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
        } else if (arg === "--help" || arg === "-h") throw new Error("");
        else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
        else if (!args.stack) args.stack = arg;
        else throw new Error(`unexpected argument ${arg}`);
    }
    if (!args.stack) throw new Error("missing <stack>");
    if (args.json === undefined && argv.includes("--json")) throw new Error("--json needs a file name or -");
    return args;
}

async function main(argv: readonly string[]): Promise<number> {
    let args: PlanArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        const message = (e as Error).message;
        console.error(message ? `error: ${message}\n${USAGE}` : USAGE);
        return message ? 2 : 0;
    }
    const write = (json: unknown) => {
        const text = JSON.stringify(json, null, 2) + "\n";
        if (args.json === "-") process.stdout.write(text);
        else if (args.json) fs.writeFileSync(args.json, text);
    };
    try {
        const plan = await evaluateStack(args.stack, { projectDir: projectDir(), overrides: args.overrides });
        if (!args.quiet && args.json !== "-") console.log(renderPlan(plan));
        write(plan);
        return 0;
    } catch (e) {
        const registered = e instanceof ProgramError ? e.registeredBeforeFailure : 0;
        console.error(`Plan of stack "${args.stack}" failed; ${registered} resources were registered before the failure.\n${(e as Error).message}`);
        write({ stack: args.stack, error: (e as Error).message, registeredBeforeFailure: registered });
        return 1;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
        console.error(e);
        process.exit(1);
    });
}
