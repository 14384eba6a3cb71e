/**
 * Rules the CI workflows must keep (issue 14), as pure functions of a parsed workflow, each
 * returning the problems it finds ([] when the workflow keeps it). workflows.test.ts applies them
 * to .github/workflows/*.yml and proves each can fail on a broken fixture.
 */

export interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; "continue-on-error"?: unknown }
export interface Job {
    needs?: string | string[]; environment?: string | { name: string }; "runs-on"?: string; steps: Step[]; uses?: string; secrets?: unknown;
    permissions?: Record<string, string> | string; "timeout-minutes"?: number; "continue-on-error"?: unknown; if?: string;
    strategy?: { matrix?: { include?: Record<string, string>[]; stack?: string[] } };
    concurrency?: { group: string; "cancel-in-progress"?: boolean; queue?: string };
}
export interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string> | string; jobs: Record<string, Job> }

/** GitHub environments whose roles and tokens can deploy (prod-dr: the failover workflow, issue 17). */
export const DEPLOY_ENVIRONMENTS = ["dev", "staging", "production", "prod-dr"];
/** The only variables a job that runs pull-request code may read: the read-only roles and the Pulumi organisation name. */
const PREVIEW_VARIABLE = /^(AWS_PREVIEW_ROLE_ARN_[A-Z]+|PULUMI_ORG)$/;
const PREVIEW_PULUMI_TEAM = "team:infra-preview";
/** AWS's default session when role-duration-seconds is not given: one hour. */
const DEFAULT_SESSION_SECONDS = 3600;

const usesAction = (step: Step, action: string) => step.uses?.split("@")[0] === action;
const environmentOf = (job: Job) => (typeof job.environment === "object" ? job.environment.name : job.environment);
const asText = (value: unknown) => JSON.stringify(value ?? "");

/** Names of the `vars` a job (or a part of it) reads, with `vars[matrix.x]` resolved through the job's matrix. */
function variablesOf(job: Job, part: unknown = job): string[] {
    const text = asText(part);
    const direct = [...text.matchAll(/vars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
    const indexed = [...text.matchAll(/vars\[\s*matrix\.([A-Za-z_]+)\s*\]/g)].flatMap((m) => (job.strategy?.matrix?.include ?? []).map((row) => row[m[1]] ?? `matrix.${m[1]} (unresolved)`));
    const dynamic = [...text.matchAll(/vars\[(?!\s*matrix\.)([^\]]*)\]/g)].map((m) => `vars[${m[1]}] (unresolved)`);
    return [...direct, ...indexed, ...dynamic];
}
const secretsOf = (job: Job) => [...asText(job).matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);

export const triggeredByPullRequests = (wf: Workflow) => Object.keys(wf.on).some((e) => e.startsWith("pull_request"));

/** No job that runs pull-request code can reach a deploy role, a deploy token or a deploy environment. */
export function pullRequestReachProblems(wf: Workflow): string[] {
    if (!triggeredByPullRequests(wf)) return [];
    const problems: string[] = [];
    if ("pull_request_target" in wf.on) problems.push("pull_request_target runs with the base repository's secrets and write token");
    for (const [name, job] of Object.entries(wf.jobs)) {
        const env = environmentOf(job);
        if (env !== undefined) problems.push(`${name}: runs in environment ${env} (its deploy variables and secrets)`);
        if (job.uses !== undefined || job.secrets !== undefined) problems.push(`${name}: calls a reusable workflow / passes secrets`);
        for (const secret of secretsOf(job).filter((s) => s !== "GITHUB_TOKEN")) problems.push(`${name}: reads secret ${secret}`);
        for (const variable of variablesOf(job).filter((v) => !PREVIEW_VARIABLE.test(v))) problems.push(`${name}: reads variable ${variable}`);
        const checksOut = job.steps.some((s) => usesAction(s, "actions/checkout"));
        const writes = typeof job.permissions === "string" ? [job.permissions] : Object.entries(job.permissions ?? {}).filter(([k, v]) => v === "write" && k !== "id-token").map(([k]) => k);
        if (checksOut && writes.length > 0) problems.push(`${name}: runs pull-request code with a ${writes.join(", ")} write token`);
        for (const step of job.steps) {
            if (usesAction(step, "pulumi/auth-actions") && step.with?.scope !== PREVIEW_PULUMI_TEAM) problems.push(`${name}: Pulumi token ${String(step.with?.scope)}, not ${PREVIEW_PULUMI_TEAM}`);
            if (usesAction(step, "pulumi/actions") && step.with?.command !== undefined) {
                if (step.with.command !== "preview") problems.push(`${name}: pulumi ${String(step.with.command)}`);
                else if (!/fivestar-payments:previewRoleName/.test(String(step.with["config-map"]))) problems.push(`${name}: pulumi preview without the PreviewRole (previewRoleName)`);
            }
            if (/npm run ops -- (up|rollback)\b|pulumi (up|destroy|refresh|import)\b/.test(step.run ?? "")) problems.push(`${name}: deploys (${step.run})`);
        }
    }
    return problems;
}

/** A job that holds a deploy role never takes the preview path, and every deploy role is behind a deploy environment. */
export function deployPathProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    for (const [name, job] of Object.entries(wf.jobs)) {
        const deployRole = job.steps.some((s) => usesAction(s, "aws-actions/configure-aws-credentials") &&
            (!asText(s.with?.["role-to-assume"]).includes("vars") || variablesOf(job, s.with?.["role-to-assume"]).some((v) => !/^AWS_PREVIEW_ROLE_ARN_[A-Z]+$/.test(v))));
        const deployToken = job.steps.some((s) => usesAction(s, "pulumi/auth-actions") && s.with?.scope !== PREVIEW_PULUMI_TEAM);
        if (!deployRole && !deployToken) continue;
        if (!DEPLOY_ENVIRONMENTS.includes(environmentOf(job) ?? "")) problems.push(`${name}: deploy credentials outside a deploy environment (${environmentOf(job) ?? "none"})`);
        if (/previewRoleName/.test(asText(job))) problems.push(`${name}: deploy credentials with the preview role override`);
    }
    return problems;
}

/** Nothing granted at workflow level; each job declares its own; id-token: write only where OIDC is used. */
export function permissionProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    if (typeof wf.permissions !== "object" || Object.keys(wf.permissions).length > 0) problems.push(`workflow-level permissions ${asText(wf.permissions)}: must be {}`);
    for (const [name, job] of Object.entries(wf.jobs)) {
        if (typeof job.permissions !== "object") {
            problems.push(`${name}: permissions ${asText(job.permissions)}: must list each scope it needs`);
            continue;
        }
        const oidc = job.steps.some((s) => usesAction(s, "aws-actions/configure-aws-credentials") || usesAction(s, "pulumi/auth-actions"));
        if (job.permissions["id-token"] === "write" && !oidc) problems.push(`${name}: id-token: write without an OIDC step`);
    }
    return problems;
}

/** Every job has a timeout, below the AWS session it gets (or the one-hour default). */
export function timeoutProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    for (const [name, job] of Object.entries(wf.jobs)) {
        const sessions = job.steps.filter((s) => usesAction(s, "aws-actions/configure-aws-credentials")).map((s) => Number(s.with?.["role-duration-seconds"] ?? DEFAULT_SESSION_SECONDS));
        const limit = (sessions.length > 0 ? Math.min(...sessions) : DEFAULT_SESSION_SECONDS) / 60;
        const timeout = job["timeout-minutes"];
        if (typeof timeout !== "number") problems.push(`${name}: no timeout-minutes`);
        else if (timeout >= limit) problems.push(`${name}: timeout-minutes ${timeout} is not below its ${limit}-minute AWS session`);
    }
    return problems;
}

/** Every action outside this repository is pinned to a full commit SHA. */
export function pinningProblems(wf: Workflow): string[] {
    return Object.entries(wf.jobs).flatMap(([name, job]) => [job.uses, ...job.steps.map((s) => s.uses)]
        .filter((u): u is string => u !== undefined && !u.startsWith("./"))
        .filter((u) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(u))
        .map((u) => `${name}: ${u} is not pinned to a commit SHA`));
}

/** Node comes from .nvmrc in every job that sets it up, and every job that runs npm sets it up. */
export function nodeVersionProblems(wf: Workflow): string[] {
    const problems: string[] = [];
    for (const [name, job] of Object.entries(wf.jobs)) {
        const setups = job.steps.filter((s) => usesAction(s, "actions/setup-node"));
        for (const s of setups) {
            if (s.with?.["node-version-file"] !== ".nvmrc" || s.with?.["node-version"] !== undefined) problems.push(`${name}: setup-node ${asText(s.with)}: use node-version-file: .nvmrc only`);
        }
        if (setups.length === 0 && job.steps.some((s) => /\bnpm\b|\bnode\b/.test(s.run ?? ""))) problems.push(`${name}: runs npm/node without setting up the .nvmrc version`);
    }
    return problems;
}

/** No step or job may swallow a failure (it could switch off the data-loss check silently). */
export function continueOnErrorProblems(wf: Workflow): string[] {
    return Object.entries(wf.jobs).flatMap(([name, job]) => [
        ...(job["continue-on-error"] !== undefined ? [`${name}: continue-on-error on the job`] : []),
        ...job.steps.filter((s) => s["continue-on-error"] !== undefined || s.with?.["continue-on-error"] !== undefined).map((s) => `${name}: continue-on-error on "${s.name ?? s.uses ?? s.run}"`),
    ]);
}
