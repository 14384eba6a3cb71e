/**
 * Inbound security group permissions from the three ways @pulumi/aws v7 expresses them (inline
 * `ingress` blocks of a SecurityGroup or DefaultSecurityGroup, an ec2 SecurityGroupRule of type
 * "ingress", and a vpc SecurityGroupIngressRule), normalised to one shape, and what each one
 * opens to the whole internet.
 */
import { DEFAULT_SECURITY_GROUP, SECURITY_GROUP, SECURITY_GROUP_INGRESS_RULE, SECURITY_GROUP_RULE } from "./types";
import { known, UNKNOWN } from "./values";

export interface IngressPermission {
    /** "tcp", "udp", "icmp", "-1" (all) or an IP protocol number, as written. */
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
    /** Source CIDR blocks (IPv4 and IPv6); group, prefix-list and self sources are not listed. */
    readonly cidrs: readonly string[];
}

export const WORLD_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

/** Security Hub EC2.19's list of ports with high risk. */
export const HIGH_RISK_PORTS: readonly number[] = [
    20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300,
];

/** Security Hub EC2.18's default authorizedTcpPorts: the only ports that may be open to the world. */
export const AUTHORIZED_WORLD_TCP_PORTS: readonly number[] = [80, 443];

type Raw = Record<string, unknown>;

/** A CIDR as written, or nothing when absent or unknown (an unknown CIDR is not a literal 0.0.0.0/0). */
function cidrs(...values: unknown[]): string[] {
    return values.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === "string" && v !== "");
}

function permission(protocol: unknown, fromPort: unknown, toPort: unknown, sources: string[]): IngressPermission {
    return { protocol: String(protocol ?? "-1").toLowerCase(), fromPort: Number(fromPort ?? 0), toPort: Number(toPort ?? 0), cidrs: sources };
}

const read = (get: () => unknown): unknown => {
    const v = known(get);
    return v === UNKNOWN ? undefined : v;
};

export function ingressPermissions(type: string, props: Raw): IngressPermission[] {
    switch (type) {
        case SECURITY_GROUP:
        case DEFAULT_SECURITY_GROUP: {
            const blocks = (read(() => props.ingress) as Raw[] | undefined) ?? [];
            return blocks.map((b) => permission(b.protocol, b.fromPort, b.toPort, cidrs(read(() => b.cidrBlocks), read(() => b.ipv6CidrBlocks))));
        }
        case SECURITY_GROUP_RULE:
            if (props.type !== "ingress") return [];
            return [permission(props.protocol, props.fromPort, props.toPort, cidrs(read(() => props.cidrBlocks), read(() => props.ipv6CidrBlocks)))];
        case SECURITY_GROUP_INGRESS_RULE:
            return [permission(props.ipProtocol, props.fromPort, props.toPort, cidrs(read(() => props.cidrIpv4), read(() => props.cidrIpv6)))];
        default:
            return [];
    }
}

export function isOpenToWorld(p: IngressPermission): boolean {
    return p.cidrs.some((c) => WORLD_CIDRS.includes(c));
}

/** "-1"/"all": every protocol and port. */
function allTraffic(p: IngressPermission): boolean {
    return p.protocol === "-1" || p.protocol === "all";
}

/** Whether the permission admits `port` over TCP or UDP (ICMP and other protocols have no ports). */
export function admitsPort(p: IngressPermission, port: number): boolean {
    if (allTraffic(p)) return true;
    if (!["tcp", "udp", "6", "17"].includes(p.protocol)) return false;
    return p.fromPort <= port && port <= p.toPort;
}

/** The high-risk ports a world-open permission admits (EC2.19). */
export function highRiskPortsOpen(p: IngressPermission): number[] {
    if (!isOpenToWorld(p)) return [];
    return HIGH_RISK_PORTS.filter((port) => admitsPort(p, port));
}

/**
 * Whether a world-open permission admits anything beyond TCP 80 and 443 (EC2.18). ICMP is not a
 * port and is left to EC2.18's own scope (TCP/UDP).
 */
export function admitsUnauthorizedPorts(p: IngressPermission): boolean {
    if (!isOpenToWorld(p)) return false;
    if (allTraffic(p)) return true;
    if (["udp", "17"].includes(p.protocol)) return true;
    if (!["tcp", "6"].includes(p.protocol)) return false;
    const width = p.toPort - p.fromPort + 1;
    const authorizedInside = AUTHORIZED_WORLD_TCP_PORTS.filter((port) => p.fromPort <= port && port <= p.toPort).length;
    return width > authorizedInside;
}

export function describePermission(p: IngressPermission): string {
    const ports = allTraffic(p) ? "all traffic" : p.fromPort === p.toPort ? `${p.protocol}/${p.fromPort}` : `${p.protocol}/${p.fromPort}-${p.toPort}`;
    return `${ports} from ${p.cidrs.filter((c) => WORLD_CIDRS.includes(c)).join(", ")}`;
}
