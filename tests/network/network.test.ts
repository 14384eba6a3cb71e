import { expect } from "chai";
import { Network, NetworkArgs } from "../../network/network";
import { planSubnets } from "../../network/subnetPlan";
import { construct, inAccount, valueOf } from "../support/component";

const GUIDE_PLAN = planSubnets({
    vpcCidr: "192.168.0.0/24",
    availabilityZones: ["ap-south-1a", "ap-south-1b"],
    subnetPrefixLength: 27,
    reservedCidrs: ["192.168.0.192/26"],
});

function args(overrides: Partial<NetworkArgs> = {}): NetworkArgs {
    return {
        environment: "dev",
        accountId: "123456789012",
        region: "ap-south-1",
        vpcCidr: "192.168.0.0/24",
        subnetPlan: GUIDE_PLAN,
        natGatewayPerAz: false,
        flowLogs: { retentionDays: 7 },
        ...overrides,
    };
}

describe("network component (§3.1.1)", () => {
    it("creates a VPC 192.168.0.0/24 with DNS support and hostnames", async () => {
        const built = await construct(() => new Network("network", args(), inAccount()));
        const vpc = built.one("aws:ec2/vpc:Vpc", "network-vpc");
        expect(vpc.inputs).to.include({ cidrBlock: "192.168.0.0/24", enableDnsSupport: true, enableDnsHostnames: true });
        expect(await valueOf(built.component.vpcId)).to.equal("network-vpc-id");
    });
});
