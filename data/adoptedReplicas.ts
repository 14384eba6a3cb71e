/**
 * What a disaster-recovery stack (issue 17) uses but does not own: the DynamoDB table replicas, the
 * Secrets Manager secret replicas and their two replica KMS keys, which the primary stack (prod) creates
 * in this region. They are looked up by name with data sources (DescribeTable, DescribeSecret,
 * ListAliases through the stack's own provider, so in this region): `pulumi preview` and `up` read them
 * every run and fail, naming the table, secret or alias, if the primary has not created them yet; nothing
 * here is in this stack's state, so no change or `destroy` of the recovery stack can touch them.
 *
 * `Table.get`/`Secret.get` would also adopt, but need the physical id up front (a secret's id is its ARN,
 * with a random suffix the primary's state holds), and the recovery stack must not read the primary's state.
 */
import { replicaKeyAlias, ReplicaKeyPurpose } from "../security/replicaKeys";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names } from "../config/names";
import { SecretName, secretName } from "../security/secretValues";


export interface AdoptedTable {
    readonly name: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
}

export interface AdoptedSecret {
    readonly name: string;
    readonly arn: pulumi.Output<string>;
}

export interface AdoptedReplicas {
    readonly tables: { readonly transactions: AdoptedTable; readonly queue: AdoptedTable };
    readonly secrets: Readonly<Record<SecretName, AdoptedSecret>>;
    /** Key ARNs of the replica keys: tables and integration secrets (general), database secret (database). */
    readonly keyArns: { readonly general: pulumi.Output<string>; readonly database: pulumi.Output<string> };
}

/** Looks up the primary environment's replicas in the region of `opts.provider`. */
export function adoptReplicas(environment: Environment, opts: pulumi.InvokeOutputOptions): AdoptedReplicas {
    const table = (name: string): AdoptedTable => {
        const found = aws.dynamodb.getTableOutput({ name }, opts);
        return { name: found.name, arn: found.arn };
    };
    const secret = (which: SecretName): AdoptedSecret => {
        const name = secretName(environment, which);
        return { name, arn: aws.secretsmanager.getSecretOutput({ name }, opts).arn };
    };
    // The primary's replica keys in this region, by the aliases the primary gave them (security/replicaKeys.ts).
    const keyArn = (purpose: ReplicaKeyPurpose) => aws.kms.getAliasOutput({ name: replicaKeyAlias(environment, purpose) }, opts).targetKeyArn;
    return {
        tables: { transactions: table(names.transactionsTable(environment)), queue: table(names.transactionQueueTable(environment)) },
        secrets: { database: secret("database"), razorpay: secret("razorpay"), juspay: secret("juspay") },
        keyArns: { general: keyArn("general"), database: keyArn("database") },
    };
}

/**
 * The password in the (promoted) database secret replica: the primary's master password, which a
 * point-in-time restore keeps (RDS restores the instance's master user with it; the provider sends no
 * password on a restore). Secret: only the database secret's new version and nothing else receives it.
 */
export function replicatedDatabasePassword(secretArn: pulumi.Input<string>, opts: pulumi.InvokeOutputOptions): pulumi.Output<string> {
    const version = aws.secretsmanager.getSecretVersionOutput({ secretId: secretArn }, opts);
    return pulumi.secret(version.secretString.apply((text) => {
        const password: unknown = JSON.parse(text).password;
        if (typeof password !== "string" || password === "") throw new Error("the database secret replica holds no password field (§4.2.2 JSON)");
        return password;
    }));
}
