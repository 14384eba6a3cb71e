/**
 * The after-hours shutdown of §2.2.1 as data: service capacities at each end of the day, and what the
 * EventBridge Scheduler role may do to the database (stop and start that one instance, nothing else).
 */
import { PolicyDocument, policyDocument } from "../lib/iamDocuments";

export type AfterHoursAction = "stop" | "start";

export interface Capacity {
    readonly minCapacity: number;
    readonly maxCapacity: number;
}

/** Evening: nothing runs. Morning: the configured range again, so autoscaling resumes where it was. */
export function afterHoursCapacity(action: AfterHoursAction, working: Capacity): Capacity {
    return action === "stop" ? { minCapacity: 0, maxCapacity: 0 } : { minCapacity: working.minCapacity, maxCapacity: working.maxCapacity };
}

/** EventBridge Scheduler universal targets: the RDS API called directly, no Lambda in between. */
export const RDS_SCHEDULER_TARGETS: Readonly<Record<AfterHoursAction, string>> = Object.freeze({
    stop: "arn:aws:scheduler:::aws-sdk:rds:stopDBInstance",
    start: "arn:aws:scheduler:::aws-sdk:rds:startDBInstance",
});

/** The request body; universal targets take the SDK's field casing (DbInstanceIdentifier). */
export function rdsScheduleInput(dbInstanceIdentifier: string): string {
    return JSON.stringify({ DbInstanceIdentifier: dbInstanceIdentifier });
}

export function afterHoursSchedulerPolicy(dbInstanceArn: string): PolicyDocument {
    return policyDocument({
        Sid: "StopAndStartTheDevDatabase",
        Effect: "Allow",
        Action: ["rds:StopDBInstance", "rds:StartDBInstance"],
        Resource: dbInstanceArn,
    });
}
