/**
 * Staging's weekly cleanup (§2.2.2): a Lambda that removes what test cycles leave behind (rules in
 * cleanupRules.ts), run weekly by EventBridge Scheduler. Config validation refuses it in prod
 * (config/keys/operations.ts); this component refuses it there too. Its type is in the monitoring
 * module: it runs last in a phased rollout, after the cluster whose services it reads.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names, SERVICES, StackScope } from "../config/names";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { cleanupFunctionPolicy, invokeFunctionPolicy } from "./cleanupPolicy";
import { CleanupSettings } from "./cleanupRules";
import { lambdaArchive } from "./lambdaCode";
import { LambdaFunction } from "./lambdaFunction";

export interface WeeklyCleanupArgs extends Pick<StackScope, "environment" | "accountId" | "region" | "logRetentionDays" | "logsKmsKeyArn"> {
    /** cfg.cleanup */
    readonly schedule: { readonly cron: string; readonly timezone: string };
    readonly keepTaskRevisions: number;
    readonly snapshotMaxAgeDays: number;
    readonly untaggedImageMinAgeDays: number;
    /** compute.clusterName: whose services and tasks are "in use". */
    readonly clusterName: pulumi.Input<string>;
}

/** What the function is told: the program's own families, repositories and final snapshot. */
export function cleanupSettings(env: Environment, a: Pick<WeeklyCleanupArgs, "keepTaskRevisions" | "snapshotMaxAgeDays" | "untaggedImageMinAgeDays">): CleanupSettings {
    return {
        families: [...SERVICES.map((s) => names.taskFamily(env, s)), names.debugTaskFamily(env)],
        keepTaskRevisions: a.keepTaskRevisions,
        protectedSnapshotIds: [names.dbFinalSnapshot(env)],
        snapshotMaxAgeDays: a.snapshotMaxAgeDays,
        repositories: [...SERVICES.map((s) => names.ecrRepository(s)), names.debugToolsRepository],
        untaggedImageMinAgeDays: a.untaggedImageMinAgeDays,
    };
}

export class WeeklyCleanup extends pulumi.ComponentResource {
    public readonly functionName: pulumi.Output<string>;

    constructor(name: string, args: WeeklyCleanupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:monitoring:WeeklyCleanup", name, {}, opts);
        const env = args.environment;
        if (env === "prod") throw new Error("WeeklyCleanup: refused in prod (§2.2.2 gives the weekly cleanup to staging only)");
        const settings = cleanupSettings(env, args);
        const fn = new LambdaFunction(`${name}-function`, {
            module: "monitoring",
            functionName: names.cleanupFunction(env),
            roleName: names.cleanupRole(env),
            description: `Weekly cleanup of ${env} test leftovers (2.2.2): old task revisions, manual snapshots, untagged images`,
            accountId: args.accountId,
            code: lambdaArchive("cleanupHandler.ts", ["cleanupRules.ts"]),
            policy: () => cleanupFunctionPolicy({
                accountId: args.accountId, region: args.region, clusterName: names.ecsCluster(env),
                repositories: settings.repositories, logGroupName: names.lambdaLogGroup(names.cleanupFunction(env)),
            }),
            environment: { CLEANUP_SETTINGS: JSON.stringify(settings), CLUSTER_NAME: args.clusterName, DRY_RUN: "false" },
            timeoutSeconds: 300,
            memoryMb: 256,
            logRetentionDays: args.logRetentionDays,
            logsKmsKeyArn: args.logsKmsKeyArn,
            protect: false,
        }, { parent: this });

        const role = new aws.iam.Role(`${name}-scheduler`, {
            name: names.cleanupSchedulerRole(env),
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("scheduler.amazonaws.com", args.accountId)),
            description: `Lets EventBridge Scheduler run the ${env} weekly cleanup (2.2.2)`,
        }, { parent: this });
        const policy = new aws.iam.RolePolicy(`${name}-scheduler`, {
            role: role.name,
            policy: fn.functionArn.apply((arn) => JSON.stringify(invokeFunctionPolicy(arn))),
        }, { parent: this });
        new aws.scheduler.Schedule(`${name}-schedule`, {
            name: names.cleanupFunction(env),
            description: `Runs the ${env} weekly cleanup (2.2.2)`,
            scheduleExpression: args.schedule.cron,
            scheduleExpressionTimezone: args.schedule.timezone,
            flexibleTimeWindow: { mode: "OFF" },
            state: "ENABLED",
            target: { arn: fn.functionArn, roleArn: role.arn, retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 } },
        }, { parent: this, dependsOn: [policy] });

        this.functionName = fn.functionName;
        this.registerOutputs({ functionName: this.functionName });
    }
}
