/**
 * The one recipe of every CloudWatch Logs group the program creates: the stack's retention, encrypted with
 * the logs CMK, and in a protected stack Pulumi protect plus CloudWatch deletion protection (logs are audit
 * data). Here, in the lowest infrastructure layer, because the network's flow logs are its first user.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackScope } from "../config/names";

export interface LogGroupSettings {
    readonly retentionDays: number;
    /** Undefined: the group is encrypted with a CloudWatch-owned key. */
    readonly kmsKeyArn?: pulumi.Input<string>;
    readonly protect: boolean;
}

export function encryptedLogGroup(name: string, groupName: pulumi.Input<string>, s: LogGroupSettings, opts: pulumi.CustomResourceOptions): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(name, {
        name: groupName,
        retentionInDays: s.retentionDays,
        kmsKeyId: s.kmsKeyArn,
        deletionProtectionEnabled: s.protect,
    }, { ...opts, protect: s.protect });
}

/** The settings from a component's args in the stack's usual field names. */
export const logSettings = (a: Pick<StackScope, "logRetentionDays" | "logsKmsKeyArn" | "protect">): LogGroupSettings =>
    ({ retentionDays: a.logRetentionDays, kmsKeyArn: a.logsKmsKeyArn, protect: a.protect });
