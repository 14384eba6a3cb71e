/**
 * The CI workflows, parsed: triggers, jobs, stacks, order, environment protection, concurrency, that
 * no credential is written into them, and the issue 14 rules (workflowRules.ts): no path from a pull
 * request to deploy power, permissions per job, timeouts, pinned actions, Node from .nvmrc.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as semver from "semver";
import * as YAML from "yaml";
import { recoveredEnvironment } from "../../config/stacks";
import { listStacks } from "../../config/stackFiles";
import {
    continueOnErrorProblems, deployPathProblems, Job, nodeVersionProblems, permissionProblems, pinningProblems, pullRequestReachProblems, Step,
    timeoutProblems, Workflow,
} from "./workflowRules";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const WORKFLOW_FILES = ["preview.yml", "deploy.yml", "dr-failover.yml"];

const load = (file: string): Workflow => YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", file), "utf8"));
const readText = (file: string) => fs.readFileSync(path.join(PROJECT_DIR, file), "utf8");
const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const stepUsing = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));
const runs = (job: Job) => job.steps.map((s) => s.run).filter((r): r is string => r !== undefined);

const EXPRESSION = /^\$\{\{\s*(secrets|vars)(\.[A-Z_][A-Z0-9_]*|\[[a-z_.]+\])\s*\}\}$/;
// Inputs that name a token's kind or lifetime, not a credential.
const CREDENTIAL_KEY = /^(?!requested-token-type$|token-expiration$).*(token|secret|password|passphrase|access-key|role-to-assume|AWS_)/i;

/** Every place a workflow writes a credential literally instead of referencing a secret or variable. */
export function inlineCredentials(workflow: Workflow): string[] {
    const problems: string[] = [];
    const text = JSON.stringify(workflow);
    if (/AKIA[0-9A-Z]{16}/.test(text)) problems.push("an AWS access key id");
    if (/arn:aws:iam::\d{12}:/.test(text)) problems.push("a literal IAM ARN");
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps) {
            if (step.with && ("aws-access-key-id" in step.with || "aws-secret-access-key" in step.with)) problems.push(`${jobName}: long-lived AWS keys`);
            for (const [key, value] of Object.entries({ ...step.with, ...step.env })) {
                if (CREDENTIAL_KEY.test(key) && !EXPRESSION.test(String(value))) problems.push(`${jobName}: ${key} = ${String(value)}`);
            }
        }
    }
    return problems;
}

describe("CI workflows", () => {
    const stacks = listStacks(PROJECT_DIR);

    describe("preview.yml (pull requests)", () => {
        const wf = load("preview.yml");

        it("runs on pull requests", () => {
            expect(Object.keys(wf.on)).to.deep.equal(["pull_request"]);
        });

        it("tests first: checkout, Node from .nvmrc, npm ci, npm test", () => {
            const test = wf.jobs.test;
            expect([stepUsing(test, "actions/checkout") !== undefined, stepUsing(test, "actions/setup-node")?.with?.["node-version-file"], runs(test)])
                .to.deep.equal([true, ".nvmrc", ["npm ci", "npm test"]]);
        });

        it("previews every stack of the project, after the tests", () => {
            const preview = wf.jobs.preview;
            expect([needsOf(preview), preview.strategy!.matrix!.include!.map((m) => m.stack).sort()]).to.deep.equal([["test"], stacks]);
        });

        it("with pulumi/actions as the read-only PreviewRole, the preview in the job summary, the policy pack with each stack's enforcement levels", () => {
            expect(stepUsing(wf.jobs.preview, "pulumi/actions")?.with).to.include({
                command: "preview", "stack-name": "${{ vars.PULUMI_ORG }}/${{ matrix.stack }}", "comment-on-summary": true,
                "config-map": "{fivestar-payments:previewRoleName: {value: PreviewRole, secret: false}}", policyPacks: "policy", policyPackConfigs: "policy/config/${{ matrix.stack }}.json",
            });
        });

        // prod-dr (issue 17) is in prod's account: prod's PreviewRole variable.
        it("with AWS credentials from OIDC into each account's PreviewRole (one variable per account) and a read-only Pulumi team token", () => {
            const roles = wf.jobs.preview.strategy!.matrix!.include!.map((m) => m.preview_role_variable);
            expect([stepUsing(wf.jobs.preview, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"], roles, wf.jobs.preview.permissions])
                .to.deep.equal(["${{ vars[matrix.preview_role_variable] }}", ["AWS_PREVIEW_ROLE_ARN_DEV", "AWS_PREVIEW_ROLE_ARN_STAGING", "AWS_PREVIEW_ROLE_ARN_PROD", "AWS_PREVIEW_ROLE_ARN_PROD"], { contents: "read", "id-token": "write" }]);
            expect(stepUsing(wf.jobs.preview, "pulumi/auth-actions")?.with).to.include({ "requested-token-type": "urn:pulumi:token-type:access_token:team", scope: "team:infra-preview" });
        });

        it("writes each stack's offline plan as a JSON artifact, diffs the plan and the cost against the base branch and stops on stateful data loss", () => {
            const preview = wf.jobs.preview;
            expect([runs(preview).find((r) => r.startsWith("npm run plan")), stepUsing(preview, "actions/upload-artifact")?.with?.path])
                .to.deep.equal(["npm run plan -- ${{ matrix.stack }} --json plan-${{ matrix.stack }}.json", "plan-${{ matrix.stack }}.json"]);
            const commands = runs(wf.jobs.preview).join("\n");
            expect(commands).to.include("--diff base-plan-${{ matrix.stack }}.json");
            expect(commands).to.include("node build/tools/cost.js ${{ matrix.stack }} --diff base-cost-${{ matrix.stack }}.json");
            const last = wf.jobs.preview.steps.at(-1)!;
            expect([last.name, last.if]).to.deep.equal(["Stop on stateful data loss", "steps.plan_diff.outputs.exit_code == '3'"]);
        });

        it("the data-loss check is never skipped silently: an unplannable base fails the job unless the PR carries the override label", () => {
            const base = wf.jobs.preview.steps.find((st) => st.id === "base")!;
            expect(base["continue-on-error"]).to.equal(undefined);
            // `set -e` is ignored inside an if-condition, even in a subshell: the plan must run outside one.
            expect(base.run).to.match(/^set \+e\n\(\n\s+set -e\n[\s\S]*?\n\)\nstatus=\$\?\n/m);
            expect(base.env?.OVERRIDE).to.equal("${{ contains(github.event.pull_request.labels.*.name, 'data-loss-check-override') }}");
            expect(base.run).to.match(/elif \[ "\$OVERRIDE" = "true" \]; then[\s\S]*::warning::[\s\S]*else[\s\S]*::error::[\s\S]*exit 1\n\s*fi/);
            expect(wf.jobs.preview.steps.find((st) => st.id === "plan_diff")!.if).to.equal("steps.base.outputs.planned == 'true'");
            expect((wf.on.pull_request as { types: string[] }).types).to.include.members(["labeled", "unlabeled"]);
        });

        it("comments plan, cost and preview from a separate job that runs no pull-request code; only it may write to the PR", () => {
            const comment = wf.jobs.comment;
            expect([needsOf(comment), comment.permissions, stepUsing(comment, "actions/checkout"), comment.strategy!.matrix!.stack!.slice().sort()])
                .to.deep.equal([["preview"], { "pull-requests": "write" }, undefined, stacks]);
            expect(stepUsing(comment, "marocchino/sticky-pull-request-comment")?.with?.path).to.equal("comment/comment-${{ matrix.stack }}.md");
        });
    });

    describe("deploy.yml (main)", () => {
        const wf = load("deploy.yml");
        const deployJobs = ["dev", "staging", "prod", "prod-dr"];

        it("runs on pushes to main only", () => {
            expect(wf.on).to.deep.equal({ push: { branches: ["main"] } });
        });

        it("deploys every stack of the project, a recovery stack (issue 17) after the stack it recovers", () => {
            expect([...deployJobs].sort()).to.deep.equal([...stacks].sort());
            for (const s of stacks.filter((x) => recoveredEnvironment(x) !== undefined)) expect(needsOf(wf.jobs[s]), s).to.deep.equal([recoveredEnvironment(s)]);
        });

        it("in order: test, then dev, then staging, then the prod preview, then prod", () => {
            expect(deployJobs.map((j) => needsOf(wf.jobs[j]))).to.deep.equal([["test"], ["dev"], ["preview-prod"], ["prod"]]);
            expect(needsOf(wf.jobs["preview-prod"])).to.deep.equal(["staging"]);
        });

        it("the approver sees a read-only preview of prod in the job summary before the gate", () => {
            const job = wf.jobs["preview-prod"];
            expect([job.environment, stepUsing(job, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"], stepUsing(job, "pulumi/auth-actions")?.with?.scope])
                .to.deep.equal(["preview", "${{ vars.AWS_PREVIEW_ROLE_ARN_PROD }}", "team:infra-preview"]);
            expect(stepUsing(job, "pulumi/actions")?.with).to.include({
                command: "preview", "stack-name": "${{ vars.PULUMI_ORG }}/prod", "comment-on-summary": true, policyPackConfigs: "policy/config/prod.json",
                "config-map": "{fivestar-payments:previewRoleName: {value: PreviewRole, secret: false}}",
            });
        });

        it("tests first: checkout, Node from .nvmrc, npm ci, npm test", () => {
            const test = wf.jobs.test;
            expect([stepUsing(test, "actions/checkout") !== undefined, stepUsing(test, "actions/setup-node")?.with?.["node-version-file"], runs(test)])
                .to.deep.equal([true, ".nvmrc", ["npm ci", "npm test"]]);
        });

        it("each stack goes through the delivery CLI, which validates; only prod confirms prod, and waits for approval in its protected environment (prod-dr in the failover's)", () => {
            expect(deployJobs.map((j) => runs(wf.jobs[j]).filter((r) => r.startsWith("npm run ops")))).to.deep.equal([
                ["npm run ops -- up dev --policy-pack policy"], ["npm run ops -- up staging --policy-pack policy"],
                ["npm run ops -- up prod --confirm-prod --policy-pack policy"], ["npm run ops -- up prod-dr --confirm-prod --policy-pack policy"],
            ]);
            // prod waits for approval in the protected production environment, prod-dr in its own (the failover's); the others use neither.
            expect(deployJobs.map((j) => wf.jobs[j].environment)).to.deep.equal(["dev", "staging", "production", "prod-dr"]);
        });

        it("one queue per stack, shared with preview.yml: never two Pulumi operations on a stack, nothing running or waiting cancelled", () => {
            const queue = (job: Job) => [job.concurrency?.group, job.concurrency?.["cancel-in-progress"], job.concurrency?.queue];
            expect([...deployJobs, "preview-prod"].map((j) => queue(wf.jobs[j]))).to.deep.equal([
                ["pulumi-dev", false, "max"], ["pulumi-staging", false, "max"], ["pulumi-prod", false, "max"], ["pulumi-prod-dr", false, "max"], ["pulumi-prod", false, "max"],
            ]);
            const preview = load("preview.yml").jobs.preview;
            expect(queue(preview)).to.deep.equal(["pulumi-${{ matrix.stack }}", false, "max"]);
            expect(stacks.map((stack) => preview.concurrency!.group.replace("${{ matrix.stack }}", stack))).to.deep.equal(stacks.map((stack) => `pulumi-${stack}`));
        });

        it("each deploy job installs the pinned Pulumi CLI and gets AWS credentials for as long as a first phased prod rollout (3 hours) and a deploy team token through OIDC", () => {
            expect(deployJobs.map((j) => {
                const aws = stepUsing(wf.jobs[j], "aws-actions/configure-aws-credentials")?.with;
                return [stepUsing(wf.jobs[j], "pulumi/actions")?.with, aws?.["role-to-assume"], aws?.["role-duration-seconds"], stepUsing(wf.jobs[j], "pulumi/auth-actions")?.with?.scope];
            })).to.deep.equal(deployJobs.map(() => [{ "pulumi-version-file": ".pulumi-version" }, "${{ vars.AWS_ROLE_ARN }}", 10800, "team:infra-deploy"]));
        });
    });

    describe("dr-failover.yml (manual failover to prod-dr, issue 17)", () => {
        const wf = load("dr-failover.yml");
        const { plan, failover } = wf.jobs;

        it("runs only by hand, with a restore-time input that defaults to latest and a game-day switch that defaults to off", () => {
            expect(Object.keys(wf.on)).to.deep.equal(["workflow_dispatch"]);
            const inputs = (wf.on.workflow_dispatch as { inputs: Record<string, unknown> }).inputs;
            expect(inputs["restore-time"]).to.deep.include({ required: true, default: "latest", type: "string" });
            expect(inputs["game-day"]).to.deep.include({ default: false, type: "boolean" });
        });

        it("first an offline dry run and the recovery-time estimate in the job summary, with no credentials", () => {
            expect([plan.environment, plan.permissions, stepUsing(plan, "aws-actions/configure-aws-credentials"), stepUsing(plan, "pulumi/auth-actions")])
                .to.deep.equal([undefined, { contents: "read" }, undefined, undefined]);
            const script = runs(plan).join("\n");
            expect(script).to.include('npm run --silent ops -- dr-failover prod-dr --dry-run --restore-time "$RESTORE_TIME" "$@"');
            expect(script).to.include("npm run --silent ops -- dr-plan prod-dr");
            expect(script).to.include('tee -a "$GITHUB_STEP_SUMMARY"');
        });

        it("then, after approval in the protected prod-dr environment and from main only, the runbook command", () => {
            expect([needsOf(failover), failover.environment, failover.if]).to.deep.equal([["plan"], "prod-dr", "github.ref == 'refs/heads/main'"]);
            expect(runs(failover).filter((r) => r.includes("npm run ops"))).to.deep.equal([
                'if [ "$GAME_DAY" = "true" ]; then set -- --game-day; fi\nnpm run ops -- dr-failover prod-dr --confirm-prod --restore-time "$RESTORE_TIME" "$@"\n']);
        });

        it("the input reaches the shell only as an environment variable (no expression spliced into a script)", () => {
            const steps = [...plan.steps, ...failover.steps];
            expect(steps.filter((st) => /\$\{\{/.test(st.run ?? "")).map((st) => st.name)).to.deep.equal([]);
            expect(steps.filter((st) => st.env?.RESTORE_TIME !== undefined).map((st) => [st.env!.RESTORE_TIME, st.env!.GAME_DAY])).to.deep.equal([
                ["${{ inputs.restore-time }}", "${{ inputs.game-day }}"], ["${{ inputs.restore-time }}", "${{ inputs.game-day }}"]]);
        });

        it("AWS credentials from OIDC into the prod account's deploy role in ap-south-2, a deploy team token, the pinned Pulumi CLI; queued on prod-dr, the edited stack file kept even on failure", () => {
            expect(stepUsing(failover, "aws-actions/configure-aws-credentials")?.with).to.include({ "role-to-assume": "${{ vars.AWS_ROLE_ARN }}", "aws-region": "ap-south-2", "role-duration-seconds": 14400 });
            expect([stepUsing(failover, "pulumi/auth-actions")?.with?.scope, stepUsing(failover, "pulumi/actions")?.with, failover.permissions])
                .to.deep.equal(["team:infra-deploy", { "pulumi-version-file": ".pulumi-version" }, { contents: "read", "id-token": "write" }]);
            // It queues with every other Pulumi operation on prod-dr and keeps the edited stack file, even on failure.
            expect(failover.concurrency).to.deep.equal({ group: "pulumi-prod-dr", "cancel-in-progress": false, queue: "max" });
            const upload = stepUsing(failover, "actions/upload-artifact")!;
            expect([upload.if, upload.with?.path]).to.deep.equal(["always()", "Pulumi.prod-dr.yaml"]);
        });
    });

    describe("issue 14 rules, on every workflow", () => {
        const rules = { inlineCredentials, pullRequestReachProblems, deployPathProblems, permissionProblems, timeoutProblems, pinningProblems, nodeVersionProblems, continueOnErrorProblems };
        for (const file of WORKFLOW_FILES) {
            for (const [rule, check] of Object.entries(rules)) {
                it(`${file}: ${rule} finds nothing`, () => {
                    expect(check(load(file))).to.deep.equal([]);
                });
            }
        }

        it("the Pulumi CLI version is pinned in .pulumi-version to the @pulumi/pulumi SDK version of the lockfile; every pulumi/actions step uses it, and its job restores the provider plugin cache", () => {
            const lock = JSON.parse(readText("package-lock.json"));
            expect(readText(".pulumi-version").trim()).to.equal(lock.packages["node_modules/@pulumi/pulumi"].version);
            for (const file of WORKFLOW_FILES) {
                for (const [name, job] of Object.entries(load(file).jobs)) {
                    const steps = job.steps.filter((st) => st.uses?.startsWith("pulumi/actions@"));
                    for (const step of steps) expect(step.with?.["pulumi-version-file"], `${file} ${name}`).to.equal(".pulumi-version");
                    if (steps.length > 0) expect(stepUsing(job, "actions/cache")?.with?.path, `${file} ${name}`).to.equal("~/.pulumi/plugins");
                }
            }
        });
    });

    describe("Node.js: one version, from .nvmrc", () => {
        const nvmrc = readText(".nvmrc").trim();
        const lock = JSON.parse(readText("package-lock.json"));


        it("it meets the engine range of the project and of every installed package (npm ci prints no EBADENGINE)", () => {
            const ranges = Object.entries<{ engines?: { node?: string } }>(lock.packages).filter(([, p]) => typeof p.engines?.node === "string");
            expect(ranges.length).to.be.greaterThan(100);
            expect(ranges.filter(([, p]) => !semver.satisfies(nvmrc, p.engines!.node!)).map(([name, p]) => `${name || "this project"}: ${p.engines!.node}`)).to.deep.equal([]);
        });

        it(".nvmrc names one exact version; the project's engines field accepts only that major, from .nvmrc on", () => {
            expect(nvmrc).to.match(/^\d+\.\d+\.\d+$/);
            const range = JSON.parse(readText("package.json")).engines.node;
            expect([semver.satisfies(nvmrc, range), semver.minVersion(range)!.version, semver.satisfies(`${semver.major(nvmrc) + 1}.0.0`, range)]).to.deep.equal([true, nvmrc, false]);
        });

        it(".ci/run and the README set it up through .ci/use-node.sh, which reads .nvmrc", () => {
            expect(readText(".ci/run")).to.match(/^\. \.ci\/use-node\.sh$/m);
            expect(readText(".ci/use-node.sh")).to.include('want="$(tr -d \' \\n\\r\' < "$root/.nvmrc")"');
            expect(readText("README.md")).to.include(". .ci/use-node.sh");
            expect(readText("README.md")).to.not.match(/Node\.js 20\b/);
        });
    });

    describe("the issue 14 rules themselves (each fails on a broken workflow)", () => {
        const CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1";
        const job = (steps: Step[], extra: Partial<Job> = {}): Job => ({ "runs-on": "ubuntu-latest", "timeout-minutes": 30, permissions: { contents: "read" }, steps, ...extra });
        const prWorkflow = (jobs: Record<string, Job>, on: Record<string, unknown> = { pull_request: {} }): Workflow => ({ on, permissions: {}, jobs });

        it("a pull-request job that reaches a deploy role, deploy secret, deploy environment, deploy token or write token, or deploys", () => {
            const wf = prWorkflow({
                leak: job([
                    { uses: CHECKOUT },
                    { uses: "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c", with: { "role-to-assume": "${{ vars[matrix.role] }}" } },
                    { uses: "pulumi/auth-actions@141415910c3beb54e03b48e9057c204c97b956f2", with: { scope: "team:infra-deploy" } },
                    { uses: "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d", with: { command: "preview" } },
                    { run: "npm run ops -- up dev", env: { PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}" } },
                ], {
                    environment: "production", permissions: { contents: "write", "id-token": "write" },
                    strategy: { matrix: { include: [{ role: "AWS_ROLE_ARN_PROD" }, { role: "AWS_PREVIEW_ROLE_ARN_PROD" }] } },
                }),
            }, { pull_request_target: {} });
            expect(pullRequestReachProblems(wf)).to.deep.equal([
                "pull_request_target runs with the base repository's secrets and write token",
                "leak: runs in environment production (its deploy variables and secrets)",
                "leak: reads secret PULUMI_ACCESS_TOKEN",
                "leak: reads variable AWS_ROLE_ARN_PROD",
                "leak: runs pull-request code with a contents write token",
                "leak: Pulumi token team:infra-deploy, not team:infra-preview",
                "leak: pulumi preview without the PreviewRole (previewRoleName)",
                "leak: deploys (npm run ops -- up dev)",
            ]);
        });

        it("a deploy role outside a deploy environment, or next to the preview override", () => {
            const wf: Workflow = {
                on: { push: {} }, permissions: {},
                jobs: {
                    open: job([{ uses: "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c", with: { "role-to-assume": "${{ vars.AWS_ROLE_ARN }}" } }]),
                    mixed: job([
                        { uses: "pulumi/auth-actions@141415910c3beb54e03b48e9057c204c97b956f2", with: { scope: "team:infra-deploy" } },
                        { uses: "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d", with: { command: "up", "config-map": "{fivestar-payments:previewRoleName: {value: PreviewRole}}" } },
                    ], { environment: "production" }),
                },
            };
            expect(deployPathProblems(wf)).to.deep.equal([
                "open: deploy credentials outside a deploy environment (none)",
                "mixed: deploy credentials with the preview role override",
            ]);
        });

        it("id-token: write at workflow level, a job without permissions, id-token without OIDC", () => {
            const wf: Workflow = { on: { push: {} }, permissions: { "id-token": "write" }, jobs: { bare: job([{ run: "true" }], { permissions: undefined }), idle: job([{ run: "true" }], { permissions: { "id-token": "write" } }) } };
            expect(permissionProblems(wf)).to.deep.equal([
                'workflow-level permissions {"id-token":"write"}: must be {}', 'bare: permissions "": must list each scope it needs', "idle: id-token: write without an OIDC step",
            ]);
            expect(permissionProblems({ ...wf, permissions: undefined, jobs: {} })).to.deep.equal(['workflow-level permissions "": must be {}']);
        });

        it("a job without a timeout, and one whose timeout outlasts its AWS session", () => {
            const aws = (seconds?: number): Step => ({ uses: "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c", with: seconds ? { "role-duration-seconds": seconds } : {} });
            const wf = prWorkflow({
                endless: job([{ run: "true" }], { "timeout-minutes": undefined }),
                long: job([aws()], { "timeout-minutes": 60 }),
                longer: job([aws(10800)], { "timeout-minutes": 180 }),
                fine: job([aws(10800)], { "timeout-minutes": 170 }),
                plain: job([{ run: "true" }], { "timeout-minutes": 90 }),
            });
            expect(timeoutProblems(wf)).to.deep.equal([
                "endless: no timeout-minutes", "long: timeout-minutes 60 is not below its 60-minute AWS session",
                "longer: timeout-minutes 180 is not below its 180-minute AWS session", "plain: timeout-minutes 90 is not below its 60-minute AWS session",
            ]);
        });

        it("an action pinned by tag, branch or short SHA", () => {
            const wf = prWorkflow({ loose: job([{ uses: "actions/checkout@v4" }, { uses: "pulumi/actions@main" }, { uses: "actions/cache@27d5ce7" }, { uses: CHECKOUT }, { uses: "./.github/actions/local" }]) });
            expect(pinningProblems(wf)).to.deep.equal([
                "loose: actions/checkout@v4 is not pinned to a commit SHA", "loose: pulumi/actions@main is not pinned to a commit SHA", "loose: actions/cache@27d5ce7 is not pinned to a commit SHA",
            ]);
        });

        it("a Node version not from .nvmrc, and npm without setting Node up", () => {
            const wf = prWorkflow({
                pinned: job([{ uses: "actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38", with: { "node-version": 20 } }, { run: "npm ci" }]),
                none: job([{ run: "npm test" }]),
            });
            expect(nodeVersionProblems(wf)).to.deep.equal(['pinned: setup-node {"node-version":20}: use node-version-file: .nvmrc only', "none: runs npm/node without setting up the .nvmrc version"]);
        });

        it("continue-on-error on a step, an action input or a job", () => {
            const wf = prWorkflow({
                quiet: job([{ name: "base plan", run: "false", "continue-on-error": true }, { uses: "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d", with: { "continue-on-error": true } }], { "continue-on-error": true }),
            });
            expect(continueOnErrorProblems(wf)).to.deep.equal([
                "quiet: continue-on-error on the job", 'quiet: continue-on-error on "base plan"', 'quiet: continue-on-error on "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d"',
            ]);
        });
    });

    describe("the credential check itself", () => {
        it("catches keys, literal roles and tokens written into a workflow", () => {
            const leaky: Workflow = {
                on: { push: {} },
                jobs: {
                    deploy: {
                        steps: [
                            { uses: "aws-actions/configure-aws-credentials@v4", with: { "aws-access-key-id": "AKIAABCDEFGHIJKLMNOP", "role-to-assume": "arn:aws:iam::123456789014:role/x" } },
                            { run: "npm run ops -- up dev", env: { PULUMI_ACCESS_TOKEN: "pul-0123456789" } },
                        ],
                    },
                },
            };
            expect(inlineCredentials(leaky)).to.deep.equal([
                "an AWS access key id", "a literal IAM ARN", "deploy: long-lived AWS keys",
                "deploy: aws-access-key-id = AKIAABCDEFGHIJKLMNOP", "deploy: role-to-assume = arn:aws:iam::123456789014:role/x", "deploy: PULUMI_ACCESS_TOKEN = pul-0123456789",
            ]);
        });
    });
});
