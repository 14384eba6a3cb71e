/**
 * The delivery tool: `npm run ops -- <command> <stack> ...` (see `usage()` in args.ts). It replaces
 * the guide's deploy-infrastructure.sh (§9), rollback-application.sh (§10) and
 * validate-deployment.sh (§11). This file only wires the real Pulumi Automation API and AWS SDK
 * clients to the tested parts; every decision is made in the modules it calls.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import * as path from "path";
import { listStacks, projectDir as findProjectDir } from "../config/projectFiles";
import { Command, parseArgs, prodConfirmationProblem, usage } from "./args";
import { RefusedError, UsageError } from "./errors";
import { changeSummary, progressLine } from "./events";
import { modulesIn, PhaseModule, planPhases, strategyFor, throughPhase } from "./phases";
import type { StackOps } from "./pulumiStack";
import { renderRolloutPlan, renderRolloutResult } from "./report";
import { rolloutSteps, runRollout } from "./rollout";
import type { CredentialProvider, Purpose, Session } from "./session";
import type { StackFacts } from "./stackFacts";
import { ALL_CHECKS, CheckName, renderTable } from "./validation/checks";
import type { ValidationClients } from "./validation/validate";
import { policyPackConfigsFor } from "./policyConfig";
import { debugRunTaskCommand } from "./debugTask";
import { runMain } from "../lib/exit";
import { planInChildProcess } from "../lib/planProcess";

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

/** The rollout steps of a plan's resources through `phases` (phased strategy), and their printed plan. */
function rolloutPlan(facts: StackFacts, resources: Parameters<typeof modulesIn>[0], phases: ReturnType<typeof planPhases>, offline: boolean) {
    const strategy = strategyFor(facts.environment);
    const steps = rolloutSteps(strategy, phases, modulesIn(resources));
    return { steps, text: renderRolloutPlan(facts.stack, strategy, steps, phases, offline) };
}

/** A deploying command refuses a stack file with the preview role override, and prod without --confirm-prod (§1.2). */
async function refuseUnconfirmed(facts: StackFacts, projectDir: string, action: string, confirmed: boolean): Promise<void> {
    const { stackFilePreviewOverride } = await import("./stackFacts");
    const problem = stackFilePreviewOverride(facts.stack, projectDir) ?? prodConfirmationProblem(facts.environment, action, confirmed);
    if (problem) throw new RefusedError(problem);
}

/** `up`: the rollout plan from the offline plan and the state, then each step with its validation (§1.2, §11). */
async function rollOut(facts: StackFacts, stack: StackOps, aws: ValidationClients, cmd: { healthTimeoutSeconds: number },
    policyPacks: readonly string[], lastPhase: PhaseModule = "monitoring"): Promise<boolean> {
    const plan = await planInChildProcess(facts.stack);
    const strategy = strategyFor(facts.environment);
    const stateUrns = strategy === "phased" ? (await stack.stateResources()).map((r) => r.urn) : [];
    const { steps, text } = rolloutPlan(facts, plan.resources, strategy === "phased" ? throughPhase(planPhases(plan.resources, stateUrns), lastPhase) : [], false);
    print(text);
    const result = await runRollout(steps, {
        up: (targets) => stack.up({
            onEvent, targets, policyPacks, policyPackConfigs: policyPackConfigsFor(policyPacks, facts.stack), message: `ops up ${facts.stack}`,
        }),
        validate: (checks) => validateStack(stack, aws, cmd, checks, checks.includes("ecs")),
        log: print,
    }, changeSummary);
    print(renderRolloutResult(result));
    return result.ok;
}

async function run(cmd: Exclude<Command, { command: "help" }>, projectDir: string): Promise<number> {
    const { loadStackFacts } = await import("./stackFacts");
    const { selectStack } = await import("./pulumiStack");
    const facts = loadStackFacts(cmd.stack, projectDir);
    print(`Stack "${facts.stack}": environment ${facts.environment}, account ${facts.accountId}, ${facts.region}`);

    switch (cmd.command) {
        case "phases": {
            const plan = await planInChildProcess(facts.stack);
            print(rolloutPlan(facts, plan.resources, planPhases(plan.resources), true).text);
            if (strategyFor(facts.environment) === "phased") print("(from the offline plan only; `up` also targets what the stack's state holds, so removed resources are deleted in their module's phase)");
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
            await refuseUnconfirmed(facts, projectDir, "up", cmd.confirmProd);
            const s = await session(facts, "deploy");
            return (await rollOut(facts, await selectStack(facts.stack, projectDir), await clients(facts, s.credentials), cmd, cmd.policyPacks)) ? 0 : 1;
        }
        case "validate": {
            const s = await session(facts, "read");
            const stack = await selectStack(facts.stack, projectDir);
            return (await validateStack(stack, await clients(facts, s.credentials), cmd, ALL_CHECKS, false)).ok ? 0 : 1;
        }
        case "rollback": {
            await refuseUnconfirmed(facts, projectDir, "rollback", cmd.confirmProd);
            const s = await session(facts, "deploy");
            const stack = await selectStack(facts.stack, projectDir);
            const aws = await clients(facts, s.credentials);
            const [{ applyRollback, planRollback }, { waitForServicesStable }] = await Promise.all([import("./rollback/rollback"), import("./validation/ecs")]);
            const plan = await planRollback(facts, cmd.service, cmd.revision, stack, aws.ecs);
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
        case "dr-plan":
        case "dr-failover":
            return runDr(cmd, facts, projectDir);
    }
}

/** The disaster-recovery commands (automation/dr/). */
async function runDr(cmd: Extract<Command, { command: "dr-plan" | "dr-failover" }>, facts: StackFacts, projectDir: string): Promise<number> {
    const [{ activeOverrides, DR_KEYS, loadDrSettings }, { estimateRecovery, renderEstimate, renderRpo }, { describeFailover, runFailover }] =
        await Promise.all([import("./dr/drStack"), import("./dr/recoveryPlan"), import("./dr/failover")]);
    // Refusals first, before anything is read or called.
    if (cmd.command === "dr-failover" && !cmd.dryRun) await refuseUnconfirmed(facts, projectDir, "dr-failover", cmd.confirmProd);
    const settings = loadDrSettings(facts, projectDir);
    if (cmd.command === "dr-plan") {
        const standby = await planInChildProcess(facts.stack, settings.mode === "standby" ? {} : { [DR_KEYS.mode]: "standby" });
        const active = await planInChildProcess(facts.stack, activeOverrides(facts, settings));
        const estimate = estimateRecovery(standby.resources, active.resources);
        print(`${renderEstimate(facts.stack, estimate)}\n\n${renderRpo()}`);
        return estimate.withinTarget ? 0 : 1;
    }
    const request = { restoreTime: cmd.restoreTime, gameDay: cmd.gameDay };
    if (cmd.dryRun) {
        const plan = await planInChildProcess(facts.stack, activeOverrides(facts, settings));
        print(describeFailover(facts, settings, request, rolloutPlan(facts, plan.resources, throughPhase(planPhases(plan.resources), cmd.gameDay ? "data" : "monitoring"), false).text));
        return 0;
    }
    const [{ selectStack }, { SecretsManagerClient }, { setStackConfigValue }] =
        await Promise.all([import("./pulumiStack"), import("@aws-sdk/client-secrets-manager"), import("./rollback/stackFile")]);
    const s = await session(facts, "deploy");
    const stack = await selectStack(facts.stack, projectDir);
    const aws = await clients(facts, s.credentials);
    const stackFile = path.join(projectDir, `Pulumi.${facts.stack}.yaml`);
    const result = await runFailover(facts, settings, request, {
        rds: aws.rds,
        secrets: new SecretsManagerClient({ region: facts.region, credentials: s.credentials }),
        setConfig: (key, value) => setStackConfigValue(stackFile, `${facts.project}:${key}`, value),
        rollout: (lastPhase) => rollOut(facts, stack, aws, cmd, [], lastPhase),
        validate: async (checks) => (await validateStack(stack, aws, cmd, checks, false)).ok,
        outputs: () => stack.outputs(),
        log: print,
        now: () => new Date(),
    });
    print(result.ok ? `\n${cmd.gameDay ? "Game day" : "Failover"} of "${facts.stack}" complete: ${result.completed.length} steps.`
        : `\nFailover STOPPED at "${result.failed!.step}": ${result.failed!.reason}\ncompleted: ${result.completed.join("; ") || "nothing"}; a re-run with the same --restore-time continues (every step is idempotent)`);
    return result.ok ? 0 : 1;
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

runMain(module, main);
