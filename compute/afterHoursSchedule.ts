/**
 * Dev auto-shutdown after business hours (§2.2.1): in the evening the services scale to 0 and the
 * database stops; in the morning the database starts and the services return to their range. Times
 * are cron expressions in a time zone (IST) from config.
 *
 * Services: Application Auto Scaling scheduled actions on their scalable targets. Database: EventBridge
 * Scheduler calling the RDS API directly, through a role that may only stop and start that one instance.
 * The database takes minutes to start; tasks that start first fail their health checks and are replaced
 * until it answers.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, ServiceName, StackScope } from "../config/names";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { roleArnWhenReady } from "../lib/ready";
import { AfterHoursAction, afterHoursCapacity, afterHoursSchedulerPolicy, RDS_SCHEDULER_TARGETS, rdsScheduleInput } from "./afterHoursPlan";
import { ECS_SCALABLE_DIMENSION, ECS_SERVICE_NAMESPACE } from "./scaling";

export interface ScheduledService {
    readonly service: ServiceName;
    /** autoscaling.scalableTargetResourceId: the target must exist before its scheduled actions. */
    readonly resourceId: pulumi.Input<string>;
    /** cfg.ecs.minCapacity: restored in the morning. */
    readonly minCapacity: number;
    /** cfg.ecs.maxCapacity: restored in the morning. */
    readonly maxCapacity: number;
}

export interface AfterHoursScheduleArgs extends Pick<StackScope, "environment"> {
    /** cfg.account.id: the scheduler role trusts the service for this account only. */
    readonly accountId: string;
    /** cfg.afterHours.stopCron / startCron / timezone */
    readonly schedule: { readonly stopCron: string; readonly startCron: string; readonly timezone: string };
    readonly services: readonly ScheduledService[];
    /** database.identifier / database.arn; undefined: only the services are scheduled. */
    readonly database?: { readonly identifier: pulumi.Input<string>; readonly arn: pulumi.Input<string> };
}

const ACTIONS: readonly AfterHoursAction[] = ["stop", "start"];

export class AfterHoursSchedule extends pulumi.ComponentResource {
    /** The scheduler role's ARN; undefined without a database. */
    public readonly schedulerRoleArn?: pulumi.Output<string>;

    constructor(name: string, args: AfterHoursScheduleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:AfterHoursSchedule", name, {}, opts);
        const parent = { parent: this };
        const env = args.environment;
        const cronOf = (action: AfterHoursAction) => (action === "stop" ? args.schedule.stopCron : args.schedule.startCron);

        for (const s of args.services) {
            for (const action of ACTIONS) {
                new aws.appautoscaling.ScheduledAction(`${name}-${s.service}-${action}`, {
                    name: `${env}-${s.service}-after-hours-${action}`,
                    serviceNamespace: ECS_SERVICE_NAMESPACE,
                    scalableDimension: ECS_SCALABLE_DIMENSION,
                    resourceId: s.resourceId,
                    schedule: cronOf(action),
                    timezone: args.schedule.timezone,
                    scalableTargetAction: { ...afterHoursCapacity(action, s) },
                }, parent);
            }
        }

        if (args.database) {
            const db = args.database;
            const role = new aws.iam.Role(`${name}-scheduler`, {
                name: names.afterHoursSchedulerRole(env),
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("scheduler.amazonaws.com", args.accountId)),
                description: `Lets EventBridge Scheduler stop and start the ${env} database after hours (§2.2.1)`,
            }, parent);
            const policy = new aws.iam.RolePolicy(`${name}-scheduler`, {
                role: role.name,
                policy: pulumi.output(db.arn).apply((arn) => JSON.stringify(afterHoursSchedulerPolicy(arn))),
            }, parent);
            const roleArn = roleArnWhenReady(role, [policy]);
            for (const action of ACTIONS) {
                new aws.scheduler.Schedule(`${name}-db-${action}`, {
                    name: names.afterHoursDbSchedule(env, action),
                    description: `${action === "stop" ? "Stops" : "Starts"} the ${env} database (§2.2.1 after-hours shutdown)`,
                    scheduleExpression: cronOf(action),
                    scheduleExpressionTimezone: args.schedule.timezone,
                    flexibleTimeWindow: { mode: "OFF" },
                    state: "ENABLED",
                    target: {
                        arn: RDS_SCHEDULER_TARGETS[action],
                        roleArn,
                        input: pulumi.output(db.identifier).apply(rdsScheduleInput),
                        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
                    },
                }, parent);
            }
            this.schedulerRoleArn = roleArn;
        }
        this.registerOutputs({ schedulerRoleArn: this.schedulerRoleArn });
    }
}
