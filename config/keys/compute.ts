/**
 * ECS, images, load balancer, scaling and after-hours keys (§2.2.1, §3.2.2, §4.1, §5). Issue 5 (compute).
 */
import { z } from "zod";
import { collect } from "../checks";
import { healthRouteProblems } from "../albRouting";
import { describeMemoryRange, isValidFargatePair } from "../fargate";
import { bool, int, key, oneOf, ParsedKeys, qualified, show } from "../keyHelpers";
import { Environment } from "../names";

/**
 * A Docker tag. `latest` is refused: the repositories have immutable tags (it could be pushed once and
 * never again), and a rollback returns to a tag, which only means something when each tag is one image.
 */
const imageTag = () => z.string({ error: "must be an image tag" })
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be an image tag: 1-128 of letters, digits, _ . - (not starting with . or -)")
    .refine((t) => t.toLowerCase() !== "latest", "must name one immutable image (a version or commit), not latest");

/** TLS 1.2+ policies of ALB (TLS13-*); older ones allow TLS 1.0/1.1 or CBC-only suites. */
export const ALB_SSL_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
] as const;

/** ALB listener rules accept at most 5 condition values. */
const MAX_RULE_VALUES = 5;

const hostname = z.string().regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be lower-case DNS names such as portal.example.com (a leading *. is allowed)");
/** One exact host name (no wildcard): a name a client connects to and a certificate covers. */
const exactHostname = z.string({ error: "must be a host name" }).regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be one lower-case DNS name such as payments.example.com (no wildcard)");
const pathPattern = z.string().regex(/^\/[A-Za-z0-9_\-.$/~"'@:+*?&]{0,127}$/, "must be ALB path patterns starting with / (up to 128 characters)");

/**
 * An EventBridge / Application Auto Scaling cron: six fields, one of day-of-month and day-of-week is `?`.
 * The services' scheduled actions and the database schedules accept the same syntax.
 */
export const cron = () => z.string({ error: "must be a cron expression such as cron(0 20 * * ? *)" })
    .regex(/^cron\(\S+ \S+ (\?|\S+) \S+ (\?|\S+) \S+\)$/, "must be a cron expression with six fields such as cron(0 20 * * ? *)")
    .refine((c) => { const f = c.slice(5, -1).split(" "); return (f[2] === "?") !== (f[4] === "?"); },
        "must have ? in exactly one of day-of-month and day-of-week, e.g. cron(0 8 ? * MON-FRI *)");

export function isTimeZone(tz: string): boolean {
    try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(tz) || tz === "UTC";
    } catch {
        return false;
    }
}

export const COMPUTE_KEYS = {
    ecsDesiredCount: key("integer", "Desired task count of each ECS service (§4.1).", int(0, 100)),
    ecsCpu: key("integer", "Fargate task CPU units (§4.1: 512 / 1024 / 2048).", int(256, 16384)),
    ecsMemory: key("integer", "Fargate task memory in MiB; must be a pair Fargate allows with ecsCpu (§4.1: 1024 / 2048 / 4096).", int(512, 122880)),
    ecsMinCapacity: key("integer", "Autoscaling minimum task count (§4.1.3: 2 in prod).", int(0, 100)),
    ecsMaxCapacity: key("integer", "Autoscaling maximum task count (§4.1.3: 10 in prod); autoscaling is on when max > min.", int(0, 100)),
    appLogLevel: key("string", "Application log level (§4.1: DEBUG / INFO / WARN).", oneOf(["DEBUG", "INFO", "WARN", "ERROR"] as const)),
    appDebug: key("boolean", "Application debug mode (§4.1: dev only).", bool()),
    aspnetcoreEnvironment: key("string", "ASPNETCORE_ENVIRONMENT of the internal payments engine (Development / Staging / Production).",
        oneOf(["Development", "Staging", "Production"] as const)),

    // Images (§5.2.1)
    internalPeImageTag: key("string", "Image tag internal-pe runs from its ECR repository (§5.2.1): immutable, never latest; deploy and rollback set it.", imageTag()),
    customerPortalImageTag: key("string", "Image tag customer-portal runs from its ECR repository (§5.1.2): immutable, never latest; deploy and rollback set it.", imageTag()),
    ecrRetainedImages: key("integer", "Images each ECR repository keeps (the newest); older ones expire. Rollback can return only to a kept image.",
        int(10, 1000), { default: 30 }),

    // Load balancer (§3.1.2, §11)
    albCertificateArn: key("string", "ACM certificate ARN of the ALB's HTTPS listener (443); must be in the stack's region and account.",
        z.string({ error: "must be an ACM certificate ARN" }).regex(/^arn:aws[\w-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
            "must be an ACM certificate ARN: arn:aws:acm:<region>:<account>:certificate/<uuid>")),
    albSslPolicy: key("string", "TLS policy of the HTTPS listener; TLS 1.2+ policies only.", oneOf(ALB_SSL_POLICIES), { default: ALB_SSL_POLICIES[0] }),
    albDesyncMitigationMode: key("string", "How the ALB treats requests that could smuggle a second request (HTTP desync).",
        oneOf(["defensive", "strictest"] as const), { default: "strictest" as const }),
    albAccessLogRetentionDays: key("integer", "Days ALB access logs are kept in their bucket before they expire.", int(1, 3650), { default: 90 }),
    albRoutingMode: key("string", "How the HTTPS listener tells the portal from internal-pe: by host name (host) or URL path (path); everything else goes to internal-pe.",
        oneOf(["host", "path"] as const), { default: "host" as const }),
    customerPortalHostnames: key("array", `Host names routed to customer-portal in host mode (at most ${MAX_RULE_VALUES}); the certificate must cover them.`,
        z.array(hostname, { error: "must be a list of host names" }).max(MAX_RULE_VALUES, `must list at most ${MAX_RULE_VALUES} host names (one ALB rule)`),
        { default: [] as string[] }),
    internalPeHostname: key("string", "Host name internal-pe is reached at through the ALB (the listener's default action); the certificate must cover it " +
        "and the portal rule must not take it. §11 validation checks https://<this name>/health at the ALB.", exactHostname, { default: undefined }),
    customerPortalPathPatterns: key("array", `URL path patterns routed to customer-portal in path mode (at most ${MAX_RULE_VALUES}).`,
        z.array(pathPattern, { error: "must be a list of path patterns" }).min(1, "must list at least one path pattern")
            .max(MAX_RULE_VALUES, `must list at most ${MAX_RULE_VALUES} path patterns (one ALB rule)`),
        { default: ["/portal", "/portal/*"] as string[] }),

    // Services
    ecsExecEnabled: key("boolean", "ECS Exec (a shell in running tasks) on the services; off unless debugging.", bool(), { default: false }),
    ecsHealthCheckGracePeriodSeconds: key("integer", "Seconds a new task's failing ALB health checks are ignored (internal-pe needs ~60 s to start, §5.2.1).",
        int(0, 3600), { default: 120 }),
    ecsScalingCpuTargetPercent: key("integer", "Average CPU % target tracking keeps each service at, when autoscaling is on (below the 80 % alarm of §12.2.1).",
        int(10, 95), { default: 70 }),
    ecsScalingMemoryTargetPercent: key("integer", "Average memory % target tracking keeps each service at, when autoscaling is on (below the 85 % alarm of §12.2.1).",
        int(10, 95), { default: 75 }),

    // After-hours shutdown (§2.2.1)
    afterHoursShutdown: key("boolean", "Scale the services to 0 and stop the database outside business hours (§2.2.1: dev); never in prod.", bool(), { default: false }),
    // Business hours are weekdays: stop and start on the same days, or the stop fires against a stopped database.
    afterHoursStopCron: key("string", "When after-hours shutdown stops everything (in afterHoursTimezone); the same days as afterHoursStartCron.",
        cron(), { default: "cron(0 20 ? * MON-FRI *)" }),
    afterHoursStartCron: key("string", "When after-hours shutdown starts everything again (in afterHoursTimezone).", cron(), { default: "cron(0 8 ? * MON-FRI *)" }),
    afterHoursTimezone: key("string", "IANA time zone of the after-hours schedules (IST: Asia/Kolkata).",
        z.string({ error: "must be an IANA time zone such as Asia/Kolkata" }).refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata"),
        { default: "Asia/Kolkata" }),
} as const;

type Raw = ParsedKeys<typeof COMPUTE_KEYS> & {
    environment: Environment;
    region: string;
    awsAccountId: string;
    rdsReadReplicas: number;
};

function certificateProblems(c: Raw): string[] {
    const [, , , region, account] = c.albCertificateArn.split(":");
    return collect(
        () => region !== c.region &&
            `${qualified("albCertificateArn")} = ${show(c.albCertificateArn)} is in region ${region}: an ALB can only use a certificate ` +
            `from its own region, ${qualified("region")} = "${c.region}"`,
        () => account !== c.awsAccountId &&
            `${qualified("albCertificateArn")} = ${show(c.albCertificateArn)} belongs to account ${account}: it must be in the stack's account, ` +
            `${qualified("awsAccountId")} = "${c.awsAccountId}"`,
    );
}

/** The day fields of a six-field cron, "day-of-month month day-of-week" (the days it fires on). */
export function cronDays(expression: string): string {
    const fields = expression.replace(/^cron\(|\)$/g, "").split(/\s+/);
    return fields.slice(2, 5).join(" ");
}

function afterHoursProblems(c: Raw): string[] {
    if (!c.afterHoursShutdown) return [];
    return collect(
        () => c.environment === "prod" &&
            `${qualified("afterHoursShutdown")} = true in environment "prod": §2.2.1 shuts down non-prod resources only; prod serves customers around the clock`,
        () => c.rdsReadReplicas > 0 &&
            `${qualified("afterHoursShutdown")} = true with ${qualified("rdsReadReplicas")} = ${c.rdsReadReplicas}: RDS cannot stop an instance that has read replicas; set 0 replicas or turn the shutdown off`,
        () => c.afterHoursStopCron === c.afterHoursStartCron &&
            `${qualified("afterHoursStartCron")} = ${show(c.afterHoursStartCron)} equals ${qualified("afterHoursStopCron")}: start and stop must differ`,
        () => {
            const [stopDays, startDays] = [cronDays(c.afterHoursStopCron), cronDays(c.afterHoursStartCron)];
            return stopDays !== startDays &&
                `${qualified("afterHoursStopCron")} = ${show(c.afterHoursStopCron)} runs on days "${stopDays}" and ${qualified("afterHoursStartCron")} = ` +
                `${show(c.afterHoursStartCron)} on "${startDays}": they must run on the same days (e.g. both ? * MON-FRI), or a stop fires against an already stopped database`;
        },
    );
}

export function computeProblems(c: Raw): string[] {
    return collect(
        () => !isValidFargatePair(c.ecsCpu, c.ecsMemory) &&
            `${qualified("ecsMemory")} = ${c.ecsMemory} with ${qualified("ecsCpu")} = ${c.ecsCpu}: not a Fargate size; ` +
            `for cpu ${c.ecsCpu} memory must be ${describeMemoryRange(c.ecsCpu)} MiB`,
        () => c.ecsMinCapacity > c.ecsMaxCapacity &&
            `${qualified("ecsMinCapacity")} = ${c.ecsMinCapacity} is greater than ${qualified("ecsMaxCapacity")} = ${c.ecsMaxCapacity}`,
        () => (c.ecsDesiredCount < c.ecsMinCapacity || c.ecsDesiredCount > c.ecsMaxCapacity) &&
            `${qualified("ecsDesiredCount")} = ${c.ecsDesiredCount} must lie within ${qualified("ecsMinCapacity")}..${qualified("ecsMaxCapacity")} (${c.ecsMinCapacity}..${c.ecsMaxCapacity})`,
        () => c.albRoutingMode === "host" && c.customerPortalHostnames.length === 0 &&
            `${qualified("customerPortalHostnames")} is empty with ${qualified("albRoutingMode")} = "host": list the portal's host names, ` +
            `or set ${qualified("albRoutingMode")} to "path"`,
        () => certificateProblems(c),
        () => afterHoursProblems(c),
        () => healthRouteProblems(routingOf(c), c.internalPeHostname).map((p) =>
            `${qualified(p.key)} = ${show(p.key === "internalPeHostname" ? c.internalPeHostname : c.customerPortalPathPatterns)} ${p.problem}`),
    );
}

function routingOf(c: Raw) {
    return c.albRoutingMode === "host"
        ? { mode: "host" as const, portalHostnames: c.customerPortalHostnames }
        : { mode: "path" as const, portalPathPatterns: c.customerPortalPathPatterns };
}

export function computeSections(c: Raw) {
    return {
        ecs: {
            desiredCount: c.ecsDesiredCount,
            cpu: c.ecsCpu,
            memory: c.ecsMemory,
            minCapacity: c.ecsMinCapacity,
            maxCapacity: c.ecsMaxCapacity,
            execEnabled: c.ecsExecEnabled,
            healthCheckGracePeriodSeconds: c.ecsHealthCheckGracePeriodSeconds,
            scaling: { cpuTargetPercent: c.ecsScalingCpuTargetPercent, memoryTargetPercent: c.ecsScalingMemoryTargetPercent },
        },
        app: { logLevel: c.appLogLevel, debug: c.appDebug, aspnetcoreEnvironment: c.aspnetcoreEnvironment },
        images: {
            tags: { "internal-pe": c.internalPeImageTag, "customer-portal": c.customerPortalImageTag },
            retainedImages: c.ecrRetainedImages,
        },
        alb: {
            certificateArn: c.albCertificateArn,
            sslPolicy: c.albSslPolicy,
            desyncMitigationMode: c.albDesyncMitigationMode,
            accessLogRetentionDays: c.albAccessLogRetentionDays,
            routing: routingOf(c),
            internalPeHostname: c.internalPeHostname,
        },
        afterHours: {
            enabled: c.afterHoursShutdown,
            stopCron: c.afterHoursStopCron,
            startCron: c.afterHoursStartCron,
            timezone: c.afterHoursTimezone,
        },
    };
}
