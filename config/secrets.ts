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
import { PROJECT_NAME, qualified } from "./keyHelpers";
import { StackConfigError } from "./index";

/** The config key of each value of each §4.2.2 integration secret. */
export const SECRET_CONFIG_KEYS = {
    razorpay: { keyId: "razorpayKeyId", keySecret: "razorpayKeySecret", webhookSecret: "razorpayWebhookSecret" },
    juspay: { merchantId: "juspayMerchantId", apiKey: "juspayApiKey", webhookUsername: "juspayWebhookUsername", webhookPassword: "juspayWebhookPassword" },
} as const;

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

/**
 * Pure: what is wrong with the set of secret keys a stack has. `valueOf(key)` is the raw config
 * text of a key (undefined when unset); only its presence and emptiness are looked at.
 */
export function stackSecretsProblems(valueOf: (key: string) => string | undefined): string[] {
    const problems: string[] = [];
    for (const [gateway, keys] of Object.entries(SECRET_CONFIG_KEYS)) {
        const all = Object.values(keys) as string[];
        for (const k of all) {
            const v = valueOf(k);
            if (v !== undefined && v.trim() === "") problems.push(`${qualified(k)} is empty: set the real value with \`pulumi config set --secret ${k} <value>\` or remove the key`);
        }
        const unset = all.filter((k) => valueOf(k) === undefined);
        if (unset.length > 0 && unset.length < all.length) {
            problems.push(`${unset.map(qualified).join(", ")} not set while other ${gateway} keys are: set all of ${all.join(", ")} ` +
                `(with \`pulumi config set --secret\`) or none, in which case the ${gateway} secret is left empty for operators`);
        }
    }
    return problems;
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
