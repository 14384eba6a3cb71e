/**
 * The four security groups of §3.1.2. Groups are created empty and every rule is a separate
 * aws.vpc.SecurityGroup{Ingress,Egress}Rule, so groups can reference each other without a cycle
 * and each rule is visible on its own. Because the groups declare no inline `egress`, the AWS
 * provider removes the allow-all egress rule AWS adds to every new VPC group (documented in
 * aws.ec2.SecurityGroup, "NOTE on Egress rules"): a group has exactly the egress listed here, and
 * RDS has none. Do not add inline `ingress`/`egress` here: mixing them with rule resources makes the
 * two fight over the same rules.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names } from "../config/names";
import { SECURITY_GROUP_DESCRIPTIONS, SECURITY_GROUPS, SecurityGroupName, securityGroupRules } from "./securityGroupRules";

export interface SecurityGroupsArgs {
    /** cfg.environment: names and tags the groups. */
    readonly environment: Environment;
    /** network.vpcId */
    readonly vpcId: pulumi.Input<string>;
}

export class SecurityGroups extends pulumi.ComponentResource {
    public readonly albSecurityGroupId: pulumi.Output<string>;
    public readonly ecsSecurityGroupId: pulumi.Output<string>;
    public readonly rdsSecurityGroupId: pulumi.Output<string>;
    public readonly lambdaSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: SecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:SecurityGroups", name, {}, opts);
        const env = args.environment;

        const groups = {} as Record<SecurityGroupName, aws.ec2.SecurityGroup>;
        for (const g of SECURITY_GROUPS) {
            groups[g] = new aws.ec2.SecurityGroup(`${name}-${g}`, {
                name: names.securityGroup(env, g),
                description: SECURITY_GROUP_DESCRIPTIONS[g],
                vpcId: args.vpcId,
                // Lets a group be deleted while another group's rules still reference it.
                revokeRulesOnDelete: true,
                tags: { Name: names.securityGroup(env, g) },
            }, { parent: this });
        }

        for (const r of securityGroupRules()) {
            const ruleArgs = {
                securityGroupId: groups[r.group].id,
                ipProtocol: r.protocol,
                fromPort: r.port,
                toPort: r.port,
                referencedSecurityGroupId: "group" in r.peer ? groups[r.peer.group].id : undefined,
                cidrIpv4: "cidr" in r.peer ? r.peer.cidr : undefined,
                description: r.description,
                tags: { Name: `${env}-fivestar-${r.key}` },
            };
            if (r.direction === "ingress") new aws.vpc.SecurityGroupIngressRule(`${name}-${r.key}`, ruleArgs, { parent: this });
            else new aws.vpc.SecurityGroupEgressRule(`${name}-${r.key}`, ruleArgs, { parent: this });
        }

        this.albSecurityGroupId = groups.alb.id;
        this.ecsSecurityGroupId = groups.ecs.id;
        this.rdsSecurityGroupId = groups.rds.id;
        this.lambdaSecurityGroupId = groups.lambda.id;
        this.registerOutputs({
            albSecurityGroupId: this.albSecurityGroupId,
            ecsSecurityGroupId: this.ecsSecurityGroupId,
            rdsSecurityGroupId: this.rdsSecurityGroupId,
            lambdaSecurityGroupId: this.lambdaSecurityGroupId,
        });
    }
}
