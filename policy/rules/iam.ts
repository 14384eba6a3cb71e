/**
 * IAM identity policies this program writes: managed policies, inline role/user/group policies,
 * a role's `inlinePolicies`, and the AWS managed policies it attaches. Resource policies (KMS key
 * policies, bucket and topic policies) are not identity policies and are out of scope: a key
 * policy's `kms:*` for the account root is how KMS delegates to IAM.
 *
 * IAM.1 and IAM.21 are disjoint: `"*"` is IAM.1's, `"service:*"` is IAM.21's.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { CONTROLS } from "../lib/controls";
import { resourceRule } from "../lib/define";
import { describeGrant, Grant, isFullWildcard, isServiceWildcard, parsePolicyDocument } from "../lib/policyDocument";
import { IAM_IDENTITY_POLICY_BEARING, IAM_POLICY_ATTACHMENT, IAM_POLICY_DOCUMENT, IAM_ROLE } from "../lib/types";
import { trustStatementsWithoutMfa } from "../lib/trust";
import { known, UNKNOWN } from "../lib/values";

type Raw = Record<string, unknown>;

/** AWS managed policies that grant every action; attaching one is IAM.1's violation too. */
const FULL_ADMIN_MANAGED_POLICIES = [/^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/];

interface NamedDocument {
    readonly label: string;
    readonly document: unknown;
}

/** The identity policy documents a resource carries. */
export function policyDocuments(type: string, props: Raw): NamedDocument[] {
    if (IAM_POLICY_DOCUMENT.includes(type as (typeof IAM_POLICY_DOCUMENT)[number])) return [{ label: "policy", document: props.policy }];
    if (type === IAM_ROLE) {
        const inline = (props.inlinePolicies as { name?: string; policy?: unknown }[] | undefined) ?? [];
        return inline.filter((p) => p.policy !== undefined).map((p, i) => ({ label: `inline policy ${p.name ?? `#${i + 1}`}`, document: p.policy }));
    }
    return [];
}

/** The known strings of a string-or-list property; elements unknown at preview are left out. */
function knownStrings(get: () => unknown): string[] {
    const value = known(get);
    if (value === UNKNOWN || value === undefined || value === null) return [];
    if (!Array.isArray(value)) return typeof value === "string" ? [value] : [];
    // Not value.map: it would read every element through the engine's proxy, unknown ones included.
    return Array.from({ length: value.length }, (_, i) => known(() => value[i] as unknown)).filter((v): v is string => typeof v === "string");
}

/**
 * Managed policy ARNs a resource attaches, where known. An ARN unknown at preview is a policy this
 * stack creates, whose document the rules check on its own resource.
 */
export function attachedPolicyArns(type: string, props: Raw): string[] {
    if (IAM_POLICY_ATTACHMENT.includes(type as (typeof IAM_POLICY_ATTACHMENT)[number])) return knownStrings(() => props.policyArn);
    if (type === IAM_ROLE) return knownStrings(() => props.managedPolicyArns);
    return [];
}

/** Findings of `judge` over every Allow statement of every document the resource carries. */
function grantFindings(args: ResourceValidationArgs, judge: (grant: Grant) => string | undefined): string[] {
    return policyDocuments(args.type, args.props).flatMap(({ label, document }) => {
        const parsed = parsePolicyDocument(document);
        if (!parsed.ok) return [`${label}: ${parsed.error}`];
        return parsed.grants.flatMap((grant) => {
            const problem = judge(grant);
            return problem ? [`${label}, ${describeGrant(grant)}: ${problem}`] : [];
        });
    });
}

export const iamPolicies = [
    resourceRule<Raw>({
        name: "iam-1-no-full-admin-actions",
        control: CONTROLS.IAM_1,
        description: "No identity policy allows every action (\"*\", or NotAction), and AdministratorAccess is never attached. Stricter than Security Hub, which only fails \"*\" on Resource \"*\".",
        types: IAM_IDENTITY_POLICY_BEARING,
        check: (props, args) => [
            ...grantFindings(args, (grant) => {
                if (grant.allExcept) return "Allow with NotAction grants every action except the listed ones. List the actions instead.";
                return grant.actions.some(isFullWildcard) ? "allows Action \"*\" (every action of every service). List the actions needed." : undefined;
            }),
            ...attachedPolicyArns(args.type, props)
                .filter((arn) => FULL_ADMIN_MANAGED_POLICIES.some((p) => p.test(arn)))
                .map((arn) => `attaches ${arn}: full administrative access.`),
        ],
    }),
    resourceRule<Raw>({
        name: "iam-21-no-service-wildcard-actions",
        control: CONTROLS.IAM_21,
        description: "No identity policy allows a whole service (\"s3:*\"); actions are listed. Partial wildcards such as \"s3:Get*\" are allowed.",
        types: IAM_IDENTITY_POLICY_BEARING,
        check: (_props, args) => grantFindings(args, (grant) => {
            const wildcards = grant.actions.filter(isServiceWildcard);
            return wildcards.length > 0 ? `allows ${wildcards.join(", ")} (every action of the service). List the actions needed.` : undefined;
        }),
    }),
];

/** §2.2.3: every role a person may assume requires MFA in its trust policy (issue 16). */
export const iamTrustPolicies = [
    resourceRule<Raw>({
        name: "iam-5-human-roles-require-mfa",
        control: CONTROLS.IAM_5,
        description: "Every trust statement that admits people (an account, an IAM user, a SAML provider or \"*\") requires aws:MultiFactorAuthPresent = true. Service, OIDC web-identity and named-role principals are machines and exempt.",
        types: [IAM_ROLE],
        check: (props) => {
            const trust = known(() => props.assumeRolePolicy);
            if (trust === UNKNOWN || trust === undefined) return [];
            return trustStatementsWithoutMfa(trust).map((sid) =>
                `trust statement ${sid} lets people assume the role without MFA (§2.2.3). Add Condition {"Bool": {"aws:MultiFactorAuthPresent": "true"}}.`);
        },
    }),
];
