/**
 * The §4.2.1 Parameter Store hierarchy as data: name, type and value source of every parameter.
 */
import * as pulumi from "@pulumi/pulumi";
import { JUSPAY_ENDPOINTS, JuspayEnvironment, LmsEnvironment, RAZORPAY_ENDPOINTS, RazorpayEnvironment } from "../config/integrations";
import { Environment, names } from "../config/names";

export type ParameterGroup = "app" | "integrations" | "features";
export type ParameterType = "String" | "SecureString";

/**
 * What an unset value becomes. SSM refuses an empty value, and leaving the parameter out would make
 * GetParametersByPath silently return less; a fixed, documented marker says "not configured" to the
 * application and to an operator, and cannot be mistaken for a URL or a credential.
 */
export const UNSET_PARAMETER_VALUE = "unset";

export interface ParameterValues {
    readonly redisUrl?: string;
    /** Secret: from random.RandomPassword. */
    readonly jwtSecretKey: pulumi.Input<string>;
    /** From the razorpayKeyId config secret (same source as the razorpay secret's key_id). */
    readonly razorpayKeyId?: pulumi.Input<string>;
    /** From the juspayMerchantId config secret (same source as the juspay secret's merchant_id). */
    readonly juspayMerchantId?: pulumi.Input<string>;
    /** The LMS base URL: from config, or the mock LMS's URL in dev. */
    readonly lmsEndpoint?: pulumi.Input<string>;
    /** §4.1 External Integrations: which environment of each the stack talks to. */
    readonly integrationEnvironments: {
        readonly razorpay: RazorpayEnvironment;
        readonly juspay: JuspayEnvironment;
        readonly lms: LmsEnvironment;
    };
    readonly mulesoftEndpoint?: string;
    /** JSON object. */
    readonly bankingPartnerConfigs: string;
    readonly maintenanceMode: boolean;
    /** JSON object. */
    readonly featureFlags: string;
    /** JSON object. */
    readonly rateLimits: string;
}

export interface PlannedParameter {
    readonly group: ParameterGroup;
    /** §4.2.1 name, e.g. "database_url". */
    readonly key: string;
    /** /fivestar/payments/<env>/<group>/<key> */
    readonly name: string;
    readonly type: ParameterType;
    readonly value: pulumi.Input<string>;
    readonly description: string;
}

/**
 * razorpay_key_id and juspay_merchant_id are identifiers rather than credentials, but they come from
 * the same config secrets as the Secrets Manager entries (one source of truth), so they are kept
 * secret end to end: SecureString under the general key.
 */
export function parameterPlan(env: Environment, v: ParameterValues): PlannedParameter[] {
    const orUnset = (value: pulumi.Input<string> | undefined) => value ?? UNSET_PARAMETER_VALUE;
    const p = (group: ParameterGroup, key: string, type: ParameterType, value: pulumi.Input<string>, description: string): PlannedParameter =>
        ({ group, key, name: `${names.parameterPrefix(env)}/${group}/${key}`, type, value, description });
    return [
        p("app", "redis_url", "String", orUnset(v.redisUrl), "Redis URL (fivestar-payments:redisUrl)"),
        p("app", "jwt_secret_key", "SecureString", v.jwtSecretKey, "JWT signing key, generated"),
        p("app", "razorpay_key_id", "SecureString", orUnset(v.razorpayKeyId), "RazorPay key id (config secret razorpayKeyId)"),
        p("app", "juspay_merchant_id", "SecureString", orUnset(v.juspayMerchantId), "JusPay merchant id (config secret juspayMerchantId)"),
        p("integrations", "lms_endpoint", "String", orUnset(v.lmsEndpoint), "LMS base URL (fivestar-payments:lmsEndpoint, or the mock LMS in dev)"),
        p("integrations", "razorpay_environment", "String", v.integrationEnvironments.razorpay, "RazorPay environment, sandbox or production (fivestar-payments:razorpayEnvironment)"),
        p("integrations", "razorpay_endpoint", "String", RAZORPAY_ENDPOINTS[v.integrationEnvironments.razorpay], "RazorPay API base URL of that environment"),
        p("integrations", "juspay_environment", "String", v.integrationEnvironments.juspay, "JusPay environment, testing or production (fivestar-payments:juspayEnvironment)"),
        p("integrations", "juspay_endpoint", "String", JUSPAY_ENDPOINTS[v.integrationEnvironments.juspay], "JusPay API base URL of that environment"),
        p("integrations", "lms_environment", "String", v.integrationEnvironments.lms, "LMS environment: mock, development, staging or production (fivestar-payments:lmsEnvironment)"),
        p("integrations", "mulesoft_endpoint", "String", orUnset(v.mulesoftEndpoint), "MuleSoft base URL (fivestar-payments:mulesoftEndpoint)"),
        p("integrations", "banking_partner_configs", "String", v.bankingPartnerConfigs, "Banking partner settings, JSON (fivestar-payments:bankingPartnerConfigs)"),
        p("features", "maintenance_mode", "String", String(v.maintenanceMode), "true or false (fivestar-payments:maintenanceMode)"),
        p("features", "feature_flags", "String", v.featureFlags, "Feature flags, JSON (fivestar-payments:featureFlags)"),
        p("features", "rate_limits", "String", v.rateLimits, "Rate limits, JSON (fivestar-payments:rateLimits)"),
    ];
}

/**
 * §4.2.1 app/database_url, built from the RDS address. That parameter is written by the data layer
 * (data/databaseConnection.ts) because it needs the endpoint; it is not in the plan above.
 */
export function databaseUrl(host: string, port = 5432): string {
    return `postgresql://${host}:${port}/${names.dbName}`;
}
