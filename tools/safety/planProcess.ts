/**
 * Runs the offline plan of a stack in a child process (the Pulumi runtime is a process-wide
 * singleton, so one process evaluates one stack) and returns the evaluated stack.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EvaluatedStack } from "../offline/evaluate";

export function planInChildProcess(stack: string, projectDir: string): Promise<EvaluatedStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    const out = path.join(dir, "plan.json");
    const planJs = path.join(projectDir, "build", "tools", "plan.js");
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [planJs, stack, "--quiet", "--json", out], { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
            try {
                const json = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : undefined;
                if (err || !json || json.error !== undefined) reject(new Error(`the plan of stack ${stack} failed:\n${json?.error ?? (stderr || err?.message)}`));
                else resolve(json as EvaluatedStack);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
}
