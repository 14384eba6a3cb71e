/**
 * ECS sizing and application settings (§4.1, §5). Issue 5 (compute) extends this file.
 */
import { describeMemoryRange, isValidFargatePair } from "../fargate";
import { bool, int, key, oneOf, ParsedKeys, qualified } from "../keyHelpers";

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
} as const;

type Raw = ParsedKeys<typeof COMPUTE_KEYS>;

export function computeProblems(c: Raw): string[] {
    const problems: string[] = [];
    if (!isValidFargatePair(c.ecsCpu, c.ecsMemory)) {
        problems.push(`${qualified("ecsMemory")} = ${c.ecsMemory} with ${qualified("ecsCpu")} = ${c.ecsCpu}: not a Fargate size; ` +
            `for cpu ${c.ecsCpu} memory must be ${describeMemoryRange(c.ecsCpu)} MiB`);
    }
    if (c.ecsMinCapacity > c.ecsMaxCapacity) {
        problems.push(`${qualified("ecsMinCapacity")} = ${c.ecsMinCapacity} is greater than ${qualified("ecsMaxCapacity")} = ${c.ecsMaxCapacity}`);
    }
    if (c.ecsDesiredCount < c.ecsMinCapacity || c.ecsDesiredCount > c.ecsMaxCapacity) {
        problems.push(`${qualified("ecsDesiredCount")} = ${c.ecsDesiredCount} must lie within ${qualified("ecsMinCapacity")}..${qualified("ecsMaxCapacity")} (${c.ecsMinCapacity}..${c.ecsMaxCapacity})`);
    }
    return problems;
}

export function computeSections(c: Raw) {
    return {
        ecs: {
            desiredCount: c.ecsDesiredCount,
            cpu: c.ecsCpu,
            memory: c.ecsMemory,
            minCapacity: c.ecsMinCapacity,
            maxCapacity: c.ecsMaxCapacity,
        },
        app: { logLevel: c.appLogLevel, debug: c.appDebug, aspnetcoreEnvironment: c.aspnetcoreEnvironment },
    };
}
