/**
 * Runs the offline plan (`build/tools/plan.js`) for a stack in a child process, with optional config
 * overrides, and returns the evaluated stack. One process per stack: the Pulumi runtime is a
 * process-wide singleton.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EvaluatedStack } from "../offline/evaluate";

export function planStack(stack: string, projectDir: string, overrides: Record<string, string> = {}): Promise<EvaluatedStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cost-plan-"));
    const out = path.join(dir, "plan.json");
    const args = [path.join(projectDir, "build", "tools", "plan.js"), stack, "--quiet", "--json", out,
        ...Object.entries(overrides).flatMap(([k, v]) => ["--set", `${k}=${v}`])];
    return new Promise((resolve, reject) => {
        execFile(process.execPath, args, { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
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
