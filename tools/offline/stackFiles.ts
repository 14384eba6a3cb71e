/**
 * Reads Pulumi.yaml and Pulumi.<stack>.yaml the way the Pulumi CLI hands config to a program:
 * every value as a string (numbers and booleans printed, lists and objects as JSON), project-level
 * `value:` entries applied unless the stack overrides them, and `secure:` values marked secret.
 * Encrypted values cannot be decrypted here, so they become a placeholder that is still secret.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

export interface StackConfigFile {
    readonly project: string;
    readonly stack: string;
    /** Fully qualified key ("fivestar-payments:ecsCpu") to string value. */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
}

export const SECRET_PLACEHOLDER = "[secret]";

export function projectDir(): string {
    // build/tools/offline/*.js and tools/offline/*.ts both sit three levels below the project.
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
        const up = path.dirname(dir);
        if (up === dir) throw new Error(`Pulumi.yaml not found above ${__dirname}`);
        dir = up;
    }
    return dir;
}

export function listStacks(dir = projectDir()): string[] {
    return fs.readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

function toConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

export function readStackConfig(stack: string, dir = projectDir(), overrides: Record<string, string> = {}): StackConfigFile {
    const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        throw new Error(`No stack "${stack}": ${stackFile} does not exist. Stacks: ${listStacks(dir).join(", ")}`);
    }
    const projectDoc = YAML.parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) ?? {};
    const stackDoc = YAML.parse(fs.readFileSync(stackFile, "utf8")) ?? {};
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
    for (const [key, value] of Object.entries(overrides)) config[qualify(key)] = value;
    return { project, stack, config, secretKeys };
}

/** One `--set key=value` of the plan and cost tools: a config override for this run only. */
export function parseConfigOverride(pair: string): [key: string, value: string] {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`--set needs key=value, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
}
