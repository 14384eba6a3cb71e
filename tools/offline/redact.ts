/**
 * What the offline plan shows of a secret: nothing. Every input the program marked secret (at one of
 * the resource's `secretPaths`) and every secret stack output is replaced by "[secret]" before the plan
 * is printed or written, as `pulumi preview` and `pulumi stack output` do. The unredacted plan exists
 * only in the plan process and, with `--show-secrets`, in the file the caller asked for.
 */
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { SECRET_PLACEHOLDER } from "../../config/stackFiles";

/** Replaces every value under one of `secretPaths` (paths as evaluate.ts records them: a.b[0].c). */
function redactValue(value: unknown, at: string, secretPaths: ReadonlySet<string>): unknown {
    if (secretPaths.has(at)) return SECRET_PLACEHOLDER;
    if (Array.isArray(value)) return value.map((v, i) => redactValue(v, `${at}[${i}]`, secretPaths));
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, at ? `${at}.${k}` : k, secretPaths)]));
    }
    return value;
}

export function redactSecrets(plan: EvaluatedStack): EvaluatedStack {
    const resources = plan.resources.map((r): RegisteredResource => ({
        ...r,
        inputs: redactValue(r.inputs, "", new Set(r.secretPaths)) as Record<string, unknown>,
    }));
    const outputs = Object.fromEntries(Object.entries(plan.outputs).map(([k, o]) => [k, o.secret ? { ...o, value: SECRET_PLACEHOLDER } : o]));
    return { ...plan, resources, outputs };
}
