/**
 * Command-line arguments of `npm run ops -- <command> ...`, parsed purely (no file or cloud access):
 * the list of the project's stacks is passed in.
 */
import { SERVICES, ServiceName } from "../config/names";
import { UsageError } from "./errors";
import { checkService } from "./rollback/revisions";
import { LATEST, parseRestoreTime } from "./dr/restoreWindow";

export interface HealthArgs {
    readonly healthTimeoutSeconds: number;
}

export type Command =
    | { readonly command: "help" }
    | { readonly command: "phases"; readonly stack: string }
    | { readonly command: "debug"; readonly stack: string }
    | { readonly command: "preview"; readonly stack: string; readonly policyPacks: readonly string[] }
    | ({ readonly command: "up"; readonly stack: string; readonly confirmProd: boolean; readonly policyPacks: readonly string[] } & HealthArgs)
    | ({ readonly command: "validate"; readonly stack: string } & HealthArgs)
    | ({ readonly command: "rollback"; readonly stack: string; readonly service: ServiceName; readonly revision?: string; readonly confirmProd: boolean } & HealthArgs)
    | ({ readonly command: "dr-failover"; readonly stack: string; readonly confirmProd: boolean; readonly dryRun: boolean; readonly gameDay: boolean; readonly restoreTime: typeof LATEST | Date } & HealthArgs)
    | { readonly command: "dr-plan"; readonly stack: string };

export const DEFAULT_HEALTH_TIMEOUT_SECONDS = 10;

/** Refuses any name that is not one of the project's stack files. */
export function checkStackName(stack: string, known: readonly string[]): string {
    if (!known.includes(stack)) {
        throw new UsageError(`unknown stack "${stack}": this project has ${known.join(", ")} (one Pulumi.<stack>.yaml each); no stack is created by this tool`);
    }
    return stack;
}

export function usage(stacks: readonly string[]): string {
    return `usage: npm run ops -- <command> <stack> [options]      stacks: ${stacks.join(", ")}

commands
  phases   <stack>                       print how \`up\` would roll the stack out (offline: no credentials)
  preview  <stack>                       pulumi preview: progress, then the change summary
  debug    <stack>                       print the §12.1.2 \`aws ecs run-task\` of the debug task, with the
                                         stack's app subnets and ECS security group (from its outputs)
  up       <stack> [--confirm-prod]      pulumi up: dev/staging in one go, prod in phases
                                         (network, security, data, compute, monitoring), validating
                                         after each and stopping at the first failure
  validate <stack>                       §11 checks: ECS services at desired count running the release
                                         the stack's state records, RDS available, each service's health
                                         route at the ALB (stack output healthRoutes); a table; exit 1 on any failure
  rollback <stack> <service> [revision] [--confirm-prod]
                                         return a service (${SERVICES.join(", ")}) to the previous image
                                         (or that of task definition revision <n>) through Pulumi,
                                         then wait until stable and validate
  dr-failover <stack> [--restore-time latest|<ISO UTC>] [--confirm-prod] [--dry-run] [--game-day]
                                         the failover runbook of a recovery stack (prod-dr): restorable
                                         window, switch to active, promote the secret replicas, deploy in
                                         phases with validation, validate, print the DNS cut-over;
                                         --dry-run prints every step and its calls (offline);
                                         --game-day stops after the data phase (services stay at 0)
  dr-plan  <stack>                       the failover's estimated recovery time: its critical path
                                         through the active plan, against the 4 h RTO, and the RPO
                                         per store (offline); exit 1 when over the target

options
  --confirm-prod           required for up, rollback and dr-failover on a production stack
  --dry-run                (dr-failover) print the steps and their calls; call and change nothing
  --game-day               (dr-failover) a rehearsal: restore and validate the database only, no services, no DNS
  --restore-time <t>       (dr-failover) "latest" (default) or an ISO-8601 UTC time such as 2026-11-30T18:05:00Z
  --policy-pack <dir>      (preview, up) run a policy pack; repeatable
  --health-timeout <s>     (up, validate, rollback) seconds the health endpoint may take; default ${DEFAULT_HEALTH_TIMEOUT_SECONDS}
  -h, --help               this text

credentials: AWS credentials that may assume the DeploymentRole of the stack's account (validate also
accepts credentials already in that account), and a logged-in Pulumi backend (\`pulumi login\`).
exit codes: 0 done, 1 failed (operation or validation), 2 bad usage, 3 refused by a safety check`;
}

/** The options of each command (the parser's table; tests/docs/commands.test.ts checks the docs against it). */
export const OPTIONS_OF: Readonly<Record<string, readonly string[]>> = {
    phases: [],
    debug: [],
    preview: ["--policy-pack"],
    up: ["--confirm-prod", "--policy-pack", "--health-timeout"],
    validate: ["--health-timeout"],
    rollback: ["--confirm-prod", "--health-timeout"],
    "dr-failover": ["--confirm-prod", "--dry-run", "--game-day", "--restore-time", "--health-timeout"],
    "dr-plan": [],
};
const TAKES_VALUE = new Set(["--policy-pack", "--health-timeout", "--restore-time"]);
/** Accepted anywhere, with or without a command. */
export const HELP_OPTIONS: readonly string[] = ["--help", "-h"];
export function parseArgs(argv: readonly string[], stacks: readonly string[]): Command {
    if (argv.length === 0 || argv.some((a) => HELP_OPTIONS.includes(a)) || argv[0] === "help") return { command: "help" };
    const [command, ...rest] = argv;
    const allowed = OPTIONS_OF[command];
    if (!allowed) throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(OPTIONS_OF).join(", ")})`);

    const positionals: string[] = [];
    const flags = new Set<string>();
    const values: Record<string, string[]> = {};
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (!arg.startsWith("-")) {
            positionals.push(arg);
            continue;
        }
        if (!allowed.includes(arg)) throw new UsageError(`option ${arg} is not valid for ${command}${allowed.length ? ` (valid: ${allowed.join(", ")})` : ""}`);
        if (TAKES_VALUE.has(arg)) {
            const value = rest[++i];
            if (value === undefined || value.startsWith("-")) throw new UsageError(`${arg} needs a value`);
            (values[arg] ??= []).push(value);
        } else flags.add(arg);
    }
    const shape = command === "rollback" ? { min: 2, max: 3, names: "<stack> <service> [revision]" } : { min: 1, max: 1, names: "<stack>" };
    if (positionals.length < shape.min || positionals.length > shape.max) {
        throw new UsageError(`${command} takes ${shape.names}, got ${positionals.length ? positionals.join(" ") : "nothing"}`);
    }
    const stack = checkStackName(positionals[0], stacks);
    const health = (): HealthArgs => {
        const raw = values["--health-timeout"]?.at(-1);
        const seconds = raw === undefined ? DEFAULT_HEALTH_TIMEOUT_SECONDS : Number(raw);
        if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) throw new UsageError(`--health-timeout must be a number of seconds in (0, 300], got "${raw}"`);
        return { healthTimeoutSeconds: seconds };
    };
    const confirmProd = flags.has("--confirm-prod");
    const policyPacks = values["--policy-pack"] ?? [];
    switch (command) {
        case "phases":
        case "debug":
        case "dr-plan":
            return { command, stack };
        case "dr-failover":
            return { command, stack, confirmProd, dryRun: flags.has("--dry-run"), gameDay: flags.has("--game-day"), restoreTime: parseRestoreTime(values["--restore-time"]?.at(-1) ?? LATEST), ...health() };
        case "preview":
            return { command, stack, policyPacks };
        case "up":
            return { command, stack, confirmProd, policyPacks, ...health() };
        case "validate":
            return { command, stack, ...health() };
        default:
            return { command: "rollback", stack, service: checkService(positionals[1]), revision: positionals[2], confirmProd, ...health() };
    }
}

/** §1.2 safety: changing prod needs an explicit flag, so neither a typo nor a shell history recall deploys it. */
export function prodConfirmationProblem(environment: string, action: string, confirmed: boolean): string | undefined {
    if (environment !== "prod" || confirmed) return undefined;
    return `${action} on the production stack needs --confirm-prod (nothing was changed)`;
}
