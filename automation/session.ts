/**
 * Whose credentials the tool acts with, and the account check.
 *
 * The program's AWS provider does not use the caller's credentials directly: it assumes the stack
 * account's DeploymentRole (§2.3.1) and refuses any other account (allowedAccountIds). The caller is
 * therefore often in ANOTHER account — §2.3.1 has the staging account's CI/CD role deploy prod — so
 * "the caller's account must be the stack's account" is checked on the session the work is done
 * with, not on the caller's own identity:
 *
 *  - deploy (preview, up, rollback): the tool assumes the same DeploymentRole the provider will,
 *    before Pulumi starts, and checks with STS that this session is in the stack's account. If the
 *    caller cannot assume it, Pulumi could not either: refusing here fails fast, before a preview
 *    or half a rollout. The tool's own ECS/RDS calls (validation, rollback) use that session too.
 *  - read (validate): credentials already in the stack's account are used as they are (e.g. a
 *    developer's MFA-limited DeploymentRole session, which only allows reads); otherwise the
 *    DeploymentRole is assumed as for deploy.
 * In both cases the acting session's account (STS GetCallerIdentity) must equal `awsAccountId`.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { RefusedError } from "./errors";
import { StackFacts } from "./stackFacts";

export interface CallerIdentity {
    readonly account: string;
    readonly arn: string;
}

/** Structurally the SDK's AwsCredentialIdentity. */
export interface Credentials {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
    readonly expiration?: Date;
}

/** What SDK clients take as `credentials`: called before each request, so it can renew. */
export type CredentialProvider = () => Promise<Credentials>;

/** Renew this long before expiry: a request signed just before it must still be accepted. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Credentials that renew themselves: a phased prod rollout can outlast the one hour an assumed role
 * session lasts (role chaining caps it at one hour), and validation runs at its end.
 */
export function renewing(first: Credentials, renew: () => Promise<Credentials>, now: () => number = Date.now): CredentialProvider {
    let current = first;
    return async () => {
        if (current.expiration && current.expiration.getTime() - now() < RENEW_BEFORE_MS) current = await renew();
        return current;
    };
}

export type Purpose = "deploy" | "read";

export type SessionPlan =
    | { readonly kind: "ambient" }
    | { readonly kind: "assume"; readonly roleArn: string; readonly sessionName: string };

/** True for an STS session of the named role in the account (`arn:aws:sts::<acct>:assumed-role/<role>/<session>`). */
export function isSessionOfRole(arn: string, accountId: string, roleName: string): boolean {
    return arn.startsWith(`arn:aws:sts::${accountId}:assumed-role/${roleName}/`);
}

/** Pure: how to obtain the acting session for a purpose, given who the caller is. */
export function planSession(caller: CallerIdentity, facts: StackFacts, purpose: Purpose): SessionPlan {
    if (purpose === "read" && caller.account === facts.accountId) return { kind: "ambient" };
    if (purpose === "deploy" && isSessionOfRole(caller.arn, facts.accountId, facts.deploymentRoleName)) {
        throw new RefusedError(
            `you are already acting as ${facts.deploymentRoleName} (${caller.arn}); the stack's provider assumes that role itself, ` +
            `so run with credentials that may assume ${facts.deploymentRoleArn} (e.g. the CI/CD role), not with a session of it`);
    }
    return { kind: "assume", roleArn: facts.deploymentRoleArn, sessionName: `fivestar-ops-${facts.environment}` };
}

/** Pure: why the acting session may not be used for the stack, or undefined when it may. */
export function accountProblem(acting: CallerIdentity, facts: StackFacts): string | undefined {
    if (acting.account === facts.accountId) return undefined;
    return `the session ${acting.arn} is in account ${acting.account}, but stack "${facts.stack}" is in account ${facts.accountId} (awsAccountId in Pulumi.${facts.stack}.yaml); refusing`;
}

export interface Session {
    readonly caller: CallerIdentity;
    readonly acting: CallerIdentity;
    /** undefined: the caller's own (ambient) credentials. */
    readonly credentials?: CredentialProvider;
}

async function identity(sts: STSClient): Promise<CallerIdentity> {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn) throw new Error("STS GetCallerIdentity returned no account");
    return { account: out.Account, arn: out.Arn };
}

/** Establishes the acting session (see the file comment) and refuses one outside the stack's account. */
export async function establishSession(facts: StackFacts, purpose: Purpose, makeSts: (credentials?: CredentialProvider) => STSClient): Promise<Session> {
    let caller: CallerIdentity;
    try {
        caller = await identity(makeSts());
    } catch (e) {
        throw new RefusedError(`no usable AWS credentials (STS GetCallerIdentity failed: ${(e as Error).message})`);
    }
    const plan = planSession(caller, facts, purpose);
    let credentials: CredentialProvider | undefined;
    if (plan.kind === "assume") {
        const assume = async (): Promise<Credentials> => {
            const out = await makeSts().send(new AssumeRoleCommand({ RoleArn: plan.roleArn, RoleSessionName: plan.sessionName, DurationSeconds: 3600 }));
            const c = out.Credentials;
            if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
            return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
        };
        try {
            // Assumed now, not on first use: a caller who cannot assume the role is refused before anything runs.
            credentials = renewing(await assume(), assume);
        } catch (e) {
            throw new RefusedError(`${caller.arn} cannot assume ${plan.roleArn} (${(e as Error).message}); ` +
                "the stack's provider assumes that role too, so Pulumi would fail the same way");
        }
    }
    const acting = credentials ? await identity(makeSts(credentials)) : caller;
    const problem = accountProblem(acting, facts);
    if (problem) throw new RefusedError(problem);
    return { caller, acting, credentials };
}
