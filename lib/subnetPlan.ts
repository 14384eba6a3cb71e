/**
 * The subnet plan of §3.1.1 as a pure function of config: the VPC is cut into equal blocks,
 * tier by tier (public, app, db) and, inside a tier, AZ by AZ. With 192.168.0.0/24, two AZs
 * and /27 blocks this yields exactly the guide's six subnets and leaves 192.168.0.192/26 free.
 */
import { blockCount, contains, nthSubnet, overlaps, parseCidr } from "./cidr";

export const SUBNET_TIERS = ["public", "app", "db"] as const;

/**
 * Every subnet is a /27 (§3.1.1: six /27s, 192.168.0.192/26 reserved). A constant, not config: another
 * size would move every subnet's CIDR, and AWS replaces a subnet whose CIDR changes (issue 15).
 */
export const SUBNET_PREFIX_LENGTH = 27;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

export interface PlannedSubnet {
    readonly tier: SubnetTier;
    readonly availabilityZone: string;
    /** Short AZ letter, e.g. "a" for ap-south-1a: used in logical names. */
    readonly azSuffix: string;
    readonly cidr: string;
}

export interface SubnetPlanInput {
    readonly vpcCidr: string;
    readonly availabilityZones: readonly string[];
    readonly subnetPrefixLength: number;
    /** Blocks kept free for later use (§3.1.1 "Reserved"); they must sit inside the VPC and overlap nothing. */
    readonly reservedCidrs: readonly string[];
}

export interface SubnetPlan {
    readonly subnets: readonly PlannedSubnet[];
    readonly reservedCidrs: readonly string[];
}

/** A layout problem, with the config key it comes from so the error can name it. */
export interface LayoutProblem {
    readonly key: "vpcCidr" | "subnetPrefixLength" | "availabilityZones" | "reservedCidrs";
    readonly message: string;
}

export function azSuffix(availabilityZone: string): string {
    return availabilityZone.slice(-1);
}

/**
 * Computes the plan. Throws on inputs that cannot produce one (use `checkSubnetPlanInput` first
 * to get every problem at once with its config key).
 */
export function planSubnets(input: SubnetPlanInput): SubnetPlan {
    const problems = checkSubnetPlanInput(input);
    if (problems.length > 0) throw new Error(problems.map((p) => `${p.key}: ${p.message}`).join("; "));
    return layout(input);
}

function layout(input: SubnetPlanInput): SubnetPlan {
    const vpc = parseCidr(input.vpcCidr);
    const subnets: PlannedSubnet[] = [];
    SUBNET_TIERS.forEach((tier, tierIndex) => {
        input.availabilityZones.forEach((az, azIndex) => {
            const index = tierIndex * input.availabilityZones.length + azIndex;
            subnets.push({
                tier,
                availabilityZone: az,
                azSuffix: azSuffix(az),
                cidr: nthSubnet(vpc, input.subnetPrefixLength, index),
            });
        });
    });
    return { subnets, reservedCidrs: [...input.reservedCidrs] };
}

/** Every problem with the inputs, each naming its config key; empty when the plan is sound. */
export function checkSubnetPlanInput(input: SubnetPlanInput): LayoutProblem[] {
    let vpc;
    try {
        vpc = parseCidr(input.vpcCidr);
    } catch (e) {
        return [{ key: "vpcCidr", message: (e as Error).message }];
    }
    if (input.subnetPrefixLength < vpc.prefixLength || input.subnetPrefixLength > 28) {
        return [{
            key: "subnetPrefixLength",
            message: `must be between the VPC prefix /${vpc.prefixLength} and /28 (the smallest subnet AWS allows), got /${input.subnetPrefixLength}`,
        }];
    }
    const needed = SUBNET_TIERS.length * input.availabilityZones.length;
    const available = blockCount(vpc, input.subnetPrefixLength);
    if (needed > available) {
        return [{
            key: "availabilityZones",
            message: `${SUBNET_TIERS.length} tiers x ${input.availabilityZones.length} AZs need ${needed} /${input.subnetPrefixLength} subnets but ${input.vpcCidr} holds only ${available}`,
        }];
    }
    const planned = layout({ ...input, reservedCidrs: [] }).subnets.map((s) => ({ name: `${s.tier} ${s.availabilityZone} ${s.cidr}`, cidr: s.cidr }));
    const reserved = input.reservedCidrs.map((cidr) => ({ name: `reserved ${cidr}`, cidr }));
    return checkLayout(input.vpcCidr, planned, reserved);
}

/**
 * Checks named blocks against the VPC: each must be a valid CIDR inside it and overlap no other.
 * Exported for direct tests; the planner only ever feeds it reserved blocks that come from config.
 */
export function checkLayout(
    vpcCidr: string,
    planned: readonly { name: string; cidr: string }[],
    reserved: readonly { name: string; cidr: string }[],
): LayoutProblem[] {
    const vpc = parseCidr(vpcCidr);
    const problems: LayoutProblem[] = [];
    const seen: { name: string; range: ReturnType<typeof parseCidr> }[] = [];
    for (const block of [...planned, ...reserved]) {
        const key = reserved.includes(block) ? "reservedCidrs" : "vpcCidr";
        let range;
        try {
            range = parseCidr(block.cidr);
        } catch (e) {
            problems.push({ key, message: (e as Error).message });
            continue;
        }
        if (!contains(vpc, range)) {
            problems.push({ key, message: `${block.name} is outside the VPC CIDR ${vpcCidr}` });
            continue;
        }
        const clash = seen.find((other) => overlaps(other.range, range));
        if (clash) problems.push({ key, message: `${block.name} overlaps ${clash.name}` });
        seen.push({ name: block.name, range });
    }
    return problems;
}
