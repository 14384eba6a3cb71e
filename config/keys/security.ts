/**
 * Integration, secrets and guardrail keys (§2.2.3, §4.1, §4.2). Issue 3 (security) extends this file.
 */
import { z } from "zod";
import { key, oneOf, ParsedKeys, qualified } from "../keyHelpers";
import { Environment } from "../names";

export const SECURITY_KEYS = {
    razorpayEnvironment: key("string", "RazorPay environment (§4.1: sandbox outside prod).", oneOf(["sandbox", "production"] as const)),
    juspayEnvironment: key("string", "JusPay environment (§4.1: testing outside prod).", oneOf(["testing", "production"] as const)),
    lmsEnvironment: key("string", "Which LMS the stack talks to (§4.1: mock or development, staging, production).",
        oneOf(["mock", "development", "staging", "production"] as const)),
    lmsEndpoint: key("string", "Base URL of the LMS API; unset until the LMS team provides it.",
        z.url({ protocol: /^https$/, error: "must be an https:// URL" }), { default: undefined }),
} as const;

type Raw = ParsedKeys<typeof SECURITY_KEYS> & { environment: Environment };

export function securityProblems(c: Raw): string[] {
    // Real money moves through production gateways: only the production environment may use them.
    if (c.environment === "prod") return [];
    return (["razorpayEnvironment", "juspayEnvironment"] as const)
        .filter((k) => c[k] === "production")
        .map((k) => `${qualified(k)} = "production" in environment "${c.environment}": only prod may use a production payment gateway (§4.1)`);
}

export function securitySections(c: Raw) {
    return {
        integrations: {
            razorpayEnvironment: c.razorpayEnvironment,
            juspayEnvironment: c.juspayEnvironment,
            lmsEnvironment: c.lmsEnvironment,
            lmsEndpoint: c.lmsEndpoint,
        },
    };
}
