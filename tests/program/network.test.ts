import { expect } from "chai";
import { planOf, STACKS } from "../support/plans";

const GUIDE_SUBNETS = {
    "network-public-a": ["192.168.0.0/27", "ap-south-1a"],
    "network-public-b": ["192.168.0.32/27", "ap-south-1b"],
    "network-app-a": ["192.168.0.64/27", "ap-south-1a"],
    "network-app-b": ["192.168.0.96/27", "ap-south-1b"],
    "network-db-a": ["192.168.0.128/27", "ap-south-1a"],
    "network-db-b": ["192.168.0.160/27", "ap-south-1b"],
};
const NAT_GATEWAYS = { dev: 1, staging: 1, prod: 2 } as const;
const LOG_RETENTION = { dev: 7, staging: 30, prod: 90 } as const;

describe("whole program: network per stack (§3.1.1)", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            it("one Network component at the stack root, owning the VPC 192.168.0.0/24", async () => {
                const plan = await planOf(stack);
                const network = plan.component("fivestar:network:Network");
                expect(network.parent).to.equal("");
                const vpc = plan.one("aws:ec2/vpc:Vpc", "network-vpc");
                expect(vpc.parent).to.equal(network.urn);
                expect(vpc.inputs).to.include({ cidrBlock: "192.168.0.0/24", enableDnsSupport: true, enableDnsHostnames: true });
            });

            it("exactly the guide's six subnets, none with public IPs on launch", async () => {
                const plan = await planOf(stack);
                const subnets = plan.ofType("aws:ec2/subnet:Subnet");
                expect(Object.fromEntries(subnets.map((s) => [s.name, [s.inputs.cidrBlock, s.inputs.availabilityZone]]))).to.deep.equal(GUIDE_SUBNETS);
                for (const s of subnets) expect(s.inputs.mapPublicIpOnLaunch).to.equal(false);
            });

            it(`${NAT_GATEWAYS[stack]} NAT gateway(s)`, async () => {
                const plan = await planOf(stack);
                expect(plan.ofType("aws:ec2/natGateway:NatGateway")).to.have.length(NAT_GATEWAYS[stack]);
            });

            it(`flow logs kept ${LOG_RETENTION[stack]} days`, async () => {
                const plan = await planOf(stack);
                expect(plan.one("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs").inputs.retentionInDays).to.equal(LOG_RETENTION[stack]);
            });

            it("exports the VPC, subnet ids per tier and the DB subnet group", async () => {
                const { outputs } = await planOf(stack);
                expect(outputs.vpcId.value).to.equal("network-vpc-id");
                expect(outputs.publicSubnetIds.value).to.deep.equal(["network-public-a-id", "network-public-b-id"]);
                expect(outputs.appSubnetIds.value).to.deep.equal(["network-app-a-id", "network-app-b-id"]);
                expect(outputs.dbSubnetIds.value).to.deep.equal(["network-db-a-id", "network-db-b-id"]);
                expect(outputs.dbSubnetGroupName.value).to.equal(`${stack}-fivestar-payments-db-subnets`);
            });
        });
    }
});
