/**
 * Application (and network) load balancers and their listeners.
 *
 * ELB.1 and ELB.18 overlap in Security Hub: ELB.18 also fails the plain-HTTP listener that ELB.1
 * requires to redirect. Here a plain-HTTP listener is ELB.1's (it must redirect every request to
 * HTTPS), and ELB.18 covers every other listener (HTTPS or TLS only; TCP/UDP fail). A listener
 * that forwards plain HTTP is then reported once, by ELB.1.
 */
import type * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, stackRule, when } from "../lib/define";
import { referencing } from "../lib/references";
import { LISTENER, LOAD_BALANCER, WAF_ASSOCIATION } from "../lib/types";
import { isProvided, known, UNKNOWN } from "../lib/values";

type LoadBalancer = Props<aws.lb.LoadBalancerArgs>;
type Listener = Props<aws.lb.ListenerArgs>;

/** The provider's default load balancer type. */
const isApplication = (lb: LoadBalancer): boolean => (lb.loadBalancerType ?? "application") === "application";

/** ALB listeners default to HTTP when no protocol is given. */
const protocolOf = (listener: Listener): string => String(listener.protocol ?? "HTTP").toUpperCase();

/**
 * ELB.17's recommended policies: the TLS 1.3 policies whose minimum is TLS 1.2 or 1.3, including
 * their FIPS and post-quantum variants (ELBSecurityPolicy-TLS13-1-2-2021-06,
 * ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09, ...). Without sslPolicy AWS applies
 * ELBSecurityPolicy-2016-08, which still accepts TLS 1.0.
 */
export function isRecommendedTlsPolicy(sslPolicy: string | undefined): boolean {
    return sslPolicy !== undefined && /^ELBSecurityPolicy-(FIPS-)?TLS13-1-[23]-/.test(sslPolicy);
}

/** A default action that sends the client to HTTPS. */
function redirectsToHttps(action: { type?: string; redirect?: { protocol?: string } }): boolean {
    return action.type === "redirect" && String(action.redirect?.protocol ?? "").toUpperCase() === "HTTPS";
}

/** Number of subnets (each in its own AZ) the load balancer is placed in; UNKNOWN counts as enough. */
function subnetCount(lb: LoadBalancer): number {
    const subnets = known(() => lb.subnets);
    const mappings = known(() => lb.subnetMappings);
    if (subnets === UNKNOWN || mappings === UNKNOWN) return Number.POSITIVE_INFINITY;
    return Math.max(subnets?.length ?? 0, mappings?.length ?? 0);
}

export function albsWithoutWebAcl(resources: readonly PolicyResource[]): PolicyResource[] {
    const associations = resources.filter((r) => r.type === WAF_ASSOCIATION);
    return resources
        .filter((r) => LOAD_BALANCER.includes(r.type as (typeof LOAD_BALANCER)[number]) && isApplication(r.props as LoadBalancer))
        .filter((lb) => referencing(associations, "resourceArn", lb, ["arn", "id"]).length === 0);
}

export const elbPolicies = [
    resourceRule<Listener>({
        name: "elb-1-http-redirects-to-https",
        control: CONTROLS.ELB_1,
        description: "A plain-HTTP listener only redirects to HTTPS; it never forwards or answers in clear text.",
        types: LISTENER,
        check: (listener) => {
            if (protocolOf(listener) !== "HTTP") return [];
            const actions = listener.defaultActions ?? [];
            return when(actions.length === 0 || !actions.every(redirectsToHttps),
                `HTTP listener on port ${listener.port ?? 80} does not redirect every request to HTTPS (default actions: ${actions.map((a) => a.type).join(", ") || "none"}).`);
        },
    }),
    resourceRule<LoadBalancer>({
        name: "elb-4-drop-invalid-headers",
        control: CONTROLS.ELB_4,
        description: "Application load balancers drop HTTP headers with invalid names (request smuggling).",
        types: LOAD_BALANCER,
        check: (lb) => when(isApplication(lb) && lb.dropInvalidHeaderFields !== true, "dropInvalidHeaderFields is not true. Set it to true."),
    }),
    resourceRule<LoadBalancer>({
        name: "elb-5-access-logs",
        control: CONTROLS.ELB_5,
        description: "Application load balancers write access logs to S3 (who called what, for incident response).",
        types: LOAD_BALANCER,
        // The bucket name is often another resource's output: unknown at preview, and set.
        check: (lb) => when(isApplication(lb) && (lb.accessLogs?.enabled !== true || !isProvided(() => lb.accessLogs?.bucket)),
            "access logs are off. Set accessLogs: { bucket, enabled: true } (the bucket must use SSE-S3; ALB log delivery cannot use KMS)."),
    }),
    resourceRule<LoadBalancer>({
        name: "elb-6-deletion-protection",
        control: CONTROLS.ELB_6,
        description: "Load balancers have deletion protection: the public entry point cannot be deleted by accident.",
        types: LOAD_BALANCER,
        check: (lb) => when(lb.enableDeletionProtection !== true, "enableDeletionProtection is not true. Set it to true."),
    }),
    resourceRule<LoadBalancer>({
        name: "elb-12-desync-mitigation",
        control: CONTROLS.ELB_12,
        description: "Application load balancers use defensive or strictest HTTP desync mitigation.",
        types: LOAD_BALANCER,
        // Unset means the AWS default, "defensive".
        check: (lb) => when(isApplication(lb) && !["defensive", "strictest"].includes(lb.desyncMitigationMode ?? "defensive"),
            `desyncMitigationMode is "${lb.desyncMitigationMode}". Use "defensive" or "strictest".`),
    }),
    resourceRule<LoadBalancer>({
        name: "elb-13-multiple-azs",
        control: CONTROLS.ELB_13,
        description: "Load balancers span at least two Availability Zones (one subnet per AZ).",
        types: LOAD_BALANCER,
        check: (lb) => {
            const count = subnetCount(lb);
            return when(count < 2, `the load balancer is in ${count} subnet(s): an AZ outage takes it down. Give it a subnet in each of at least two AZs.`);
        },
    }),
    stackRule({
        name: "elb-16-waf-web-acl",
        control: CONTROLS.ELB_16,
        description: "Every application load balancer is associated with an AWS WAF web ACL (aws.wafv2.WebAclAssociation).",
        check: (resources) => albsWithoutWebAcl(resources).map((lb) => ({
            message: `ALB ${lb.name} has no WAF web ACL. Add an aws.wafv2.WebAclAssociation with resourceArn set to its ARN.`,
            urn: lb.urn,
        })),
    }),
    resourceRule<Listener>({
        name: "elb-17-recommended-tls-policy",
        control: CONTROLS.ELB_17,
        description: "HTTPS and TLS listeners use a recommended TLS 1.3 security policy (minimum TLS 1.2).",
        types: LISTENER,
        check: (listener) => {
            if (!["HTTPS", "TLS"].includes(protocolOf(listener))) return [];
            return when(!isRecommendedTlsPolicy(listener.sslPolicy),
                `sslPolicy is ${listener.sslPolicy ? `"${listener.sslPolicy}"` : "unset (AWS applies ELBSecurityPolicy-2016-08, TLS 1.0)"}. Use ELBSecurityPolicy-TLS13-1-2-2021-06 or newer.`);
        },
    }),
    resourceRule<Listener>({
        name: "elb-18-secure-listener-protocol",
        control: CONTROLS.ELB_18,
        description: "Listeners other than the HTTP-to-HTTPS redirect (ELB.1's) use HTTPS or TLS; Gateway Load Balancer GENEVE is exempt.",
        types: LISTENER,
        check: (listener) => {
            const protocol = protocolOf(listener);
            return when(!["HTTP", "HTTPS", "TLS", "GENEVE"].includes(protocol), `listener protocol is ${protocol}: traffic is not encrypted in transit. Use TLS (or HTTPS).`);
        },
    }),
];
