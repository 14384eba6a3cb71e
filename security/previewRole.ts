/**
 * The PreviewRole of one account (issue 14): read-only, assumable only from GitHub Actions' OIDC
 * for pull-request runs of this repository (see previewRolePolicies.ts). Created by the bootstrap
 * project next to the DeploymentRole, with the caller's administrator credentials. Optionally also
 * the account's GitHub OIDC identity provider (one per account and issuer URL), when the account
 * does not have it yet.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, previewRolePolicy, previewTrustPolicy } from "./previewRolePolicies";
import type { StackScope } from "../config/names";

export interface PreviewRoleArgs extends Pick<StackScope, "environment" | "accountId" | "region" | "protect"> {
    readonly additionalRegions: readonly string[];
    readonly previewRoleName: string;
    /** "owner/name" of the GitHub repository whose pull requests may preview. */
    readonly githubRepository: string;
    /** Create the account's token.actions.githubusercontent.com identity provider (false: it exists already). */
    readonly createGithubOidcProvider: boolean;
}

export class PreviewRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: PreviewRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:PreviewRole", name, {}, opts);
        // No thumbprint: for GitHub, IAM validates the issuer with its own library of trusted root CAs and
        // ignores any thumbprintList (@pulumi/aws iam.OpenIdConnectProvider, thumbprintLists).
        const oidc = args.createGithubOidcProvider
            ? [new aws.iam.OpenIdConnectProvider(`${name}-github-oidc`, {
                url: `https://${GITHUB_OIDC_HOST}`,
                clientIdLists: [GITHUB_OIDC_AUDIENCE],
            }, { parent: this, protect: args.protect })]
            : [];
        const role = new aws.iam.Role(name, {
            name: args.previewRoleName,
            assumeRolePolicy: JSON.stringify(previewTrustPolicy(args)),
            description: `Read-only pulumi preview of the Fivestar payments ${args.environment} stack from pull requests of ${args.githubRepository}`,
            maxSessionDuration: 3600,
        }, { parent: this, protect: args.protect, dependsOn: oidc });
        new aws.iam.RolePolicy(name, {
            role: role.name,
            name: "fivestar-preview-read-only",
            policy: JSON.stringify(previewRolePolicy(args)),
        }, { parent: this });
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
