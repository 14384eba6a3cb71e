/**
 * No secret leaks: a value the program marked secret must not reach a stack output or a resource
 * input that is not itself secret (those are stored and shown in plain text: in the state file, the
 * console, `pulumi stack output`). Under mocks a secret is visible three ways: an input at one of the
 * resource's `secretPaths`, a secret output the mock computes (a RandomPassword's `result`), and a
 * stack output marked secret. Every such value is searched for in every non-secret input and output.
 */
import { awsMocks } from "../offline/mocks";

export interface LeakCheckedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom?: boolean;
    readonly inputs: Record<string, unknown>;
    readonly secretPaths: readonly string[];
    readonly additionalSecretOutputs: readonly string[];
}

export interface LeakCheckedPlan {
    readonly resources: readonly LeakCheckedResource[];
    readonly outputs: Readonly<Record<string, { readonly value: unknown; readonly secret: boolean }>>;
}

export interface SecretValue {
    readonly value: string;
    /** Where the value was seen as a secret, e.g. "<urn> input password". */
    readonly source: string;
}

export interface Leak {
    /** "<urn> input <path>" or "stack output <path>". */
    readonly where: string;
    readonly source: string;
}

/**
 * Shorter values are not searched: no credential is this short, and "false", "{}" or "unset" (which
 * the provider marks secret in every SSM parameter) would match by coincidence.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Properties the provider marks secret although the program stores them in plain on purpose: they
 * are neither a source of secrets nor exempt from the search. An SSM parameter of type String is
 * stored unencrypted by AWS, so a secret written there is a leak.
 */
export const PLAIN_BY_DESIGN: readonly { type: string; property: string; when: (inputs: Record<string, unknown>) => boolean }[] = [
    { type: "aws:ssm/parameter:Parameter", property: "value", when: (inputs) => inputs.type === "String" },
];

const plainByDesign = (r: LeakCheckedResource, property: string) =>
    PLAIN_BY_DESIGN.some((p) => p.type === r.type && p.property === property && p.when(r.inputs));

/** Every string inside a value, with its path in the same notation as `secretPaths` (a.b[0].c). */
export function stringLeaves(value: unknown, at = ""): { path: string; value: string }[] {
    if (typeof value === "string") return [{ path: at, value }];
    if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${at}[${i}]`));
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, at ? `${at}.${k}` : k));
    }
    return [];
}

const topProperty = (path: string) => path.split(/[.[]/)[0];
const within = (path: string, secretPath: string) =>
    secretPath === "" || path === secretPath || path.startsWith(`${secretPath}.`) || path.startsWith(`${secretPath}[`);

/** Whether the input at `path` is stored as a secret (and so may carry one). */
export function isSecretInput(r: LeakCheckedResource, path: string): boolean {
    return r.secretPaths.some((sp) => within(path, sp)) && !plainByDesign(r, topProperty(path));
}

/** Every secret value the plan shows, plus `known` ones (e.g. the values given to secret config keys). */
export function collectSecrets(plan: LeakCheckedPlan, known: readonly SecretValue[] = []): SecretValue[] {
    const seen: SecretValue[] = [...known];
    const accountId = String(plan.outputs.accountId?.value ?? "000000000000");
    const region = String(plan.outputs.region?.value ?? "ap-south-1");
    const mocks = awsMocks({ accountId, region });
    // Generated secrets first, so a value is reported by where it comes from rather than where it is used.
    for (const r of plan.resources) {
        const secretOutputs = r.additionalSecretOutputs.filter((o) => !plainByDesign(r, o));
        if (secretOutputs.length > 0 && r.custom !== false) {
            // The outputs the (mock) provider computes, e.g. RandomPassword.result.
            const state = mocks.newResource({ type: r.type, name: r.name, inputs: r.inputs, custom: true }) as { state: Record<string, unknown> };
            for (const o of secretOutputs) {
                // An output that echoes its input is not generated here; the input's origin is found below.
                if (JSON.stringify(state.state[o]) === JSON.stringify(r.inputs[o])) continue;
                for (const leaf of stringLeaves(state.state[o], o)) seen.push({ value: leaf.value, source: `${r.urn} output ${leaf.path}` });
            }
        }
    }
    for (const r of plan.resources) {
        for (const sp of r.secretPaths) {
            if (plainByDesign(r, topProperty(sp))) continue;
            const at = stringLeaves(r.inputs).filter((leaf) => within(leaf.path, sp));
            for (const leaf of at) seen.push({ value: leaf.value, source: `${r.urn} input ${leaf.path}` });
        }
    }
    for (const [key, output] of Object.entries(plan.outputs)) {
        if (!output.secret) continue;
        for (const leaf of stringLeaves(output.value, key)) seen.push({ value: leaf.value, source: `stack output ${leaf.path} (secret)` });
    }
    const unique = new Map<string, SecretValue>();
    for (const s of seen) if (s.value.length >= MIN_SECRET_LENGTH && !unique.has(s.value)) unique.set(s.value, s);
    return [...unique.values()];
}

/** Every non-secret input and non-secret stack output that contains one of `secrets`. */
export function findLeaks(plan: LeakCheckedPlan, secrets: readonly SecretValue[]): Leak[] {
    const leaks: Leak[] = [];
    const search = (where: string, text: string) => {
        for (const s of secrets) if (text.includes(s.value)) leaks.push({ where, source: s.source });
    };
    for (const r of plan.resources) {
        for (const leaf of stringLeaves(r.inputs)) {
            if (!isSecretInput(r, leaf.path)) search(`${r.urn} input ${leaf.path}`, leaf.value);
        }
    }
    for (const [key, output] of Object.entries(plan.outputs)) {
        if (output.secret) continue;
        for (const leaf of stringLeaves(output.value, key)) search(`stack output ${leaf.path}`, leaf.value);
    }
    return leaks;
}

export function leaksMessage(stack: string, leaks: readonly Leak[]): string {
    return [
        `${leaks.length} secret value(s) reach plain text in stack ${stack}:`,
        ...leaks.map((l) => `  ${l.where}\n    carries the secret from ${l.source}`),
        "Pass the value as a secret (pulumi.secret / an Output from getSecret) or leave it out.",
    ].join("\n");
}

/**
 * Keys of a parsed Pulumi.<stack>.yaml that hold a plain value although the program reads them with
 * getSecret: a secret typed into the file in clear text (`pulumi config set --secret` writes `secure:`).
 */
export function plainSecretConfig(stackDoc: unknown, project: string, secretKeys: readonly string[]): string[] {
    const config = (stackDoc as { config?: Record<string, unknown> } | null)?.config ?? {};
    const plain: string[] = [];
    for (const key of secretKeys) {
        for (const name of [`${project}:${key}`, key]) {
            const value = config[name];
            const encrypted = typeof value === "object" && value !== null && "secure" in value;
            if (value !== undefined && !encrypted) plain.push(name);
        }
    }
    return plain;
}
