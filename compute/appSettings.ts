/**
 * The §4.1 application settings of an environment, as the environment variables each container reads.
 * Pure: a function of plain values, tested directly.
 *
 * - internal-pe (ASP.NET Core): configuration keys from environment variables use `__` for `:`
 *   (https://learn.microsoft.com/aspnet/core/fundamentals/configuration/#non-prefixed-environment-variables).
 *   LogLevel -> `Logging__LogLevel__Default`; Debug -> `ASPNETCORE_DETAILEDERRORS` (the host setting that
 *   shows detailed errors, https://learn.microsoft.com/aspnet/core/fundamentals/host/web-host#detailed-errors)
 *   and `App__Debug` for the application's own switch.
 * - customer-portal (nginx): nginx reads no environment variables itself. The official image's entrypoint
 *   renders `/etc/nginx/templates/*.template` with envsubst at start (docker-entrypoint.d/20-envsubst-on-templates.sh),
 *   writing to NGINX_ENVSUBST_OUTPUT_DIR, which is /tmp here (the root file system is read-only). The portal's
 *   template uses `error_log /dev/stderr ${NGINX_ERROR_LOG_LEVEL};` and renders the APP_* values into the SPA's
 *   runtime config; NGINX_ENTRYPOINT_QUIET_LOGS silences the entrypoint outside debug.
 * Both get the integration environments and endpoints (§4.1 External Integrations), the same values as
 * the `/fivestar/payments/<env>/integrations/` parameters (security/parameterPlan.ts).
 */
import { IntegrationSettings, integrationValues } from "../config/integrations";
import { Environment, StackScope } from "../config/names";

export type { IntegrationSettings } from "../config/integrations";

export type AppLogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";
/** The guide's levels (§4.1) as ASP.NET Core names them. */
export const DOTNET_LOG_LEVELS: Readonly<Record<AppLogLevel, string>> = Object.freeze({
    DEBUG: "Debug", INFO: "Information", WARN: "Warning", ERROR: "Error",
});

/** The guide's levels as nginx's error_log names them (https://nginx.org/en/docs/ngx_core_module.html#error_log). */
export const NGINX_LOG_LEVELS: Readonly<Record<AppLogLevel, string>> = Object.freeze({
    DEBUG: "debug", INFO: "info", WARN: "warn", ERROR: "error",
});

/** §4.1 "Environment": development / staging / production. */
export const APP_ENVIRONMENT_NAMES: Readonly<Record<Environment, string>> = Object.freeze({
    dev: "development", staging: "staging", prod: "production",
});

export interface AppSettings extends Pick<StackScope, "environment"> {
    readonly debug: boolean;
    readonly logLevel: AppLogLevel;
    readonly integrations: IntegrationSettings;
}

export interface EnvironmentVariable {
    readonly name: string;
    readonly value: string;
}

/** internal-pe: ASP.NET Core configuration keys (`Section__Key`). */
export function internalPeSettingsEnvironment(s: AppSettings): EnvironmentVariable[] {
    const v = integrationValues(s.integrations);
    return [
        { name: "Logging__LogLevel__Default", value: DOTNET_LOG_LEVELS[s.logLevel] },
        { name: "ASPNETCORE_DETAILEDERRORS", value: String(s.debug) },
        { name: "App__Environment", value: APP_ENVIRONMENT_NAMES[s.environment] },
        { name: "App__Debug", value: String(s.debug) },
        { name: "Integrations__RazorPay__Environment", value: v.razorpay_environment },
        { name: "Integrations__RazorPay__Endpoint", value: v.razorpay_endpoint },
        { name: "Integrations__JusPay__Environment", value: v.juspay_environment },
        { name: "Integrations__JusPay__Endpoint", value: v.juspay_endpoint },
        { name: "Integrations__Lms__Environment", value: v.lms_environment },
        { name: "Integrations__Lms__Endpoint", value: v.lms_endpoint },
    ];
}

/** customer-portal: variables the nginx image's envsubst templates read. */
export function customerPortalSettingsEnvironment(s: AppSettings): EnvironmentVariable[] {
    const v = integrationValues(s.integrations);
    return [
        { name: "NGINX_ERROR_LOG_LEVEL", value: NGINX_LOG_LEVELS[s.logLevel] },
        { name: "NGINX_ENTRYPOINT_QUIET_LOGS", value: s.debug ? "" : "1" },
        { name: "NGINX_ENVSUBST_OUTPUT_DIR", value: "/tmp" },
        { name: "APP_ENVIRONMENT", value: APP_ENVIRONMENT_NAMES[s.environment] },
        { name: "APP_DEBUG", value: String(s.debug) },
        { name: "APP_LOG_LEVEL", value: s.logLevel },
        { name: "APP_RAZORPAY_ENVIRONMENT", value: v.razorpay_environment },
        { name: "APP_JUSPAY_ENVIRONMENT", value: v.juspay_environment },
        { name: "APP_LMS_ENVIRONMENT", value: v.lms_environment },
    ];
}
