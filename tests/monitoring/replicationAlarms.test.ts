/**
 * Issue 17: alarms on prod's replication to the recovery region. DynamoDB replication latency pages while
 * the RPO (§2.2.3: < 1 h) still has room; RDS backup replication being stopped or its copies deleted pages
 * at once. Every alarm notifies the alert topic on both edges.
 */
import { expect } from "chai";
import {
    BACKUP_LAG, backupLagHeadroomMinutes, backupReplicationStoppedPattern, planReplicationAlarms, REPLICATION_LATENCY, rpoHeadroomMinutes, RPO_MINUTES,
} from "../../monitoring/replicationAlarmPlan";
import { ReplicationAlarms } from "../../monitoring/replicationAlarms";
import { construct, inAccount } from "../support/component";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const TOPIC = "arn:aws:sns:ap-south-1:123456789014:prod-fivestar-payments-alerts";
const TABLES = { transactions: "prod-fivestar-transactions", "transaction-queue": "prod-fivestar-transaction-queue" };
const DB = "prod-fivestar-payments-db";

describe("monitoring: replication alarms (issue 17)", () => {
    const specs = planReplicationAlarms({ environment: "prod", region: "ap-south-2", tableNames: TABLES, backupReplication: true, dbInstanceIdentifier: DB });
    const byKey = Object.fromEntries(specs.map((s) => [s.key, s]));

    for (const [key, table] of Object.entries(TABLES)) {
        it(`${key}: ReplicationLatency to ap-south-2 above 10 min for 10 min, well inside the 1 h RPO`, () => {
            const s = byKey[`${key}-replication-latency`];
            expect(s.metric).to.deep.equal({ namespace: "AWS/DynamoDB", metricName: "ReplicationLatency", dimensions: { TableName: table, ReceivingRegion: "ap-south-2" }, stat: "Maximum" });
            expect(s.threshold).to.equal(600_000); // milliseconds
            expect(s.window).to.deep.equal({ period: 60, evaluationPeriods: 10, datapointsToAlarm: 10 });
            expect(s.treatMissingData).to.equal("missing");
        });
    }
    it("leaves at least half the RPO to act when it fires", () => {
        expect(rpoHeadroomMinutes()).to.equal(40);
        expect(rpoHeadroomMinutes()).to.be.at.least(RPO_MINUTES / 2);
        expect(REPLICATION_LATENCY.thresholdMinutes * 60_000).to.be.lessThan(RPO_MINUTES * 60_000);
    });
    it("a latency alarm that would fire only after the RPO is gone has no headroom (the plan refuses it)", () => {
        expect(rpoHeadroomMinutes({ thresholdMinutes: 50, sustainedMinutes: 15 })).to.be.lessThan(0);
    });
    it("RDS backup replication stopped: any successful Stop/Delete call within 5 minutes pages; silence is fine", () => {
        const s = byKey["rds-backup-replication-stopped"];
        expect(s).to.deep.include({ comparisonOperator: "GreaterThanThreshold", threshold: 0, treatMissingData: "notBreaching" });
        expect(s.window).to.deep.equal({ period: 300, evaluationPeriods: 1, datapointsToAlarm: 1 });
        expect(backupReplicationStoppedPattern()).to.equal('{ ($.eventSource = "rds.amazonaws.com") && (($.eventName = "StopDBInstanceAutomatedBackupsReplication") || ' +
            '($.eventName = "DeleteDBInstanceAutomatedBackup")) && ($.errorCode NOT EXISTS) }');
    });
    it("RDS backups falling behind: the checker's lag above 30 min in two 5-minute checks pages; silence pages too", () => {
        const s = byKey["rds-backup-replication-lag"];
        expect(s.metric).to.deep.equal({ namespace: "Fivestar/DisasterRecovery", metricName: "RdsReplicatedBackupLagSeconds", dimensions: { DBInstanceIdentifier: DB }, stat: "Maximum" });
        expect(s).to.deep.include({ comparisonOperator: "GreaterThanThreshold", threshold: 30 * 60, treatMissingData: "breaching" });
        expect(s.window).to.deep.equal({ period: 300, evaluationPeriods: 2, datapointsToAlarm: 2 });
        // Fires with at most 30 + 10 minutes of writes missing in ap-south-2: 20 minutes of the RPO left to act.
        expect(backupLagHeadroomMinutes()).to.equal(20);
        expect(BACKUP_LAG.thresholdMinutes * 60).to.be.lessThan(RPO_MINUTES * 60);
    });
    it("a lag alarm that would fire only after the RPO is gone has no headroom; without the source instance the plan refuses", () => {
        expect(backupLagHeadroomMinutes({ thresholdMinutes: 55, checkEveryMinutes: 5, periods: 2 })).to.be.lessThan(0);
        expect(() => planReplicationAlarms({ environment: "prod", region: "ap-south-2", tableNames: TABLES, backupReplication: true }))
            .to.throw("the backup lag alarm needs the source instance (dbInstanceIdentifier)");
    });
    it("without backup replication, only the table alarms", () => {
        expect(planReplicationAlarms({ environment: "staging", region: "ap-south-2", tableNames: TABLES, backupReplication: false }).map((s) => s.key))
            .to.deep.equal(["transactions-replication-latency", "transaction-queue-replication-latency"]);
    });

    describe("component", () => {
        it("every alarm notifies the topic on alarm and OK; the metric filter reads the trail's log group", async () => {
            const built = await construct(() => new ReplicationAlarms("replication-alarms", {
                environment: "prod", region: "ap-south-2", tableNames: TABLES, backupReplication: true, dbInstanceIdentifier: DB, topicArn: TOPIC, cloudTrailLogGroupName: "/aws/cloudtrail/prod-fivestar-trail",
            }, inAccount()));
            const alarms = built.ofType(ALARM);
            expect(alarms.map((a) => a.inputs.name)).to.have.members([
                "prod-fivestar-transactions-replication-latency", "prod-fivestar-transaction-queue-replication-latency", "prod-fivestar-rds-backup-replication-stopped",
                "prod-fivestar-rds-backup-replication-lag"]);
            for (const a of alarms) expect(a.inputs).to.deep.include({ alarmActions: [TOPIC], okActions: [TOPIC], actionsEnabled: true });
            const filter = built.one(FILTER, "replication-alarms-rds-backup-replication-stopped");
            expect(filter.inputs).to.deep.include({ logGroupName: "/aws/cloudtrail/prod-fivestar-trail", pattern: backupReplicationStoppedPattern() });
            expect(filter.inputs.metricTransformation).to.deep.include({ namespace: "Fivestar/DisasterRecovery", name: "prod-rds-backup-replication-stopped", value: "1" });
        });
        it("refuses to watch backup replication without the trail's log group", () => {
            expect(() => new ReplicationAlarms("replication-alarms-broken", {
                environment: "prod", region: "ap-south-2", tableNames: TABLES, backupReplication: true, dbInstanceIdentifier: DB, topicArn: TOPIC,
            })).to.throw(/needs the trail's log group/);
        });
    });
});
