/**
 * Which service the ALB's HTTPS listener sends a request to, and where each service's health is
 * checked through it (§11), as pure functions of the routing config. compute/loadBalancer.ts builds
 * the listener from the same config: one rule (portalRuleCondition in compute/routing.ts) forwards to
 * customer-portal, the default action forwards everything else to internal-pe.
 *
 * Matching as the ALB does it (Elastic Load Balancing, "Condition types for listener rules", and
 * AWS::ElasticLoadBalancingV2::ListenerRule HostHeaderConfig): a host-header value is compared case
 * insensitively, a path pattern case sensitively, both with `*` (0 or more characters) and `?` (exactly
 * one); a condition matches when any of its values does; the path pattern sees the path only.
 *
 * §11's check must reach each service's real health route through a real ALB: the ALB's AWS name is
 * covered by no certificate, so the request goes to the ALB's address with the service's host name as
 * TLS server name, certificate name and Host header, and with a host and path the listener routes to
 * that service (a portal host name would send internal-pe's /health to the portal).
 */
import { ServiceName } from "./names";

/** The routing part of the stack config (cfg.alb.routing). */
export type AlbRouting =
    | { readonly mode: "host"; readonly portalHostnames: readonly string[] }
    | { readonly mode: "path"; readonly portalPathPatterns: readonly string[] };

/** Where §11 checks one service: `https://<host><path>`, sent to the ALB's address. */
export interface HealthRoute {
    readonly service: ServiceName;
    readonly host: string;
    readonly path: string;
}

/** internal-pe's health endpoint (§5.2.1, §11); the portal's is its root, as its target group checks it. */
export const HEALTH_PATHS: Readonly<Record<ServiceName, string>> = Object.freeze({ "internal-pe": "/health", "customer-portal": "/" });

function wildcardMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
    const body = pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&"))).join("");
    return new RegExp(`^${body}$`, ignoreCase ? "is" : "s").test(value);
}

/** The service the HTTPS listener forwards `https://<host><path>` to. */
export function routedService(routing: AlbRouting, host: string, path: string): ServiceName {
    const toPortal = routing.mode === "host"
        ? routing.portalHostnames.some((p) => wildcardMatches(p, host, true))
        : routing.portalPathPatterns.some((p) => wildcardMatches(p, path.split("?")[0], false));
    return toPortal ? "customer-portal" : "internal-pe";
}

/** A concrete value a wildcard pattern matches: `*` → `fill`, `?` → one letter. */
function instance(pattern: string, fill: string): string {
    return pattern.replace(/\*/g, fill).replace(/\?/g, "a");
}

/** The portal's host name §11 uses in host mode: the first listed without a wildcard, else the first filled in. */
function portalHost(hostnames: readonly string[]): string | undefined {
    return hostnames.find((h) => !/[*?]/.test(h)) ?? (hostnames[0] === undefined ? undefined : instance(hostnames[0], "health"));
}

/** The portal's path §11 uses in path mode: a pattern's directory (`/portal/*` → `/portal/`), else the first pattern. */
function portalPath(patterns: readonly string[]): string | undefined {
    const directory = patterns.find((p) => p.endsWith("/*"));
    return directory !== undefined ? instance(directory, "") : patterns[0] === undefined ? undefined : instance(patterns[0], "");
}

/**
 * Where §11 checks each service, as the listener routes. internal-pe is reached at `internalPeHostname`
 * (the listener's default action serves every host the portal rule does not take); in path mode the
 * portal shares that host under its path. A service whose route cannot be formed (the host name is
 * not set) is left out, and validation fails it, naming the key. Throws if a route would reach the
 * other service: config validation (healthRouteProblems) refuses such config first.
 */
export function healthRoutes(routing: AlbRouting, internalPeHostname: string | undefined): HealthRoute[] {
    const routes: HealthRoute[] = [];
    if (internalPeHostname !== undefined) routes.push({ service: "internal-pe", host: internalPeHostname, path: HEALTH_PATHS["internal-pe"] });
    const portal = routing.mode === "host"
        ? { host: portalHost(routing.portalHostnames), path: HEALTH_PATHS["customer-portal"] }
        : { host: internalPeHostname, path: portalPath(routing.portalPathPatterns) };
    if (portal.host !== undefined && portal.path !== undefined) routes.push({ service: "customer-portal", host: portal.host, path: portal.path });
    for (const r of routes) {
        const reached = routedService(routing, r.host, r.path);
        if (reached !== r.service) throw new Error(`the health check of ${r.service} at https://${r.host}${r.path} would be routed to ${reached}`);
    }
    return routes;
}

/**
 * Config problems (unqualified key names; the caller qualifies them): internal-pe's host name must be
 * one the listener routes to internal-pe.
 */
export function healthRouteProblems(routing: AlbRouting, internalPeHostname: string | undefined): { key: string; problem: string }[] {
    if (internalPeHostname === undefined) return [];
    const path = HEALTH_PATHS["internal-pe"];
    if (routedService(routing, internalPeHostname, path) === "internal-pe") return [];
    return routing.mode === "host"
        ? [{ key: "internalPeHostname", problem: `matches a host name of customerPortalHostnames, so the ALB would send internal-pe's traffic (and ${path}) to customer-portal: use a host name the portal rule does not take` }]
        : [{ key: "customerPortalPathPatterns", problem: `matches ${path}, so the ALB would send internal-pe's health endpoint to customer-portal` }];
}
