/**
 * VPC networking: the default security group, flow logs, subnets and what security groups open
 * to the internet.
 *
 * EC2.18 and EC2.19 overlap in Security Hub (port 22 open to the world fails both). Here a
 * world-open permission that admits a high-risk port is reported once, by EC2.19; EC2.18 reports
 * world-open permissions beyond TCP 80/443 that admit no high-risk port. Each misconfiguration
 * then names one rule.
 */
import type * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, resourcesOf, stackRule, when } from "../lib/define";
import { admitsUnauthorizedPorts, AUTHORIZED_WORLD_TCP_PORTS, describePermission, highRiskPortsOpen, ingressPermissions } from "../lib/ingress";
import { referencing } from "../lib/references";
import { DEFAULT_SECURITY_GROUP, FLOW_LOG, INGRESS_BEARING, SUBNET, VPC } from "../lib/types";

type DefaultSecurityGroup = Props<aws.ec2.DefaultSecurityGroupArgs>;
type Subnet = Props<aws.ec2.SubnetArgs>;
type FlowLog = Props<aws.ec2.FlowLogArgs>;

/** EC2.6 accepts flow logs that capture rejected traffic: ALL or REJECT. */
const FLOW_LOG_TRAFFIC = ["ALL", "REJECT"];

export function vpcsWithoutFlowLogs(resources: readonly PolicyResource[]): PolicyResource[] {
    const flowLogs = resourcesOf<FlowLog>(resources, [FLOW_LOG]).filter((f) => FLOW_LOG_TRAFFIC.includes(String(f.props.trafficType)));
    return resources.filter((r) => r.type === VPC).filter((vpc) => referencing(flowLogs, "vpcId", vpc, ["id"]).length === 0);
}

export const ec2Policies = [
    resourceRule<DefaultSecurityGroup>({
        name: "ec2-2-default-sg-no-rules",
        control: CONTROLS.EC2_2,
        description: "The VPC's default security group has no inbound or outbound rules, so nothing that falls back to it can talk.",
        types: [DEFAULT_SECURITY_GROUP],
        check: (sg) => {
            const rules = (sg.ingress?.length ?? 0) + (sg.egress?.length ?? 0);
            return when(rules > 0, `the default security group has ${rules} rule(s). Manage it with ingress: [] and egress: [].`);
        },
    }),
    stackRule({
        name: "ec2-6-vpc-flow-logs",
        control: CONTROLS.EC2_6,
        description: "Every VPC has a flow log that records at least rejected traffic (trafficType ALL or REJECT).",
        check: (resources) => vpcsWithoutFlowLogs(resources).map((vpc) => ({
            message: `VPC ${vpc.name} has no flow log with trafficType ALL or REJECT. Add an aws.ec2.FlowLog with vpcId set to it.`,
            urn: vpc.urn,
        })),
    }),
    resourceRule<Subnet>({
        name: "ec2-15-no-public-ip-on-launch",
        control: CONTROLS.EC2_15,
        description: "Subnets do not give launched interfaces public IPs: public reachability is the ALB's alone.",
        types: SUBNET,
        check: (subnet) => when(subnet.mapPublicIpOnLaunch === true, "mapPublicIpOnLaunch is true: every interface launched here gets a public IP. Set it to false."),
    }),
    resourceRule<Record<string, unknown>>({
        name: "ec2-18-world-ingress-authorized-ports-only",
        control: CONTROLS.EC2_18,
        description: `Security groups admit the whole internet (0.0.0.0/0, ::/0) only on TCP ${AUTHORIZED_WORLD_TCP_PORTS.join(" and ")}. High-risk ports are EC2.19's.`,
        types: INGRESS_BEARING,
        check: (props, args) => ingressPermissions(args.type, props)
            .filter((p) => admitsUnauthorizedPorts(p) && highRiskPortsOpen(p).length === 0)
            .map((p) => `ingress ${describePermission(p)}: only TCP ${AUTHORIZED_WORLD_TCP_PORTS.join("/")} may be open to the internet. Restrict the source.`),
    }),
    resourceRule<Record<string, unknown>>({
        name: "ec2-19-no-world-access-high-risk-ports",
        control: CONTROLS.EC2_19,
        description: "Security groups never admit the whole internet to a high-risk port (SSH, RDP, databases, admin consoles...).",
        types: INGRESS_BEARING,
        check: (props, args) => ingressPermissions(args.type, props)
            .map((p) => ({ p, ports: highRiskPortsOpen(p) }))
            .filter(({ ports }) => ports.length > 0)
            .map(({ p, ports }) => `ingress ${describePermission(p)} opens high-risk port(s) ${ports.join(", ")} to the internet.`),
    }),
];
