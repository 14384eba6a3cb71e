/**
 * The config keys that hold a secret (§4.2.2 payment gateway credentials). They are set only with
 * `pulumi config set --secret <key> <value>` (stored encrypted as `secure:` in the stack file): a plain
 * value is refused (config/input.ts), and config/secrets.ts reads them only with `getSecret`.
 *
 * Each gateway is all-or-nothing: either every one of its keys is set (Pulumi writes the secret
 * value) or none is (the secret exists empty and operators fill it in Secrets Manager). A half-set
 * gateway is refused, because it would otherwise silently write nothing.
 */
import { qualified } from "./keyHelpers";

/** The config key of each value of each §4.2.2 integration secret. */
export const SECRET_CONFIG_KEYS = {
    razorpay: { keyId: "razorpayKeyId", keySecret: "razorpayKeySecret", webhookSecret: "razorpayWebhookSecret" },
    juspay: { merchantId: "juspayMerchantId", apiKey: "juspayApiKey", webhookUsername: "juspayWebhookUsername", webhookPassword: "juspayWebhookPassword" },
} as const;

/** Every key that holds a secret, unqualified. */
export const SECRET_KEY_NAMES: readonly string[] = Object.values(SECRET_CONFIG_KEYS).flatMap((keys) => Object.values(keys) as string[]);

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
