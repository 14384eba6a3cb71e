/**
 * `rollback <stack> <service> [revision]` (§10), through Pulumi so the stack's state and AWS never
 * drift (the guide's script called `ecs update-service` behind Pulumi's back; the next `pulumi up`
 * would have silently undone it):
 *   1. find the revision to return to and its image tag (ECS, read-only)        — planRollback
 *   2. find the service's task definition and ECS service in the stack's state
 *   3. set the service's image tag key in Pulumi.<stack>.yaml                     — applyRollback
 *   4. `pulumi up` targeted at exactly those two resources
 *   5. wait until the service is stable, then validate the stack (§11)
 * Steps 1–2 change nothing, so every refusal leaves the stack and the file as they were.
 */
import { ECSClient } from "@aws-sdk/client-ecs";
import * as path from "path";
import { names, ServiceName } from "../../config/names";
import { OpMap } from "../events";
import { StackOps, RunOptions } from "../pulumiStack";
import { StackFacts } from "../stackFacts";
import { validationOutputs } from "../validation/checks";
import { listRevisions, revisionImage, runningTaskDefinition } from "./ecsRevisions";
import { checkRequested, chooseGiven, choosePrevious, IMAGE_TAG_KEYS, parseRequestedRevision, parseTaskDefinition, RevisionImage, RollbackChoice } from "./revisions";
import { setStackConfigValue } from "./stackFile";
import { rollbackTargets } from "./targets";
import { RefusedError } from "../errors";

/** How many earlier revisions are read when looking for the previous image (newest first). */
export const MAX_EARLIER_REVISIONS = 25;

export interface RollbackPlan {
    readonly service: ServiceName;
    readonly cluster: string;
    readonly serviceName: string;
    readonly family: string;
    readonly current: RevisionImage;
    readonly choice: RollbackChoice;
    readonly configKey: string;
    readonly targets: readonly string[];
}

/** Decides everything a rollback will do, changing nothing. */
export async function planRollback(facts: StackFacts, service: ServiceName, requested: string | undefined, stack: StackOps, ecs: ECSClient): Promise<RollbackPlan> {
    const raw = await stack.outputs();
    const outputs = validationOutputs(raw);
    const families = raw.taskDefinitionFamilies as Record<string, unknown> | undefined;
    const cluster = outputs.clusterName ?? names.ecsCluster(facts.environment);
    const serviceName = outputs.serviceNames?.[service] ?? names.ecsService(facts.environment, service);
    const family = typeof families?.[service] === "string" ? (families[service] as string) : names.taskFamily(facts.environment, service);

    const running = parseTaskDefinition(await runningTaskDefinition(ecs, cluster, serviceName));
    if (!running || running.family !== family) {
        throw new RefusedError(`ECS service ${serviceName} runs ${running ? `family ${running.family}` : "an unreadable task definition"}, expected family ${family}`);
    }
    const current = await revisionImage(ecs, family, running.revision, service);
    const available = await listRevisions(ecs, family);

    let choice: RollbackChoice;
    if (requested !== undefined) {
        const revision = parseRequestedRevision(requested, family);
        checkRequested(current, revision, available, family);
        choice = chooseGiven(current, await revisionImage(ecs, family, revision, service), family);
    } else {
        const earlier = available.filter((r) => r < current.revision).slice(0, MAX_EARLIER_REVISIONS);
        const images: RevisionImage[] = [];
        for (const revision of earlier) images.push(await revisionImage(ecs, family, revision, service));
        choice = choosePrevious(current, images, family);
    }
    const targets = rollbackTargets(await stack.stateResources(), family, serviceName);
    return { service, cluster, serviceName, family, current, choice, configKey: IMAGE_TAG_KEYS[service], targets };
}

export interface RollbackActions {
    readonly projectDir: string;
    readonly stack: StackOps;
    readonly onEvent: RunOptions["onEvent"];
    /** Waits for the service to be stable, then runs §11 validation; true when every check passed. */
    settleAndValidate(plan: RollbackPlan): Promise<boolean>;
    log(line: string): void;
    summarize(changes: OpMap): string;
}

export interface RollbackResult {
    readonly ok: boolean;
    readonly stackFile: string;
    readonly previousTag?: string;
}

export async function applyRollback(facts: StackFacts, plan: RollbackPlan, actions: RollbackActions): Promise<RollbackResult> {
    const stackFile = path.join(actions.projectDir, `Pulumi.${facts.stack}.yaml`);
    const qualifiedKey = `${facts.project}:${plan.configKey}`;
    const edit = setStackConfigValue(stackFile, qualifiedKey, plan.choice.tag);
    actions.log(`set ${qualifiedKey}: ${edit.previous ?? "(unset)"} -> ${plan.choice.tag} in ${path.basename(stackFile)}`);
    actions.log(`pulumi up, targeted at:\n${plan.targets.map((t) => `  ${t}`).join("\n")}`);
    try {
        const changes = await actions.stack.up({
            onEvent: actions.onEvent,
            targets: plan.targets,
            message: `rollback ${plan.service} to ${plan.choice.tag} (${plan.family}:${plan.choice.revision})`,
        });
        actions.log(`changes: ${actions.summarize(changes)}`);
    } catch (e) {
        actions.log(`pulumi up FAILED: ${(e as Error).message}`);
        return { ok: false, stackFile, previousTag: edit.previous };
    }
    return { ok: await actions.settleAndValidate(plan), stackFile, previousTag: edit.previous };
}
