import { expect } from "chai";
import { Network, NetworkArgs } from "../../network/network";
import { flowLogDeliveryPolicy } from "../../network/flowLogPolicy";
import { planSubnets } from "../../lib/subnetPlan";
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
        flowLogs: { retentionDays: 7, protect: false },
        ...overrides,
    };
}

type Built = Awaited<ReturnType<typeof build>>;
const build = (overrides: Partial<NetworkArgs> = {}) => construct(() => new Network("network", args(overrides), inAccount()));

/** The route table a subnet is associated with. */
function routeTableOf(built: Built, subnetName: string) {
    const association = built.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation")
        .find((a) => a.inputs.subnetId === `${subnetName}-id`);
    if (!association) throw new Error(`${subnetName} has no route table association`);
    return built.ofType("aws:ec2/routeTable:RouteTable").find((t) => `${t.name}-id` === association.inputs.routeTableId)!;
}

describe("network component (§3.1.1)", () => {
    let single: Built;
    let perAz: Built;
    before(async () => {
        single = await build();
        perAz = await build({ natGatewayPerAz: true, environment: "prod", flowLogs: { retentionDays: 90, kmsKeyArn: "arn:aws:kms:ap-south-1:123456789014:key/logs", protect: true } });
    });

    it("is a fivestar:network:Network component that parents every resource it creates", () => {
        const component = single.one("fivestar:network:Network", "network");
        const children = single.resources.filter((r) => r.custom && r.type.startsWith("aws:"));
        expect(children.length).to.be.greaterThan(20);
        for (const child of children) expect(child.parent, child.urn).to.equal(component.urn);
    });

    it("VPC 192.168.0.0/24 with DNS support and DNS hostnames", async () => {
        const vpc = single.one("aws:ec2/vpc:Vpc", "network-vpc");
        expect(vpc.inputs).to.include({ cidrBlock: "192.168.0.0/24", enableDnsSupport: true, enableDnsHostnames: true });
        expect(vpc.inputs.tags).to.deep.equal({ Name: "dev-fivestar-vpc" });
        expect(await valueOf(single.component.vpcId)).to.equal("network-vpc-id");
    });

    // The six subnets of §3.1.1 with their AZs, none mapping public IPs: lib/subnetPlan (subnetPlan.test.ts) and each stack's plan (tests/program/network.test.ts).

    it("public subnets route 0.0.0.0/0 to the internet gateway", () => {
        for (const subnet of ["network-public-a", "network-public-b"]) {
            expect(routeTableOf(single, subnet).inputs.routes).to.deep.equal([{ cidrBlock: "0.0.0.0/0", gatewayId: "network-igw-id" }]);
        }
    });

    it("app subnets route 0.0.0.0/0 through NAT: one shared NAT when natGatewayPerAz is false", () => {
        const nats = single.ofType("aws:ec2/natGateway:NatGateway");
        expect(nats.map((n) => n.name)).to.deep.equal(["network-nat-a"]);
        expect(nats[0].inputs.subnetId).to.equal("network-public-a-id");
        for (const subnet of ["network-app-a", "network-app-b"]) {
            expect(routeTableOf(single, subnet).inputs.routes).to.deep.equal([{ cidrBlock: "0.0.0.0/0", natGatewayId: "network-nat-a-id" }]);
        }
    });

    it("one NAT gateway per AZ when natGatewayPerAz is true (prod), each app subnet using its own AZ's", () => {
        const nats = perAz.ofType("aws:ec2/natGateway:NatGateway");
        expect(nats.map((n) => [n.name, n.inputs.subnetId])).to.have.deep.members([
            ["network-nat-a", "network-public-a-id"],
            ["network-nat-b", "network-public-b-id"],
        ]);
        expect(routeTableOf(perAz, "network-app-a").inputs.routes).to.deep.equal([{ cidrBlock: "0.0.0.0/0", natGatewayId: "network-nat-a-id" }]);
        expect(routeTableOf(perAz, "network-app-b").inputs.routes).to.deep.equal([{ cidrBlock: "0.0.0.0/0", natGatewayId: "network-nat-b-id" }]);
        expect(perAz.ofType("aws:ec2/eip:Eip").map((e) => e.inputs.domain)).to.deep.equal(["vpc", "vpc"]);
    });

    it("DB subnets have no route to the internet", () => {
        for (const subnet of ["network-db-a", "network-db-b"]) {
            expect(routeTableOf(single, subnet).inputs.routes ?? []).to.deep.equal([]);
        }
    });

    it("gateway endpoints for DynamoDB and S3 on every private route table, not on the public one", () => {
        const endpoints = single.ofType("aws:ec2/vpcEndpoint:VpcEndpoint");
        expect(endpoints.map((e) => e.inputs.serviceName)).to.have.members(["com.amazonaws.ap-south-1.dynamodb", "com.amazonaws.ap-south-1.s3"]);
        for (const e of endpoints) {
            expect(e.inputs.vpcEndpointType).to.equal("Gateway");
            expect(e.inputs.routeTableIds).to.have.members(["network-app-a-id", "network-app-b-id", "network-db-id"]);
        }
    });

    it("a DB subnet group over exactly the two DB subnets", async () => {
        const group = single.one("aws:rds/subnetGroup:SubnetGroup", "network-db-subnets");
        expect(group.inputs.name).to.equal("dev-fivestar-payments-db-subnets");
        expect(group.inputs.subnetIds).to.deep.equal(["network-db-a-id", "network-db-b-id"]);
        expect(await valueOf(single.component.dbSubnetGroupName)).to.equal("dev-fivestar-payments-db-subnets");
    });

    it("the default security group is managed with no rules (Security Hub EC2.2)", () => {
        const sg = single.one("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "network-default-sg");
        expect(sg.inputs.vpcId).to.equal("network-vpc-id");
        expect(sg.inputs.ingress).to.deep.equal([]);
        expect(sg.inputs.egress).to.deep.equal([]);
    });

    it("VPC flow logs of ALL traffic to a CloudWatch log group with the stack's retention and key", () => {
        const flowLog = single.one("aws:ec2/flowLog:FlowLog", "network-flow-log");
        expect(flowLog.inputs).to.include({ trafficType: "ALL", logDestinationType: "cloud-watch-logs", vpcId: "network-vpc-id" });
        const group = single.one("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs");
        expect(group.inputs).to.include({ name: "/vpc/dev-fivestar-flow-logs", retentionInDays: 7 });
        expect(group.protect).to.equal(false);
        expect(group.inputs.deletionProtectionEnabled).to.equal(false);
        const prodGroup = perAz.one("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs");
        expect(prodGroup.inputs).to.include({ retentionInDays: 90, kmsKeyId: "arn:aws:kms:ap-south-1:123456789014:key/logs", deletionProtectionEnabled: true });
        expect(prodGroup.protect).to.equal(true);
    });

    it("the flow-log role trusts only the flow logs service of this account and may write only its group", () => {
        const role = single.one("aws:iam/role:Role", "network-flow-logs");
        expect(JSON.parse(String(role.inputs.assumeRolePolicy))).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
            }],
        });
        const policy = JSON.parse(String(single.one("aws:iam/rolePolicy:RolePolicy", "network-flow-logs").inputs.policy));
        expect(policy.Statement).to.have.length(1);
        expect(policy.Statement[0].Resource).to.deep.equal([
            "arn:aws:logs:ap-south-1:123456789012:log-group:/vpc/dev-fivestar-flow-logs",
            "arn:aws:logs:ap-south-1:123456789012:log-group:/vpc/dev-fivestar-flow-logs:*",
        ]);
    });

    it("typed outputs list the subnets per tier and the route tables", async () => {
        expect(await valueOf(single.component.publicSubnetIds[1])).to.equal("network-public-b-id");
        expect(await Promise.all(single.component.appSubnetIds.map(valueOf))).to.deep.equal(["network-app-a-id", "network-app-b-id"]);
        expect(await Promise.all(single.component.dbSubnetIds.map(valueOf))).to.deep.equal(["network-db-a-id", "network-db-b-id"]);
        expect(await valueOf(single.component.dbRouteTableId)).to.equal("network-db-id");
        expect(await Promise.all(perAz.component.natGatewayIds.map(valueOf))).to.deep.equal(["network-nat-a-id", "network-nat-b-id"]);
    });
});

describe("flow-log delivery policy", () => {
    it("allows only stream creation and writes on the one group", () => {
        expect(flowLogDeliveryPolicy("arn:aws:logs:ap-south-1:1:log-group:g")).to.deep.equal({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: ["arn:aws:logs:ap-south-1:1:log-group:g", "arn:aws:logs:ap-south-1:1:log-group:g:*"],
            }],
        });
    });
});
