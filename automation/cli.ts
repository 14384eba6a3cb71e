/**
 * The delivery tool: `npm run ops -- <command> <stack> ...` (see `usage()` in args.ts). It replaces
 * the guide's deploy-infrastructure.sh (§9), rollback-application.sh (§10) and
 * validate-deployment.sh (§11). This file only wires the real Pulumi Automation API and AWS SDK
 * clients to the tested parts; every decision is made in the modules it calls.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { listStacks, projectDir as findProjectDir } from "../tools/offline/projectFiles";
import { Command, parseArgs, prodConfirmationProblem, usage } from "./args";
import { RefusedError, UsageError } from "./errors";
import { changeSummary, progressLine } from "./events";
import { modulesIn, planPhases, strategyFor } from "./phases";
import type { StackOps } from "./pulumiStack";
import { renderRolloutPlan, renderRolloutResult } from "./report";
import { rolloutSteps, runRollout } from "./rollout";
import type { CredentialProvider, Purpose, Session } from "./session";
import type { StackFacts } from "./stackFacts";
import { ALL_CHECKS, CheckName, renderTable } from "./validation/checks";
import type { ValidationClients } from "./validation/validate";
import { policyPackConfigsFor } from "./policyConfig";
import { debugRunTaskCommand } from "./debugTask";
import { exitWhenFlushed } from "../tools/exit";

// What loads the AWS SDK, the Pulumi runtime or the program's config is imported where a command
// needs it (await import), so `--help` and a usage error answer without loading them (issue 15).

/** After an up, how long ECS services may take to become stable before they are checked. */
const STABLE_WAIT_SECONDS = 600;

const print = (line: string) => console.log(line);
const onEvent = (event: EngineEvent) => {
    const line = progressLine(event);
    if (line) print(line);
};

async function clients(facts: StackFacts, credentials?: CredentialProvider): Promise<ValidationClients> {
    const [{ ECSClient }, { RDSClient }] = await Promise.all([import("@aws-sdk/client-ecs"), import("@aws-sdk/client-rds")]);
    return { ecs: new ECSClient({ region: facts.region, credentials }), rds: new RDSClient({ region: facts.region, credentials }) };
}

async function session(facts: StackFacts, purpose: Purpose): Promise<Session> {
    const [{ establishSession }, { STSClient }] = await Promise.all([import("./session"), import("@aws-sdk/client-sts")]);
    const s = await establishSession(facts, purpose, (credentials) => new STSClient({ region: facts.region, credentials }));
    print(`AWS: acting as ${s.acting.arn} in account ${s.acting.account}${s.credentials ? ` (assumed from ${s.caller.arn})` : ""}`);
    return s;
}

async function validateStack(stack: StackOps, aws: ValidationClients, cmd: { healthTimeoutSeconds: number }, checks: readonly CheckName[], waitForStable: boolean): Promise<{ ok: boolean; detail: string }> {
    const [{ runValidation }, { taskDefinitionsInState }] = await Promise.all([import("./validation/validate"), import("./validation/ecs")]);
    const rows = await runValidation(await stack.outputs(), aws, {
        checks,
        health: { timeoutMs: cmd.healthTimeoutSeconds * 1000 },
        taskDefinitionsInState: checks.includes("ecs") ? taskDefinitionsInState(await stack.stateResources()) : {},
        waitForStableSeconds: waitForStable ? STABLE_WAIT_SECONDS : undefined,
    });
    print(renderTable(rows));
    const failed = rows.filter((r) => !r.ok);
    return { ok: failed.length === 0, detail: failed.map((r) => `${r.check} ${r.target}: ${r.detail}`).join("; ") };
}

async function run(cmd: Exclude<Command, { command: "help" }>, projectDir: string): Promise<number> {
    const { loadStackFacts, stackFilePreviewOverride } = await import("./stackFacts");
    const { loadOfflinePlan } = await import("./offlinePlan");
    const { selectStack } = await import("./pulumiStack");
    const facts = loadStackFacts(cmd.stack, projectDir);
    print(`Stack "${facts.stack}": environment ${facts.environment}, account ${facts.accountId}, ${facts.region}`);

    switch (cmd.command) {
        case "phases": {
            const plan = await loadOfflinePlan(facts.stack, projectDir);
            const strategy = strategyFor(facts.environment);
            const phases = planPhases(plan.resources);
            print(renderRolloutPlan(facts.stack, strategy, rolloutSteps(strategy, phases, modulesIn(plan.resources)), phases, true));
            if (strategy === "phased") print("(from the offline plan only; `up` also targets what the stack's state holds, so removed resources are deleted in their module's phase)");
            return 0;
        }
        case "debug": {
            await session(facts, "read");
            const stack = await selectStack(facts.stack, projectDir);
            print(debugRunTaskCommand(await stack.outputs(), facts.region));
            print("(then: aws ecs execute-command --cluster <cluster> --task <task id> --container debug --interactive --command sh)");
            return 0;
        }
        case "preview": {
            await session(facts, "deploy");
            const stack = await selectStack(facts.stack, projectDir);
            const changes = await stack.preview({ onEvent, policyPacks: cmd.policyPacks, policyPackConfigs: policyPackConfigsFor(cmd.policyPacks, facts.stack) });
            print(`Preview of "${facts.stack}": ${changeSummary(changes)}`);
            return 0;
        }
        case "up": {
            const problem = stackFilePreviewOverride(facts.stack, projectDir) ?? prodConfirmationProblem(facts.environment, "up", cmd.confirmProd);
            if (problem) throw new RefusedError(problem);
            const s = await session(facts, "deploy");
            const plan = await loadOfflinePlan(facts.stack, projectDir);
            const stack = await selectStack(facts.stack, projectDir);
            const strategy = strategyFor(facts.environment);
            const stateUrns = strategy === "phased" ? (await stack.stateResources()).map((r) => r.urn) : [];
            const phases = strategy === "phased" ? planPhases(plan.resources, stateUrns) : [];
            const steps = rolloutSteps(strategy, phases, modulesIn(plan.resources));
            print(renderRolloutPlan(facts.stack, strategy, steps, phases, false));
            const aws = await clients(facts, s.credentials);
            const result = await runRollout(steps, {
                up: (targets) => stack.up({
                    onEvent, targets, policyPacks: cmd.policyPacks, policyPackConfigs: policyPackConfigsFor(cmd.policyPacks, facts.stack), message: `ops up ${facts.stack}`,
                }),
                validate: (checks) => validateStack(stack, aws, cmd, checks, checks.includes("ecs")),
                log: print,
            }, changeSummary);
            print(renderRolloutResult(result));
            return result.ok ? 0 : 1;
        }
        case "validate": {
            const s = await session(facts, "read");
            const stack = await selectStack(facts.stack, projectDir);
            return (await validateStack(stack, await clients(facts, s.credentials), cmd, ALL_CHECKS, false)).ok ? 0 : 1;
        }
        case "rollback": {
            const service = cmd.service;
            const problem = stackFilePreviewOverride(facts.stack, projectDir) ?? prodConfirmationProblem(facts.environment, "rollback", cmd.confirmProd);
            if (problem) throw new RefusedError(problem);
            const s = await session(facts, "deploy");
            const stack = await selectStack(facts.stack, projectDir);
            const aws = await clients(facts, s.credentials);
            const [{ applyRollback, planRollback }, { waitForServicesStable }] = await Promise.all([import("./rollback/rollback"), import("./validation/ecs")]);
            const plan = await planRollback(facts, service, cmd.revision, stack, aws.ecs);
            print(`Rollback of ${plan.serviceName}: runs ${plan.family}:${plan.current.revision} (${plan.current.image}); ` +
                `returning to the image of ${plan.family}:${plan.choice.revision} (${plan.choice.image})`);
            const result = await applyRollback(facts, plan, {
                projectDir, stack, onEvent, log: print, summarize: changeSummary,
                settleAndValidate: async (p) => {
                    const stable = await waitForServicesStable(aws.ecs, p.cluster, [p.serviceName], STABLE_WAIT_SECONDS);
                    print(stable ? `${p.serviceName} is stable` : `${p.serviceName} did not become stable within ${STABLE_WAIT_SECONDS} s`);
                    return (await validateStack(stack, aws, cmd, ALL_CHECKS, false)).ok && stable;
                },
            });
            print(`\n${result.stackFile} now sets ${facts.project}:${plan.configKey}: ${plan.choice.tag} (was ${result.previousTag ?? "unset"}).\n` +
                `COMMIT IT (git add Pulumi.${facts.stack}.yaml && git commit), or the next deploy from main puts ${result.previousTag ?? "the old value"} back.`);
            print(result.ok ? "Rollback complete." : "Rollback FAILED (see above); the stack file keeps the new tag so a re-run converges.");
            return result.ok ? 0 : 1;
        }
    }
}

export async function main(argv: readonly string[]): Promise<number> {
    let projectDir: string;
    let cmd: Command;
    try {
        projectDir = findProjectDir();
        cmd = parseArgs(argv, listStacks(projectDir));
    } catch (e) {
        console.error(`error: ${(e as Error).message}\n`);
        let stacks: string[] = [];
        try {
            stacks = listStacks();
        } catch {
            // no project directory: the usage text lists no stacks
        }
        console.error(usage(stacks));
        return 2;
    }
    if (cmd.command === "help") {
        print(usage(listStacks(projectDir)));
        return 0;
    }
    try {
        return await run(cmd, projectDir);
    } catch (e) {
        if (e instanceof UsageError) {
            console.error(`error: ${e.message}`);
            return 2;
        }
        if (e instanceof RefusedError) {
            console.error(`refused: ${e.message}`);
            return 3;
        }
        console.error(`failed: ${(e as Error).message}`);
        return 1;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(exitWhenFlushed, (e) => {
        console.error(e);
        process.exit(1);
    });
}
