/**
 * Payment gateway credentials (§4.2.2) from stack config secrets. They are set only with
 * `pulumi config set --secret <key> <value>` (stored encrypted as `secure:` in the stack file) and
 * read only with `getSecret`, so they stay secret Outputs from config to Secrets Manager.
 *
 * Each gateway is all-or-nothing: either every one of its keys is set (Pulumi writes the secret
 * value) or none is (the secret exists empty and operators fill it in Secrets Manager). A half-set
 * gateway is refused, because it would otherwise silently write nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import { StackConfigError } from "./errors";
import { PROJECT_NAME } from "./keyHelpers";
import { SECRET_CONFIG_KEYS, stackSecretsProblems } from "./secretKeys";

export { SECRET_CONFIG_KEYS, stackSecretsProblems } from "./secretKeys";

type SecretValue = pulumi.Output<string> | undefined;

export interface RazorpaySecrets {
    /** key_id (`razorpayKeyId`) */
    readonly keyId: SecretValue;
    /** key_secret (`razorpayKeySecret`) */
    readonly keySecret: SecretValue;
    /** webhook_secret (`razorpayWebhookSecret`) */
    readonly webhookSecret: SecretValue;
}

export interface JuspaySecrets {
    /** merchant_id (`juspayMerchantId`) */
    readonly merchantId: SecretValue;
    /** api_key (`juspayApiKey`) */
    readonly apiKey: SecretValue;
    /** webhook_username (`juspayWebhookUsername`) */
    readonly webhookUsername: SecretValue;
    /** webhook_password (`juspayWebhookPassword`) */
    readonly webhookPassword: SecretValue;
}

/** Integration credentials of a stack; a value is undefined when its key is not set. */
export interface StackSecrets {
    readonly razorpay: RazorpaySecrets;
    readonly juspay: JuspaySecrets;
}

/** Reads the integration secrets of the current stack (values stay secret Outputs). */
export function loadStackSecrets(): StackSecrets {
    const config = new pulumi.Config(PROJECT_NAME);
    // Presence is checked on the raw text: `config.get` on a secret key would warn about reading it in plain.
    const problems = stackSecretsProblems((k) => pulumi.runtime.getConfig(`${PROJECT_NAME}:${k}`));
    if (problems.length > 0) throw new StackConfigError(problems);
    const read = (k: string) => config.getSecret(k);
    const r = SECRET_CONFIG_KEYS.razorpay;
    const j = SECRET_CONFIG_KEYS.juspay;
    return {
        razorpay: { keyId: read(r.keyId), keySecret: read(r.keySecret), webhookSecret: read(r.webhookSecret) },
        juspay: { merchantId: read(j.merchantId), apiKey: read(j.apiKey), webhookUsername: read(j.webhookUsername), webhookPassword: read(j.webhookPassword) },
    };
}

/** True when every value of a gateway is set, i.e. Pulumi should write its secret value. */
export function isComplete(values: RazorpaySecrets | JuspaySecrets | Readonly<Record<string, SecretValue>>): boolean {
    return Object.values(values).every((v) => v !== undefined);
}
