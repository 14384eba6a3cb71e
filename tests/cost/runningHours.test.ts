import { expect } from "chai";
import { CENT, chargeOf, estimate, lineOf, resource } from "./fixtures";

// How the after-hours schedules in a plan shorten an ECS service's and the database's month.
// Test prices: Fargate $0.04/vCPU-h, RDS db.t3.medium $0.10/h. 730 hours a month; 168 hours a week.
const SERVICE = "dev-internal-pe-service";
const DB = "dev-fivestar-payments-db";

const cluster = () => resource("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "providers", {
    clusterName: "dev-fivestar-payments", defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 2, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 }],
});
const taskDef = () => resource("aws:ecs/taskDefinition:TaskDefinition", "task", { family: "dev-fivestar-internal-pe", cpu: "1024", memory: "2048" });
const service = (name = SERVICE, logical = "internal-pe") => resource("aws:ecs/service:Service", logical, {
    name, cluster: "arn:aws:ecs:ap-south-1:123456789012:dev-fivestar-payments", taskDefinition: "arn:aws:ecs:ap-south-1:123456789012:task", desiredCount: 1,
});
const scaleTo = (name: string, capacity: number, schedule: string, serviceName = SERVICE) => resource("aws:appautoscaling/scheduledAction:ScheduledAction", name, {
    serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId: `service/dev-fivestar-payments/${serviceName}`,
    schedule, timezone: "Asia/Kolkata", scalableTargetAction: { minCapacity: capacity, maxCapacity: capacity },
});
const database = () => resource("aws:rds/instance:Instance", "database-primary", {
    identifier: DB, engine: "postgres", instanceClass: "db.t3.medium", allocatedStorage: 100, storageType: "gp3",
});
const rdsSchedule = (name: string, api: "stopDBInstance" | "startDBInstance", expression: string, state = "ENABLED") => resource("aws:scheduler/schedule:Schedule", name, {
    scheduleExpression: expression, scheduleExpressionTimezone: "Asia/Kolkata", state, flexibleTimeWindow: { mode: "OFF" },
    target: { arn: `arn:aws:scheduler:::aws-sdk:rds:${api}`, roleArn: "arn:aws:iam::123456789012:role/scheduler", input: JSON.stringify({ DbInstanceIdentifier: DB }) },
});

const WEEKDAY_HOURS = 55 * 730 / 168; // 09:00-20:00 Mon-Fri = 55 h a week = 238.99 h a month

describe("running hours from the plan's after-hours schedules", () => {
    const ecsPlan = [cluster(), taskDef(), service(), scaleTo("scale-in", 0, "cron(0 20 ? * MON-FRI *)"), scaleTo("scale-out", 1, "cron(0 9 ? * MON-FRI *)")];

    it("runs a service scaled to 0 at 20:00 and back at 09:00 on weekdays for 55 h a week: 1 vCPU × 238.99 h × $0.04 = $9.56", () => {
        expect(chargeOf(lineOf(estimate({ resources: ecsPlan }), "internal-pe"), "vCPU-hours")).to.be.closeTo(WEEKDAY_HOURS * 0.04, CENT);
    });

    it("prefers the schedule to the assumption, and so marks no assumption", () => {
        const line = lineOf(estimate({ resources: ecsPlan, assumptions: { scheduledHoursPerMonth: 100 } }), "internal-pe");
        expect(line.charges[0].assumptions).to.deep.equal([]);
    });

    it("runs a service no schedule targets all month, when the plan schedules others", () => {
        const e = estimate({ resources: [...ecsPlan, service("dev-customer-portal-service", "customer-portal")], assumptions: { scheduledHoursPerMonth: 100 } });
        expect(chargeOf(lineOf(e, "customer-portal"), "vCPU-hours")).to.be.closeTo(730 * 0.04, CENT);
    });

    it("stops the database on its EventBridge Scheduler schedule: 238.99 h × $0.10 = $23.90", () => {
        const e = estimate({ resources: [database(), rdsSchedule("db-stop", "stopDBInstance", "cron(0 20 ? * MON-FRI *)"), rdsSchedule("db-start", "startDBInstance", "cron(0 9 ? * MON-FRI *)")] });
        expect(chargeOf(lineOf(e, "database-primary"), "instance hours")).to.be.closeTo(WEEKDAY_HOURS * 0.1, CENT);
    });

    it("ignores a disabled schedule: a stop that never fires leaves the database on all month (730 × $0.10)", () => {
        const e = estimate({ resources: [database(), rdsSchedule("db-stop", "stopDBInstance", "cron(0 20 ? * MON-FRI *)", "DISABLED")] });
        expect(chargeOf(lineOf(e, "database-primary"), "instance hours")).to.be.closeTo(73, CENT);
    });

    it("falls back to the assumption when a schedule cannot be read as weekly, and says why", () => {
        const e = estimate({
            resources: [database(), rdsSchedule("db-stop", "stopDBInstance", "rate(1 day)"), rdsSchedule("db-start", "startDBInstance", "cron(0 9 ? * MON-FRI *)")],
            assumptions: { scheduledHoursPerMonth: 242 },
        });
        expect(lineOf(e, "database-primary").charges[0].basis).to.match(/242 h\/month from scheduledHoursPerMonth \(schedule not readable: rate\(1 day\)/);
    });
});
