/**
 * The one AWS provider of a stack: it assumes the account's DeploymentRole (on the pull-request
 * preview path only, the read-only PreviewRole named by previewRoleName: config/previewRole.ts), refuses any other
 * account, pins the region and tags every resource (§2.3.1, §9.1). Default providers are disabled
 * in Pulumi.yaml, so a resource that is not handed this provider fails instead of landing in
 * whatever account ambient credentials point at.
 */
import * as aws from "@pulumi/aws";
import type { StackConfig } from "./index";

export function deploymentProviderArgs(cfg: StackConfig): aws.ProviderArgs {
    return {
        region: cfg.account.region,
        allowedAccountIds: [cfg.account.id],
        assumeRoles: [{ roleArn: cfg.account.providerRoleArn, sessionName: `pulumi-fivestar-${cfg.environment}` }],
        defaultTags: { tags: { ...cfg.tags } },
    };
}
