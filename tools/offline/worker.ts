/**
 * A process that evaluates the program many times (issue 15): it loads @pulumi/pulumi and @pulumi/aws
 * once (about 2 s of every plan process) and then runs the jobs lib/planProcess.ts sends it, one at a
 * time. Each job gets fresh project modules (everything under build/ is dropped from the require
 * cache) and a fresh mock runtime (`setAllConfig` replaces the config, `setMocks` the monitor and the
 * options), so a job sees what a new process would. tests/program/plan.test.ts proves it: the plan
 * of prod from a worker that has already planned other stacks equals a fresh `plan.js` process's.
 *
 * Started by lib/planProcess.ts with `fork`; not a command for people.
 */
import * as path from "path";
import type { PlanJob, PlanJobResult } from "../../lib/planProcess";

const BUILD_DIR = path.resolve(__dirname, "..", "..");
const PROJECT_DIR = path.dirname(BUILD_DIR);

/** Drops every compiled project module from the require cache (node_modules stay loaded). */
function freshProjectModules(): void {
    for (const file of Object.keys(require.cache)) {
        if (file.startsWith(BUILD_DIR + path.sep)) delete require.cache[file];
    }
}

/* eslint-disable @typescript-eslint/no-require-imports -- fresh modules per job, by design */
async function run(job: PlanJob): Promise<PlanJobResult> {
    freshProjectModules();
    switch (job.kind) {
        case "cli": {
            // The plan tool's main with stdout and stderr captured: what the process would print and its exit code.
            const out: string[] = [];
            const err: string[] = [];
            const writes = { out: process.stdout.write, err: process.stderr.write };
            process.stdout.write = ((chunk: string | Uint8Array) => out.push(chunk.toString()) > 0) as typeof process.stdout.write;
            process.stderr.write = ((chunk: string | Uint8Array) => err.push(chunk.toString()) > 0) as typeof process.stderr.write;
            try {
                const code: number = await require(path.join(BUILD_DIR, "tools", "plan.js")).main(job.argv);
                return { kind: "cli", code, stdout: out.join(""), stderr: err.join("") };
            } finally {
                process.stdout.write = writes.out;
                process.stderr.write = writes.err;
            }
        }
        case "preview": {
            const { evaluateStack } = require("./evaluate") as typeof import("./evaluate");
            return { kind: "preview", resources: (await evaluateStack(job.stack, { projectDir: PROJECT_DIR, firstPreview: true })).resources };
        }
        case "program":
            return { kind: "program", ...await (require("./evaluate") as typeof import("./evaluate")).evaluateAsCli(job.input, job.preview, PROJECT_DIR) };
    }
}
/* eslint-enable @typescript-eslint/no-require-imports */

function failedHalfWay(result: PlanJobResult): boolean {
    if (result.kind === "cli") return result.code === 1 && !/; 0 resources were registered before the failure/.test(result.stderr);
    return result.kind === "program" && result.error !== undefined && result.registered > 0;
}

if (require.main === module) {
    // The parent's end ends the worker (the channel closes when the parent exits or lets it go).
    process.on("disconnect", () => process.exit(0));
    process.on("message", (job: PlanJob) => {
        run(job).then(
            async (result) => {
                // Registrations still in flight must land in this job's monitor, not the next one's.
                await (require("./evaluate") as typeof import("./evaluate")).waitForRegistrations(); // eslint-disable-line @typescript-eslint/no-require-imports
                // A program that failed half-way may leave work behind that no drain sees: the pool starts afresh.
                process.send!({ result, recycle: failedHalfWay(result) });
            },
            (e: Error) => process.send!({ error: e.stack ?? e.message, recycle: true }),
        );
    });
}
