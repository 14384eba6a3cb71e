/**
 * Running hours from stop/start schedules (§2.2.1: dev services scaled to 0 and the dev database
 * stopped outside business hours). Schedules are AWS cron expressions, `cron(min hour dom month dow
 * year)`, as Application Auto Scaling scheduled actions and EventBridge Scheduler take them.
 *
 * Only weekly patterns can be turned into hours a month: day-of-month, month and year must be
 * `*` or `?`. Anything else (a specific date, L, #, W, rate() or at()) is refused with a reason, and
 * the estimate falls back to the stated assumption instead of guessing.
 */
const MINUTES_PER_WEEK = 7 * 24 * 60;
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

export interface WeeklyCron {
    readonly minutes: ReadonlySet<number>;
    readonly hours: ReadonlySet<number>;
    /** 0 = Sunday … 6 = Saturday. */
    readonly days: ReadonlySet<number>;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function range(from: number, to: number): number[] {
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** One cron field: `*`, `n`, `a-b`, `*\/s`, `a/s`, `a-b/s` and comma lists of those. */
function parseField(field: string, min: number, max: number, names: readonly string[] = [], nameOffset = 0): Set<number> | undefined {
    const value = (token: string): number | undefined => {
        const byName = names.indexOf(token.toUpperCase());
        if (byName >= 0) return byName + nameOffset;
        return /^\d+$/.test(token) ? Number(token) : undefined;
    };
    const result = new Set<number>();
    for (const part of field.split(",")) {
        const [span, stepText] = part.split("/");
        const step = stepText === undefined ? 1 : Number(stepText);
        if (!Number.isInteger(step) || step < 1) return undefined;
        let from: number | undefined;
        let to: number | undefined;
        if (span === "*") [from, to] = [min, max];
        else if (span.includes("-")) [from, to] = span.split("-").map(value);
        else {
            from = value(span);
            to = stepText === undefined ? from : max;
        }
        if (from === undefined || to === undefined || from < min || to > max || from > to) return undefined;
        for (let v = from; v <= to; v += step) result.add(v);
    }
    return result;
}

/** Parses `cron(…)` into the minutes, hours and weekdays it fires at. */
export function parseWeeklyCron(expression: string): Parsed<WeeklyCron> {
    const match = /^cron\((.*)\)$/.exec(expression.trim());
    if (!match) return { ok: false, reason: `${expression} is not a cron() expression` };
    const fields = match[1].trim().split(/\s+/);
    if (fields.length !== 6) return { ok: false, reason: `${expression} needs 6 fields (minutes hours day-of-month month day-of-week year)` };
    const [min, hour, dom, month, dow, year] = fields;
    const any = (f: string) => f === "*" || f === "?";
    if (!any(dom) || !any(month) || !any(year)) {
        return { ok: false, reason: `${expression} is not a weekly pattern (day-of-month, month and year must be * or ?)` };
    }
    const minutes = parseField(min, 0, 59);
    const hours = parseField(hour, 0, 23);
    // AWS numbers days 1-7 from Sunday.
    const days = any(dow) ? new Set(range(0, 6)) : parseField(dow, 1, 7, DAY_NAMES, 1);
    if (!minutes || !hours || !days) return { ok: false, reason: `${expression} has a field this estimate cannot read` };
    return { ok: true, value: { minutes, hours, days: new Set([...days].map((d) => (d - (any(dow) ? 0 : 1)))) } };
}

const firesAt = (cron: WeeklyCron, minuteOfWeek: number) => {
    const day = Math.floor(minuteOfWeek / 1440) % 7;
    const hour = Math.floor((minuteOfWeek % 1440) / 60);
    return cron.days.has(day) && cron.hours.has(hour) && cron.minutes.has(minuteOfWeek % 60);
};

export interface StopStartSchedule {
    readonly stops: readonly WeeklyCron[];
    readonly starts: readonly WeeklyCron[];
}

/**
 * Hours a week something runs under stop and start schedules. It starts running, is simulated minute
 * by minute for two weeks (so the state at the start of the second week is whatever the schedules
 * left it in), and the second week is counted. A stop and a start in the same minute leave it
 * running, so a schedule can never make the estimate smaller than it is.
 */
export function weeklyRunningHours(schedule: StopStartSchedule): number {
    let running = true;
    let runningMinutes = 0;
    for (let m = 0; m < 2 * MINUTES_PER_WEEK; m++) {
        const minute = m % MINUTES_PER_WEEK;
        if (schedule.stops.some((c) => firesAt(c, minute))) running = false;
        if (schedule.starts.some((c) => firesAt(c, minute))) running = true;
        if (m >= MINUTES_PER_WEEK && running) runningMinutes++;
    }
    return runningMinutes / 60;
}

/** Weekly hours to hours in an average month (730 / 168 weeks a month). */
export const monthlyFromWeekly = (weeklyHours: number, hoursPerMonth: number) => (weeklyHours * hoursPerMonth) / 168;
