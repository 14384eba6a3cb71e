/**
 * The program as a first `pulumi preview` of a stack sees it: evaluated under mocks in preview mode,
 * where every output the cloud computes (ids, ARNs, endpoints) is unknown, and so is every input
 * built from one (a policy document with a key ARN in it, a container definition with an image
 * URL). The offline plan resolves all of those; this shows which rules still give a verdict before
 * anything exists.
 *
 * Run as its own process (the Pulumi runtime is a process-wide singleton):
 *   node build/tests/policy/support/previewPlan.js <stack> <out.json>
 * writes the registered resources, inputs holding the engine's unknown marker where unknown.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluateStack } from "../../../tools/offline/evaluate";
import { RegisteredResource } from "../../../lib/planRecord";

/** The stack's resources at its first preview: the offline plan's engine with unknown computed outputs. */
export async function evaluateAtPreview(stack: string, projectDir: string): Promise<RegisteredResource[]> {
    return (await evaluateStack(stack, { projectDir, firstPreview: true })).resources;
}

const cache = new Map<string, Promise<RegisteredResource[]>>();

/** The stack at preview, evaluated once per test run in its own process. */
export function previewOf(stack: string): Promise<RegisteredResource[]> {
    let pending = cache.get(stack);
    if (!pending) {
        const projectDir = path.resolve(__dirname, "..", "..", "..", "..");
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-")), `${stack}.json`);
        pending = new Promise((resolve, reject) => execFile(process.execPath, [__filename, stack, out], { cwd: projectDir }, (err, _stdout, stderr) =>
            (err ? reject(new Error(`preview evaluation of ${stack} failed: ${stderr}`)) : resolve(JSON.parse(fs.readFileSync(out, "utf8"))))));
        cache.set(stack, pending);
    }
    return pending;
}

if (require.main === module) {
    const [stack, out] = process.argv.slice(2);
    const projectDir = path.resolve(__dirname, "..", "..", "..", "..");
    evaluateAtPreview(stack, projectDir)
        .then((resources) => fs.writeFileSync(out, JSON.stringify(resources)))
        .catch((e: Error) => {
            console.error(e.stack ?? e.message);
            process.exit(1);
        });
}
