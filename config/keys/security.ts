/**
 * Integration, parameter and guardrail keys (§2.2.3, §4.1, §4.2). Issue 3 (security).
 *
 * Payment gateway credentials are NOT here: they are secret keys read only with `getSecret` by
 * config/secrets.ts, so that no code path can read them as plain text.
 */
import { z } from "zod";
import { bool, int, key, oneOf, ParsedKeys, qualified } from "../keyHelpers";
import { collect } from "../checks";
import { Environment } from "../names";
import type { StackContext } from "./dr";

/** URLs end up in String parameters anyone with ssm:GetParameter reads: credentials belong in a secret. */
const noCredentials = (u: string) => { const url = new URL(u); return url.username === "" && url.password === ""; };
const NO_CREDENTIALS = "must carry no credentials (user:password@); keep those in Secrets Manager";
const httpsUrl = () => z.url({ protocol: /^https$/, error: "must be an https:// URL" }).refine(noCredentials, NO_CREDENTIALS);

/** A JSON object given as text (or as a YAML map in the stack file), kept in canonical form. */
const jsonObject = () => z.string({ error: "must be a JSON object" }).transform((text, ctx) => {
    try {
        const value: unknown = JSON.parse(text);
        if (value !== null && typeof value === "object" && !Array.isArray(value)) return JSON.stringify(value);
    } catch {
        // reported below
    }
    ctx.addIssue({ code: "custom", message: "must be a JSON object such as {\"name\": value}" });
    return z.NEVER;
});

export const SECURITY_KEYS = {
    razorpayEnvironment: key("string", "RazorPay environment (§4.1: sandbox outside prod).", oneOf(["sandbox", "production"] as const)),
    juspayEnvironment: key("string", "JusPay environment (§4.1: testing outside prod).", oneOf(["testing", "production"] as const)),
    lmsEnvironment: key("string", "Which LMS the stack talks to (§4.1: mock or development, staging, production).",
        oneOf(["mock", "development", "staging", "production"] as const)),
    lmsEndpoint: key("string", "Base URL of the LMS API; unset until the LMS team provides it.",
        httpsUrl(), { default: undefined }),

    // Parameter Store values (§4.2.1). Unset URLs become the parameter value "unset" (see security/parameterPlan.ts).
    mulesoftEndpoint: key("string", "Base URL of the MuleSoft integration API (§4.2.1 integrations/mulesoft_endpoint); unset until provided.",
        httpsUrl(), { default: undefined }),
    redisUrl: key("string", "URL of the application's Redis, TLS only (§4.2.1 app/redis_url); the guide provisions no Redis, so unset by default.",
        z.url({ protocol: /^rediss$/, error: "must be a rediss:// URL (TLS)" }).refine(noCredentials, NO_CREDENTIALS), { default: undefined }),
    bankingPartnerConfigs: key("string", "Banking partner settings as a JSON object, no credentials (§4.2.1 integrations/banking_partner_configs).",
        jsonObject(), { default: "{}" }),
    maintenanceMode: key("boolean", "Application maintenance mode (§4.2.1 features/maintenance_mode).", bool(), { default: false }),
    featureFlags: key("string", "Feature flags as a JSON object (§4.2.1 features/feature_flags); {} means the application's defaults.",
        jsonObject(), { default: "{}" }),
    rateLimits: key("string", "Application rate limits as a JSON object (§4.2.1 features/rate_limits); {} means the application's defaults.",
        jsonObject(), { default: "{}" }),

    // Account guardrails (§2.2.3, §4.1.3).
    guardDutyEnabled: key("boolean", "GuardDuty detector in the account (§2.2.3, §4.1.3: required in prod).", bool()),
    awsConfigEnabled: key("boolean", "AWS Config recorder and delivery channel to an encrypted bucket (§2.2.3, §4.1.3: required in prod).", bool()),
    cloudTrailEnabled: key("boolean", "Multi-region CloudTrail with log file validation, KMS and CloudWatch Logs delivery (§2.2.3: required in prod).", bool()),
    wafEnabled: key("boolean", "WAFv2 web ACL for the ALB with AWS managed rules and a rate limit (§4.1.3: required in prod).", bool()),
    wafRateLimit: key("integer", "Requests one client IP may send in 5 minutes before the WAF blocks it.", int(10, 2_000_000_000), { default: 2000 }),
} as const;

type Raw = ParsedKeys<typeof SECURITY_KEYS> & { environment: Environment };

const GUARDRAIL_SWITCHES = ["guardDutyEnabled", "awsConfigEnabled", "cloudTrailEnabled", "wafEnabled"] as const;

export function securityProblems(c: Raw, ctx?: StackContext): string[] {
    return collect(
        // Real money moves through production gateways: only the production environment may use them.
        ...(["razorpayEnvironment", "juspayEnvironment"] as const).map((k) => () => c.environment !== "prod" && c[k] === "production" &&
            `${qualified(k)} = "production" in environment "${c.environment}": only prod may use a production payment gateway (§4.1)`),
        // A recovery stack (issue 17) adds no trail: the primary's multi-region trail records its region (config/keys/dr.ts).
        ...GUARDRAIL_SWITCHES.filter((k) => !(k === "cloudTrailEnabled" && ctx?.recovers !== undefined)).map((k) => () => c.environment === "prod" && !c[k] &&
            `${qualified(k)} = false in environment "prod": must be true, the guide requires it in production (§2.2.3, §4.1.3)`),
    );
}

export function securitySections(c: Raw) {
    return {
        integrations: {
            razorpayEnvironment: c.razorpayEnvironment,
            juspayEnvironment: c.juspayEnvironment,
            lmsEnvironment: c.lmsEnvironment,
            lmsEndpoint: c.lmsEndpoint,
            mulesoftEndpoint: c.mulesoftEndpoint,
            bankingPartnerConfigs: c.bankingPartnerConfigs,
        },
        /** Plain (non-secret) values of the §4.2.1 parameters. */
        parameters: {
            redisUrl: c.redisUrl,
            maintenanceMode: c.maintenanceMode,
            featureFlags: c.featureFlags,
            rateLimits: c.rateLimits,
        },
        guardrails: {
            guardDuty: c.guardDutyEnabled,
            awsConfig: c.awsConfigEnabled,
            cloudTrail: c.cloudTrailEnabled,
            waf: c.wafEnabled,
            wafRateLimit: c.wafRateLimit,
        },
    };
}
