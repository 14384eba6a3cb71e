/**
 * Customer-managed keys in the recovery region (issue 17): KMS keys are regional, so the replicas prod
 * keeps there (DynamoDB tables, Secrets Manager secrets, ECR repositories) are encrypted with keys of
 * that region. One per purpose, like the stack's own keys (kms.ts), with the same policies built for
 * the recovery region, rotation on, the longest deletion window and Pulumi protect in prod.
 *
 * The aliases are `alias/fivestar/<env>/replica-<purpose>`: distinct from every alias a stack in the
 * recovery region creates for itself (`alias/fivestar/<env>/<purpose>`), so the `prod-dr` stack can
 * deploy its own keys next to these and look these up by alias to adopt the replicas.
 */
import * as pulumi from "@pulumi/pulumi";
import { Environment, names, StackScope } from "../config/names";
import { aliasedKey } from "./kms";
import { KeyPurpose } from "./kmsPolicies";

/** The purposes replicated: the general key (tables, integration secrets, images) and the database key (its secret). */
export const REPLICA_KEY_PURPOSES = ["general", "database"] as const satisfies readonly KeyPurpose[];
export type ReplicaKeyPurpose = (typeof REPLICA_KEY_PURPOSES)[number];

/** `alias/fivestar/<env>/replica-<purpose>`: the name the recovery stack looks the key up by. */
export const replicaKeyAlias = (env: Environment, purpose: ReplicaKeyPurpose) => names.kmsAlias(env, `replica-${purpose}`);

export interface ReplicaKeysArgs extends Pick<StackScope, "environment"> {
    /** cfg.account.id: the account root in every key policy. */
    readonly accountId: string;
    /** The recovery region (cfg.drReplication.region); the provider passed in opts must be in it. */
    readonly region: string;
    /** cfg.protectStatefulResources: losing a key loses every replica under it. */
    readonly protect: boolean;
}

export class ReplicaKeys extends pulumi.ComponentResource {
    /** DynamoDB table replicas, the integration secrets' replicas, replicated ECR repositories. */
    public readonly generalKeyArn: pulumi.Output<string>;
    /** The database secret's replica. */
    public readonly databaseKeyArn: pulumi.Output<string>;

    constructor(name: string, args: ReplicaKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:ReplicaKeys", name, {}, opts);
        const env = args.environment;
        const ctx = { environment: env, accountId: args.accountId, region: args.region };

        const keyArn = (purpose: ReplicaKeyPurpose) => aliasedKey(this, `${name}-${purpose}`, {
            purpose, ctx, alias: replicaKeyAlias(env, purpose), protect: args.protect,
            description: `Fivestar ${env}: replicas in ${args.region} of the ${purpose} key's data (issue 17 disaster recovery)`,
        }).arn;

        this.generalKeyArn = keyArn("general");
        this.databaseKeyArn = keyArn("database");
        this.registerOutputs({ generalKeyArn: this.generalKeyArn, databaseKeyArn: this.databaseKeyArn });
    }
}
