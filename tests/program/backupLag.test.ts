/**
 * Whole program, issue 17 item 1: "alarms when RDS backup replication ... falls behind". Prod runs a
 * checker every 5 minutes that publishes how old the newest restorable point in ap-south-2 is, and an
 * alarm pages the alert topic above 30 minutes (or when the checker is silent). Dev, staging and prod-dr
 * replicate no backups and have neither. The happens-before check catches a schedule that does not wait.
 */
import { expect } from "chai";
import type { RegisteredResource } from "../../lib/planRecord";
import { checkPlan } from "../../tools/offline/checks";
import { Plan, planOf, runPlan } from "../support/plans";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const FUNCTION = "aws:lambda/function:Function";
const SCHEDULE = "aws:scheduler/schedule:Schedule";
const POLICY = "aws:iam/rolePolicy:RolePolicy";

describe("whole program: RDS backup replication lag (issue 17)", () => {
    let prod: Plan;
    before(async () => { prod = await planOf("prod"); });

    it("prod: a checker every 5 minutes in ap-south-1 reads the replicated backups of prod-fivestar-payments-db in ap-south-2", () => {
        const fn = prod.one(FUNCTION, "rds-backup-lag-function");
        expect(fn.inputs).to.deep.include({ name: "prod-fivestar-rds-backup-lag", runtime: "nodejs22.x", handler: "index.handler" });
        expect((fn.inputs.environment as { variables: Record<string, string> }).variables).to.deep.equal({
            SOURCE_DB_INSTANCE: "prod-fivestar-payments-db", REPLICATION_REGION: "ap-south-2",
            METRIC_NAMESPACE: "Fivestar/DisasterRecovery", METRIC_NAME: "RdsReplicatedBackupLagSeconds",
        });
        expect(String(prod.byUrn(fn.provider)?.inputs.region)).to.equal("ap-south-1");
        // Its role's policy exists before the function (the first run must be able to write its logs).
        expect(fn.dependencies).to.include(prod.one(POLICY, "rds-backup-lag-function").urn);
        const schedule = prod.one(SCHEDULE, "rds-backup-lag-schedule");
        expect(schedule.inputs).to.deep.include({ name: "prod-fivestar-rds-backup-lag", scheduleExpression: "rate(5 minutes)", state: "ENABLED" });
        expect(schedule.dependencies).to.include(prod.one(POLICY, "rds-backup-lag-scheduler").urn);
    });

    it("prod: least privilege: list backups in ap-south-2 only, publish to our namespace only, write its own log group", () => {
        const policy = JSON.parse(String(prod.one(POLICY, "rds-backup-lag-function").inputs.policy)) as { Statement: Record<string, unknown>[] };
        expect(policy.Statement).to.deep.equal([
            { Sid: "ReadReplicatedBackups", Effect: "Allow", Action: "rds:DescribeDBInstanceAutomatedBackups", Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "ap-south-2" } } },
            { Sid: "PublishLag", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "Fivestar/DisasterRecovery" } } },
            { Sid: "OwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "arn:aws:logs:ap-south-1:123456789014:log-group:/aws/lambda/prod-fivestar-rds-backup-lag:*" },
        ]);
        const logGroup = prod.one("aws:cloudwatch/logGroup:LogGroup", "rds-backup-lag-function");
        expect(logGroup.inputs).to.deep.include({ name: "/aws/lambda/prod-fivestar-rds-backup-lag", retentionInDays: 90, deletionProtectionEnabled: true });
        expect(logGroup.protect).to.equal(true);
        expect(logGroup.inputs.kmsKeyId).to.be.a("string").and.not.equal("");
    });

    it("prod: the lag alarm pages the alert topic above 30 min in two 5-minute checks, and when the checker is silent", () => {
        const alarm = prod.one(ALARM, "replication-alarms-rds-backup-replication-lag");
        const topic = prod.one("aws:sns/topic:Topic", "alerts-topic");
        expect(alarm.inputs).to.deep.include({
            name: "prod-fivestar-rds-backup-replication-lag", namespace: "Fivestar/DisasterRecovery", metricName: "RdsReplicatedBackupLagSeconds",
            dimensions: { DBInstanceIdentifier: "prod-fivestar-payments-db" }, statistic: "Maximum", comparisonOperator: "GreaterThanThreshold",
            threshold: 1800, period: 300, evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: "breaching",
        });
        expect(alarm.dependencies).to.include(topic.urn);
        expect((alarm.inputs.alarmActions as string[]).length).to.equal(1);
        // The alarm reads what the checker publishes.
        const fnEnv = (prod.one(FUNCTION, "rds-backup-lag-function").inputs.environment as { variables: Record<string, string> }).variables;
        expect([alarm.inputs.namespace, alarm.inputs.metricName]).to.deep.equal([fnEnv.METRIC_NAMESPACE, fnEnv.METRIC_NAME]);
    });

    for (const stack of ["dev", "staging", "prod-dr"] as const) {
        it(`${stack} has no backup lag checker or alarm (no backup replication)`, async () => {
            const result = await runPlan(stack);
            if ("error" in result) throw new Error(result.error);
            expect(result.resources.filter((r) => /^rds-backup-lag|backup-replication-lag/.test(r.name)).map((r) => r.name)).to.deep.equal([]);
        });
    }

    it("a schedule that does not wait for its role's policy is caught (happens-before)", () => {
        const copy = JSON.parse(JSON.stringify(prod.evaluated)) as typeof prod.evaluated;
        const policyUrn = prod.one(POLICY, "rds-backup-lag-scheduler").urn;
        const schedule = copy.resources.find((r: RegisteredResource) => r.type === SCHEDULE && r.name === "rds-backup-lag-schedule")!;
        (schedule as { dependencies: string[] }).dependencies = schedule.dependencies.filter((u) => u !== policyUrn);
        expect(checkPlan(prod.evaluated).filter((f) => f.name === "rds-backup-lag-schedule")).to.deep.equal([]);
        expect(checkPlan(copy).filter((f) => f.name === "rds-backup-lag-schedule").map((f) => f.check)).to.deep.equal(["happens-before"]);
    });
});
