/**
 * The network of §3.1.1: VPC, three subnet tiers over the configured AZs, internet and NAT
 * gateways, route tables, gateway endpoints, the DB subnet group, flow logs, and the default
 * security group stripped of its rules.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { roleArnWhenReady } from "../lib/ready";
import { flowLogDeliveryPolicy } from "./flowLogPolicy";
import { PlannedSubnet, SubnetPlan, SubnetTier } from "../lib/subnetPlan";
import { encryptedLogGroup, LogGroupSettings } from "./logGroup";

export interface NetworkArgs extends Pick<StackScope, "environment" | "accountId" | "region"> {
    readonly vpcCidr: string;
    /** From `planSubnets`: the subnets to create, already validated. */
    readonly subnetPlan: SubnetPlan;
    /** One NAT gateway per AZ (true) or one shared NAT gateway (false). */
    readonly natGatewayPerAz: boolean;
    /** Flow logs are audit data: in a protected stack, Pulumi protect and CloudWatch deletion protection. */
    readonly flowLogs: LogGroupSettings;
}

export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly publicSubnetIds: pulumi.Output<string>[];
    public readonly appSubnetIds: pulumi.Output<string>[];
    public readonly dbSubnetIds: pulumi.Output<string>[];
    public readonly publicRouteTableId: pulumi.Output<string>;
    public readonly appRouteTableIds: pulumi.Output<string>[];
    public readonly dbRouteTableId: pulumi.Output<string>;
    public readonly natGatewayIds: pulumi.Output<string>[];
    public readonly dbSubnetGroupName: pulumi.Output<string>;
    public readonly flowLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:network:Network", name, {}, opts);
        const parent = { parent: this };
        const env = args.environment;
        const nameTag = (suffix: string) => ({ Name: `${env}-fivestar-${suffix}` });

        const vpc = new aws.ec2.Vpc(`${name}-vpc`, {
            cidrBlock: args.vpcCidr,
            enableDnsSupport: true,
            enableDnsHostnames: true,
            tags: { Name: names.vpc(env) },
        }, parent);

        // AWS creates a default security group that allows all traffic between its members; managing it
        // with no rules removes them (Security Hub EC2.2).
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, {
            vpcId: vpc.id,
            ingress: [],
            egress: [],
            tags: nameTag("default-sg-unused"),
        }, parent);

        const subnet = (s: PlannedSubnet) => new aws.ec2.Subnet(`${name}-${s.tier}-${s.azSuffix}`, {
            vpcId: vpc.id,
            cidrBlock: s.cidr,
            availabilityZone: s.availabilityZone,
            mapPublicIpOnLaunch: false,
            tags: { ...nameTag(`${s.tier}-${s.azSuffix}`), Tier: s.tier },
        }, parent);
        const tier = (t: SubnetTier) => args.subnetPlan.subnets.filter((s) => s.tier === t);
        const publicSubnets = tier("public").map(subnet);
        const appSubnets = tier("app").map(subnet);
        const dbSubnets = tier("db").map(subnet);

        // Public tier: default route to the internet gateway.
        const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: nameTag("igw") }, parent);
        const publicRouteTable = new aws.ec2.RouteTable(`${name}-public`, {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
            tags: nameTag("public-rt"),
        }, parent);
        tier("public").forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-public-${s.azSuffix}`, {
            subnetId: publicSubnets[i].id,
            routeTableId: publicRouteTable.id,
        }, parent));

        // NAT: one per AZ, or one in the first public subnet shared by every AZ.
        const natSubnets = args.natGatewayPerAz ? tier("public") : tier("public").slice(0, 1);
        const natGateways = natSubnets.map((s) => {
            const eip = new aws.ec2.Eip(`${name}-nat-${s.azSuffix}`, { domain: "vpc", tags: nameTag(`nat-${s.azSuffix}`) }, parent);
            return new aws.ec2.NatGateway(`${name}-nat-${s.azSuffix}`, {
                allocationId: eip.id,
                subnetId: publicSubnets[tier("public").indexOf(s)].id,
                connectivityType: "public",
                tags: nameTag(`nat-${s.azSuffix}`),
            }, { parent: this, dependsOn: [igw] });
        });

        // App tier: one route table per AZ, default route through that AZ's NAT (or the shared one).
        const appRouteTables = tier("app").map((s, i) => {
            const nat = natGateways[Math.min(i, natGateways.length - 1)];
            const table = new aws.ec2.RouteTable(`${name}-app-${s.azSuffix}`, {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                tags: nameTag(`app-rt-${s.azSuffix}`),
            }, parent);
            new aws.ec2.RouteTableAssociation(`${name}-app-${s.azSuffix}`, { subnetId: appSubnets[i].id, routeTableId: table.id }, parent);
            return table;
        });

        // DB tier: local routes only; no path to the internet in either direction.
        const dbRouteTable = new aws.ec2.RouteTable(`${name}-db`, { vpcId: vpc.id, routes: [], tags: nameTag("db-rt") }, parent);
        tier("db").forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-db-${s.azSuffix}`, {
            subnetId: dbSubnets[i].id,
            routeTableId: dbRouteTable.id,
        }, parent));

        // Gateway endpoints keep DynamoDB and S3 traffic off the NAT (cost) and inside AWS (§3.1.1).
        const privateRouteTableIds = [...appRouteTables.map((t) => t.id), dbRouteTable.id];
        for (const service of ["dynamodb", "s3"]) {
            new aws.ec2.VpcEndpoint(`${name}-${service}-endpoint`, {
                vpcId: vpc.id,
                serviceName: `com.amazonaws.${args.region}.${service}`,
                vpcEndpointType: "Gateway",
                routeTableIds: privateRouteTableIds,
                tags: nameTag(`${service}-endpoint`),
            }, parent);
        }

        const dbSubnetGroup = new aws.rds.SubnetGroup(`${name}-db-subnets`, {
            name: names.dbSubnetGroup(env),
            description: `Private DB subnets of ${env} (§3.1.1)`,
            subnetIds: dbSubnets.map((s) => s.id),
        }, parent);

        // Flow logs of all traffic to CloudWatch Logs, through a role that may write only there.
        const flowLogGroup = encryptedLogGroup(`${name}-flow-logs`, names.flowLogGroup(env), args.flowLogs, { parent: this });
        const flowLogRole = new aws.iam.Role(`${name}-flow-logs`, {
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", args.accountId)),
            description: `Lets VPC flow logs of ${env} write to ${names.flowLogGroup(env)}`,
        }, parent);
        const flowLogPolicy = new aws.iam.RolePolicy(`${name}-flow-logs`, {
            role: flowLogRole.id,
            policy: flowLogGroup.arn.apply((arn) => JSON.stringify(flowLogDeliveryPolicy(arn))),
        }, parent);
        new aws.ec2.FlowLog(`${name}-flow-log`, {
            vpcId: vpc.id,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: flowLogGroup.arn,
            iamRoleArn: roleArnWhenReady(flowLogRole, [flowLogPolicy]),
            maxAggregationInterval: 60,
            tags: nameTag("flow-log"),
        }, parent);

        this.vpcId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.appSubnetIds = appSubnets.map((s) => s.id);
        this.dbSubnetIds = dbSubnets.map((s) => s.id);
        this.publicRouteTableId = publicRouteTable.id;
        this.appRouteTableIds = appRouteTables.map((t) => t.id);
        this.dbRouteTableId = dbRouteTable.id;
        this.natGatewayIds = natGateways.map((n) => n.id);
        this.dbSubnetGroupName = dbSubnetGroup.name;
        this.flowLogGroupName = flowLogGroup.name;
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            appSubnetIds: this.appSubnetIds,
            dbSubnetIds: this.dbSubnetIds,
            dbSubnetGroupName: this.dbSubnetGroupName,
        });
    }
}
