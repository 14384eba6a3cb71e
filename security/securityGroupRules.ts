/**
 * The security group rules of §3.1.2 as data. Every rule names one peer (a group or 0.0.0.0/0), so
 * each is its own AWS rule resource that a test can see; nothing else is open.
 */
import { CONTAINER_PORTS } from "../config/names";

export type SecurityGroupName = "alb" | "ecs" | "rds" | "lambda";
export const SECURITY_GROUPS: readonly SecurityGroupName[] = ["alb", "ecs", "rds", "lambda"];

export const ANYWHERE = "0.0.0.0/0";
export const HTTPS = 443;
export const HTTP = 80;
export const POSTGRES = 5432;

export interface SecurityGroupRule {
    /** Stable key, part of the rule resource's logical name. */
    readonly key: string;
    readonly group: SecurityGroupName;
    readonly direction: "ingress" | "egress";
    /** "tcp", or "-1" for all protocols and ports. */
    readonly protocol: "tcp" | "-1";
    /** Single port for tcp rules; undefined for "-1". */
    readonly port?: number;
    /** The other side: another group of this set, or a CIDR. */
    readonly peer: { readonly group: SecurityGroupName } | { readonly cidr: string };
    readonly description: string;
}

export const SECURITY_GROUP_DESCRIPTIONS: Readonly<Record<SecurityGroupName, string>> = {
    alb: "Application load balancer: HTTPS and HTTP (redirect) from the internet (3.1.2)",
    ecs: "ECS services: container ports from the ALB only (3.1.2)",
    rds: "RDS PostgreSQL: 5432 from ECS and Lambda only, no egress (3.1.2)",
    lambda: "Lambda functions: no ingress; HTTPS out and PostgreSQL to RDS (3.1.2)",
};

function rule(group: SecurityGroupName, direction: "ingress" | "egress", port: number | "all",
    peer: SecurityGroupRule["peer"], description: string): SecurityGroupRule {
    const peerKey = "group" in peer ? peer.group : peer.cidr === ANYWHERE ? "anywhere" : peer.cidr;
    return {
        key: `${group}-${direction}-${port}-${peerKey}`,
        group,
        direction,
        protocol: port === "all" ? "-1" : "tcp",
        port: port === "all" ? undefined : port,
        peer,
        description,
    };
}

/**
 * The ECS ingress ports are the services' container ports (config/names.ts CONTAINER_PORTS:
 * internal-pe 8080, customer-portal 8443), so a port is open exactly when a service listens on it.
 */
export function securityGroupRules(containerPorts: Readonly<Record<string, number>> = CONTAINER_PORTS): SecurityGroupRule[] {
    const ecsPorts = [...new Set(Object.values(containerPorts))].sort((a, b) => a - b);
    return [
        rule("alb", "ingress", HTTPS, { cidr: ANYWHERE }, "HTTPS from the internet"),
        rule("alb", "ingress", HTTP, { cidr: ANYWHERE }, "HTTP from the internet, redirected to HTTPS"),
        rule("alb", "egress", "all", { group: "ecs" }, "To the ECS services (3.1.2: all traffic to ECS)"),
        ...ecsPorts.map((port) => rule("ecs", "ingress", port, { group: "alb" }, `Container port ${port} from the ALB`)),
        rule("ecs", "egress", POSTGRES, { group: "rds" }, "PostgreSQL to RDS"),
        rule("ecs", "egress", HTTPS, { cidr: ANYWHERE }, "HTTPS to AWS APIs and external integrations"),
        rule("rds", "ingress", POSTGRES, { group: "ecs" }, "PostgreSQL from the ECS services"),
        rule("rds", "ingress", POSTGRES, { group: "lambda" }, "PostgreSQL from Lambda functions"),
        rule("lambda", "egress", HTTPS, { cidr: ANYWHERE }, "HTTPS to AWS APIs"),
        rule("lambda", "egress", POSTGRES, { group: "rds" }, "PostgreSQL to RDS"),
    ];
}
