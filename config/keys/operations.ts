/**
 * Operations keys (issue 16): staging's weekly cleanup (§2.2.2), dev's resource limits (§2.2.1), the
 * debug task (§12.1.2) and dev's mock LMS (§4.1.1).
 */
import { z } from "zod";
import { bool, int, key, ParsedKeys, qualified, show } from "../keyHelpers";
import { collect } from "../checks";
import { Environment } from "../names";
import { cron, isTimeZone } from "./compute";

const limit = (max: number) => int(1, max);

export const OPERATIONS_KEYS = {
    // §2.2.2 weekly cleanup (staging only)
    cleanupEnabled: key("boolean", "Weekly cleanup of what test cycles leave behind (§2.2.2: staging only; refused in prod).", bool(), { default: false }),
    cleanupCron: key("string", "When the weekly cleanup runs (in cleanupTimezone).", cron(), { default: "cron(0 3 ? * SUN *)" }),
    cleanupTimezone: key("string", "IANA time zone of cleanupCron.",
        z.string({ error: "must be an IANA time zone such as Asia/Kolkata" }).refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata"),
        { default: "Asia/Kolkata" }),
    cleanupKeepTaskRevisions: key("integer", "Task definition revisions of each family the cleanup keeps (the newest); the ones services use are always kept.",
        int(2, 1000), { default: 10 }),
    cleanupSnapshotMaxAgeDays: key("integer", "Manual RDS snapshots older than this many days are deleted by the cleanup (unless tagged to keep).",
        int(1, 3650), { default: 14 }),
    cleanupUntaggedImageMinAgeDays: key("integer", "Untagged ECR images pushed more than this many days ago are deleted by the cleanup.",
        int(1, 3650), { default: 7 }),

    // §2.2.1 resource limits (dev): unset means no guard
    usageLimitEc2Vcpus: key("integer", "Alarm when running on-demand EC2 vCPUs exceed this (§2.2.1 'EC2 Instances: 50' = 100 vCPUs at 2 each); unset: no guard.",
        limit(100_000), { default: undefined }),
    usageLimitRdsInstances: key("integer", "Alarm when the account's RDS DB instances exceed this (§2.2.1: 10); unset: no guard.", limit(10_000), { default: undefined }),
    usageLimitLambdaConcurrency: key("integer", "Alarm when the account's concurrent Lambda executions reach this (§2.2.1: 1000); unset: no guard.",
        limit(100_000), { default: undefined }),

    // §12.1.2 debug task
    debugToolsImageTag: key("string", "Tag of the fivestar-debug-tools image (docker/debug-tools) the debug task runs.",
        z.string({ error: "must be an image tag" }).regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be an image tag: 1-128 of letters, digits, _ . -")
            .refine((t) => t.toLowerCase() !== "latest", "must name one immutable image, not latest"),
        { default: "1" }),
} as const;

type Raw = ParsedKeys<typeof OPERATIONS_KEYS> & { environment: Environment; lmsEnvironment: string; lmsEndpoint?: string };

export function operationsProblems(c: Raw): string[] {
    return collect(
        () => c.cleanupEnabled && c.environment === "prod" &&
            `${qualified("cleanupEnabled")} = true in environment "prod": the weekly cleanup deletes snapshots, images and task revisions; ` +
            `§2.2.2 gives it to staging only, and nothing in prod may be removed by a scheduled job`,
        () => c.lmsEnvironment === "mock" && c.environment === "prod" &&
            `${qualified("lmsEnvironment")} = "mock" in environment "prod": production talks to the production LMS (§4.1.3)`,
        () => c.lmsEnvironment === "mock" && c.lmsEndpoint !== undefined &&
            `${qualified("lmsEndpoint")} = ${show(c.lmsEndpoint)} with ${qualified("lmsEnvironment")} = "mock": the mock LMS's own URL is used; ` +
            `unset ${qualified("lmsEndpoint")} or choose another lmsEnvironment`,
    );
}

export function operationsSections(c: Raw) {
    return {
        cleanup: {
            enabled: c.cleanupEnabled,
            cron: c.cleanupCron,
            timezone: c.cleanupTimezone,
            keepTaskRevisions: c.cleanupKeepTaskRevisions,
            snapshotMaxAgeDays: c.cleanupSnapshotMaxAgeDays,
            untaggedImageMinAgeDays: c.cleanupUntaggedImageMinAgeDays,
        },
        usageLimits: {
            ec2Vcpus: c.usageLimitEc2Vcpus,
            rdsInstances: c.usageLimitRdsInstances,
            lambdaConcurrency: c.usageLimitLambdaConcurrency,
        },
        debugTask: { imageTag: c.debugToolsImageTag },
        /** §4.1.1: dev talks to a mock LMS the stack deploys. */
        mockLms: c.lmsEnvironment === "mock",
    };
}
