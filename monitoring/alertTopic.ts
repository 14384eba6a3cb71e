/**
 * The alert topic every alarm and the cost budget notify (§12.2), encrypted with the general CMK,
 * with an email subscription per configured address (each must confirm the mail SNS sends).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { alertTopicPolicy } from "./alertTopicPolicy";

export interface AlertTopicArgs extends Pick<StackScope, "environment"> {
    /** The stack's account (config `awsAccountId`): only its alarms and budgets may publish. */
    readonly accountId: string;
    /**
     * ARN of the general-purpose CMK (Security.generalKeyArn). Its key policy must let
     * cloudwatch.amazonaws.com and budgets.amazonaws.com use kms:GenerateDataKey* and kms:Decrypt,
     * or their notifications are dropped.
     */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Addresses that get every alert (config `alertEmails`); may be empty. */
    readonly emails: readonly string[];
}

export class AlertTopic extends pulumi.ComponentResource {
    public readonly topicArn: pulumi.Output<string>;
    public readonly topicName: pulumi.Output<string>;

    constructor(name: string, args: AlertTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        if (new Set(args.emails).size !== args.emails.length) throw new Error(`emails lists an address twice: ${args.emails.join(", ")}`);
        super("fivestar:monitoring:AlertTopic", name, {}, opts);
        const topic = new aws.sns.Topic(`${name}-topic`, {
            name: names.alertTopic(args.environment),
            displayName: `Fivestar payments ${args.environment} alerts`,
            kmsMasterKeyId: args.kmsKeyArn,
        }, { parent: this });

        const policy = new aws.sns.TopicPolicy(`${name}-policy`, {
            arn: topic.arn,
            policy: topic.arn.apply((arn) => JSON.stringify(alertTopicPolicy(arn, args.accountId))),
        }, { parent: this });

        // Named by address, not position: removing one address must not re-create (and re-confirm) the others.
        for (const email of args.emails) {
            new aws.sns.TopicSubscription(`${name}-${email}`, { topic: topic.arn, protocol: "email", endpoint: email }, { parent: this });
        }

        // Resolves once the policy is in place, so alarms and budgets built on it can publish from the start.
        this.topicArn = pulumi.all([topic.arn, policy.id]).apply(([arn]) => arn);
        this.topicName = topic.name;
        this.registerOutputs({ topicArn: this.topicArn, topicName: this.topicName });
    }
}
