/**
 * PostgreSQL decisions as pure functions: which engine versions we accept, the parameter group's
 * contents, and what an instance class can carry (max_connections, Performance Insights).
 */

/** The major version §6.1.1 fixes; the parameter group family follows from it. */
export const POSTGRES_MAJOR = 15;

/**
 * The major version only: RDS creates the instance on its current default 15.x minor (15.15 or later;
 * the guide's 15.4 was retired long ago) and, with automatic minor upgrades on, moves it forward in the
 * maintenance window. The provider keeps a major-only `engineVersion` in state when the running minor
 * is newer (@pulumi/aws rds.Instance `engineVersion`: "If autoMinorVersionUpgrade is enabled, you can
 * provide a prefix of the version such as 8.0 (for 8.0.36)"; the running one is `engineVersionActual`),
 * so an upgrade by AWS never shows up as a planned downgrade.
 */
export const DEFAULT_ENGINE_VERSION = "15";

/** The logs RDS for PostgreSQL can export to CloudWatch Logs; each lands in its own group. */
export const RDS_EXPORTED_LOGS = ["postgresql", "upgrade"] as const;
export type RdsLog = (typeof RDS_EXPORTED_LOGS)[number];

/** Minors RDS no longer creates (15.12 and earlier reached end of standard support by 31 May 2026). */
export const LAST_RETIRED_MINOR = 12;

export interface PostgresVersion {
    readonly major: number;
    /** Undefined for a major-only version ("15"), which lets RDS pick and advance the minor. */
    readonly minor?: number;
}

/** "15.15" -> {15, 15}; "15" -> {15}; anything else -> undefined. */
export function parseEngineVersion(version: string): PostgresVersion | undefined {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(version);
    if (!match) return undefined;
    return { major: Number(match[1]), minor: match[2] === undefined ? undefined : Number(match[2]) };
}

/** What rdsEngineVersion may be, for error messages. */
export const ENGINE_VERSION_RULE = `must be "${POSTGRES_MAJOR}" or "${POSTGRES_MAJOR}.<minor>" with minor above ${LAST_RETIRED_MINOR} ` +
    `(the parameter group family is postgres${POSTGRES_MAJOR}; RDS retired ${POSTGRES_MAJOR}.${LAST_RETIRED_MINOR} and earlier by 31 May 2026)`;

export function isAcceptedEngineVersion(version: string): boolean {
    const parsed = parseEngineVersion(version);
    if (!parsed || parsed.major !== POSTGRES_MAJOR) return false;
    return parsed.minor === undefined || parsed.minor > LAST_RETIRED_MINOR;
}

/**
 * Which version/upgrade combinations cannot drift: a major-only version with automatic minor upgrades
 * (RDS advances the minor, Pulumi keeps "15"), or an exact minor with them off (the minor changes only
 * when the key does). An exact minor with automatic upgrades drifts: after AWS upgrades, the next `up`
 * plans a downgrade that RDS refuses. A major-only version without them is never patched.
 */
export function engineVersionUpgradeProblem(version: string, autoMinorVersionUpgrade: boolean): string | undefined {
    const parsed = parseEngineVersion(version);
    if (!parsed) return undefined;
    if (autoMinorVersionUpgrade && parsed.minor !== undefined) {
        return `pins the minor while automatic minor upgrades are on: after RDS upgrades the instance the next \`pulumi up\` plans a downgrade to ${version}, ` +
            `which RDS refuses; use "${parsed.major}" (RDS picks and advances the minor) or turn automatic minor upgrades off and upgrade by changing the version`;
    }
    if (!autoMinorVersionUpgrade && parsed.minor === undefined) {
        return `names only the major while automatic minor upgrades are off: the instance would never be patched; pin the minor ("${parsed.major}.<minor>") and upgrade by changing it`;
    }
    return undefined;
}

export function parameterGroupFamily(version: string): string {
    const parsed = parseEngineVersion(version);
    if (!parsed) throw new Error(`not a PostgreSQL engine version: "${version}"`);
    return `postgres${parsed.major}`;
}

export interface DbParameter {
    readonly name: string;
    readonly value: string;
    /** RDS refuses "immediate" for a static parameter; those wait for the next reboot. */
    readonly applyMethod: "immediate" | "pending-reboot";
}

export interface ParameterInputs {
    /** Statements slower than this are logged (§12.2.2 searches the log for "duration"). */
    readonly slowQueryThresholdMs: number;
    /** Explicit, so the 80%-of-max alarm (§12.2.1) divides by the real limit, not a memory formula. */
    readonly maxConnections: number;
}

export function postgresParameters(p: ParameterInputs): DbParameter[] {
    const now = (name: string, value: string | number): DbParameter => ({ name, value: String(value), applyMethod: "immediate" });
    return [
        // Refuse unencrypted connections: payment data never crosses the VPC in clear text.
        now("rds.force_ssl", 1),
        now("log_min_duration_statement", p.slowQueryThresholdMs),
        // Slow statements are logged without their bind values, so no account or payment data reaches CloudWatch.
        now("log_parameter_max_length", 0),
        // Who connected and when, and every schema change: the audit trail a payments database needs.
        now("log_connections", 1),
        now("log_disconnections", 1),
        now("log_statement", "ddl"),
        // Lock waits explain stuck payment updates long before they time out.
        now("log_lock_waits", 1),
        now("password_encryption", "scram-sha-256"),
        // Static: takes effect at the next reboot (at creation it applies at once).
        { name: "max_connections", value: String(p.maxConnections), applyMethod: "pending-reboot" },
    ];
}

const BURSTABLE_GIB: Readonly<Record<string, number>> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, "2xlarge": 32 };
const VCPUS: Readonly<Record<string, number>> = {
    large: 2, xlarge: 4, "2xlarge": 8, "4xlarge": 16, "8xlarge": 32, "12xlarge": 48, "16xlarge": 64, "24xlarge": 96, "32xlarge": 128, "48xlarge": 192,
};

/** Nominal memory of the classes this project may use (t3/t4g, m5-m8, r5-r8); undefined for others. */
export function instanceClassMemoryGiB(instanceClass: string): number | undefined {
    const match = /^db\.([a-z]+)(\d+)([a-z]*)\.([a-z0-9]+)$/.exec(instanceClass);
    if (!match) return undefined;
    const [, kind, generation, , size] = match;
    if (kind === "t" && ["3", "4"].includes(generation)) return BURSTABLE_GIB[size];
    const perVcpu = kind === "r" ? 8 : kind === "m" ? 4 : undefined;
    if (perVcpu === undefined || Number(generation) < 5 || VCPUS[size] === undefined) return undefined;
    return VCPUS[size] * perVcpu;
}

/**
 * RDS's own default, LEAST({DBInstanceClassMemory/9531392}, 5000), from nominal memory (the real
 * DBInstanceClassMemory is a little lower). Setting more than this invites out-of-memory restarts.
 */
export function maxConnectionsCeiling(instanceClass: string): number | undefined {
    const gib = instanceClassMemoryGiB(instanceClass);
    return gib === undefined ? undefined : Math.min(Math.floor((gib * 1024 ** 3) / 9531392), 5000);
}

/** RDS offers Performance Insights on every class except the micro and small burstable ones. */
export function supportsPerformanceInsights(instanceClass: string): boolean {
    return !/^db\.t\d+[a-z]*\.(micro|small)$/.test(instanceClass);
}
