/**
 * Network charges: NAT gateways (hours + data processed), public IPv4 addresses (charged per hour
 * since February 2024, attached or idle), interface VPC endpoints, and the ALB (hours + LCU + its
 * public addresses).
 */
import { charges, free, notPriced, PricingRule } from "../model";
import { list, num, obj, str } from "./inputs";
import type { ResourceType } from "../../../lib/types";
import { RESOURCE_TYPES } from "../../../lib/types";

export const NAT_GATEWAY = RESOURCE_TYPES.ec2NatGateway;

const natGateway: PricingRule = (r, ctx) => {
    const nats = Math.max(1, ctx.plan.ofType(NAT_GATEWAY).length);
    const gb = ctx.assumptions.natDataGbPerMonth / nats;
    const isPublic = str(r.inputs.connectivityType) !== "private";
    return charges([
        { item: "NAT gateway hours", quantity: ctx.hoursPerMonth, priceKey: "ec2.natGatewayHour" },
        {
            item: "data processed", quantity: gb, priceKey: "ec2.natGatewayDataGb", assumptions: ["natDataGbPerMonth"],
            basis: nats > 1 ? `natDataGbPerMonth split over ${nats} NAT gateways` : "natDataGbPerMonth",
        },
    ], isPublic ? ["its public IPv4 address is charged on its Elastic IP"] : []);
};

const elasticIp: PricingRule = (_r, ctx) => charges([
    { item: "public IPv4 address hours", quantity: ctx.hoursPerMonth, priceKey: "vpc.publicIpv4Hour", basis: "charged attached or idle" },
]);

const vpcEndpoint: PricingRule = (r, ctx) => {
    const type = str(r.inputs.vpcEndpointType) ?? "Gateway";
    if (type === "Gateway") return free("gateway endpoints (S3, DynamoDB) have no hourly or data charge");
    if (type !== "Interface") return notPriced(`${type} endpoints are not in the price table`);
    const azs = Math.max(1, list(r.inputs.subnetIds).length, list(r.inputs.subnetConfigurations).length);
    return charges([
        { item: "endpoint hours", detail: `${azs} AZ${azs === 1 ? "" : "s"}`, quantity: azs * ctx.hoursPerMonth, priceKey: "vpc.interfaceEndpointHour" },
        { item: "data processed", quantity: ctx.assumptions.interfaceEndpointGbPerMonth, priceKey: "vpc.interfaceEndpointDataGb", assumptions: ["interfaceEndpointGbPerMonth"] },
    ]);
};

const loadBalancer: PricingRule = (r, ctx) => {
    const type = str(r.inputs.loadBalancerType) ?? "application";
    if (type !== "application") return notPriced(`${type} load balancers are not in the price table`);
    const lcu = ctx.assumptions.albLcuPerHour;
    const internetFacing = r.inputs.internal !== true && str(r.inputs.ipAddressType) !== "dualstack-without-public-ipv4";
    // An internet-facing ALB holds one public IPv4 address per subnet (AZ) it is placed in.
    const reserved = num(obj(r.inputs.minimumLoadBalancerCapacity)?.capacityUnits);
    const addresses = internetFacing ? Math.max(list(r.inputs.subnets).length, list(r.inputs.subnetMappings).length) : 0;
    return charges([
        { item: "ALB hours", quantity: ctx.hoursPerMonth, priceKey: "elb.albHour" },
        { item: "load balancer capacity units", quantity: lcu * ctx.hoursPerMonth, priceKey: "elb.albLcuHour", assumptions: ["albLcuPerHour"], basis: `${lcu} LCU × ${ctx.hoursPerMonth} h` },
        ...(addresses > 0
            ? [{ item: "public IPv4 address hours", detail: `${addresses} AZ${addresses === 1 ? "" : "s"}`, quantity: addresses * ctx.hoursPerMonth, priceKey: "vpc.publicIpv4Hour" }]
            : []),
        // A reserved minimum capacity is billed on its own meter, which the table does not have.
        ...(reserved !== undefined ? [{ item: "reserved minimum LCU capacity", quantity: reserved * ctx.hoursPerMonth, priceKey: "elb.albReservedLcuHour" }] : []),
    ]);
};

export const networkRules: Record<string, PricingRule> = {
    [NAT_GATEWAY]: natGateway,
    "aws:ec2/eip:Eip": elasticIp,
    "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
    "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
    "aws:alb/loadBalancer:LoadBalancer": loadBalancer,
} satisfies Partial<Record<ResourceType, PricingRule>>;
