/**
 * The offline plan of a stack (tools/plan.ts), run in a child process because the Pulumi runtime it
 * evaluates the program in is a process-wide singleton. The rollout phases and the checks that apply
 * are computed from it; it needs no credentials and makes no cloud call.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EvaluatedStack } from "../tools/offline/evaluate";

export function loadOfflinePlan(stack: string, projectDir: string): Promise<EvaluatedStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-plan-"));
    const out = path.join(dir, "plan.json");
    const planJs = path.join(projectDir, "build", "tools", "plan.js");
    return new Promise<EvaluatedStack>((resolve, reject) => {
        execFile(process.execPath, [planJs, stack, "--quiet", "--json", out], { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
            try {
                const json = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : undefined;
                if (json && json.error === undefined && !err) resolve(json as EvaluatedStack);
                else reject(new Error(`the offline plan of stack "${stack}" failed: ${json?.error ?? (stderr.trim() || err?.message)}`));
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
}
