/**
 * §2.2.3 "MFA Required: All users", enforced in the account: the IAM password policy, and the group
 * every human IAM user joins, whose policy denies everything but MFA set-up until the user signs in
 * with MFA. Roles humans may assume carry the MFA condition in their trust (security/crossAccountPolicies.ts);
 * the policy pack fails any human-assumable role without it (policy/rules/iam.ts).
 * Adding users to the group is the account administrators' job, outside this program.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { PASSWORD_POLICY, requireMfaPolicy } from "./mfaPolicies";

export interface HumanAccessArgs extends Pick<StackScope, "accountId"> {
    /**
     * Protect the password policy (prod): the DeploymentRole is denied iam:DeleteAccountPasswordPolicy there
     * (GUARDRAIL_TEARDOWN_ACTIONS), so a delete could only fail half-way; like the other guardrails.
     */
    readonly protect: boolean;
}

export class HumanAccess extends pulumi.ComponentResource {
    public readonly groupName: pulumi.Output<string>;
    public readonly mfaPolicyArn: pulumi.Output<string>;

    constructor(name: string, args: HumanAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:HumanAccess", name, {}, opts);
        const parent = { parent: this };
        new aws.iam.AccountPasswordPolicy(`${name}-password-policy`, { ...PASSWORD_POLICY }, { parent: this, protect: args.protect });
        const policy = new aws.iam.Policy(`${name}-require-mfa`, {
            name: names.mfaRequiredPolicy,
            description: "2.2.3 MFA required: denies everything but MFA set-up until the user signs in with MFA",
            policy: JSON.stringify(requireMfaPolicy(args.accountId)),
        }, parent);
        const group = new aws.iam.Group(`${name}-humans`, { name: names.humanUsersGroup }, parent);
        new aws.iam.GroupPolicyAttachment(`${name}-humans-require-mfa`, { group: group.name, policyArn: policy.arn }, parent);
        this.groupName = group.name;
        this.mfaPolicyArn = policy.arn;
        this.registerOutputs({ groupName: this.groupName, mfaPolicyArn: this.mfaPolicyArn });
    }
}
