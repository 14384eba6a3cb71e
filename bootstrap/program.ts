/**
 * The bootstrap program: the §2.3.1 roles of one account, created through a provider pinned to
 * that account that uses the caller's own (administrator) credentials. It never assumes the
 * DeploymentRole: that role is what it creates.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { OWNER_TAG, PROJECT_TAG } from "../config/names";
import { CrossAccountRoles, CrossAccountRolesArgs } from "../security/crossAccountRoles";
import { PreviewRole } from "../security/previewRole";
import { BootstrapConfig } from "./config";

export interface BootstrapOutputs {
    readonly deploymentRoleArn: pulumi.Output<string>;
    readonly monitoringRoleArn: pulumi.Output<string>;
    readonly previewRoleArn: pulumi.Output<string>;
}

/** The roles' arguments for an account's config (prod: guardrails locked, roles protected). */
export function crossAccountRolesArgs(cfg: BootstrapConfig): CrossAccountRolesArgs {
    const prod = cfg.environment === "prod";
    return { ...cfg, lockGuardrails: prod, protect: prod };
}

export function bootstrapProgram(cfg: BootstrapConfig): BootstrapOutputs {
    const provider = new aws.Provider("bootstrap-account", {
        region: cfg.region,
        allowedAccountIds: [cfg.accountId],
        defaultTags: { tags: { Environment: cfg.environment, Project: PROJECT_TAG, Owner: OWNER_TAG } },
    });
    const prod = cfg.environment === "prod";
    const roles = new CrossAccountRoles("cross-account-roles", crossAccountRolesArgs(cfg), { providers: { aws: provider } });
    const preview = new PreviewRole("preview-role", { ...cfg, protect: prod }, { providers: { aws: provider } });
    return { deploymentRoleArn: roles.deploymentRoleArn, monitoringRoleArn: roles.monitoringRoleArn, previewRoleArn: preview.roleArn };
}
