/**
 * The §4.1 external integrations of an environment (RazorPay, JusPay, LMS) and their API endpoints:
 * shared by the containers (compute/appSettings.ts) and the `/fivestar/payments/<env>/integrations/`
 * parameters (security/parameterPlan.ts), so both always say the same.
 */
export type RazorpayEnvironment = "sandbox" | "production";
export type JuspayEnvironment = "testing" | "production";
export type LmsEnvironment = "mock" | "development" | "staging" | "production";

/**
 * Gateway API base URLs per environment.
 * RazorPay: one API host; test or live mode is chosen by the key (rzp_test_ / rzp_live_), https://razorpay.com/docs/api/.
 * JusPay: sandbox https://sandbox.juspay.in, production https://api.juspay.in
 * (https://juspay.io/in/docs/api-reference/docs/express-checkout/introduction, "API Endpoint").
 */
export const RAZORPAY_ENDPOINTS: Readonly<Record<RazorpayEnvironment, string>> = Object.freeze({
    sandbox: "https://api.razorpay.com", production: "https://api.razorpay.com",
});
export const JUSPAY_ENDPOINTS: Readonly<Record<JuspayEnvironment, string>> = Object.freeze({
    testing: "https://sandbox.juspay.in", production: "https://api.juspay.in",
});

export interface IntegrationSettings {
    readonly razorpayEnvironment: RazorpayEnvironment;
    readonly juspayEnvironment: JuspayEnvironment;
    readonly lmsEnvironment: LmsEnvironment;
    /** The LMS base URL (the mock's URL in dev); "unset" until the LMS team provides one. */
    readonly lmsEndpoint: string;
}

/** The integration values both containers get, and the SSM parameters hold. */
export function integrationValues(i: IntegrationSettings): Record<string, string> {
    return {
        razorpay_environment: i.razorpayEnvironment,
        razorpay_endpoint: RAZORPAY_ENDPOINTS[i.razorpayEnvironment],
        juspay_environment: i.juspayEnvironment,
        juspay_endpoint: JUSPAY_ENDPOINTS[i.juspayEnvironment],
        lms_environment: i.lmsEnvironment,
        lms_endpoint: i.lmsEndpoint,
    };
}

