/**
 * Trust policies and people (§2.2.3 "MFA Required: All users"): which Allow statements of a role's
 * trust policy admit humans, and whether they require MFA. Pure.
 */
type Principal = Record<string, unknown> | string | undefined;

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * Whether a trust statement's principal may be a person. Humans sign in as IAM users or assume roles
 * from an account (the account root delegates to the account's IAM policies, which may name users);
 * "*" admits anyone. Machines: AWS services, web-identity federation (OIDC such as GitHub Actions),
 * and a named role (a role session is a workload; a human reaching it by chaining brought MFA to the
 * first role, which this check covers where it is ours).
 */
export function admitsHumans(principal: Principal): boolean {
    if (principal === "*") return true;
    if (principal === undefined || typeof principal !== "object") return false;
    const aws = asList((principal as Record<string, unknown>).AWS).filter((p): p is string => typeof p === "string");
    const saml = asList((principal as Record<string, unknown>).Federated).filter((p): p is string => typeof p === "string" && p.includes(":saml-provider/"));
    return saml.length > 0 || aws.some((p) => p === "*" || /^\d{12}$/.test(p) || /:root$/.test(p) || /:user\//.test(p));
}

/** The values a condition gives `key` (case-insensitive) under each of `operators` that names it. */
function conditionValues(condition: unknown, operators: readonly string[], key: string): unknown[][] {
    if (!condition || typeof condition !== "object") return [];
    return operators.flatMap((op) => {
        const block = (condition as Record<string, unknown>)[op];
        if (!block || typeof block !== "object") return [];
        const entry = Object.entries(block as Record<string, unknown>).find(([k]) => k.toLowerCase() === key);
        return entry ? [asList(entry[1])] : [];
    });
}

/** Whether a condition block requires MFA (Bool or BoolIfExists aws:MultiFactorAuthPresent = true). */
export function requiresMfa(condition: unknown): boolean {
    return conditionValues(condition, ["Bool", "BoolIfExists"], "aws:multifactorauthpresent")
        .some((values) => values.length > 0 && values.every((v) => String(v).toLowerCase() === "true"));
}

/**
 * Whether a condition limits the caller to named roles (aws:PrincipalArn equal to role ARNs, no
 * wildcards): the same as naming those roles as the principal, a workload (see admitsHumans). The
 * PreviewRole's trust lets its own sessions re-assume it this way (security/previewRolePolicies.ts).
 */
export function pinnedToRoles(condition: unknown): boolean {
    return conditionValues(condition, ["ArnEquals", "StringEquals"], "aws:principalarn")
        .some((values) => values.length > 0 && values.every((v) => typeof v === "string" && /^arn:aws:iam::\d{12}:role\/[^*?]+$/.test(v)));
}

/** Sids (or positions) of Allow statements of a trust policy that admit humans without MFA. */
export function trustStatementsWithoutMfa(trustPolicy: unknown): string[] {
    let doc: unknown = trustPolicy;
    if (typeof doc === "string") {
        try {
            doc = JSON.parse(doc);
        } catch {
            return ["(not valid JSON)"];
        }
    }
    const statements = asList((doc as { Statement?: unknown })?.Statement) as Record<string, unknown>[];
    return statements.flatMap((s, i) => {
        if (s?.Effect !== "Allow" || !admitsHumans(s.Principal as Principal) || pinnedToRoles(s.Condition)) return [];
        return requiresMfa(s.Condition) ? [] : [typeof s.Sid === "string" ? s.Sid : `#${i + 1}`];
    });
}
