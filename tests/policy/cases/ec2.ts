import type * as aws from "@pulumi/aws";
import type { CaseTable } from "../support/cases";
import { defaultSecurityGroup, flowLogOf, internalIngressRule, privateSubnet, securityGroup, vpc, worldIngressRule } from "../support/compliant";
import { fixture, withInputs } from "../support/fixtures";

const network = vpc();

const legacyRule = (fromPort: number, toPort: number, protocol = "tcp") => fixture<aws.ec2.SecurityGroupRuleArgs>("aws:ec2/securityGroupRule:SecurityGroupRule", `legacy-${protocol}-${fromPort}-${toPort}`, {
    type: "ingress",
    securityGroupId: "sg-1",
    protocol,
    fromPort,
    toPort,
    cidrBlocks: ["0.0.0.0/0"],
});

export const ec2Cases: CaseTable = {
    "ec2-2-default-sg-no-rules": {
        pass: [{ title: "managed with no rules", resources: [defaultSecurityGroup()] }],
        fail: [
            { title: "a self-referencing ingress rule", resources: [withInputs(defaultSecurityGroup(), { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] })], expect: /has 1 rule/ },
            { title: "an egress rule", resources: [withInputs(defaultSecurityGroup(), { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })], expect: /has 1 rule/ },
        ],
    },
    "ec2-6-vpc-flow-logs": {
        pass: [
            { title: "a VPC with an ALL flow log", resources: [network, flowLogOf(network)] },
            { title: "a REJECT-only flow log", resources: [network, withInputs(flowLogOf(network), { trafficType: "REJECT" })] },
        ],
        fail: [
            { title: "a VPC without a flow log", resources: [network], expect: /VPC network-vpc has no flow log/ },
            { title: "an ACCEPT-only flow log", resources: [network, withInputs(flowLogOf(network), { trafficType: "ACCEPT" })], expect: /no flow log with trafficType ALL or REJECT/ },
            { title: "a flow log of another VPC", resources: [network, flowLogOf(vpc()), { ...vpc(), urn: "urn:other-vpc", name: "other-vpc" }], expect: /other-vpc has no flow log/ },
        ],
    },
    "ec2-15-no-public-ip-on-launch": {
        pass: [{ title: "a private subnet", resources: [privateSubnet()] }],
        fail: [{ title: "mapPublicIpOnLaunch: true", resources: [withInputs(privateSubnet(), { mapPublicIpOnLaunch: true })], expect: /mapPublicIpOnLaunch is true/ }],
    },
    "ec2-18-world-ingress-authorized-ports-only": {
        pass: [
            { title: "HTTPS and HTTP from the world (§3.1.2)", resources: [worldIngressRule(443), worldIngressRule(80)] },
            { title: "a group-to-group rule", resources: [internalIngressRule()] },
            { title: "an inline HTTPS block", resources: [securityGroup()] },
            { title: "port 22 from the world (EC2.19's, not this rule's)", resources: [worldIngressRule(22)] },
        ],
        fail: [
            { title: "8443 from the world", resources: [worldIngressRule(8443)], expect: /tcp\/8443 from 0\.0\.0\.0\/0/ },
            { title: "TCP 80-100 from the world (the ports between)", resources: [legacyRule(80, 100)], expect: /tcp\/80-100/ },
            { title: "UDP from the world", resources: [legacyRule(4789, 4789, "udp")], expect: /udp\/4789/ },
            { title: "IPv6 world on 8443 inline", resources: [withInputs(securityGroup(), { ingress: [{ protocol: "tcp", fromPort: 8443, toPort: 8443, ipv6CidrBlocks: ["::/0"] }] })], expect: /::\/0/ },
        ],
    },
    "ec2-19-no-world-access-high-risk-ports": {
        pass: [
            { title: "HTTPS from the world", resources: [worldIngressRule(443)] },
            { title: "PostgreSQL from the ECS group only", resources: [internalIngressRule()] },
            { title: "SSH from a private range", resources: [withInputs(worldIngressRule(22), { cidrIpv4: "10.0.0.0/8" })] },
        ],
        fail: [
            { title: "SSH from the world", resources: [worldIngressRule(22)], expect: /high-risk port\(s\) 22 / },
            { title: "all traffic from the world (legacy rule)", resources: [legacyRule(0, 0, "-1")], expect: /all traffic from 0\.0\.0\.0\/0 opens high-risk port\(s\) 20, 21, 22/ },
            { title: "TCP 80-443 from the world (110, 135 and 143 inside)", resources: [legacyRule(80, 443)], expect: /tcp\/80-443 from 0\.0\.0\.0\/0 opens high-risk port\(s\) 110, 135, 143/ },
            { title: "PostgreSQL from the world inline", resources: [withInputs(securityGroup(), { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] })], expect: /5432/ },
        ],
    },
};
