/**
 * The JSON documents of the §4.2.2 secrets and the rules around them, as pure functions.
 */
import { Environment, names } from "../config/names";
import { JuspaySecrets, RazorpaySecrets } from "../config/secrets";

export type SecretName = "database" | "razorpay" | "juspay";

/** fivestar/payments/<env>/<name> (§4.2.2) */
export const secretName = (env: Environment, secret: SecretName) => `${names.secretPrefix(env)}/${secret}`;

/**
 * Days a deleted secret stays recoverable. Prod: 30, the maximum, so a mistaken delete of a payment
 * credential can be undone for a month. Elsewhere: 7, the minimum, because a secret scheduled for
 * deletion blocks re-creating one with the same name, which a torn-down dev/staging stack needs to
 * do. Never 0 (immediate, unrecoverable deletion).
 */
export function secretRecoveryWindowDays(protect: boolean): number {
    return protect ? 30 : 7;
}

export interface DatabaseSecretInput {
    readonly password: string;
    readonly host: string;
    readonly port: number;
}

/** §4.2.2 database secret. */
export function databaseSecretDocument(db: DatabaseSecretInput): Record<string, string | number> {
    return { username: names.dbUsername, password: db.password, host: db.host, port: db.port, database: names.dbName };
}

/** The JSON field of each config value, in the §4.2.2 order. */
export const RAZORPAY_FIELDS: Readonly<Record<keyof RazorpaySecrets, string>> = {
    keyId: "key_id", keySecret: "key_secret", webhookSecret: "webhook_secret",
};
export const JUSPAY_FIELDS: Readonly<Record<keyof JuspaySecrets, string>> = {
    merchantId: "merchant_id", apiKey: "api_key", webhookUsername: "webhook_username", webhookPassword: "webhook_password",
};

/** An integration secret's document from its (resolved) values, field names as §4.2.2 spells them. */
export function integrationSecretDocument<K extends string>(fields: Readonly<Record<K, string>>, values: Readonly<Record<K, string>>): Record<string, string> {
    return Object.fromEntries((Object.keys(fields) as K[]).map((k) => [fields[k], values[k]]));
}
