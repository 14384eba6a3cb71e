/**
 * ECR registry replication to the recovery region (issue 17): every image pushed to a `fivestar-*`
 * repository is copied there, into repositories ECR creates from a repository creation template:
 * KMS-encrypted with the recovery region's key, immutable tags, the same lifecycle policy as ours.
 *
 * The template lives in the destination region (ECR applies the destination registry's templates when
 * replication creates a repository there) and exists before replication starts, so no replicated
 * repository is ever created with the defaults (AES256, mutable tags).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { roleArnWhenReady } from "../lib/ready";
import { ecrLifecyclePolicy } from "./ecrLifecyclePolicy";
import { replicationRules, TEMPLATE_PREFIX, templateRoleName, templateRolePolicy, templateRoleTrust } from "./imageReplicationPlan";
import type { StackScope } from "../config/names";

export interface ImageReplicationArgs extends Pick<StackScope, "environment" | "accountId"> {
    /** The recovery region (cfg.drReplication.region). */
    readonly region: string;
    /** An aws.Provider in the recovery region, same account (index.ts): the template is created there. */
    readonly regionProvider: pulumi.ProviderResource;
    /** ReplicaKeys.generalKeyArn: encrypts the replicated repositories. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** cfg.images.retainedImages: the replicated repositories keep as many images as ours. */
    readonly retainedImages: number;
}

export class ImageReplication extends pulumi.ComponentResource {
    constructor(name: string, args: ImageReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:ImageReplication", name, {}, opts);
        const role = new aws.iam.Role(`${name}-template`, {
            name: templateRoleName(args.environment, args.region),
            description: `ECR creates the ${args.environment} repositories replicated to ${args.region} with this role (KMS grants)`,
            assumeRolePolicy: JSON.stringify(templateRoleTrust()),
        }, { parent: this });
        const rolePolicy = new aws.iam.RolePolicy(`${name}-template`, {
            role: role.name,
            policy: pulumi.output(args.kmsKeyArn).apply((key) => JSON.stringify(templateRolePolicy(args.accountId, args.region, key))),
        }, { parent: this });
        const template = new aws.ecr.RepositoryCreationTemplate(`${name}-template`, {
            prefix: TEMPLATE_PREFIX,
            appliedFors: ["REPLICATION"],
            description: `Repositories replicated from the ${args.environment} registry: KMS, immutable tags, bounded images`,
            customRoleArn: roleArnWhenReady(role, [rolePolicy]),
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
            imageTagMutability: "IMMUTABLE",
            lifecyclePolicy: JSON.stringify(ecrLifecyclePolicy(args.retainedImages)),
        }, { parent: this, provider: args.regionProvider });
        new aws.ecr.ReplicationConfiguration(`${name}-registry`, {
            replicationConfiguration: { rules: replicationRules(args.accountId, args.region) },
        }, { parent: this, dependsOn: [template] });
        this.registerOutputs({});
    }
}
