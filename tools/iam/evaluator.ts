/**
 * A small IAM policy evaluator: does one policy document allow one request? Enough of AWS's policy
 * evaluation logic for the offline checks, and strict where it is not complete: an operator it does not
 * know throws instead of guessing.
 *
 * Semantics (AWS IAM User Guide, "Policy evaluation logic" and "IAM JSON policy elements: Condition operators"):
 * - an explicit Deny in any matching statement wins; otherwise a matching Allow allows; otherwise implicit deny;
 * - Action / NotAction match case-insensitively, Resource / NotResource case-sensitively, `*` and `?` as wildcards;
 *   a request on "*" (an action without resource-level permissions) matches only a statement whose resource pattern is "*";
 * - within a statement every condition operator, and within an operator every key, must hold; the values of one key are ORed;
 * - a key absent from the request: positive operators fail, negated ones (StringNotEquals, ArnNotLike, ...) hold,
 *   `...IfExists` holds, `Null: true` holds; `ForAllValues:` holds on an absent or empty key, `ForAnyValue:` fails;
 * - condition key names are case-insensitive, values compared as the operator says.
 * Not modelled (throws if a policy uses it): numeric, date, IP and binary operators, policy variables.
 */
import type { PolicyDocument, PolicyStatement } from "../../lib/iamDocuments";

export type ContextValue = string | readonly string[];

export interface IamRequest {
    /** "service:Action" as the service authorization reference names it. */
    readonly action: string;
    /** The ARN acted on, or "*" for actions without resource-level permissions. */
    readonly resource: string;
    /** Request context: condition keys (any case) to their values; absent keys are simply not listed. */
    readonly context?: Readonly<Record<string, ContextValue | undefined>>;
    /** The calling principal, for resource policies (key, topic, bucket policies), e.g. { Service: "budgets.amazonaws.com" }. */
    readonly principal?: { readonly Service: string } | { readonly AWS: string };
}

export type Decision = "allow" | "implicit-deny" | "explicit-deny";

export interface Evaluation {
    readonly decision: Decision;
    /** Sids (or statement positions) of the statements that decided: the denying ones, else the allowing ones. */
    readonly statements: string[];
}

const list = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === "string" ? [v] : v);

/** A policy has a few dozen patterns, matched against thousands of requests: compile each once. */
const compiled = new Map<string, RegExp>();

/** `*` any run of characters, `?` one character; the rest literal. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
    const key = `${ignoreCase ? "i" : "c"}${pattern}`;
    let re = compiled.get(key);
    if (!re) {
        const source = "^" + pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("") + "$";
        compiled.set(key, (re = new RegExp(source, ignoreCase ? "is" : "s")));
    }
    return re.test(value);
}

function matchesAny(patterns: readonly string[], value: string, ignoreCase: boolean): boolean {
    return patterns.some((p) => wildcardMatch(p, value, ignoreCase));
}

function resourceMatches(patterns: readonly string[], resource: string): boolean {
    for (const p of patterns) if (p.includes("${")) throw new Error(`policy variables are not modelled: Resource ${p}`);
    return resource === "*" ? patterns.includes("*") : matchesAny(patterns, resource, false);
}

function principalMatches(statement: PolicyStatement, request: IamRequest): boolean {
    const principal = statement.Principal;
    if (principal === undefined) return true;
    if (!request.principal) throw new Error(`statement ${statement.Sid ?? "?"} names a Principal: evaluate it with the request's principal`);
    if ((principal as unknown) === "*") return true;
    const [kind, id] = Object.entries(request.principal)[0] as [string, string];
    return list(principal.AWS).includes("*") || list(principal[kind]).includes(id);
}

type Compare = (policyValue: string, contextValue: string) => boolean;

const BASE_OPERATORS: Readonly<Record<string, { compare: Compare; negated: boolean }>> = {
    StringEquals: { compare: (p, c) => p === c, negated: false },
    StringNotEquals: { compare: (p, c) => p === c, negated: true },
    StringEqualsIgnoreCase: { compare: (p, c) => p.toLowerCase() === c.toLowerCase(), negated: false },
    StringNotEqualsIgnoreCase: { compare: (p, c) => p.toLowerCase() === c.toLowerCase(), negated: true },
    StringLike: { compare: (p, c) => wildcardMatch(p, c), negated: false },
    StringNotLike: { compare: (p, c) => wildcardMatch(p, c), negated: true },
    ArnEquals: { compare: (p, c) => p === c, negated: false },
    ArnNotEquals: { compare: (p, c) => p === c, negated: true },
    ArnLike: { compare: (p, c) => wildcardMatch(p, c), negated: false },
    ArnNotLike: { compare: (p, c) => wildcardMatch(p, c), negated: true },
    Bool: { compare: (p, c) => p.toLowerCase() === c.toLowerCase(), negated: false },
};

function lookup(context: IamRequest["context"], key: string): readonly string[] | undefined {
    if (!context) return undefined;
    const found = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase());
    return found === undefined || found[1] === undefined ? undefined : list(found[1]);
}

function conditionHolds(operator: string, key: string, policyValues: readonly string[], context: IamRequest["context"]): boolean {
    const present = lookup(context, key);
    if (operator === "Null") return policyValues.some((v) => (v.toLowerCase() === "true") === (present === undefined));
    const set = /^(ForAllValues|ForAnyValue):(.+)$/.exec(operator);
    const rest = set ? set[2] : operator;
    const ifExists = rest.endsWith("IfExists");
    const base = BASE_OPERATORS[ifExists ? rest.slice(0, -"IfExists".length) : rest];
    if (!base) throw new Error(`condition operator ${operator} is not modelled by the offline IAM evaluator`);
    const matchesValue = (c: string) => policyValues.some((p) => base.compare(p, c));
    // A negated operator holds for a value that matches none of the policy's values.
    const holdsFor = (c: string) => (base.negated ? !matchesValue(c) : matchesValue(c));
    if (present === undefined || present.length === 0) {
        if (set?.[1] === "ForAllValues") return true;
        if (set?.[1] === "ForAnyValue") return false;
        return ifExists || base.negated;
    }
    if (set?.[1] === "ForAllValues") return present.every(holdsFor);
    if (set?.[1] === "ForAnyValue") return present.some(holdsFor);
    return base.negated ? present.every(holdsFor) : present.some(holdsFor);
}

function conditionsHold(statement: PolicyStatement, context: IamRequest["context"]): boolean {
    return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
        Object.entries(keys).every(([key, values]) => conditionHolds(operator, key, list(typeof values === "boolean" ? String(values) : values), context)));
}

function statementMatches(statement: PolicyStatement, request: IamRequest): boolean {
    const s = statement as PolicyStatement & { NotAction?: string | string[]; NotResource?: string | string[] };
    const actionOk = s.NotAction !== undefined ? !matchesAny(list(s.NotAction), request.action, true) : matchesAny(list(s.Action), request.action, true);
    if (!actionOk) return false;
    if (s.Resource === undefined && s.NotResource === undefined) throw new Error(`statement ${s.Sid ?? "?"} has neither Resource nor NotResource`);
    const resourceOk = s.NotResource !== undefined ? !resourceMatches(list(s.NotResource), request.resource) : resourceMatches(list(s.Resource), request.resource);
    return resourceOk && principalMatches(s, request) && conditionsHold(s, request.context);
}

export function evaluate(doc: PolicyDocument, request: IamRequest): Evaluation {
    const matching = doc.Statement.map((s, i) => ({ s, id: s.Sid ?? `#${i}` })).filter(({ s }) => statementMatches(s, request));
    const denies = matching.filter(({ s }) => s.Effect === "Deny").map(({ id }) => id);
    if (denies.length > 0) return { decision: "explicit-deny", statements: denies };
    const allows = matching.filter(({ s }) => s.Effect === "Allow").map(({ id }) => id);
    return allows.length > 0 ? { decision: "allow", statements: allows } : { decision: "implicit-deny", statements: [] };
}

/** One line for a failure message: why the request is not allowed. */
export function explain(e: Evaluation): string {
    return e.decision === "explicit-deny" ? `explicitly denied by ${e.statements.join(", ")}` : "no Allow statement matches (implicit deny)";
}
