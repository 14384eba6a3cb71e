import { expect } from "chai";
import { CENT, chargeOf, estimate, lineOf, resource } from "./fixtures";

// Test prices (fixtures.ts): NAT $0.05/h and $0.04/GB, public IPv4 $0.005/h, interface endpoint
// $0.01/h per AZ and $0.01/GB, ALB $0.02/h and $0.008/LCU-hour. 730 hours a month.
const nat = (name: string) => resource("aws:ec2/natGateway:NatGateway", name, { allocationId: `${name}-eip-id`, connectivityType: "public", subnetId: "public-a" });

describe("cost rules: network", () => {
    describe("NAT gateway", () => {
        it("charges 730 NAT-hours: 730 × $0.05 = $36.50", () => {
            const e = estimate({ resources: [nat("nat-a")] });
            expect(chargeOf(lineOf(e, "nat-a"), "NAT gateway hours")).to.be.closeTo(36.5, CENT);
        });

        it("charges the assumed data through it: 100 GB × $0.04 = $4.00", () => {
            const e = estimate({ resources: [nat("nat-a")], assumptions: { natDataGbPerMonth: 100 } });
            expect(chargeOf(lineOf(e, "nat-a"), "data processed")).to.be.closeTo(4, CENT);
        });

        it("splits the data evenly between NAT gateways: 100 GB / 2 × $0.04 = $2.00 each", () => {
            const e = estimate({ resources: [nat("nat-a"), nat("nat-b")], assumptions: { natDataGbPerMonth: 100 } });
            expect(chargeOf(lineOf(e, "nat-b"), "data processed")).to.be.closeTo(2, CENT);
        });

        it("marks the data charge as depending on natDataGbPerMonth and the hours as not", () => {
            const line = lineOf(estimate({ resources: [nat("nat-a")] }), "nat-a");
            expect(line.charges.map((c) => c.assumptions)).to.deep.equal([[], ["natDataGbPerMonth"]]);
        });
    });

    it("charges an Elastic IP as a public IPv4 address all month: 730 × $0.005 = $3.65", () => {
        const e = estimate({ resources: [resource("aws:ec2/eip:Eip", "nat-eip", { domain: "vpc" })] });
        expect(lineOf(e, "nat-eip").monthlyUsd).to.be.closeTo(3.65, CENT);
    });

    describe("VPC endpoints", () => {
        it("lists a gateway endpoint (S3, DynamoDB) as free", () => {
            const e = estimate({ resources: [resource("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { serviceName: "com.amazonaws.ap-south-1.s3", vpcEndpointType: "Gateway" })] });
            expect(lineOf(e, "s3").status).to.equal("free");
        });

        it("charges an interface endpoint per AZ and per GB: 2 × 730 × $0.01 + 10 GB × $0.01 = $14.70", () => {
            const e = estimate({
                resources: [resource("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr-api", { vpcEndpointType: "Interface", subnetIds: ["app-a", "app-b"] })],
                assumptions: { interfaceEndpointGbPerMonth: 10 },
            });
            expect(lineOf(e, "ecr-api").monthlyUsd).to.be.closeTo(14.6 + 0.1, CENT);
        });

        it("reports a Gateway Load Balancer endpoint as not priced rather than free", () => {
            const e = estimate({ resources: [resource("aws:ec2/vpcEndpoint:VpcEndpoint", "gwlb", { vpcEndpointType: "GatewayLoadBalancer" })] });
            expect(lineOf(e, "gwlb").status).to.equal("not-priced");
        });
    });

    describe("application load balancer", () => {
        const alb = (inputs: Record<string, unknown>) => resource("aws:lb/loadBalancer:LoadBalancer", "alb", { loadBalancerType: "application", ...inputs });

        it("charges ALB-hours: 730 × $0.02 = $14.60", () => {
            const e = estimate({ resources: [alb({ internal: false, subnets: ["a", "b"] })] });
            expect(chargeOf(lineOf(e, "alb"), "ALB hours")).to.be.closeTo(14.6, CENT);
        });

        it("charges the assumed LCUs every hour: 2 LCU × 730 h × $0.008 = $11.68", () => {
            const e = estimate({ resources: [alb({ internal: false, subnets: ["a", "b"] })], assumptions: { albLcuPerHour: 2 } });
            expect(chargeOf(lineOf(e, "alb"), "load balancer capacity units")).to.be.closeTo(11.68, CENT);
        });

        it("charges an internet-facing ALB one public IPv4 per subnet: 2 × 730 × $0.005 = $7.30", () => {
            const e = estimate({ resources: [alb({ internal: false, subnets: ["a", "b"] })] });
            expect(chargeOf(lineOf(e, "alb"), "public IPv4 address hours")).to.be.closeTo(7.3, CENT);
        });

        it("charges an internal ALB no public addresses", () => {
            const e = estimate({ resources: [alb({ internal: true, subnets: ["a", "b"] })] });
            expect(lineOf(e, "alb").charges.map((c) => c.item)).to.deep.equal(["ALB hours", "load balancer capacity units"]);
        });

        it("reports a network load balancer as not priced", () => {
            const e = estimate({ resources: [alb({ loadBalancerType: "network" })] });
            expect(lineOf(e, "alb").status).to.equal("not-priced");
        });
    });
});
