/**
 * `dr-failover <stack>`: the failover runbook of issue 17 as a command, one step after another, each
 * stopping the run when it fails (a re-run converges: every step is idempotent):
 *   1. the restorable window of prod's replicated automated backups in the recovery Region;
 *   2. the recovery stack switched to active with the chosen restore time (its stack file edited, as
 *      `rollback` edits image tags: commit it afterwards);
 *   3. the Secrets Manager replicas promoted (secretPromotion.ts);
 *   4. the phased rollout of `up` (network and security, no-ops when the standby is current, then
 *      data, compute, monitoring), validating after each phase;
 *   5. the §11 validation of the whole stack;
 *   6. the DNS cut-over, printed (the zone is outside this program).
 * `--dry-run` prints the same steps with the calls each would make and changes nothing.
 * The AWS and Pulumi sides come in through FailoverActions, so the order and the refusals are tested
 * without a cloud.
 */
import { RDSClient } from "@aws-sdk/client-rds";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { RefusedError } from "../errors";
import { StackFacts } from "../stackFacts";
import { PhaseModule } from "../phases";
import { ALL_CHECKS, CheckName, validationOutputs } from "../validation/checks";
import { DR_KEYS, DrSettings, LATEST, sourceDbInstance } from "./drStack";
import { checkRestoreTime, describeWindow, findRestoreWindow, RestoreWindow, restoreTimeValue } from "./restoreWindow";
import { promoteSecretReplicas, replicatedSecretIds } from "./secretPromotion";

export interface FailoverActions {
    readonly rds: RDSClient;
    readonly secrets: SecretsManagerClient;
    /** Sets one (unqualified) key in the stack file; returns the value it had. */
    setConfig(key: string, value: string): { previous?: string };
    /** The phased `up` with its validation between phases, through `lastPhase`; true when every phase and check passed. */
    rollout(lastPhase: PhaseModule): Promise<boolean>;
    /** These §11 checks of the stack; true when every check passed. */
    validate(checks: readonly CheckName[]): Promise<boolean>;
    outputs(): Promise<Record<string, unknown>>;
    log(line: string): void;
    now(): Date;
}

export interface FailoverRequest {
    readonly restoreTime: typeof LATEST | Date;
    /**
     * A rehearsal (docs/disaster-recovery.md, "Quarterly game day"): deploy and validate through the data
     * phase only. The services stay at 0 tasks: started in prod-dr they would share the live DynamoDB
     * global tables (the transaction queue) and the payment gateways with prod. No DNS step.
     */
    readonly gameDay?: boolean;
}

interface State {
    window?: RestoreWindow;
}

interface Step {
    readonly title: string;
    /** What the step calls, for --dry-run and the log. */
    readonly calls: readonly string[];
    run(actions: FailoverActions, state: State): Promise<boolean>;
}

/**
 * Pure: why the failover may not change this stack's restore settings. restoreToPointInTime is
 * ForceNew (tools/safety/forceNew.json, terraform-provider-aws rds/instance.go): on an active stack a
 * different restore time or source would REPLACE the restored database, losing every write since
 * the failover. A re-run with the same settings is allowed (it converges).
 */
export function restoreChangeProblem(stack: string, settings: DrSettings, requested: typeof LATEST | Date): string | undefined {
    if (settings.mode !== "active" || settings.restoreTime === undefined) return undefined;
    const wanted = restoreTimeValue(requested);
    const parsed = new Date(settings.restoreTime);
    const current = settings.restoreTime === LATEST || Number.isNaN(parsed.getTime()) ? settings.restoreTime : restoreTimeValue(parsed);
    if (wanted === current) return undefined;
    return `stack "${stack}" is already active, restored to ${settings.restoreTime}; restoring to ${wanted} would replace the restored database ` +
        `(restoreToPointInTime forces a new instance) and lose every write made since. Re-run with --restore-time ${settings.restoreTime}, ` +
        `or return the stack to standby first (docs/disaster-recovery.md, "Game day", step 6); nothing was changed`;
}

export function failoverSteps(facts: StackFacts, settings: DrSettings, request: FailoverRequest): Step[] {
    const source = sourceDbInstance(facts.environment);
    const secretIds = replicatedSecretIds(facts.environment);
    const key = (k: string) => `${facts.project}:${k}`;
    return [
        {
            title: "1. restorable window",
            calls: [`RDS DescribeDBInstanceAutomatedBackups in ${facts.region} (every page), the replicated backups of ${source}`,
                `check --restore-time ${restoreTimeValue(request.restoreTime)} inside RestoreWindow [EarliestTime, LatestTime]`],
            run: async (a, state) => {
                const window = await findRestoreWindow(a.rds, source, facts.region);
                a.log(`   ${describeWindow(window, a.now())}`);
                checkRestoreTime(request.restoreTime, window);
                if (settings.mode === "active" && settings.sourceArn !== undefined && settings.sourceArn !== window.arn) {
                    throw new RefusedError(`stack "${facts.stack}" is already active, restored from ${settings.sourceArn}, not ${window.arn}; ` +
                        "changing the source would replace the restored database; nothing was changed");
                }
                state.window = window;
                return true;
            },
        },
        {
            title: `2. switch ${facts.stack} to active`,
            calls: [`set in Pulumi.${facts.stack}.yaml: ${key(DR_KEYS.mode)} = active, ${key(DR_KEYS.restoreTime)} = ${restoreTimeValue(request.restoreTime)}, ` +
                `${key(DR_KEYS.sourceArn)} = <the ARN from step 1>`],
            run: async (a, state) => {
                const values: [string, string][] = [[DR_KEYS.mode, "active"], [DR_KEYS.restoreTime, restoreTimeValue(request.restoreTime)], [DR_KEYS.sourceArn, state.window!.arn]];
                for (const [k, v] of values) {
                    const { previous } = a.setConfig(k, v);
                    a.log(`   ${key(k)}: ${previous ?? "(unset)"} -> ${v}`);
                }
                return true;
            },
        },
        {
            title: "3. promote the Secrets Manager replicas (DynamoDB replicas are writable already)",
            calls: [`Secrets Manager in ${facts.region}: DescribeSecret, and StopReplicationToReplica where PrimaryRegion is another Region, for ${secretIds.join(", ")}`],
            run: async (a) => {
                for (const o of await promoteSecretReplicas(a.secrets, secretIds, facts.region)) {
                    a.log(`   ${o.secret}: ${o.action}${o.action === "promoted" ? ` (was a replica of ${o.primaryRegion})` : ""}`);
                }
                return true;
            },
        },
        request.gameDay ? {
            title: "4. game day: deploy the active stack through the data phase only (network, security, data); services stay at 0 tasks",
            calls: [`as \`npm run ops -- up ${facts.stack} --confirm-prod\` stopped after the data phase, then the RDS checks`],
            run: (a) => a.rollout("data"),
        } : {
            title: "4. deploy the active stack in phases: network, security (no-ops when the standby is current), data, compute, monitoring",
            calls: [`as \`npm run ops -- up ${facts.stack} --confirm-prod\`: one targeted pulumi up per phase, the §11 checks after data, compute and monitoring, stopping at the first failure`],
            run: (a) => a.rollout("monitoring"),
        },
        request.gameDay ? {
            title: "5. game day: validate the restored database (§11 RDS checks)",
            calls: ["the RDS checks of `npm run ops -- validate`: the primary and each read replica available"],
            run: (a) => a.validate(["rds"]),
        } : {
            title: "5. validate the whole stack (§11)",
            calls: [`as \`npm run ops -- validate ${facts.stack}\`: RDS instances available, ECS services at their desired count on the release the state records, each service's health route through the ALB`],
            run: (a) => a.validate(ALL_CHECKS),
        },
        ...(request.gameDay ? [] : [{
            title: "6. DNS cut-over (manual: the zone is outside this program)",
            calls: ["read stack outputs albDnsName and healthRoutes; print the record change for each host name"],
            run: async (a: FailoverActions) => {
                a.log(dnsCutOver(await a.outputs(), facts));
                return true;
            },
        }]),
    ];
}

/** Pure: the cut-over instructions from the stack outputs. */
export function dnsCutOver(rawOutputs: Readonly<Record<string, unknown>>, facts: StackFacts): string {
    const outputs = validationOutputs(rawOutputs);
    const hosts = [...new Set((outputs.healthRoutes ?? []).map((r) => r.host))];
    if (!outputs.albDnsName || hosts.length === 0) return "   stack outputs albDnsName / healthRoutes are missing: the stack is not fully deployed; do not cut over";
    return [
        `   In the DNS zone of each host name, point the record at the ${facts.stack} load balancer ${outputs.albDnsName} (${facts.region})`,
        "   (CNAME, or a Route 53 alias A record); keep the TTL at 300 s or less:",
        ...hosts.map((h) => `     ${h}  ->  ${outputs.albDnsName}`),
        `   Then check: dig +short <host name>, and npm run ops -- validate ${facts.stack}.`,
        `   COMMIT Pulumi.${facts.stack}.yaml (drMode active and the restore settings), or the next deploy from main returns it to standby`,
        "   (which the protected database refuses).",
    ].join("\n");
}

/** --dry-run: every step and what it would call; nothing is called. `rolloutPlan` is the offline rollout plan of the active mode. */
export function describeFailover(facts: StackFacts, settings: DrSettings, request: FailoverRequest, rolloutPlan: string): string {
    const lines = [`${request.gameDay ? "Game day" : "Failover"} of "${facts.stack}" (${facts.region}, account ${facts.accountId}), dry run: nothing is called or changed.`,
        `Now: ${DR_KEYS.mode} = ${settings.mode}${settings.restoreTime ? `, ${DR_KEYS.restoreTime} = ${settings.restoreTime}` : ""}.`];
    for (const step of failoverSteps(facts, settings, request)) {
        lines.push(step.title, ...step.calls.map((c) => `   would: ${c}`));
        if (step.title.startsWith("4.")) lines.push(...rolloutPlan.split("\n").map((l) => `   ${l}`));
    }
    return lines.join("\n");
}

export interface FailoverResult {
    readonly ok: boolean;
    readonly completed: readonly string[];
    readonly failed?: { readonly step: string; readonly reason: string };
}

export async function runFailover(facts: StackFacts, settings: DrSettings, request: FailoverRequest, actions: FailoverActions): Promise<FailoverResult> {
    const problem = restoreChangeProblem(facts.stack, settings, request.restoreTime);
    if (problem) throw new RefusedError(problem);
    const state: State = {};
    const completed: string[] = [];
    for (const step of failoverSteps(facts, settings, request)) {
        actions.log(`\n== ${step.title}`);
        let ok: boolean;
        try {
            ok = await step.run(actions, state);
        } catch (e) {
            // A refusal before anything changed keeps its exit code (3); a failure later is a failed step.
            if (e instanceof RefusedError && completed.length === 0) throw e;
            return { ok: false, completed, failed: { step: step.title, reason: (e as Error).message } };
        }
        if (!ok) return { ok: false, completed, failed: { step: step.title, reason: "see above" } };
        completed.push(step.title);
    }
    return { ok: true, completed };
}
