/**
 * Issue 17: the RDS backup lag checker's handler, with RDS and CloudWatch mocked (aws-sdk-client-mock).
 * The lag it publishes is now − LatestTime of the source instance's replicated backups; when there are
 * none, it publishes nothing and logs an error, so the alarm's missing data (breaching) pages.
 */
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DBInstanceAutomatedBackup, DescribeDBInstanceAutomatedBackupsCommand, RDSClient } from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import { expect } from "chai";
import { backupLagSettings, checkBackupLag } from "../../operations/backupLagHandler";
import { backupLagSeconds } from "../../operations/replicatedBackups";
import { transpiledSource } from "../../operations/lambdaCode";

const SETTINGS = { sourceInstance: "prod-fivestar-payments-db", replicationRegion: "ap-south-2", namespace: "Fivestar/DisasterRecovery", metricName: "RdsReplicatedBackupLagSeconds" };
const NOW = new Date("2026-11-30T12:00:00Z");
const ARN = "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-prod";

const backup = (latest: string, over: Partial<DBInstanceAutomatedBackup> = {}): DBInstanceAutomatedBackup => ({
    DBInstanceIdentifier: SETTINGS.sourceInstance, DBInstanceAutomatedBackupsArn: ARN, Status: "replicating", Region: "ap-south-1",
    RestoreWindow: { EarliestTime: new Date("2026-11-01T00:00:00Z"), LatestTime: new Date(latest) }, ...over,
});

describe("operations: RDS backup lag checker (issue 17)", () => {
    const rds = mockClient(RDSClient);
    const cw = mockClient(CloudWatchClient);
    const logged: string[] = [];
    const realError = console.error;
    const realLog = console.log;
    beforeEach(() => {
        rds.reset();
        cw.reset();
        cw.on(PutMetricDataCommand).resolves({});
        logged.length = 0;
        console.error = (m: string) => logged.push(`error ${m}`);
        console.log = (m: string) => logged.push(`log ${m}`);
    });
    afterEach(() => { console.error = realError; console.log = realLog; });
    after(() => { rds.restore(); cw.restore(); });

    it("publishes now − LatestTime in seconds for the source instance, across pages, ignoring other instances", async () => {
        rds.on(DescribeDBInstanceAutomatedBackupsCommand)
            .resolvesOnce({ DBInstanceAutomatedBackups: [backup("2026-11-30T11:00:00Z", { DBInstanceIdentifier: "staging-fivestar-payments-db" })], Marker: "next" })
            .resolvesOnce({ DBInstanceAutomatedBackups: [backup("2026-11-30T11:47:30Z")] });
        const result = await checkBackupLag(SETTINGS, new RDSClient({ region: "ap-south-2" }), new CloudWatchClient({ region: "ap-south-1" }), NOW);
        expect(result).to.deep.equal({ published: true, lagSeconds: 750, latest: "2026-11-30T11:47:30.000Z", backupsArn: ARN });
        expect(rds.commandCalls(DescribeDBInstanceAutomatedBackupsCommand).map((c) => c.args[0].input.Marker)).to.deep.equal([undefined, "next"]);
        const put = cw.commandCalls(PutMetricDataCommand);
        expect(put).to.have.length(1);
        expect(put[0].args[0].input).to.deep.equal({
            Namespace: "Fivestar/DisasterRecovery",
            MetricData: [{ MetricName: "RdsReplicatedBackupLagSeconds", Dimensions: [{ Name: "DBInstanceIdentifier", Value: "prod-fivestar-payments-db" }], Value: 750, Unit: "Seconds", Timestamp: NOW }],
        });
    });

    it("no usable replicated backup of the source: nothing published, an error logged (the alarm's missing data pages)", async () => {
        rds.on(DescribeDBInstanceAutomatedBackupsCommand).resolves({ DBInstanceAutomatedBackups: [
            backup("2026-11-30T11:55:00Z", { DBInstanceIdentifier: "other-db" }), backup("2026-11-30T11:55:00Z", { Status: "pending" })] });
        const result = await checkBackupLag(SETTINGS, new RDSClient({}), new CloudWatchClient({}), NOW);
        expect(result.published).to.equal(false);
        expect(cw.commandCalls(PutMetricDataCommand)).to.have.length(0);
        expect(logged).to.have.length(1);
        expect(logged[0]).to.match(/^error .*no usable replicated automated backups of prod-fivestar-payments-db in ap-south-2 \(found: other-db \(replicating\), prod-fivestar-payments-db \(pending\)\)/);
    });

    it("lag is never negative (clock skew) and rounds to the second", () => {
        expect(backupLagSeconds({ latest: new Date("2026-11-30T12:00:05Z") }, NOW)).to.equal(0);
        expect(backupLagSeconds({ latest: new Date("2026-11-30T11:29:59.600Z") }, NOW)).to.equal(1800);
    });

    it("settings come from the environment; every missing variable is named at once", () => {
        expect(backupLagSettings({ SOURCE_DB_INSTANCE: "prod-fivestar-payments-db", REPLICATION_REGION: "ap-south-2", METRIC_NAMESPACE: "N", METRIC_NAME: "M" }))
            .to.deep.equal({ sourceInstance: "prod-fivestar-payments-db", replicationRegion: "ap-south-2", namespace: "N", metricName: "M" });
        expect(() => backupLagSettings({ SOURCE_DB_INSTANCE: "x" })).to.throw("REPLICATION_REGION, METRIC_NAMESPACE, METRIC_NAME not set");
    });

    it("the bundled handler requires only the AWS SDK (provided by the Lambda runtime) and its bundled module", () => {
        const requires = [...transpiledSource("backupLagHandler.ts").matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort();
        expect(requires).to.deep.equal(["./replicatedBackups", "@aws-sdk/client-cloudwatch", "@aws-sdk/client-rds"]);
        const bundled = [...transpiledSource("replicatedBackups.ts").matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
        expect(bundled).to.deep.equal(["@aws-sdk/client-rds"]); // loaded when first listing (await import), as CommonJS require
    });
});
