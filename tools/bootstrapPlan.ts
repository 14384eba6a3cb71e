/**
 * The offline plan of the bootstrap project (bootstrap/): `npm run plan:bootstrap -- <stack> --set key=value ...`.
 *
 * Evaluates bootstrap/ for an account under the same mocks as the main plan and prints every resource
 * and, per IAM role, who it trusts and what it may do, so the roles can be reviewed before the
 * admin-credential `pulumi up`. The stack files leave the operator-only keys unset (cicdRoleArn,
 * monitoringAccountId, githubRepository): pass them with --set (any well-formed values for a review).
 */
import * as path from "path";
import { evaluateStack, ProgramError } from "./offline/evaluate";
import { RegisteredResource } from "../lib/planRecord";
import { parseArgs, PLAN_FLAGS, PlanArgs } from "./plan";
import { runMain } from "../lib/exit";
import { RESOURCE_TYPES } from "../lib/types";
import { Flags, HELP_FLAGS } from "./flags";

/** The options of `npm run plan:bootstrap`: only --set (the main plan's --json, --diff, ... would be ignored here). */
export const BOOTSTRAP_PLAN_FLAGS: Flags<PlanArgs> = { ...HELP_FLAGS, "--set": PLAN_FLAGS["--set"] };

const ROOT = path.resolve(__dirname, "..", "..");
const short = (r: RegisteredResource) => `${r.type}  ${r.name}`;

/** Pure: the review text of the bootstrap plan's resources. */
export function renderBootstrapPlan(resources: readonly RegisteredResource[]): string {
    const lines = [`${resources.length} resources`, ...resources.map((r) => `  ${short(r)}${r.protect ? "  [protect]" : ""}`)];
    for (const role of resources.filter((r) => r.type === RESOURCE_TYPES.iamRole)) {
        const trust = JSON.parse(String(role.inputs.assumeRolePolicy)) as { Statement: { Principal?: unknown; Action: unknown; Condition?: unknown }[] };
        lines.push("", `role ${String(role.inputs.name)}`);
        for (const s of trust.Statement) lines.push(`  trusted: ${JSON.stringify(s.Principal)} ${JSON.stringify(s.Action)}${s.Condition ? ` if ${JSON.stringify(s.Condition)}` : ""}`);
        const policies = resources.filter((r) => r.type === RESOURCE_TYPES.iamRolePolicy && r.inputs.role === role.inputs.name);
        for (const p of policies) {
            for (const s of (JSON.parse(String(p.inputs.policy)) as { Statement: { Sid?: string; Effect: string; Action: string | string[] }[] }).Statement) {
                lines.push(`  ${s.Effect.toLowerCase()} ${s.Sid ?? ""}: ${[s.Action].flat().join(" ")}`);
            }
        }
        const attached = resources.filter((r) => r.type === RESOURCE_TYPES.iamRolePolicyAttachment && r.inputs.role === role.inputs.name);
        for (const a of attached) lines.push(`  managed policy: ${String(a.inputs.policyArn)}`);
    }
    return lines.join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
    let args: ReturnType<typeof parseArgs>;
    try {
        args = parseArgs(argv, BOOTSTRAP_PLAN_FLAGS);
    } catch (e) {
        console.error(`error: ${(e as Error).message || "usage"}\nusage: npm run plan:bootstrap -- <dev|staging|prod> --set cicdRoleArn=<arn> --set monitoringAccountId=<id> --set githubRepository=<owner/repo>`);
        return 2;
    }
    try {
        const plan = await evaluateStack(args.stack, { projectDir: path.join(ROOT, "bootstrap"), entry: path.join(ROOT, "build", "bootstrap", "index.js"), overrides: args.overrides });
        console.log(renderBootstrapPlan(plan.resources));
        return 0;
    } catch (e) {
        const registered = e instanceof ProgramError ? e.registeredBeforeFailure : 0;
        console.error(`Bootstrap plan of "${args.stack}" failed; ${registered} resources were registered before the failure.\n${(e as Error).message}`);
        return 1;
    }
}

runMain(module, main);
