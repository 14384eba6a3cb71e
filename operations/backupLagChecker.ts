/**
 * Issue 17: the checker behind the "RDS backup replication falls behind" alarm (monitoring/
 * replicationAlarmPlan.ts). A Lambda in the primary Region, run every 5 minutes by EventBridge Scheduler,
 * publishes how old the newest restorable point of the replicated automated backups in the recovery
 * Region is (backupLagHandler.ts). Prod only: it exists where the backups are replicated.
 *
 * Happens-before: the function's role policy exists before the function (LambdaFunction), and the
 * scheduler's role is handed to the schedule only once its policy exists (lib/ready.ts).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { PolicyDocument, policyDocument, serviceTrustPolicy } from "../lib/iamDocuments";
import { roleArnWhenReady } from "../lib/ready";
import { BACKUP_LAG, BACKUP_LAG_METRIC, DR_NAMESPACE } from "../monitoring/replicationAlarmPlan";
import { invokeFunctionPolicy } from "./cleanupPolicy";
import { lambdaArchive } from "./lambdaCode";
import { LambdaFunction } from "./lambdaFunction";

export interface BackupLagCheckerArgs extends Pick<StackScope, "environment" | "accountId" | "logRetentionDays" | "logsKmsKeyArn"> {
    /** The primary Region (where the function, its logs and the metric are). */
    readonly region: string;
    /** The recovery Region holding the replicated backups. */
    readonly replicationRegion: string;
    /** Protect the log group (Pulumi protect + deletion protection), as every log group of the stack. */
    readonly protect: boolean;
}

/** Schedule expression of the check (EventBridge Scheduler rate expression). */
export const backupLagSchedule = () => `rate(${BACKUP_LAG.checkEveryMinutes} minutes)`;

/**
 * What the function may do: list the replicated backups in the recovery Region (DescribeDBInstanceAutomatedBackups
 * has no required resource type, and is called unfiltered: Resource "*", pinned to that Region), publish
 * to the one namespace (cloudwatch:namespace condition; PutMetricData has no resource), and write its logs.
 */
export function backupLagFunctionPolicy(a: Pick<BackupLagCheckerArgs, "accountId" | "region" | "replicationRegion"> & { logGroupName: string }): PolicyDocument {
    return policyDocument(
        {
            Sid: "ReadReplicatedBackups",
            Effect: "Allow",
            Action: "rds:DescribeDBInstanceAutomatedBackups",
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": a.replicationRegion } },
        },
        { Sid: "PublishLag", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": DR_NAMESPACE } } },
        {
            Sid: "OwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `arn:aws:logs:${a.region}:${a.accountId}:log-group:${a.logGroupName}:*`,
        },
    );
}

export class BackupLagChecker extends pulumi.ComponentResource {
    public readonly functionName: pulumi.Output<string>;

    constructor(name: string, args: BackupLagCheckerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:monitoring:BackupLagChecker", name, {}, opts);
        const env = args.environment;
        const functionName = names.backupLagFunction(env);
        const fn = new LambdaFunction(`${name}-function`, {
            module: "monitoring",
            functionName,
            roleName: names.backupLagRole(env),
            description: `Publishes how far ${names.dbInstance(env)}'s replicated backups in ${args.replicationRegion} fall behind (issue 17, RPO < 1 h)`,
            accountId: args.accountId,
            code: lambdaArchive("backupLagHandler.ts", ["replicatedBackups.ts"]),
            policy: () => backupLagFunctionPolicy({ ...args, logGroupName: names.lambdaLogGroup(functionName) }),
            environment: {
                SOURCE_DB_INSTANCE: names.dbInstance(env),
                REPLICATION_REGION: args.replicationRegion,
                METRIC_NAMESPACE: DR_NAMESPACE,
                METRIC_NAME: BACKUP_LAG_METRIC,
            },
            timeoutSeconds: 60,
            memoryMb: 128,
            logRetentionDays: args.logRetentionDays,
            logsKmsKeyArn: args.logsKmsKeyArn,
            protect: args.protect,
        }, { parent: this });

        const role = new aws.iam.Role(`${name}-scheduler`, {
            name: names.backupLagSchedulerRole(env),
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("scheduler.amazonaws.com", args.accountId)),
            description: `Lets EventBridge Scheduler run the ${env} RDS backup lag check (issue 17)`,
        }, { parent: this });
        const policy = new aws.iam.RolePolicy(`${name}-scheduler`, {
            role: role.name,
            policy: fn.functionArn.apply((arn) => JSON.stringify(invokeFunctionPolicy(arn, "InvokeBackupLagCheck"))),
        }, { parent: this });
        new aws.scheduler.Schedule(`${name}-schedule`, {
            name: functionName,
            description: `Runs the ${env} RDS backup lag check every ${BACKUP_LAG.checkEveryMinutes} minutes (issue 17)`,
            scheduleExpression: backupLagSchedule(),
            flexibleTimeWindow: { mode: "OFF" },
            state: "ENABLED",
            // A check older than one period is superseded by the next one: no long retries.
            target: { arn: fn.functionArn, roleArn: roleArnWhenReady(role, [policy]), retryPolicy: { maximumRetryAttempts: 1, maximumEventAgeInSeconds: BACKUP_LAG.checkEveryMinutes * 60 } },
        }, { parent: this });

        this.functionName = fn.functionName;
        this.registerOutputs({ functionName: this.functionName });
    }
}
