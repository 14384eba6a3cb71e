/**
 * Hours a month an ECS service or an RDS instance runs, in this order of preference:
 *   1. the after-hours schedules in the plan (what `pulumi up` would actually create):
 *      Application Auto Scaling scheduled actions on the service (max capacity 0 = stop) and
 *      EventBridge Scheduler schedules calling rds:stopDBInstance / rds:startDBInstance;
 *   2. where the plan holds no schedule of that kind at all, the assumption
 *      scheduledHoursPerMonth (730 = always on; dev sets its business hours, §2.2.1);
 *   3. a resource with no schedule in a plan that schedules others of its kind runs always.
 */
import type { RegisteredResource } from "../../lib/planRecord";
import type { CostAssumptions, PlanIndex, RunningHours } from "./model";
import { monthlyFromWeekly, parseWeeklyCron, weeklyRunningHours, WeeklyCron } from "./weeklySchedule";
import { RESOURCE_TYPES } from "../../lib/types";

export const SCHEDULED_ACTION = RESOURCE_TYPES.appautoscalingScheduledAction;
export const SCHEDULER_SCHEDULE = RESOURCE_TYPES.schedulerSchedule;

type Action = "stop" | "start";
interface ScheduleEvent {
    readonly kind: "ecs" | "rds";
    readonly action: Action;
    readonly expression: string;
    /** Whether this event is about a given service name / DB identifier. */
    readonly targets: (id: string) => boolean;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** An auto scaling scheduled action on an ECS service: scaling to max 0 stops it, anything else starts it. */
function fromScheduledAction(r: RegisteredResource): ScheduleEvent | undefined {
    const resourceId = str(r.inputs.resourceId);
    const action = r.inputs.scalableTargetAction as { maxCapacity?: number } | undefined;
    const expression = str(r.inputs.schedule);
    if (!resourceId?.startsWith("service/") || !action || !expression) return undefined;
    return {
        kind: "ecs",
        action: action.maxCapacity === 0 ? "stop" : "start",
        expression,
        targets: (serviceName) => resourceId.split("/").pop() === serviceName,
    };
}

/** An EventBridge Scheduler schedule whose target is the RDS stop or start API. */
function fromSchedulerSchedule(r: RegisteredResource): ScheduleEvent | undefined {
    if (r.inputs.state === "DISABLED") return undefined;
    const target = r.inputs.target as { arn?: string; input?: string } | undefined;
    const arn = (target?.arn ?? "").toLowerCase();
    const action: Action | undefined = arn.endsWith(":stopdbinstance") ? "stop" : arn.endsWith(":startdbinstance") ? "start" : undefined;
    const expression = str(r.inputs.scheduleExpression);
    if (!action || !expression) return undefined;
    let identifier: string | undefined;
    try {
        identifier = str((JSON.parse(target?.input ?? "{}") as Record<string, unknown>).DbInstanceIdentifier);
    } catch {
        identifier = undefined;
    }
    return { kind: "rds", action, expression, targets: (id) => identifier === id };
}

export function scheduleEvents(plan: PlanIndex): ScheduleEvent[] {
    return [
        ...plan.ofType(SCHEDULED_ACTION).map(fromScheduledAction),
        ...plan.ofType(SCHEDULER_SCHEDULE).map(fromSchedulerSchedule),
    ].filter((e): e is ScheduleEvent => e !== undefined);
}

function subject(resource: RegisteredResource): { kind: "ecs" | "rds"; id: string } | undefined {
    if (resource.type === RESOURCE_TYPES.ecsService) return { kind: "ecs", id: str(resource.inputs.name) ?? resource.name };
    if (resource.type === RESOURCE_TYPES.rdsInstance) return { kind: "rds", id: str(resource.inputs.identifier) ?? resource.name };
    return undefined;
}

export function runningHoursResolver(plan: PlanIndex, assumptions: CostAssumptions, hoursPerMonth: number): (r: RegisteredResource) => RunningHours {
    const events = scheduleEvents(plan);
    const fallback = (why: string): RunningHours => {
        const hours = assumptions.scheduledHoursPerMonth;
        return hours >= hoursPerMonth
            ? { hours: hoursPerMonth, assumptions: [], basis: `always on (${why})` }
            : { hours, assumptions: ["scheduledHoursPerMonth"], basis: `${hours} h/month from scheduledHoursPerMonth (${why})` };
    };
    return (resource) => {
        const s = subject(resource);
        if (!s) return { hours: hoursPerMonth, assumptions: [], basis: "always on" };
        const ofKind = events.filter((e) => e.kind === s.kind);
        if (ofKind.length === 0) return fallback("no after-hours schedule in the plan");
        const mine = ofKind.filter((e) => e.targets(s.id));
        if (mine.length === 0) return { hours: hoursPerMonth, assumptions: [], basis: "always on (no schedule targets it)" };
        const crons: { action: Action; cron: WeeklyCron }[] = [];
        for (const e of mine) {
            const parsed = parseWeeklyCron(e.expression);
            if (!parsed.ok) return fallback(`schedule not readable: ${parsed.reason}`);
            crons.push({ action: e.action, cron: parsed.value });
        }
        const weekly = weeklyRunningHours({
            stops: crons.filter((c) => c.action === "stop").map((c) => c.cron),
            starts: crons.filter((c) => c.action === "start").map((c) => c.cron),
        });
        const monthly = monthlyFromWeekly(weekly, hoursPerMonth);
        return { hours: monthly, assumptions: [], basis: `${round1(weekly)} h/week from its after-hours schedule (${mine.map((e) => `${e.action} ${e.expression}`).join(", ")})` };
    };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
