/**
 * The §4.2.2 secrets of an environment, each encrypted with a customer-managed key. The database
 * secret's value needs the RDS endpoint, so it is written by the data layer (data/databaseConnection.ts)
 * after the instance exists; an integration secret is written only when all its values are set
 * as stack config secrets, otherwise it is created empty for operators to fill (never with
 * placeholder values an application could mistake for credentials).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment } from "../config/names";
import { isComplete, StackSecrets } from "../config/secrets";
import {
    integrationSecretDocument, JUSPAY_FIELDS, RAZORPAY_FIELDS, SecretName, secretName, secretRecoveryWindowDays,
} from "./secretValues";

/** Replicas of every secret in the recovery region (issue 17), each under a key of that region. */
export interface SecretReplicaArgs {
    /** The recovery region, e.g. ap-south-2. */
    readonly region: string;
    /** ReplicaKeys.databaseKeyArn: the database secret's replica. */
    readonly databaseKmsKeyArn: pulumi.Input<string>;
    /** ReplicaKeys.generalKeyArn: the integration secrets' replicas. */
    readonly generalKmsKeyArn: pulumi.Input<string>;
}

export interface AppSecretsArgs {
    /** cfg.environment: fivestar/payments/<env>/... */
    readonly environment: Environment;
    /** kms.databaseKeyArn: encrypts the database secret. */
    readonly databaseKmsKeyArn: pulumi.Input<string>;
    /** kms.generalKeyArn: encrypts the integration secrets. */
    readonly generalKmsKeyArn: pulumi.Input<string>;
    /** loadStackSecrets(): gateway credentials from stack config secrets, possibly unset. */
    readonly integrations: StackSecrets;
    /** cfg.protectStatefulResources: Pulumi protect and the 30-day recovery window. */
    readonly protect: boolean;
    /**
     * cfg.drReplication (prod): Secrets Manager keeps a read-only replica of each secret there, value and
     * new versions included (ReplicateSecretToRegions; User Guide "Replicate secrets across Regions").
     * `replicas` is not ForceNew (tools/safety/forceNew.json): added in place.
     */
    readonly replica?: SecretReplicaArgs;
}

export class AppSecrets extends pulumi.ComponentResource {
    public readonly databaseSecretArn: pulumi.Output<string>;
    /** The database secret's id, for the data layer to write its value. */
    public readonly databaseSecretId: pulumi.Output<string>;
    public readonly razorpaySecretArn: pulumi.Output<string>;
    public readonly juspaySecretArn: pulumi.Output<string>;

    constructor(name: string, args: AppSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:AppSecrets", name, {}, opts);
        const env = args.environment;

        const r = args.replica;
        const secret = (which: SecretName, kmsKeyId: pulumi.Input<string>, description: string, document?: pulumi.Output<string>) => {
            const replicaKey = which === "database" ? r?.databaseKmsKeyArn : r?.generalKmsKeyArn;
            const s = new aws.secretsmanager.Secret(`${name}-${which}`, {
                name: secretName(env, which),
                description,
                kmsKeyId,
                recoveryWindowInDays: secretRecoveryWindowDays(args.protect),
                ...(r ? { replicas: [{ region: r.region, kmsKeyId: replicaKey }] } : {}),
            }, { parent: this, protect: args.protect });
            if (document) {
                new aws.secretsmanager.SecretVersion(`${name}-${which}`, { secretId: s.id, secretString: pulumi.secret(document) }, { parent: this });
            }
            return s;
        };

        const database = secret("database", args.databaseKmsKeyArn, `PostgreSQL credentials of ${env} (4.2.2)`);

        const integration = <K extends string>(which: SecretName, label: string, fields: Readonly<Record<K, string>>,
            values: Readonly<Record<K, pulumi.Output<string> | undefined>>) => {
            const document = isComplete(values)
                ? pulumi.all(values as Record<K, pulumi.Output<string>>).apply((v) => JSON.stringify(integrationSecretDocument(fields, v as Record<K, string>)))
                : undefined;
            const fieldList = Object.values<string>(fields).join(", ");
            const description = document ? `${label} credentials of ${env} (4.2.2)`
                : `${label} credentials of ${env} (4.2.2): not set in stack config; operators store the JSON fields ${fieldList}`;
            return secret(which, args.generalKmsKeyArn, description, document);
        };
        const razorpay = integration("razorpay", "RazorPay", RAZORPAY_FIELDS, args.integrations.razorpay);
        const juspay = integration("juspay", "JusPay", JUSPAY_FIELDS, args.integrations.juspay);

        this.databaseSecretArn = database.arn;
        this.databaseSecretId = database.id;
        this.razorpaySecretArn = razorpay.arn;
        this.juspaySecretArn = juspay.arn;
        this.registerOutputs({ databaseSecretArn: this.databaseSecretArn, razorpaySecretArn: this.razorpaySecretArn, juspaySecretArn: this.juspaySecretArn });
    }
}
