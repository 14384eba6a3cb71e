/**
 * Disaster-recovery config (issue 17): the dr* keys only on a recovery stack (config/stacks.ts `recovers`),
 * active needs a restore source and time, and every impossible combination is refused naming the key,
 * all in one pass (config/keys/dr.ts).
 */
import { expect } from "chai";
import { checkStackConfig } from "../../config";
import { bootstrapStackOf, recoveredEnvironment, STACK_BINDINGS } from "../../config/stacks";
import { restoreToPointInTime } from "../../data/database";
import { rejection, stackInput } from "../support/config";
import { itRefuses } from "./fixtures";

const ARN = "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-0123456789abcdefghijklmnopqrstuvwxyz0123";
const ACTIVE = { drMode: "active", drRestoreTime: "latest", drRestoreSourceBackupsArn: ARN };

describe("stack config: the prod-dr stack (issue 17)", () => {
    it("is bound to prod's environment and account, recovers prod, and deploys with prod's DeploymentRole", () => {
        expect(STACK_BINDINGS["prod-dr"]).to.deep.include({ environment: "prod", awsAccountId: "123456789014", recovers: "prod" });
        expect([recoveredEnvironment("prod-dr"), recoveredEnvironment("prod"), recoveredEnvironment(undefined)]).to.deep.equal(["prod", undefined, undefined]);
        expect([bootstrapStackOf("prod-dr"), bootstrapStackOf("prod")]).to.deep.equal(["prod", "prod"]);
    });

    it("its stack file: ap-south-2, zones 2a/2b, a VPC apart from prod's, standby, prod's sizing, no backup replication and no trail", () => {
        const cfg = checkStackConfig(stackInput("prod-dr"));
        const prod = checkStackConfig(stackInput("prod"));
        expect(cfg.account).to.include({ region: "ap-south-2", id: "123456789014" });
        expect(cfg.network.availabilityZones).to.deep.equal(["ap-south-2a", "ap-south-2b"]);
        expect(cfg.network.vpcCidr).to.equal("192.168.1.0/24");
        expect(cfg.deployment).to.equal("prod-dr");
        expect(cfg.dr).to.deep.equal({ mode: "standby", recovers: "prod" });
        expect(cfg.rds.backupReplication).to.equal(undefined);
        expect(cfg.guardrails).to.include({ cloudTrail: false, guardDuty: true, awsConfig: true, waf: true });
        expect({ ecs: cfg.ecs, rds: { ...cfg.rds, backupReplication: undefined } }).to.deep.equal({ ecs: prod.ecs, rds: { ...prod.rds, backupReplication: undefined } });
        expect(prod.deployment).to.equal("prod");
        expect(prod.dr).to.equal(undefined);
    });

    it("drMode defaults to standby on the recovery stack; active carries the restore source and time", () => {
        expect(checkStackConfig(stackInput("prod-dr", { drMode: undefined })).dr).to.deep.equal({ mode: "standby", recovers: "prod" });
        expect(checkStackConfig(stackInput("prod-dr", ACTIVE)).dr).to.deep.equal({ mode: "active", recovers: "prod", restore: { time: "latest", sourceBackupsArn: ARN } });
        expect(checkStackConfig(stackInput("prod-dr", { ...ACTIVE, drRestoreTime: "2026-01-02T03:04:05Z" })).dr)
            .to.deep.include({ restore: { time: "2026-01-02T03:04:05Z", sourceBackupsArn: ARN } });
    });

    it("takes the backups' ARN as RDS writes it (upper-case id, the RDS API Reference's example shape), which the failover sets", () => {
        const documented = "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-L2IJCEXJP7XQ7HOJ4SIEXAMPLE";
        expect(checkStackConfig(stackInput("prod-dr", { ...ACTIVE, drRestoreSourceBackupsArn: documented })).dr)
            .to.deep.include({ restore: { time: "latest", sourceBackupsArn: documented } });
        expect(rejection("prod-dr", { ...ACTIVE, drRestoreSourceBackupsArn: documented.replace("ab-", "ab_") })).to.contain("fivestar-payments:drRestoreSourceBackupsArn");
    });

    it("active without a restore source or time is refused, both in one pass, naming the keys", () => {
        const message = rejection("prod-dr", { drMode: "active" });
        expect(message).to.contain('fivestar-payments:drRestoreTime is not set with fivestar-payments:drMode = "active"');
        expect(message).to.contain('fivestar-payments:drRestoreSourceBackupsArn is not set with fivestar-payments:drMode = "active"');
    });

    itRefuses([
        ["a restore time in the future", "prod-dr", { ...ACTIVE, drRestoreTime: "2999-01-01T00:00:00Z" }, "fivestar-payments:drRestoreTime = \"2999-01-01T00:00:00Z\" is in the future"],
        ["a malformed restore time", "prod-dr", { ...ACTIVE, drRestoreTime: "yesterday" }, "fivestar-payments:drRestoreTime = \"yesterday\": must be \"latest\" or an ISO-8601 UTC time"],
        ["a restore time not in UTC", "prod-dr", { ...ACTIVE, drRestoreTime: "2026-01-02T03:04:05+05:30" }, "fivestar-payments:drRestoreTime"],
        ["backups of another region", "prod-dr", { ...ACTIVE, drRestoreSourceBackupsArn: ARN.replace("ap-south-2", "ap-south-1") },
            "fivestar-payments:drRestoreSourceBackupsArn", "must be backups in this stack's region ap-south-2"],
        ["an instance's ARN instead of its backups'", "prod-dr", { ...ACTIVE, drRestoreSourceBackupsArn: "arn:aws:rds:ap-south-2:123456789014:db:prod-fivestar-payments-db" },
            "fivestar-payments:drRestoreSourceBackupsArn", "auto-backup:ab-"],
        ["an unknown drMode", "prod-dr", { drMode: "warm" }, "fivestar-payments:drMode = \"warm\": must be one of: standby, active"],
    ]);

    it("dr* keys on a primary stack are refused, each named", () => {
        const message = rejection("prod", ACTIVE);
        for (const key of Object.keys(ACTIVE)) expect(message).to.contain(`fivestar-payments:${key} = `).and.contain('in stack "prod": only a disaster-recovery stack');
        expect(rejection("dev", { drMode: "standby" })).to.contain('fivestar-payments:drMode = "standby" in stack "dev"');
    });

    it("the recovery stack needs no backup replication region, refuses one, and refuses a second trail", () => {
        expect(rejection("prod-dr", { drReplicationRegion: "ap-south-1" })).to.contain("fivestar-payments:drReplicationRegion = \"ap-south-1\" in disaster-recovery stack \"prod-dr\"");
        expect(rejection("prod-dr", { cloudTrailEnabled: "true" })).to.contain("fivestar-payments:cloudTrailEnabled = true in disaster-recovery stack \"prod-dr\": must be false");
        // prod itself still must replicate and keep its trail: data.test.ts and security.test.ts.
    });

    it("production rules still apply to the recovery stack (protection, Multi-AZ)", () => {
        const message = rejection("prod-dr", { protectStatefulResources: "false", rdsMultiAz: "false" });
        expect(message).to.contain("fivestar-payments:protectStatefulResources = false in environment \"prod\"").and.contain("fivestar-payments:rdsMultiAz = false");
    });

    it("the restore block: latest restorable time, or the given time", () => {
        expect(restoreToPointInTime({ sourceBackupsArn: ARN, time: "latest" })).to.deep.equal({ sourceDbInstanceAutomatedBackupsArn: ARN, useLatestRestorableTime: true });
        expect(restoreToPointInTime({ sourceBackupsArn: ARN, time: "2026-01-02T03:04:05Z" })).to.deep.equal({ sourceDbInstanceAutomatedBackupsArn: ARN, restoreTime: "2026-01-02T03:04:05Z" });
    });
});
