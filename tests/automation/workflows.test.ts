/**
 * The CI workflows, parsed: triggers, jobs, stacks, order, environment protection, concurrency, and
 * that no credential is written into them.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { listStacks } from "../../tools/offline/stackFiles";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
interface Job {
    needs?: string | string[]; environment?: string | { name: string }; "runs-on"?: string; steps: Step[];
    strategy?: { matrix?: { include?: Record<string, string>[] } }; concurrency?: { group: string; "cancel-in-progress"?: boolean };
}
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> }

const load = (file: string): Workflow => YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", file), "utf8"));
const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const stepUsing = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));
const runs = (job: Job) => job.steps.map((s) => s.run).filter((r): r is string => r !== undefined);

const EXPRESSION = /^\$\{\{\s*(secrets|vars)(\.[A-Z_][A-Z0-9_]*|\[[a-z_.]+\])\s*\}\}$/;
const CREDENTIAL_KEY = /token|secret|password|passphrase|access-key|role-to-assume|AWS_/i;

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

        it("tests first: checkout, Node 20, npm ci, npm test", () => {
            const test = wf.jobs.test;
            expect([stepUsing(test, "actions/checkout") !== undefined, stepUsing(test, "actions/setup-node")?.with?.["node-version"], runs(test)])
                .to.deep.equal([true, 20, ["npm ci", "npm test"]]);
        });

        it("previews every stack of the project, after the tests", () => {
            const preview = wf.jobs.preview;
            expect([needsOf(preview), preview.strategy!.matrix!.include!.map((m) => m.stack).sort()]).to.deep.equal([["test"], stacks]);
        });

        it("with pulumi/actions, commenting on the PR", () => {
            expect(stepUsing(wf.jobs.preview, "pulumi/actions")?.with).to.include({ command: "preview", "stack-name": "${{ matrix.stack }}", "comment-on-pr": true });
        });

        it("with AWS credentials from OIDC, one role variable per account", () => {
            const roles = wf.jobs.preview.strategy!.matrix!.include!.map((m) => m.role_variable);
            expect([stepUsing(wf.jobs.preview, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"], new Set(roles).size, wf.permissions?.["id-token"]])
                .to.deep.equal(["${{ vars[matrix.role_variable] }}", stacks.length, "write"]);
        });

        it("writes each stack's offline plan as a JSON artifact for the plan and cost diffs", () => {
            const preview = wf.jobs.preview;
            expect([runs(preview).find((r) => r.startsWith("npm run plan")), stepUsing(preview, "actions/upload-artifact")?.with?.path])
                .to.deep.equal(["npm run plan -- ${{ matrix.stack }} --json plan-${{ matrix.stack }}.json", "plan-${{ matrix.stack }}.json"]);
        });

        it("runs the policy pack with each stack's enforcement levels", () => {
            expect(stepUsing(wf.jobs.preview, "pulumi/actions")?.with).to.include({
                policyPacks: "policy",
                policyPackConfigs: "policy/config/${{ matrix.stack }}.json",
            });
        });

        it("diffs the offline plan and the cost against the base branch, comments both, and stops on stateful data loss", () => {
            const commands = runs(wf.jobs.preview).join("\n");
            expect(commands).to.include("--diff base-plan-${{ matrix.stack }}.json");
            expect(commands).to.include("node build/tools/cost.js ${{ matrix.stack }} --diff base-cost-${{ matrix.stack }}.json");
            expect(stepUsing(wf.jobs.preview, "marocchino/sticky-pull-request-comment")?.with?.path).to.include("comment-${{ matrix.stack }}.md"); // built by tools/prComment.ts from both diffs
            const last = wf.jobs.preview.steps.at(-1)!;
            expect([last.name, last.if]).to.deep.equal(["Stop on stateful data loss", "steps.plan_diff.outputs.exit_code == '3'"]);
        });

        it("writes no credential into the file", () => {
            expect(inlineCredentials(wf)).to.deep.equal([]);
        });
    });

    describe("deploy.yml (main)", () => {
        const wf = load("deploy.yml");
        const deployJobs = ["dev", "staging", "prod"];

        it("runs on pushes to main only", () => {
            expect(wf.on).to.deep.equal({ push: { branches: ["main"] } });
        });

        it("deploys every stack of the project", () => {
            expect([...deployJobs].sort()).to.deep.equal(stacks);
        });

        it("in order: test, then dev, then staging, then prod", () => {
            expect(deployJobs.map((j) => needsOf(wf.jobs[j]))).to.deep.equal([["test"], ["dev"], ["staging"]]);
        });

        it("the test job runs npm ci and npm test on Node 20", () => {
            expect([stepUsing(wf.jobs.test, "actions/setup-node")?.with?.["node-version"], runs(wf.jobs.test)]).to.deep.equal([20, ["npm ci", "npm test"]]);
        });

        it("each stack goes through the delivery CLI, which validates; only prod confirms prod", () => {
            expect(deployJobs.map((j) => runs(wf.jobs[j]).filter((r) => r.startsWith("npm run ops")))).to.deep.equal([
                ["npm run ops -- up dev --policy-pack policy"], ["npm run ops -- up staging --policy-pack policy"],
                ["npm run ops -- up prod --confirm-prod --policy-pack policy"],
            ]);
        });

        it("prod waits for approval in the protected production environment; the others do not use it", () => {
            expect(deployJobs.map((j) => wf.jobs[j].environment)).to.deep.equal(["dev", "staging", "production"]);
        });

        it("two deployments of one stack never overlap, and a running one is never cancelled", () => {
            expect(deployJobs.map((j) => [wf.jobs[j].concurrency?.group, wf.jobs[j].concurrency?.["cancel-in-progress"]])).to.deep.equal([
                ["deploy-dev", false], ["deploy-staging", false], ["deploy-prod", false],
            ]);
        });

        it("each deploy job installs the Pulumi CLI and gets AWS credentials through OIDC", () => {
            expect(deployJobs.map((j) => [stepUsing(wf.jobs[j], "pulumi/actions")?.with, stepUsing(wf.jobs[j], "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"]]))
                .to.deep.equal(deployJobs.map(() => [undefined, "${{ vars.AWS_ROLE_ARN }}"]));
        });

        it("its AWS session lasts as long as a first phased prod rollout (3 hours)", () => {
            expect(deployJobs.map((j) => stepUsing(wf.jobs[j], "aws-actions/configure-aws-credentials")?.with?.["role-duration-seconds"])).to.deep.equal([10800, 10800, 10800]);
        });

        it("writes no credential into the file", () => {
            expect(inlineCredentials(wf)).to.deep.equal([]);
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
