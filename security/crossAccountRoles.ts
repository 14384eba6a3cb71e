/**
 * The §2.3.1 cross-account roles of one account: the DeploymentRole the main program's provider
 * assumes, and the MonitoringRole the central monitoring account reads through. They must exist
 * before the main program can run, so they are created by the bootstrap project (bootstrap/), with
 * the caller's own administrator credentials, never by the main program.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DeploymentPermissions, deploymentRolePolicy, deploymentTrustPolicy, MONITORING_MANAGED_POLICIES, monitoringTrustPolicy } from "./crossAccountPolicies";
import type { StackScope } from "../config/names";

export interface CrossAccountRolesArgs extends Pick<StackScope, "environment"> {
    /** The account the roles are created in. */
    readonly accountId: string;
    /** The stack's region: regional services are denied elsewhere. */
    readonly region: string;
    /** Other regions the main program deploys to (prod: its drReplicationRegion). */
    readonly additionalRegions: readonly string[];
    /** Must equal the main stack's `deploymentRoleName` (default DeploymentRole). */
    readonly deploymentRoleName: string;
    readonly monitoringRoleName: string;
    /** The staging account's CI/CD role ARN (§2.3.1), trusted as full deployer. */
    readonly cicdRoleArn: string;
    /** Accounts trusted with limited, read-only, MFA-only access (prod: the development account). */
    readonly limitedAccountIds: readonly string[];
    /** The central monitoring account (§2.3.1), trusted by the MonitoringRole. */
    readonly monitoringAccountId: string;
    /** Deny switching off CloudTrail/GuardDuty/Config and deleting KMS keys through the DeploymentRole (prod). */
    readonly lockGuardrails: boolean;
    /** The PreviewRole of the account (security/previewRole.ts): the DeploymentRole may not change it either. */
    readonly previewRoleName?: string;
    /** Pulumi protect on both roles (prod): deleting the DeploymentRole locks CI/CD out of the account. */
    readonly protect: boolean;
}

/** What the DeploymentRole's permission policy is built from: the offline coverage check builds it the same way. */
export function deploymentPermissions(args: CrossAccountRolesArgs): DeploymentPermissions {
    const roleArn = (roleName: string) => `arn:aws:iam::${args.accountId}:role/${roleName}`;
    return {
        accountId: args.accountId,
        region: args.region,
        additionalRegions: args.additionalRegions,
        bootstrapRoleArns: [args.deploymentRoleName, args.monitoringRoleName, ...(args.previewRoleName ? [args.previewRoleName] : [])].map(roleArn),
        lockGuardrails: args.lockGuardrails,
    };
}

export class CrossAccountRoles extends pulumi.ComponentResource {
    public readonly deploymentRoleArn: pulumi.Output<string>;
    public readonly monitoringRoleArn: pulumi.Output<string>;

    constructor(name: string, args: CrossAccountRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:CrossAccountRoles", name, {}, opts);
        const parent = { parent: this };

        const deployment = new aws.iam.Role(`${name}-deployment`, {
            name: args.deploymentRoleName,
            assumeRolePolicy: JSON.stringify(deploymentTrustPolicy({ cicdRoleArn: args.cicdRoleArn, limitedAccountIds: args.limitedAccountIds })),
            description: `Deploys the Fivestar payments ${args.environment} stack (2.3.1); limited sessions are read-only`,
        }, { parent: this, protect: args.protect });
        new aws.iam.RolePolicy(`${name}-deployment`, {
            role: deployment.name,
            name: "fivestar-deployment",
            policy: JSON.stringify(deploymentRolePolicy(deploymentPermissions(args))),
        }, parent);

        const monitoring = new aws.iam.Role(`${name}-monitoring`, {
            name: args.monitoringRoleName,
            assumeRolePolicy: JSON.stringify(monitoringTrustPolicy(args.monitoringAccountId)),
            description: `Read-only CloudWatch, X-Ray and logs access for the central monitoring account (2.3.1)`,
        }, { parent: this, protect: args.protect });
        MONITORING_MANAGED_POLICIES.forEach((policyArn) => {
            const short = policyArn.split("/").pop();
            new aws.iam.RolePolicyAttachment(`${name}-monitoring-${short}`, { role: monitoring.name, policyArn }, parent);
        });

        this.deploymentRoleArn = deployment.arn;
        this.monitoringRoleArn = monitoring.arn;
        this.registerOutputs({ deploymentRoleArn: this.deploymentRoleArn, monitoringRoleArn: this.monitoringRoleArn });
    }
}
