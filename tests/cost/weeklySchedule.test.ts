import { expect } from "chai";
import { monthlyFromWeekly, parseWeeklyCron, weeklyRunningHours, WeeklyCron } from "../../tools/cost/weeklySchedule";

function cron(expression: string): WeeklyCron {
    const parsed = parseWeeklyCron(expression);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
}

describe("weekly stop/start schedules (§2.2.1 after-hours shutdown)", () => {
    describe("parseWeeklyCron", () => {
        it("reads weekday names as days 1-5 (Mon-Fri, Sunday = 0)", () => {
            expect([...cron("cron(0 20 ? * MON-FRI *)").days].sort()).to.deep.equal([1, 2, 3, 4, 5]);
        });

        it("reads AWS day numbers (1 = Sunday) as names do", () => {
            expect([...cron("cron(0 20 ? * 2-6 *)").days].sort()).to.deep.equal([...cron("cron(0 20 ? * MON-FRI *)").days].sort());
        });

        it("reads every day from `*` day-of-month with `?` day-of-week", () => {
            expect(cron("cron(30 8 * * ? *)").days.size).to.equal(7);
        });

        it("reads lists and steps of hours", () => {
            expect([...cron("cron(0 0/6,23 ? * * *)").hours].sort((a, b) => a - b)).to.deep.equal([0, 6, 12, 18, 23]);
        });

        for (const [what, expression] of [["a specific day of the month (not a weekly pattern)", "cron(0 20 15 * ? *)"], ["rate() expressions", "rate(1 day)"], ["an hour out of range", "cron(0 25 ? * * *)"]]) {
            it(`refuses ${what}`, () => expect(parseWeeklyCron(expression).ok).to.equal(false));
        }
    });

    describe("weeklyRunningHours", () => {
        it("runs 09:00-20:00 on weekdays: 11 h × 5 = 55 h a week", () => {
            const hours = weeklyRunningHours({ stops: [cron("cron(0 20 ? * MON-FRI *)")], starts: [cron("cron(0 9 ? * MON-FRI *)")] });
            expect(hours).to.equal(55);
        });

        it("runs 08:00-20:00 on weekdays when it stops every evening and starts on weekday mornings: 12 h × 5 = 60 h", () => {
            // The compute module's default after-hours schedules: the Friday stop lasts until Monday 08:00.
            const hours = weeklyRunningHours({ stops: [cron("cron(0 20 * * ? *)")], starts: [cron("cron(0 8 ? * MON-FRI *)")] });
            expect(hours).to.equal(60);
        });

        it("runs all week when nothing stops it", () => {
            expect(weeklyRunningHours({ stops: [], starts: [cron("cron(0 9 ? * MON-FRI *)")] })).to.equal(168);
        });

        it("runs not at all when it is stopped and never started", () => {
            expect(weeklyRunningHours({ stops: [cron("cron(0 20 ? * FRI *)")], starts: [] })).to.equal(0);
        });

        it("keeps running when a stop and a start fire in the same minute (never understates)", () => {
            expect(weeklyRunningHours({ stops: [cron("cron(0 9 ? * * *)")], starts: [cron("cron(0 9 ? * * *)")] })).to.equal(168);
        });

        it("turns 55 h a week into 55 × 730 / 168 = 238.99 h a month", () => {
            expect(monthlyFromWeekly(55, 730)).to.be.closeTo(238.988, 0.001);
        });
    });
});
