/**
 * The program as the Pulumi CLI runs it: the config map and the list of secret keys arrive through the
 * runtime (PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS), with no stack file to read and no check before
 * the program's own. Proves that index.ts itself refuses bad config before registering anything.
 *
 * Run as its own process (the Pulumi runtime is a process-wide singleton):
 *   node build/tests/support/programRun.js <input.json> <out.json>
 * with input {stack, config, secretKeys, preview}; writes {registered, error?}.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { ConfigInput } from "../../config";
import { recordRegistrations, waitForRegistrations } from "../../tools/offline/evaluate";
import { awsMocks } from "../../tools/offline/mocks";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");

export interface ProgramRun {
    readonly registered: number;
    readonly error?: string;
}

/** Runs index.js with `input` handed over as the CLI hands config (a preview unless `preview` is false). */
export function runProgram(input: ConfigInput, preview = true): Promise<ProgramRun> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-"));
    const inFile = path.join(dir, "input.json");
    const outFile = path.join(dir, "out.json");
    fs.writeFileSync(inFile, JSON.stringify({ ...input, preview }));
    return new Promise((resolve, reject) => execFile(process.execPath, [__filename, inFile, outFile], { cwd: PROJECT_DIR }, (err, _stdout, stderr) => {
        try {
            if (!fs.existsSync(outFile)) return reject(new Error(`the program run wrote nothing: ${stderr || err?.message}`));
            resolve(JSON.parse(fs.readFileSync(outFile, "utf8")));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }));
}

async function main(inFile: string, outFile: string): Promise<void> {
    const input = JSON.parse(fs.readFileSync(inFile, "utf8")) as ConfigInput & { preview: boolean };
    pulumi.runtime.setAllConfig({ ...input.config }, [...input.secretKeys]);
    const account = { accountId: input.config["fivestar-payments:awsAccountId"] ?? "000000000000", region: "ap-south-1" };
    await pulumi.runtime.setMocks(awsMocks(account), "fivestar-payments", input.stack, input.preview);
    const resources = recordRegistrations();
    let error: string | undefined;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(PROJECT_DIR, "build", "index.js"));
        await waitForRegistrations();
    } catch (e) {
        error = (e as Error).message;
    }
    fs.writeFileSync(outFile, JSON.stringify({ registered: resources.length, error }));
}

if (require.main === module) {
    const [inFile, outFile] = process.argv.slice(2);
    main(inFile, outFile).catch((e: Error) => {
        console.error(e.stack ?? e.message);
        process.exit(1);
    });
}
