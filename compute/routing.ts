/**
 * How the ALB reaches the services (§3.1.2, §11): target groups, health checks, listener actions.
 *
 * Everything not routed to the portal goes to internal-pe, the listener's default. That keeps §11's
 * check of `<alb-dns-name>/health` on internal-pe whatever the routing mode. The portal is routed by
 * host name by default: both applications serve from `/` (the portal is a single-page app, internal-pe
 * serves its UI from wwwroot), and the ALB does not strip a path prefix, so path routing works only for
 * a portal built for a base path such as `/portal`.
 */
import { AlbRouting } from "../config/albRouting";
import { CONTAINER_PORTS, ServiceName } from "../config/names";

export const DEFAULT_SERVICE: ServiceName = "internal-pe";
export const PORTAL_RULE_PRIORITY = 100;

export type RuleCondition = { hostHeader: { values: string[] } } | { pathPattern: { values: string[] } };

/** The condition of the listener rule that sends requests to customer-portal. */
export function portalRuleCondition(routing: AlbRouting): RuleCondition {
    const values = routing.mode === "host" ? [...routing.portalHostnames] : [...routing.portalPathPatterns];
    if (values.length === 0) throw new Error(`routing mode ${routing.mode} needs at least one portal ${routing.mode === "host" ? "host name" : "path pattern"}`);
    return routing.mode === "host" ? { hostHeader: { values } } : { pathPattern: { values } };
}

export interface TargetGroupSpec {
    readonly port: number;
    readonly protocol: "HTTP";
    readonly targetType: "ip";
    /** Seconds a deregistering task keeps serving its in-flight requests. */
    readonly deregistrationDelay: number;
    readonly healthCheck: {
        readonly enabled: true;
        readonly path: string;
        readonly protocol: "HTTP";
        readonly port: "traffic-port";
        readonly matcher: string;
        readonly interval: number;
        readonly timeout: number;
        readonly healthyThreshold: number;
        readonly unhealthyThreshold: number;
    };
}

/**
 * Fargate tasks in awsvpc mode register by IP. TLS ends at the ALB; inside the VPC the ALB speaks plain
 * HTTP to the container port (the ECS group admits only the ALB group). internal-pe gets 60 s to finish
 * a request after deregistration (the ALB's idle timeout, so no request it allows is cut short); the
 * portal's static files need far less.
 */
export function targetGroupSpec(service: ServiceName): TargetGroupSpec {
    return {
        port: CONTAINER_PORTS[service],
        protocol: "HTTP",
        targetType: "ip",
        deregistrationDelay: service === "internal-pe" ? 60 : 30,
        healthCheck: {
            enabled: true,
            path: service === "internal-pe" ? "/health" : "/",
            protocol: "HTTP",
            port: "traffic-port",
            matcher: "200",
            interval: 30,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        },
    };
}

/** Port 80 only redirects (§3.1.2): same host, path and query, on HTTPS, permanently. */
export const HTTPS_REDIRECT = Object.freeze({
    type: "redirect",
    redirect: Object.freeze({ protocol: "HTTPS", port: "443", statusCode: "HTTP_301" }),
});
