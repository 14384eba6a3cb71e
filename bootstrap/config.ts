/**
 * Config of the bootstrap project (fivestar-payments-bootstrap), validated like the main stack's.
 * The two principals the roles trust are not in the deployment guide, so they are required keys
 * with no default and no example value: an operator sets them per account before the first run.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { StackConfigError } from "../config";
import { AWS_REGION, bool, iamRoleName, key, ParsedKeys, show } from "../config/keyHelpers";
import { FOUNDATION_KEYS } from "../config/keys/foundation";
import { Environment } from "../config/names";

export const BOOTSTRAP_PROJECT = "fivestar-payments-bootstrap";
export const bootstrapQualified = (name: string) => `${BOOTSTRAP_PROJECT}:${name}`;

const accountId = (what: string) => z.string({ error: `must be the 12-digit id of the ${what}` }).regex(/^\d{12}$/, `must be the 12-digit id of the ${what}`);

export const BOOTSTRAP_KEYS = {
    environment: FOUNDATION_KEYS.environment,
    awsAccountId: key("string", "The 12-digit AWS account the roles are created in; the provider refuses any other account.", accountId("account the roles are created in")),
    region: FOUNDATION_KEYS.region,
    cicdRoleArn: key("string", "ARN of the staging account's CI/CD role, trusted as deployer (§2.3.1); not in the guide, set it per account.",
        z.string({ error: "must be an IAM role ARN such as arn:aws:iam::<account>:role/<name>" })
            .regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN such as arn:aws:iam::<account>:role/<name>")),
    monitoringAccountId: key("string", "The 12-digit id of the central monitoring account trusted by the MonitoringRole (§2.3.1); not in the guide.",
        accountId("central monitoring account")),
    limitedAccountIds: key("array", "Accounts whose principals may assume the DeploymentRole read-only, with MFA (§2.3.1: prod trusts the development account).",
        z.array(accountId("trusted account"), { error: "must be a list of 12-digit account ids" }), { default: [] as string[] }),
    additionalRegions: key("array", "Regions besides region the main program deploys to (prod: its drReplicationRegion); the DeploymentRole is denied all others.",
        z.array(z.string().regex(AWS_REGION, "must be AWS region names such as ap-south-2"), { error: "must be a list of AWS region names" }),
        { default: [] as string[] }),
    deploymentRoleName: key("string", "Name of the DeploymentRole; must equal the main stack's deploymentRoleName.", iamRoleName(), { default: "DeploymentRole" }),
    monitoringRoleName: key("string", "Name of the MonitoringRole.", iamRoleName(), { default: "MonitoringRole" }),
    githubRepository: key("string", "The GitHub repository (owner/name) whose pull-request runs may assume the PreviewRole through OIDC; not in the guide.",
        z.string({ error: "must be a GitHub repository as owner/name" }).regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, "must be a GitHub repository as owner/name, e.g. fivestar/payments-infra")),
    previewRoleName: key("string", "Name of the read-only PreviewRole; must equal what the preview workflow passes as previewRoleName.", iamRoleName(), { default: "PreviewRole" }),
    createGithubOidcProvider: key("boolean", "Create the account's token.actions.githubusercontent.com OIDC identity provider (false: the account has it already).",
        bool(), { default: false }),
} as const;

type Raw = ParsedKeys<typeof BOOTSTRAP_KEYS>;

export interface BootstrapConfig {
    readonly environment: Environment;
    readonly accountId: string;
    readonly region: string;
    readonly cicdRoleArn: string;
    readonly monitoringAccountId: string;
    readonly limitedAccountIds: readonly string[];
    readonly additionalRegions: readonly string[];
    readonly deploymentRoleName: string;
    readonly monitoringRoleName: string;
    readonly githubRepository: string;
    readonly previewRoleName: string;
    readonly createGithubOidcProvider: boolean;
}

function problems(c: Raw): string[] {
    const found: string[] = [];
    if (c.monitoringAccountId === c.awsAccountId) {
        found.push(`${bootstrapQualified("monitoringAccountId")} = ${show(c.monitoringAccountId)}: must be the central monitoring account, not the account itself (${bootstrapQualified("awsAccountId")})`);
    }
    if (c.limitedAccountIds.includes(c.awsAccountId)) {
        found.push(`${bootstrapQualified("limitedAccountIds")} contains the account itself (${c.awsAccountId}): list only other accounts`);
    }
    if (c.additionalRegions.includes(c.region)) {
        found.push(`${bootstrapQualified("additionalRegions")} contains ${show(c.region)}, the stack's own region (${bootstrapQualified("region")}): list only other regions`);
    }
    const names = [c.deploymentRoleName, c.monitoringRoleName, c.previewRoleName];
    if (new Set(names).size !== names.length) {
        found.push(`${bootstrapQualified("previewRoleName")} = ${show(c.previewRoleName)}, ${bootstrapQualified("deploymentRoleName")} = ${show(c.deploymentRoleName)}, ` +
            `${bootstrapQualified("monitoringRoleName")} = ${show(c.monitoringRoleName)}: the three roles need three different names`);
    }
    if (c.cicdRoleArn === `arn:aws:iam::${c.awsAccountId}:role/${c.deploymentRoleName}`) {
        found.push(`${bootstrapQualified("cicdRoleArn")} = ${show(c.cicdRoleArn)}: is the DeploymentRole itself; it must be the CI/CD role that assumes it`);
    }
    return found;
}

/** Pure: validates raw values (strings as Pulumi hands them, or typed) into a BootstrapConfig. */
export function parseBootstrapConfig(raw: Readonly<Record<string, unknown>>): BootstrapConfig {
    const schema = z.object(Object.fromEntries(Object.entries(BOOTSTRAP_KEYS).map(([n, spec]) => [n, spec.schema]))) as unknown as z.ZodType<Raw>;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        throw new StackConfigError(parsed.error.issues.map((issue) => {
            const name = String(issue.path[0]) as keyof typeof BOOTSTRAP_KEYS;
            const given = raw[name];
            if (given === undefined && BOOTSTRAP_KEYS[name]?.required) {
                return `${bootstrapQualified(name)} is not set: required (${BOOTSTRAP_KEYS[name].description})`;
            }
            return `${bootstrapQualified(name)} ${given === undefined ? "is not set" : `= ${show(given)}`}: ${issue.message}`;
        }));
    }
    const c = parsed.data;
    const found = problems(c);
    if (found.length > 0) throw new StackConfigError(found);
    return Object.freeze({
        environment: c.environment,
        accountId: c.awsAccountId,
        region: c.region,
        cicdRoleArn: c.cicdRoleArn,
        monitoringAccountId: c.monitoringAccountId,
        limitedAccountIds: Object.freeze([...c.limitedAccountIds]),
        additionalRegions: Object.freeze([...c.additionalRegions]),
        deploymentRoleName: c.deploymentRoleName,
        monitoringRoleName: c.monitoringRoleName,
        githubRepository: c.githubRepository,
        previewRoleName: c.previewRoleName,
        createGithubOidcProvider: c.createGithubOidcProvider,
    });
}

export function loadBootstrapConfig(): BootstrapConfig {
    const config = new pulumi.Config(BOOTSTRAP_PROJECT);
    return parseBootstrapConfig(Object.fromEntries(Object.keys(BOOTSTRAP_KEYS).map((n) => [n, config.get(n)])));
}
