import { expect } from "chai";
import { AfterHoursSchedule, AfterHoursScheduleArgs } from "../../compute/afterHoursSchedule";
import { afterHoursSchedulerPolicy } from "../../compute/afterHoursPlan";
import { construct, inAccount } from "../support/component";
import { stackConfig, T, upstream } from "./fixtures";

function args(overrides: Partial<AfterHoursScheduleArgs> = {}): AfterHoursScheduleArgs {
    const cfg = stackConfig("dev");
    const u = upstream("dev");
    return {
        environment: "dev",
        accountId: cfg.account.id,
        schedule: cfg.afterHours,
        services: (["internal-pe", "customer-portal"] as const).map((service) => ({
            service, resourceId: `service/dev-fivestar-payments/dev-${service}-service`, minCapacity: cfg.ecs.minCapacity, maxCapacity: cfg.ecs.maxCapacity,
        })),
        database: { identifier: u.dbIdentifier, arn: u.dbArn },
        ...overrides,
    };
}
const build = (overrides: Partial<AfterHoursScheduleArgs> = {}) => construct(() => new AfterHoursSchedule("after-hours", args(overrides), inAccount()));

describe("after-hours shutdown (§2.2.1, dev)", () => {
    // dev's after-hours config (on, 20:00 and 08:00 Monday to Friday, IST): tests/config/compute.test.ts.
    for (const service of ["internal-pe", "customer-portal"] as const) {
        it(`${service}: scaled to 0 at 20:00 IST`, async () => {
            const stop = (await build()).one(T.scheduledAction, `after-hours-${service}-stop`).inputs;
            expect(stop).to.deep.include({
                name: `dev-${service}-after-hours-stop`, serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount",
                resourceId: `service/dev-fivestar-payments/dev-${service}-service`, schedule: "cron(0 20 ? * MON-FRI *)", timezone: "Asia/Kolkata",
                scalableTargetAction: { minCapacity: 0, maxCapacity: 0 },
            });
        });
        it(`${service}: back to 1..1 at 08:00 IST on weekdays`, async () => {
            const start = (await build()).one(T.scheduledAction, `after-hours-${service}-start`).inputs;
            expect(start).to.deep.include({ schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Asia/Kolkata", scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } });
        });
    }
    it("stops the database at 20:00 and starts it at 08:00 IST through EventBridge Scheduler and the RDS API", async () => {
        const built = await build();
        const stop = built.one(T.schedule, "after-hours-db-stop").inputs;
        expect(stop).to.deep.include({
            name: "dev-fivestar-payments-db-after-hours-stop", scheduleExpression: "cron(0 20 ? * MON-FRI *)", scheduleExpressionTimezone: "Asia/Kolkata",
            flexibleTimeWindow: { mode: "OFF" }, state: "ENABLED",
        });
        const stopTarget = stop.target as Record<string, unknown>;
        expect(stopTarget.arn).to.equal("arn:aws:scheduler:::aws-sdk:rds:stopDBInstance");
        expect(JSON.parse(String(stopTarget.input))).to.deep.equal({ DbInstanceIdentifier: "dev-fivestar-payments-db" });
        const start = built.one(T.schedule, "after-hours-db-start").inputs;
        expect(start).to.deep.include({ scheduleExpression: "cron(0 8 ? * MON-FRI *)", scheduleExpressionTimezone: "Asia/Kolkata" });
        expect((start.target as Record<string, unknown>).arn).to.equal("arn:aws:scheduler:::aws-sdk:rds:startDBInstance");
        expect((start.target as Record<string, unknown>).roleArn).to.equal(stopTarget.roleArn);
    });
    it("the scheduler role trusts EventBridge Scheduler for this account only, and may only stop/start that one database", async () => {
        const built = await build();
        const role = built.one(T.role, "after-hours-scheduler").inputs;
        expect(role.name).to.equal("dev-fivestar-after-hours-scheduler");
        expect(JSON.parse(String(role.assumeRolePolicy)).Statement).to.deep.equal([{
            Effect: "Allow", Principal: { Service: "scheduler.amazonaws.com" }, Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        }]);
        // The policy document (that one database, stop and start only): plans.test.ts; on dev's plan: tests/program/compute.test.ts.
        expect(JSON.parse(String(built.one(T.rolePolicy, "after-hours-scheduler").inputs.policy))).to.deep.equal(afterHoursSchedulerPolicy(upstream("dev").dbArn));
    });
    it("schedules no database when none is given (services only)", async () => {
        const built = await build({ database: undefined });
        expect(built.ofType(T.schedule)).to.have.length(0);
        expect(built.ofType(T.role)).to.have.length(0);
        expect(built.ofType(T.scheduledAction)).to.have.length(4);
    });
});
