/**
 * What Pulumi hands the program, checked as a whole before any value is parsed: every config key of
 * every namespace, which of them are secrets, and (when a stack file is read directly, as the offline
 * tools do) which were written as YAML numbers.
 *
 * - A key of this project that no module declares (config/keys/*.ts, config/secretKeys.ts) is refused
 *   with the nearest known key: a misspelt key would otherwise be silently ignored and its default used.
 * - A key of another namespace is refused unless the engine reads it: default providers are disabled
 *   (Pulumi.yaml) and the program's providers are built from this project's keys only, so `aws:region`
 *   or `aws:profile` would change nothing while looking as if it did.
 * - A key that holds a secret must arrive as a secret (`secure:` in the stack file).
 * - A string key must not be written as a YAML number: `012345678901` unquoted is the number
 *   12345678901, and the account id loses its leading zero.
 */
import { distance } from "fastest-levenshtein";
import * as pulumi from "@pulumi/pulumi";
import { PROJECT_NAME, qualified } from "./keyHelpers";
import { CONFIG_KEYS } from "./schema";
import { SECRET_KEY_NAMES } from "./secretKeys";

export interface ConfigInput {
    /** The stack's name (`pulumi stack select <name>`). */
    readonly stack: string;
    /** Every config value, fully qualified ("fivestar-payments:ecsCpu"), as the string Pulumi hands the program. */
    readonly config: Readonly<Record<string, string>>;
    /** The fully qualified keys whose value is a secret. */
    readonly secretKeys: readonly string[];
    /** Keys whose stack-file value is a YAML number, with the text as written (known only when the file itself is read). */
    readonly numberKeys?: Readonly<Record<string, string>>;
}

const CONFIG_REFERENCE = "every key and what it accepts is in config/keys/<module>.ts";

/**
 * Keys of other namespaces that something does read: the engine reads `pulumi:disable-default-providers`,
 * and it must keep every default provider disabled, or a resource that forgets the explicit provider
 * would use whatever account ambient credentials point at (docs/decisions.md D2).
 */
const ENGINE_KEYS: Readonly<Record<string, (value: string) => string | undefined>> = {
    "pulumi:disable-default-providers": (value) => {
        let list: unknown;
        try {
            list = JSON.parse(value);
        } catch {
            list = undefined;
        }
        return Array.isArray(list) && list.includes("*") ? undefined
            : `pulumi:disable-default-providers = ${value}: must be ["*"] (as in Pulumi.yaml): every AWS resource must use the program's own provider`;
    },
};

/** Every key this project reads, unqualified: the schema's keys and the secret keys. */
export function knownKeyNames(): string[] {
    return [...Object.keys(CONFIG_KEYS), ...SECRET_KEY_NAMES];
}

/** The known key nearest to `name` by edit distance (case-insensitive), if it is near enough to be a typo. */
export function nearestKey(name: string, known: readonly string[] = knownKeyNames()): string | undefined {
    let best: { key: string; d: number } | undefined;
    for (const key of known) {
        const d = distance(name.toLowerCase(), key.toLowerCase());
        if (!best || d < best.d) best = { key, d };
    }
    return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.key : undefined;
}

function splitKey(fullKey: string): [namespace: string, name: string] {
    const colon = fullKey.indexOf(":");
    return colon < 0 ? ["", fullKey] : [fullKey.slice(0, colon), fullKey.slice(colon + 1)];
}

/** Keys this project had, and what took their place: a stack file that still sets one is told where to move it. */
const RETIRED_KEYS: Readonly<Record<string, string>> = {
    rdsBackupReplicationRegion: `merged into ${qualified("drReplicationRegion")} (one recovery region for the backups, tables, secrets and images)`,
};

function unknownKeyProblem(fullKey: string, namespace: string, name: string, known: readonly string[]): string {
    const near = nearestKey(name, known);
    const hint = (namespace === PROJECT_NAME && RETIRED_KEYS[name]) || (near ? `did you mean ${qualified(near)}?` : "remove it");
    if (namespace === PROJECT_NAME) return `${fullKey} is not a key of this project: ${hint} (${CONFIG_REFERENCE})`;
    return `${fullKey} is not read by this program: default providers are disabled (Pulumi.yaml) and its providers are configured ` +
        `from ${PROJECT_NAME} keys only; ${hint} (${CONFIG_REFERENCE})`;
}

/** Pure: every problem of the input as a whole (keys, namespaces, secrecy, YAML types). */
export function inputProblems(input: ConfigInput): string[] {
    const known = knownKeyNames();
    const problems: string[] = [];
    for (const [fullKey, value] of Object.entries(input.config)) {
        const [namespace, name] = splitKey(fullKey);
        const engineCheck = ENGINE_KEYS[fullKey];
        if (engineCheck) {
            const problem = engineCheck(value);
            if (problem) problems.push(problem);
        } else if (namespace !== PROJECT_NAME || !known.includes(name)) {
            problems.push(unknownKeyProblem(fullKey, namespace, name, known));
        }
    }
    const secret = new Set(input.secretKeys);
    for (const name of SECRET_KEY_NAMES) {
        if (input.config[qualified(name)] !== undefined && !secret.has(qualified(name))) {
            problems.push(`${qualified(name)} holds a secret but is plain text in the stack file: use \`pulumi config set --secret ${name} <value>\` ` +
                `(it is then stored encrypted, as secure:)`);
        }
    }
    for (const [fullKey, written] of Object.entries(input.numberKeys ?? {})) {
        const [namespace, name] = splitKey(fullKey);
        const spec = namespace === PROJECT_NAME ? (CONFIG_KEYS as Record<string, { type: string } | undefined>)[name] : undefined;
        if (spec?.type === "string") {
            problems.push(`${fullKey} is written as a YAML number (${written}): quote it ("${written}"); ` +
                `unquoted, YAML reads a number and drops leading zeros`);
        }
    }
    return problems;
}

/** What the Pulumi CLI (or Automation API) handed this program: all config, all namespaces, and which keys are secret. */
export function runtimeConfigInput(): ConfigInput {
    const config = pulumi.runtime.allConfig();
    // The language host passes the secret keys in PULUMI_CONFIG_SECRET_KEYS; @pulumi/pulumi reads them with
    // isConfigSecret (runtime/config.js), which is not part of its typed API. Fail closed if it ever goes away.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const isConfigSecret: unknown = require("@pulumi/pulumi/runtime/config").isConfigSecret;
    if (typeof isConfigSecret !== "function") {
        throw new Error("@pulumi/pulumi no longer exposes runtime/config isConfigSecret: cannot tell secret config from plain text (config/input.ts)");
    }
    // Older language hosts qualify keys as "<namespace>:config:<name>".
    const legacy = (k: string) => { const [ns, name] = splitKey(k); return `${ns}:config:${name}`; };
    const secretKeys = Object.keys(config).filter((k) => isConfigSecret(k) || isConfigSecret(legacy(k)));
    return { stack: pulumi.getStack(), config, secretKeys };
}
