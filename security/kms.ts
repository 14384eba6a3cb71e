/**
 * The customer-managed KMS keys of an environment (issue 3 KMS): one per purpose, so access to
 * the database key can be granted without granting the logs or general one. Rotation on, the
 * longest deletion window, and Pulumi protect in prod: losing a key loses the data under it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names, StackScope } from "../config/names";
import { KEY_DESCRIPTIONS, KEY_POLICIES, KEY_PURPOSES, KeyPolicyContext, KeyPurpose } from "./kmsPolicies";

/** Days KMS waits before deleting a scheduled key: the maximum, to undo a mistaken deletion. */
export const KEY_DELETION_WINDOW_DAYS = 30;

/**
 * One customer-managed key under its purpose's policy, with an alias (also its Name tag): rotation on and
 * the longest deletion window. Also used for the replica keys in the recovery region (replicaKeys.ts).
 */
export function aliasedKey(parent: pulumi.Resource, name: string, k: {
    purpose: KeyPurpose; ctx: KeyPolicyContext; alias: string; description: string; protect: boolean;
}): aws.kms.Key {
    const key = new aws.kms.Key(name, {
        description: k.description,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(KEY_POLICIES[k.purpose](k.ctx)),
        tags: { Name: k.alias },
    }, { parent, protect: k.protect });
    new aws.kms.Alias(name, { name: k.alias, targetKeyId: key.keyId }, { parent });
    return key;
}

export interface KmsKeysArgs extends Pick<StackScope, "deployment"> {
    /** cfg.environment: names the aliases and the trail the logs key serves. */
    readonly environment: Environment;
    /** cfg.account.id: the account root in every key policy. */
    readonly accountId: string;
    /** cfg.account.region: the CloudWatch Logs principal and encryption context are regional. */
    readonly region: string;
    /** cfg.protectStatefulResources: Pulumi protect on the keys. */
    readonly protect: boolean;
}

export class KmsKeys extends pulumi.ComponentResource {
    /** RDS (primary and replicas) and the database secret. */
    public readonly databaseKeyArn: pulumi.Output<string>;
    /** CloudWatch Logs groups, CloudTrail, AWS Config. */
    public readonly logsKeyArn: pulumi.Output<string>;
    /** Secrets, SSM, SNS, DynamoDB, ECR. */
    public readonly generalKeyArn: pulumi.Output<string>;

    constructor(name: string, args: KmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:KmsKeys", name, {}, opts);
        const env = args.environment;
        const scope = args.deployment ?? env;
        const ctx = { environment: env, accountId: args.accountId, region: args.region };

        const keyArn = (purpose: KeyPurpose) => aliasedKey(this, `${name}-${purpose}`, {
            purpose, ctx, alias: names.kmsAlias(scope, purpose), description: `Fivestar ${env}: ${KEY_DESCRIPTIONS[purpose]}`, protect: args.protect,
        }).arn;
        const arns = Object.fromEntries(KEY_PURPOSES.map((p) => [p, keyArn(p)])) as Record<KeyPurpose, pulumi.Output<string>>;

        this.databaseKeyArn = arns.database;
        this.logsKeyArn = arns.logs;
        this.generalKeyArn = arns.general;
        this.registerOutputs({ databaseKeyArn: this.databaseKeyArn, logsKeyArn: this.logsKeyArn, generalKeyArn: this.generalKeyArn });
    }
}
