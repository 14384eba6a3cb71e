/**
 * One Lambda function the way this program runs every function: its log group created first (our
 * retention and key, like M2), a role that trusts lambda.amazonaws.com for this account only, the
 * role's policy attached before the function exists (IAM is checked when the function runs, and the
 * role must be able to write its logs from the first invocation), arm64, and explicit names.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { PolicyDocument } from "../lib/iamDocuments";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { encryptedLogGroup, logSettings } from "../network/logGroup";

/** Node.js 22 is the newest Lambda runtime in AWS support through 2027 (nodejs20.x is deprecated in 2026). */
export const LAMBDA_RUNTIME = "nodejs22.x";

export interface LambdaFunctionArgs extends Pick<StackScope, "accountId" | "protect" | "logRetentionDays" | "logsKmsKeyArn"> {
    /** The rollout module the function belongs to (its type token): fivestar:<module>:LambdaFunction. */
    readonly module: "security" | "monitoring";
    readonly functionName: string;
    readonly roleName: string;
    readonly description: string;
    readonly code: pulumi.asset.AssetArchive;
    /** The role's permissions besides its logs (which this component grants). */
    readonly policy?: (logGroupArn: string) => PolicyDocument;
    readonly environment?: Record<string, pulumi.Input<string>>;
    readonly timeoutSeconds: number;
    readonly memoryMb: number;
    /** Reserved concurrency: a hard cap on parallel executions; undefined: none. */
    readonly reservedConcurrency?: number;
}

export class LambdaFunction extends pulumi.ComponentResource {
    public readonly functionArn: pulumi.Output<string>;
    public readonly functionName: pulumi.Output<string>;

    constructor(name: string, args: LambdaFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`fivestar:${args.module}:LambdaFunction`, name, {}, opts);
        const parent = { parent: this };
        const logGroup = encryptedLogGroup(name, names.lambdaLogGroup(args.functionName), logSettings(args), parent);
        const role = new aws.iam.Role(name, {
            name: args.roleName,
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("lambda.amazonaws.com", args.accountId)),
            description: args.description,
        }, parent);
        const policy = new aws.iam.RolePolicy(name, {
            role: role.name,
            policy: logGroup.arn.apply((arn) => JSON.stringify(args.policy ? args.policy(arn) : {
                Version: "2012-10-17",
                Statement: [{ Sid: "OwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:*` }],
            })),
        }, parent);
        const fn = new aws.lambda.Function(name, {
            name: args.functionName,
            description: args.description,
            role: role.arn,
            runtime: LAMBDA_RUNTIME,
            architectures: ["arm64"],
            handler: "index.handler",
            code: args.code,
            timeout: args.timeoutSeconds,
            memorySize: args.memoryMb,
            reservedConcurrentExecutions: args.reservedConcurrency ?? -1,
            environment: args.environment ? { variables: args.environment } : undefined,
            loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
        }, { parent: this, dependsOn: [policy, logGroup] });
        this.functionArn = fn.arn;
        this.functionName = fn.name;
        this.registerOutputs({ functionArn: this.functionArn, functionName: this.functionName });
    }
}
