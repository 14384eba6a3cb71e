/**
 * `dr-failover`: the restorable window, the restore-time checks, the secret promotion (idempotent) and
 * the runbook's order and refusals, with RDS and Secrets Manager mocked (aws-sdk-client-mock) and the
 * Pulumi side behind FailoverActions. The dry run calls nothing.
 */
import { DBInstanceAutomatedBackup, DescribeDBInstanceAutomatedBackupsCommand, RDSClient } from "@aws-sdk/client-rds";
import { DescribeSecretCommand, SecretsManagerClient, StopReplicationToReplicaCommand } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { expect } from "chai";
import { parseArgs } from "../../automation/args";
import { activeOverrides, drSettingsOf, DrSettings } from "../../automation/dr/drStack";
import { describeFailover, dnsCutOver, FailoverActions, restoreChangeProblem, runFailover } from "../../automation/dr/failover";
import { checkRestoreTime, chooseBackups, findRestoreWindow, parseRestoreTime, RestoreWindow } from "../../automation/dr/restoreWindow";
import { promoteSecretReplicas, replicatedSecretIds } from "../../automation/dr/secretPromotion";
import { RefusedError, UsageError } from "../../automation/errors";
import { StackFacts } from "../../automation/stackFacts";
import { planPhases, throughPhase } from "../../automation/phases";
import { miniProgram } from "./fixtures";

const PROD_DR: StackFacts = {
    stack: "prod-dr", project: "fivestar-payments", environment: "prod", accountId: "123456789014", region: "ap-south-2",
    deploymentRoleName: "DeploymentRole", deploymentRoleArn: "arn:aws:iam::123456789014:role/DeploymentRole",
};
const SOURCE = "prod-fivestar-payments-db";
const ARN = "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-L2IJCEXJP7XQ7HOJ4SIEXAMPLE";
const EARLIEST = new Date("2026-10-27T00:10:00Z");
const LATEST_TIME = new Date("2026-11-30T21:20:00Z");
const backup = (over: Partial<DBInstanceAutomatedBackup> = {}): DBInstanceAutomatedBackup => ({
    DBInstanceIdentifier: SOURCE, DBInstanceAutomatedBackupsArn: ARN, Status: "replicating", Region: "ap-south-1", AllocatedStorage: 1000,
    RestoreWindow: { EarliestTime: EARLIEST, LatestTime: LATEST_TIME }, ...over,
});
const WINDOW: RestoreWindow = { arn: ARN, earliest: EARLIEST, latest: LATEST_TIME, status: "replicating", region: "ap-south-1", storageGb: 1000 };
const SECRETS = replicatedSecretIds("prod");

describe("dr-failover: the failover runbook", () => {
    it("a stack is a recovery stack only when its own file sets drMode; active overrides keep its restore settings", () => {
        const file = "config:\n  fivestar-payments:drMode: standby\n  fivestar-payments:region: ap-south-2\n";
        const settings = drSettingsOf(file, "fivestar-payments")!;
        expect([drSettingsOf("config:\n  fivestar-payments:region: ap-south-1\n", "fivestar-payments"), settings]).to.deep.equal([undefined, { mode: "standby", restoreTime: undefined, sourceArn: undefined }]);
        expect(activeOverrides(PROD_DR, settings)).to.deep.equal({
            drMode: "active", drRestoreTime: "latest", drRestoreSourceBackupsArn: "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-offlineplanplaceholder0000",
        });
        expect(activeOverrides(PROD_DR, { mode: "active", restoreTime: "2026-11-30T18:05:00Z", sourceArn: ARN })).to.deep.equal({ drMode: "active", drRestoreTime: "2026-11-30T18:05:00Z", drRestoreSourceBackupsArn: ARN });
    });

    describe("step 1: the restorable window", () => {
        it("chooses the source instance's replicated backups, replicating before retained, newest first", () => {
            const older = backup({ DBInstanceAutomatedBackupsArn: "arn:older", Status: "retained" });
            const other = backup({ DBInstanceIdentifier: "staging-fivestar-payments-db", DBInstanceAutomatedBackupsArn: "arn:other" });
            const deleted = backup({ DBInstanceAutomatedBackupsArn: "arn:deleted", Status: "deleting" });
            expect(chooseBackups([other, older, deleted, backup()], SOURCE)).to.deep.equal(WINDOW);
            expect(chooseBackups([other, deleted], SOURCE)).to.equal(undefined);
        });

        it("reads every page in the recovery Region, and refuses when there are no replicated backups", async () => {
            const rds = new RDSClient({ region: "ap-south-2" });
            const mock = mockClient(rds);
            mock.on(DescribeDBInstanceAutomatedBackupsCommand, { Marker: undefined }).resolves({ DBInstanceAutomatedBackups: [backup({ DBInstanceIdentifier: "x" })], Marker: "p2" })
                .on(DescribeDBInstanceAutomatedBackupsCommand, { Marker: "p2" }).resolves({ DBInstanceAutomatedBackups: [backup()] });
            expect(await findRestoreWindow(rds, SOURCE, "ap-south-2")).to.deep.equal(WINDOW);
            mock.reset().on(DescribeDBInstanceAutomatedBackupsCommand).resolves({ DBInstanceAutomatedBackups: [] });
            const err = await findRestoreWindow(rds, SOURCE, "ap-south-2").catch((e) => e);
            expect([err instanceof RefusedError, err.message]).to.deep.equal([true,
                "no usable replicated automated backups of prod-fivestar-payments-db in ap-south-2 (found: none); is backup replication on in prod (drReplicationRegion) and has its first snapshot been copied?"]);
        });

        it("a restore time is 'latest' or ISO-8601 UTC, and must lie inside the window", () => {
            expect([parseRestoreTime("latest"), parseRestoreTime("2026-11-30T18:05:00Z")]).to.deep.equal(["latest", new Date("2026-11-30T18:05:00Z")]);
            for (const bad of ["2026-11-30 18:05", "2026-11-30T18:05:00+05:30", "yesterday", "2026-13-01T00:00:00Z"]) expect(() => parseRestoreTime(bad), bad).to.throw(UsageError);
            expect(checkRestoreTime(new Date("2026-11-30T18:05:00.000Z"), WINDOW)).to.equal("2026-11-30T18:05:00Z");
            expect(() => checkRestoreTime(new Date("2026-11-30T21:25:00Z"), WINDOW)).to.throw(RefusedError, "restore time 2026-11-30T21:25:00Z is outside the restorable window 2026-10-27T00:10:00Z .. 2026-11-30T21:20:00Z");
            expect(() => checkRestoreTime(new Date("2026-10-26T00:00:00Z"), WINDOW)).to.throw(RefusedError);
        });
    });

    describe("step 3: promoting the secret replicas", () => {
        it("promotes each replica in the recovery Region; a re-run finds them standalone and calls nothing more", async () => {
            const sm = new SecretsManagerClient({ region: "ap-south-2" });
            const mock = mockClient(sm);
            mock.on(DescribeSecretCommand).resolves({ PrimaryRegion: "ap-south-1" }).on(StopReplicationToReplicaCommand).resolves({});
            const first = await promoteSecretReplicas(sm, SECRETS, "ap-south-2");
            expect([first.map((o) => o.action), mock.commandCalls(StopReplicationToReplicaCommand).map((c) => c.args[0].input.SecretId)]).to.deep.equal([
                ["promoted", "promoted", "promoted"], ["fivestar/payments/prod/database", "fivestar/payments/prod/razorpay", "fivestar/payments/prod/juspay"]]);
            mock.reset().on(DescribeSecretCommand).resolves({ PrimaryRegion: "ap-south-2" });
            const again = await promoteSecretReplicas(sm, SECRETS, "ap-south-2");
            expect([again.map((o) => o.action), mock.commandCalls(StopReplicationToReplicaCommand).length]).to.deep.equal([["already standalone", "already standalone", "already standalone"], 0]);
        });

        it("refuses, promoting none, when a replica is missing in the recovery Region", async () => {
            const sm = new SecretsManagerClient({ region: "ap-south-2" });
            const mock = mockClient(sm);
            const notFound = Object.assign(new Error("Secrets Manager can't find the specified secret."), { name: "ResourceNotFoundException" });
            mock.on(DescribeSecretCommand).resolves({ PrimaryRegion: "ap-south-1" }).on(DescribeSecretCommand, { SecretId: "fivestar/payments/prod/juspay" }).rejects(notFound);
            const err = await promoteSecretReplicas(sm, SECRETS, "ap-south-2").catch((e) => e);
            expect([err instanceof RefusedError, err.message, mock.commandCalls(StopReplicationToReplicaCommand).length]).to.deep.equal([
                true, "no secret fivestar/payments/prod/juspay in ap-south-2: prod replicates its secrets there (issue 17); nothing was promoted", 0]);
        });
    });

    describe("the runbook", () => {
        const standby: DrSettings = { mode: "standby" };
        const outputs = {
            albDnsName: "prod-internal-pe-alb-1.ap-south-2.elb.amazonaws.com",
            healthRoutes: [{ service: "internal-pe", host: "payments.example.com", path: "/health" }, { service: "customer-portal", host: "portal.example.com", path: "/" }],
        };

        function harness(options: { rolloutOk?: boolean } = {}) {
            const rds = new RDSClient({ region: "ap-south-2" });
            const secrets = new SecretsManagerClient({ region: "ap-south-2" });
            const rdsMock = mockClient(rds);
            const smMock = mockClient(secrets);
            rdsMock.on(DescribeDBInstanceAutomatedBackupsCommand).resolves({ DBInstanceAutomatedBackups: [backup()] });
            smMock.on(DescribeSecretCommand).resolves({ PrimaryRegion: "ap-south-1" }).on(StopReplicationToReplicaCommand).resolves({});
            const calls: string[] = [];
            const log: string[] = [];
            const actions: FailoverActions = {
                rds, secrets,
                setConfig: (key, value) => {
                    calls.push(`set ${key}=${value}`);
                    return { previous: key === "drMode" ? "standby" : undefined };
                },
                rollout: async (lastPhase) => {
                    calls.push(`rollout through ${lastPhase} (after ${smMock.commandCalls(StopReplicationToReplicaCommand).length} promotions)`);
                    return options.rolloutOk ?? true;
                },
                validate: async (checks) => (calls.push(`validate ${checks.join(",")}`), true),
                outputs: async () => (calls.push("outputs"), outputs),
                log: (line) => log.push(line),
                now: () => new Date("2026-11-30T21:27:00Z"),
            };
            return { actions, calls, log, rdsMock, smMock };
        }

        it("runs window, switch, promotion, phased deploy, validation and DNS in that order", async () => {
            const h = harness();
            const result = await runFailover(PROD_DR, standby, { restoreTime: new Date("2026-11-30T18:05:00Z") }, h.actions);
            expect([result.ok, result.completed.length]).to.deep.equal([true, 6]);
            expect(h.calls).to.deep.equal([
                "set drMode=active", "set drRestoreTime=2026-11-30T18:05:00Z", `set drRestoreSourceBackupsArn=${ARN}`,
                "rollout through monitoring (after 3 promotions)", "validate rds,ecs,health", "outputs",
            ]);
            expect(h.log.join("\n")).to.include("the latest point is 7 min old (RDS RPO if restored now to latest)");
            expect(h.log.join("\n")).to.include("payments.example.com  ->  prod-internal-pe-alb-1.ap-south-2.elb.amazonaws.com");
        });

        it("stops at the first failed step: a failed deployment leaves validation and DNS undone", async () => {
            const h = harness({ rolloutOk: false });
            const result = await runFailover(PROD_DR, standby, { restoreTime: "latest" }, h.actions);
            expect([result.ok, result.completed.length, result.failed?.step.startsWith("4. deploy"), h.calls.slice(-1)]).to.deep.equal([false, 3, true, ["rollout through monitoring (after 3 promotions)"]]);
        });

        it("refuses a restore time outside the window before changing anything", async () => {
            const h = harness();
            const err = await runFailover(PROD_DR, standby, { restoreTime: new Date("2026-12-01T00:00:00Z") }, h.actions).catch((e) => e);
            expect([err instanceof RefusedError, h.calls, h.smMock.commandCalls(StopReplicationToReplicaCommand).length]).to.deep.equal([true, [], 0]);
        });

        it("never changes the restore settings of an active stack (that would replace the restored database); a re-run with the same ones converges", async () => {
            const active: DrSettings = { mode: "active", restoreTime: "2026-11-30T18:05:00Z", sourceArn: ARN };
            expect(restoreChangeProblem("prod-dr", active, "latest")).to.match(/^stack "prod-dr" is already active, restored to 2026-11-30T18:05:00Z; restoring to latest would replace the restored database/);
            expect(restoreChangeProblem("prod-dr", active, new Date("2026-11-30T18:05:00Z"))).to.equal(undefined);
            expect(restoreChangeProblem("prod-dr", standby, "latest")).to.equal(undefined);
            const h = harness();
            const err = await runFailover(PROD_DR, active, { restoreTime: "latest" }, h.actions).catch((e) => e);
            expect([err instanceof RefusedError, h.rdsMock.calls().length, h.calls]).to.deep.equal([true, 0, []]);
            const rerun = await runFailover(PROD_DR, active, { restoreTime: new Date("2026-11-30T18:05:00Z") }, harness().actions);
            expect(rerun.ok).to.equal(true);
            const otherSource = await runFailover(PROD_DR, { ...active, sourceArn: "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-OTHER" },
                { restoreTime: new Date("2026-11-30T18:05:00Z") }, h.actions).catch((e) => e);
            expect([otherSource instanceof RefusedError, h.calls]).to.deep.equal([true, []]);
        });

        it("a game day stops after the data phase, validates the database only and has no DNS step (the services would share prod's live tables)", async () => {
            const h = harness();
            const result = await runFailover(PROD_DR, standby, { restoreTime: "latest", gameDay: true }, h.actions);
            expect([result.ok, result.completed.length, h.calls.slice(3)]).to.deep.equal([true, 5, ["rollout through data (after 3 promotions)", "validate rds"]]);
            expect(describeFailover(PROD_DR, standby, { restoreTime: "latest", gameDay: true }, "")).to.match(/^Game day of "prod-dr"[\s\S]*4\. game day: deploy the active stack through the data phase only[\s\S]*5\. game day: validate the restored database/);
        });

        it("the DNS step refuses to cut over to a stack without its outputs", () => {
            expect(dnsCutOver({}, PROD_DR)).to.match(/missing: the stack is not fully deployed; do not cut over/);
        });

        it("--dry-run prints every step with its calls and calls nothing", () => {
            const h = harness();
            const text = describeFailover(PROD_DR, standby, { restoreTime: "latest" }, "Rollout of stack \"prod-dr\": phased");
            expect(text.split("\n").filter((l) => /^\d\. /.test(l)).map((l) => l.split(" ")[0])).to.deep.equal(["1.", "2.", "3.", "4.", "5.", "6."]);
            expect(text).to.include("would: RDS DescribeDBInstanceAutomatedBackups in ap-south-2 (every page), the replicated backups of prod-fivestar-payments-db");
            expect(text).to.include("StopReplicationToReplica where PrimaryRegion is another Region, for fivestar/payments/prod/database, fivestar/payments/prod/razorpay, fivestar/payments/prod/juspay");
            expect([h.rdsMock.calls().length, h.smMock.calls().length, h.calls]).to.deep.equal([0, 0, []]);
        });
    });

    it("a game day's rollout stops after the data phase: network, security, data, in order; the whole rollout ends with monitoring", () => {
        const phases = planPhases(miniProgram().all);
        expect([throughPhase(phases, "data").map((p) => p.module), throughPhase(phases, "monitoring").length]).to.deep.equal([["network", "security", "data"], 5]);
    });

    it("dr-failover takes --restore-time, --dry-run and --confirm-prod; the default restore time is latest", () => {
        const stacks = ["dev", "prod", "prod-dr", "staging"];
        expect(parseArgs(["dr-failover", "prod-dr", "--restore-time", "2026-11-30T18:05:00Z", "--confirm-prod"], stacks)).to.deep.include({
            command: "dr-failover", stack: "prod-dr", confirmProd: true, dryRun: false, restoreTime: new Date("2026-11-30T18:05:00Z"),
        });
        expect(parseArgs(["dr-failover", "prod-dr", "--dry-run"], stacks)).to.deep.include({ dryRun: true, gameDay: false, confirmProd: false, restoreTime: "latest" });
        expect(parseArgs(["dr-failover", "prod-dr", "--game-day", "--confirm-prod"], stacks)).to.deep.include({ gameDay: true, confirmProd: true });
        expect(parseArgs(["dr-plan", "prod-dr"], stacks)).to.deep.equal({ command: "dr-plan", stack: "prod-dr" });
        expect(() => parseArgs(["dr-plan", "prod-dr", "--dry-run"], stacks)).to.throw(UsageError, "option --dry-run is not valid for dr-plan");
        expect(() => parseArgs(["dr-failover", "prod-dr", "--restore-time"], stacks)).to.throw(UsageError, "--restore-time needs a value");
    });
});
