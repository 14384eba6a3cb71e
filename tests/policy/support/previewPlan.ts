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
import * as pulumi from "@pulumi/pulumi";
import type { RegisteredResource } from "../../../tools/offline/evaluate";
import { awsMocks } from "../../../tools/offline/mocks";
import { readStackConfig } from "../../../tools/offline/stackFiles";

/** @pulumi/pulumi's wire markers (runtime/rpc): unknown value, and the key/signatures of special objects. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** Plain values from the wire form: secrets unwrapped, resource references as their id (or unknown). */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) return plain(obj.value);
        if (obj[SIG_KEY] === RESOURCE_SIG) return obj.id === undefined || obj.id === "" ? UNKNOWN : plain(obj.id);
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

interface RegisterRequest {
    getType(): string; getName(): string; getParent(): string; getProvider(): string; getCustom(): boolean; getProtect(): boolean;
    getDependenciesList(): string[]; getObject(): { toJavaScript(): Record<string, unknown> };
}
type Callback = (err: unknown, response?: { getUrn(): string }) => void;

export async function evaluateAtPreview(stack: string, projectDir: string): Promise<RegisteredResource[]> {
    const file = readStackConfig(stack, projectDir);
    pulumi.runtime.setAllConfig(file.config, file.secretKeys);
    const account = { accountId: file.config[`${file.project}:awsAccountId`] ?? "000000000000", region: file.config[`${file.project}:region`] ?? "ap-south-1" };
    const offline = awsMocks(account);
    // A create at preview: the provider echoes the inputs; everything it would compute stays unknown.
    const mocks: pulumi.runtime.Mocks = {
        newResource: (args) => ({ id: undefined, state: args.inputs }),
        call: (args) => offline.call(args),
    };
    await pulumi.runtime.setMocks(mocks, file.project, stack, true);

    const resources: RegisteredResource[] = [];
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, cb: Callback): unknown };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: RegisterRequest, callback: Callback) => register(req, (err, response) => {
        if (!err && response) {
            resources.push({
                urn: response.getUrn(), type: req.getType(), name: req.getName(), parent: req.getParent(),
                provider: req.getProvider().split("::").slice(0, -1).join("::"), custom: req.getCustom(), protect: req.getProtect(),
                retainOnDelete: false, deleteBeforeReplace: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], secretPaths: [],
                dependencies: req.getDependenciesList(),
                inputs: plain(req.getObject().toJavaScript()) as Record<string, unknown>,
            });
        }
        callback(err, response);
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(projectDir, "build", "index.js"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await require("@pulumi/pulumi/runtime/settings").waitForRPCs();
    return resources.sort((a, b) => a.urn.localeCompare(b.urn));
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
