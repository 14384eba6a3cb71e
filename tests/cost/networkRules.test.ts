import { expect } from "chai";
import { estimate, itHasStatus, itPrices, lineOf, resource } from "./fixtures";

// Test prices (fixtures.ts): NAT $0.05/h and $0.04/GB, public IPv4 $0.005/h, interface endpoint
// $0.01/h per AZ and $0.01/GB, ALB $0.02/h and $0.008/LCU-hour. 730 hours a month.
const nat = (name: string) => resource("aws:ec2/natGateway:NatGateway", name, { allocationId: `${name}-eip-id`, connectivityType: "public", subnetId: "public-a" });
const endpoint = (name: string, inputs: Record<string, unknown>) => resource("aws:ec2/vpcEndpoint:VpcEndpoint", name, inputs);
const alb = (inputs: Record<string, unknown>) => resource("aws:lb/loadBalancer:LoadBalancer", "alb", { loadBalancerType: "application", ...inputs });
const publicAlb = () => alb({ internal: false, subnets: ["a", "b"] });

describe("cost rules: network", () => {
    itPrices([
        ["NAT gateway: 730 NAT-hours × $0.05 = $36.50", { resources: [nat("nat-a")] }, "nat-a", "NAT gateway hours", 36.5],
        ["NAT gateway: the assumed data through it, 100 GB × $0.04 = $4.00", { resources: [nat("nat-a")], assumptions: { natDataGbPerMonth: 100 } }, "nat-a", "data processed", 4],
        ["NAT gateways split the data evenly: 100 GB / 2 × $0.04 = $2.00 each", { resources: [nat("nat-a"), nat("nat-b")], assumptions: { natDataGbPerMonth: 100 } }, "nat-b", "data processed", 2],
        ["an Elastic IP is a public IPv4 address all month: 730 × $0.005 = $3.65", { resources: [resource("aws:ec2/eip:Eip", "nat-eip", { domain: "vpc" })] }, "nat-eip", undefined, 3.65],
        ["an interface endpoint per AZ and per GB: 2 × 730 × $0.01 + 10 GB × $0.01 = $14.70",
            { resources: [endpoint("ecr-api", { vpcEndpointType: "Interface", subnetIds: ["app-a", "app-b"] })], assumptions: { interfaceEndpointGbPerMonth: 10 } }, "ecr-api", undefined, 14.6 + 0.1],
        ["ALB-hours: 730 × $0.02 = $14.60", { resources: [publicAlb()] }, "alb", "ALB hours", 14.6],
        ["the assumed LCUs every hour: 2 LCU × 730 h × $0.008 = $11.68", { resources: [publicAlb()], assumptions: { albLcuPerHour: 2 } }, "alb", "load balancer capacity units", 11.68],
        ["an internet-facing ALB has one public IPv4 per subnet: 2 × 730 × $0.005 = $7.30", { resources: [publicAlb()] }, "alb", "public IPv4 address hours", 7.3],
    ]);

    itHasStatus([
        ["a gateway endpoint (S3, DynamoDB) is free", { resources: [endpoint("s3", { serviceName: "com.amazonaws.ap-south-1.s3", vpcEndpointType: "Gateway" })] }, "s3", "free"],
        ["a Gateway Load Balancer endpoint is not priced rather than free", { resources: [endpoint("gwlb", { vpcEndpointType: "GatewayLoadBalancer" })] }, "gwlb", "not-priced"],
        ["a network load balancer is not priced", { resources: [alb({ loadBalancerType: "network" })] }, "alb", "not-priced"],
    ]);

    it("marks the NAT data charge as depending on natDataGbPerMonth and the hours as not", () => {
        expect(lineOf(estimate({ resources: [nat("nat-a")] }), "nat-a").charges.map((c) => c.assumptions)).to.deep.equal([[], ["natDataGbPerMonth"]]);
    });

    it("charges an internal ALB no public addresses", () => {
        expect(lineOf(estimate({ resources: [alb({ internal: true, subnets: ["a", "b"] })] }), "alb").charges.map((c) => c.item)).to.deep.equal(["ALB hours", "load balancer capacity units"]);
    });
});
