/**
 * Runs the offline plan (build/tools/plan.js) of one stack in a child process and returns what it
 * wrote. One process per stack because the Pulumi runtime that evaluates the program is a process-wide
 * singleton. Shared by the snapshot, cost and delivery tools and the whole-program tests.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHECKS_FAILED_EXIT_CODE, type EvaluatedStack } from "./planRecord";

/** A plan that failed: the program or its config threw (the JSON the plan tool writes on failure). */
export interface FailedPlan {
    readonly stack: string;
    readonly error: string;
    readonly registeredBeforeFailure: number;
    readonly exitCode: number;
    readonly stderr: string;
}

/** Resolves with the evaluated stack or the failure the plan reported; rejects only if the tool wrote nothing. */
export function runPlanProcess(stack: string, projectDir: string, overrides: Readonly<Record<string, string>> = {}): Promise<EvaluatedStack | FailedPlan> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    const out = path.join(dir, "plan.json");
    // --show-secrets: the file is private to this call (mkdtemp) and the leak audit needs the values.
    const args = [path.join(projectDir, "build", "tools", "plan.js"), stack, "--quiet", "--json", out, "--show-secrets",
        ...Object.entries(overrides).flatMap(([k, v]) => ["--set", `${k}=${v}`])];
    return new Promise((resolve, reject) => {
        execFile(process.execPath, args, { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
            try {
                if (!fs.existsSync(out)) return reject(new Error(`the offline plan of stack "${stack}" wrote nothing: ${stderr.trim() || err?.message}`));
                const json = JSON.parse(fs.readFileSync(out, "utf8"));
                if (json.error !== undefined) resolve({ ...json, exitCode: err ? (err.code as number) : 0, stderr });
                // Exit 4: evaluated, but a plan check failed; the caller runs the checks itself.
                else if (err && err.code !== CHECKS_FAILED_EXIT_CODE) reject(new Error(`the offline plan of stack "${stack}" failed: ${stderr.trim() || err.message}`));
                else resolve(json as EvaluatedStack);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
}

/** The evaluated stack; rejects with the plan's own error message when it failed. */
export async function planInChildProcess(stack: string, projectDir: string, overrides: Readonly<Record<string, string>> = {}): Promise<EvaluatedStack> {
    const result = await runPlanProcess(stack, projectDir, overrides);
    if ("error" in result) throw new Error(`the offline plan of stack "${stack}" failed: ${result.error}`);
    return result;
}
