/**
 * Alarm thresholds (§12.2.1) as data, and the arithmetic that turns the guide's relative limits
 * ("80 % of max connections") into the absolute numbers CloudWatch compares against.
 */

/** A limit that must hold for `minutes` consecutive minutes before the alarm fires. */
export interface SustainedPercent {
    readonly percent: number;
    readonly minutes: number;
}

export interface AlarmThresholds {
    /** §12.2.1: CPU > 80 % for 5 minutes (ECS services). */
    readonly ecsCpu: SustainedPercent;
    /** §12.2.1: memory > 85 % for 3 minutes (ECS services). */
    readonly ecsMemory: SustainedPercent;
    /** §12.2.1: error rate > 5 % for 2 minutes (5XX over requests at the ALB). */
    readonly errorRate: SustainedPercent;
    /** §12.2.1: database connections > 80 % of max_connections. */
    readonly dbConnectionsPercent: number;
    /** RDS CPU utilisation, per instance. */
    readonly rdsCpuPercent: number;
    /** Alarm when free storage falls below this share of the allocated storage. */
    readonly rdsFreeStoragePercent: number;
    /** Replica lag in seconds (replicas only). */
    readonly replicaLagSeconds: number;
    /** DynamoDB read + write throttle events per table tolerated within one window. */
    readonly dynamodbThrottleEvents: number;
    /** ERROR lines in the internal-pe log tolerated within one window (§12.2.2). */
    readonly errorLogLines: number;
    /**
     * Minutes a condition the guide gives no duration for must hold (DB connections, RDS CPU, free
     * storage, replica lag, unhealthy hosts), and the window in which throttles and ERROR lines are summed.
     */
    readonly sustainMinutes: number;
}

/**
 * The alarm thresholds: the guide's values (§12.2.1 "Alert Thresholds") and the team's choice where the
 * guide is silent. Named constants, not config: no stack sets them and the guide fixes them (issue 15).
 */
export const ALARM_THRESHOLDS: AlarmThresholds = Object.freeze({
    ecsCpu: Object.freeze({ percent: 80, minutes: 5 }),
    ecsMemory: Object.freeze({ percent: 85, minutes: 3 }),
    errorRate: Object.freeze({ percent: 5, minutes: 2 }),
    dbConnectionsPercent: 80,
    rdsCpuPercent: 80,
    rdsFreeStoragePercent: 10,
    replicaLagSeconds: 60,
    dynamodbThrottleEvents: 0,
    errorLogLines: 0,
    sustainMinutes: 5,
});

/** CloudWatch's finest standard resolution; ECS, ALB, RDS and DynamoDB publish at least this often. */
export const METRIC_PERIOD_SECONDS = 60;

export interface AlarmWindow {
    readonly period: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
}

/**
 * "Above X for N minutes": every one of N consecutive one-minute datapoints must breach, so a single
 * spike does not page anyone and a sustained breach pages after exactly N minutes.
 */
export function sustainedFor(minutes: number): AlarmWindow {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) throw new RangeError(`minutes must be a whole number from 1 to 1440, got ${minutes}`);
    return { period: METRIC_PERIOD_SECONDS, evaluationPeriods: minutes, datapointsToAlarm: minutes };
}

/** "More than X events within N minutes": one datapoint summing the whole window. */
export function summedOver(minutes: number): AlarmWindow {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) throw new RangeError(`minutes must be a whole number from 1 to 1440, got ${minutes}`);
    return { period: minutes * METRIC_PERIOD_SECONDS, evaluationPeriods: 1, datapointsToAlarm: 1 };
}

function checkPercent(percent: number): void {
    if (!(percent > 0 && percent <= 100)) throw new RangeError(`percent must be in (0, 100], got ${percent}`);
}

/**
 * The connection count above which the connections alarm fires. Connections are whole numbers, so
 * "> floor(max × p)" fires at exactly the same count as "> max × p".
 */
export function connectionThreshold(maxConnections: number, percent: number): number {
    if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new RangeError(`maxConnections must be a positive whole number, got ${maxConnections}`);
    checkPercent(percent);
    return Math.floor((maxConnections * percent) / 100);
}

const BYTES_PER_GIB = 1024 ** 3;

/** FreeStorageSpace (bytes) below which the storage alarm fires; RDS allocates storage in GiB. */
export function freeStorageThresholdBytes(allocatedStorageGb: number, percent: number): number {
    if (!Number.isInteger(allocatedStorageGb) || allocatedStorageGb < 1) throw new RangeError(`allocatedStorageGb must be a positive whole number, got ${allocatedStorageGb}`);
    checkPercent(percent);
    return Math.floor((allocatedStorageGb * BYTES_PER_GIB * percent) / 100);
}
