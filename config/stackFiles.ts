/**
 * Reads Pulumi.yaml and Pulumi.<stack>.yaml the way the Pulumi CLI hands config to a program:
 * every value as a string (numbers and booleans printed, lists and objects as JSON), project-level
 * `value:` entries applied unless the stack overrides them, and `secure:` values marked secret.
 * Encrypted values cannot be decrypted here, so they become a placeholder that is still secret.
 * What only the file shows (a value written as a YAML number) is recorded for config/input.ts to check.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { PROJECT_NAME } from "./keyHelpers";
import { SECRET_KEY_NAMES } from "./secretKeys";
import { listStacks, projectDir } from "./projectFiles";

export { listStacks, projectDir } from "./projectFiles";

export interface StackConfigFile {
    readonly project: string;
    readonly stack: string;
    /** Fully qualified key ("fivestar-payments:ecsCpu") to string value. */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
    /** Keys the stack file writes as a YAML number, with the text as written ("012345678901"). */
    readonly numberKeys: Record<string, string>;
}

export const SECRET_PLACEHOLDER = "[secret]";

function toConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

export function readStackConfig(stack: string, dir = projectDir(), overrides: Record<string, string> = {}): StackConfigFile {
    const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        throw new Error(`No stack "${stack}": ${stackFile} does not exist. Stacks: ${listStacks(dir).join(", ")}`);
    }
    const projectDoc = YAML.parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) ?? {};
    const stackDocument = YAML.parseDocument(fs.readFileSync(stackFile, "utf8"));
    const stackDoc = stackDocument.toJS() ?? {};
    const project: string = projectDoc.name;
    const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, decl] of Object.entries<Record<string, unknown>>(projectDoc.config ?? {})) {
        if (decl && "value" in decl) config[qualify(key)] = toConfigString(decl.value);
        else if (decl && "default" in decl) config[qualify(key)] = toConfigString(decl.default);
    }
    for (const [key, value] of Object.entries<unknown>(stackDoc.config ?? {})) {
        const isSecure = typeof value === "object" && value !== null && "secure" in value;
        config[qualify(key)] = isSecure ? SECRET_PLACEHOLDER : toConfigString(value);
        if (isSecure) secretKeys.push(qualify(key));
    }
    const numberKeys: Record<string, string> = {};
    const configNode = stackDocument.get("config", true);
    for (const pair of YAML.isMap(configNode) ? configNode.items : []) {
        if (YAML.isScalar(pair.value) && typeof pair.value.value === "number") {
            numberKeys[qualify(String(YAML.isScalar(pair.key) ? pair.key.value : pair.key))] = pair.value.source ?? String(pair.value.value);
        }
    }
    // A --set value exists only for this run, typed on the command line. For a key that holds a secret (or
    // was a secret) it stays a secret, as `pulumi config set --secret` would keep it.
    const holdsSecret = new Set(project === PROJECT_NAME ? SECRET_KEY_NAMES.map(qualify) : []);
    for (const [key, value] of Object.entries(overrides)) {
        const k = qualify(key);
        config[k] = value;
        delete numberKeys[k];
        if (holdsSecret.has(k) && !secretKeys.includes(k)) secretKeys.push(k);
    }
    return { project, stack, config, secretKeys, numberKeys };
}

/** One `--set key=value` of the plan and cost tools: a config override for this run only. */
export function parseConfigOverride(pair: string): [key: string, value: string] {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`--set needs key=value, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
}
