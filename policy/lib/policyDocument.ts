/**
 * IAM policy documents as the rules read them: a JSON string (what `JSON.stringify` or
 * `aws.iam.getPolicyDocument(...).json` produce) or an object, with `Statement` and `Action` each
 * either one value or a list.
 */
export interface Grant {
    /** Actions an Allow statement grants, as written ("s3:GetObject", "s3:*", "*"). */
    readonly actions: readonly string[];
    /** True for Allow + NotAction: it grants every action except the listed ones. */
    readonly allExcept: boolean;
    readonly sid?: string;
}

export type ParsedDocument = { readonly ok: true; readonly grants: readonly Grant[] } | { readonly ok: false; readonly error: string };

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function parsePolicyDocument(document: unknown): ParsedDocument {
    let parsed: unknown = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch (e) {
            return { ok: false, error: `policy is not valid JSON (${(e as Error).message})` };
        }
    }
    if (!parsed || typeof parsed !== "object") return { ok: false, error: "policy is not a JSON object" };
    const grants: Grant[] = [];
    for (const statement of asList((parsed as Record<string, unknown>).Statement)) {
        const s = statement as Record<string, unknown>;
        if (s.Effect !== "Allow") continue;
        grants.push({
            actions: asList(s.Action ?? s.NotAction).map(String),
            allExcept: s.NotAction !== undefined,
            sid: typeof s.Sid === "string" ? s.Sid : undefined,
        });
    }
    return { ok: true, grants };
}

/** "*" (or "*:*"): every action of every service. */
export function isFullWildcard(action: string): boolean {
    return action === "*" || action === "*:*";
}

/** "s3:*": every action of one service (IAM.21). Partial wildcards such as "s3:Get*" are not. */
export function isServiceWildcard(action: string): boolean {
    return /^[a-z0-9-]+:\*$/i.test(action);
}

export function describeGrant(grant: Grant): string {
    return grant.sid ? `statement "${grant.sid}"` : "a statement";
}
