/**
 * Account and network keys (§2.2, §3.1.1).
 */
import { z } from "zod";
import { checkSubnetPlanInput, planSubnets, SUBNET_PREFIX_LENGTH, SubnetPlanInput } from "../../lib/subnetPlan";
import { collect } from "../checks";
import { ENVIRONMENTS, OWNER_TAG, PROJECT_TAG } from "../names";
import { awsRegion, bool, iamRoleName, key, oneOf, ParsedKeys, qualified, show } from "../keyHelpers";

/** An unquoted id in YAML is a number: `012345678901` reaches the program as 12345678901. */
const ACCOUNT_ID_RULE = "must be a 12-digit AWS account id, quoted in the stack file (an unquoted one is a YAML number and loses leading zeros)";

export const FOUNDATION_KEYS = {
    environment: key("string", "Environment name; one of dev, staging, prod (the CloudFormation AllowedValues of §3.2.1).", oneOf(ENVIRONMENTS)),
    awsAccountId: key("string", "The 12-digit AWS account this stack deploys into (§2.2); the provider refuses any other account.",
        z.string({ error: ACCOUNT_ID_RULE }).regex(/^\d{12}$/, ACCOUNT_ID_RULE)),
    region: key("string", "AWS region of the stack, e.g. ap-south-1 (§3.1.1).", awsRegion("ap-south-1")),
    deploymentRoleName: key("string", "Name of the IAM role in the stack's account that Pulumi assumes to deploy (§2.3.1 DeploymentRole).", iamRoleName()),
    previewRoleName: key("string",
        "Preview path only: the read-only role (bootstrap's PreviewRole) the provider assumes instead of deploymentRoleName. Set only by the pull-request " +
        "preview workflow (pulumi preview --config); never in a stack file, and `pulumi up` refuses to run with it (config/previewRole.ts).",
        iamRoleName(), { default: undefined }),
    vpcCidr: key("string", "IPv4 CIDR of the VPC (§3.1.1: 192.168.0.0/24).", z.string({ error: "must be an IPv4 CIDR such as 192.168.0.0/24" })),
    availabilityZones: key("array", "Availability zones that get one subnet per tier, in order (§3.1.1: a and b).",
        z.array(z.string(), { error: "must be a list of availability zone names" }).min(2, "must list at least 2 availability zones (the ALB and the DB subnet group need two)")),
    reservedCidrs: key("array", "Blocks of the VPC left free for future expansion (§3.1.1 Reserved).",
        z.array(z.string(), { error: "must be a list of CIDR blocks" }), { default: [] as string[] }),
    natGatewayPerAz: key("boolean", "One NAT gateway per AZ (true: survives an AZ loss) or a single shared one (false: cheaper).", bool()),
    protectStatefulResources: key("boolean",
        "Protect stateful resources (Pulumi protect) and turn on deletion protection wherever AWS offers it (prod: true).", bool()),
} as const;

type Raw = ParsedKeys<typeof FOUNDATION_KEYS>;

function subnetPlanInput(c: Raw): SubnetPlanInput {
    return { vpcCidr: c.vpcCidr, availabilityZones: c.availabilityZones, subnetPrefixLength: SUBNET_PREFIX_LENGTH, reservedCidrs: c.reservedCidrs };
}

export function foundationProblems(c: Raw): string[] {
    return collect(
        () => c.availabilityZones.filter((az) => !new RegExp(`^${c.region}[a-z]$`).test(az)).map((az) =>
            `${qualified("availabilityZones")} contains "${az}": must be a zone of ${qualified("region")} "${c.region}", e.g. ${c.region}a`),
        () => new Set(c.availabilityZones).size !== c.availabilityZones.length &&
            `${qualified("availabilityZones")} = ${show(c.availabilityZones)}: lists a zone twice`,
        () => checkSubnetPlanInput(subnetPlanInput(c)).map((p) => {
            // The subnet size is fixed (§3.1.1, SUBNET_PREFIX_LENGTH): a VPC too small for it is the VPC's problem.
            const k = p.key === "subnetPrefixLength" ? "vpcCidr" : p.key;
            return `${qualified(k)} = ${show(c[k])}: ${p.message}`;
        }),
        // Production data is never left deletable by accident (§6.1.1: DeletionProtection in production).
        () => c.environment === "prod" && !c.protectStatefulResources &&
            `${qualified("protectStatefulResources")} = false in environment "prod": must be true, production's stateful resources keep ` +
            `Pulumi protect and deletion protection (§6.1.1 DeletionProtection: !If [IsProduction, true, false])`,
    );
}

export function foundationSections(c: Raw) {
    return {
        environment: c.environment,
        account: {
            id: c.awsAccountId,
            region: c.region,
            deploymentRoleName: c.deploymentRoleName,
            deploymentRoleArn: `arn:aws:iam::${c.awsAccountId}:role/${c.deploymentRoleName}`,
            /** The role the provider assumes: the PreviewRole on the preview path, else the DeploymentRole. */
            providerRoleArn: `arn:aws:iam::${c.awsAccountId}:role/${c.previewRoleName ?? c.deploymentRoleName}`,
            previewRoleName: c.previewRoleName,
        },
        /** Tags every AWS resource gets through the provider's default tags (§9.1). */
        tags: { Environment: c.environment, Project: PROJECT_TAG, Owner: OWNER_TAG },
        /** Whether stateful resources get `protect` and deletion protection (prod). */
        protectStatefulResources: c.protectStatefulResources,
        network: {
            vpcCidr: c.vpcCidr,
            availabilityZones: c.availabilityZones,
            subnetPlan: planSubnets(subnetPlanInput(c)),
            natGatewayPerAz: c.natGatewayPerAz,
        },
    };
}
