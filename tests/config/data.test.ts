/**
 * Data config (issue 4): per-stack RDS/DynamoDB values and rejections that name the key and what is allowed.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig, rejection } from "../support/config";

describe("stack config: data keys per stack (§4.1, §6.1.1, §2.2.3)", () => {
    const expected = {
        dev: { maxStorage: 200, maxConnections: 200, replication: undefined },
        staging: { maxStorage: 1000, maxConnections: 500, replication: undefined },
        prod: { maxStorage: 2000, maxConnections: 1500, replication: { region: "ap-south-2", retentionDays: 7 } },
    } as const;
    for (const [stack, want] of Object.entries(expected)) {
        describe(stack, () => {
            const rds = parseStackConfig(rawStackConfig(stack)).rds;
            it(`storage autoscales up to ${want.maxStorage} GB`, () => expect(rds.maxAllocatedStorageGb).to.equal(want.maxStorage));
            it(`max_connections ${want.maxConnections} (the §12.2.1 alarm's 100%)`, () => expect(rds.maxConnections).to.equal(want.maxConnections));
            it("PostgreSQL 15, the major only, with automatic minor upgrades, and a 1000 ms slow-query threshold by default", () => {
                expect(rds.engineVersion).to.equal("15");
                expect(rds.autoMinorVersionUpgrade).to.equal(true);
                expect(rds.slowQueryThresholdMs).to.equal(1000);
            });
            it(want.replication ? "replicates backups to ap-south-2 for 7 days" : "does not replicate backups", () => {
                expect(rds.backupReplication).to.deep.equal(want.replication);
            });
        });
    }

    it("takes an explicit engine version, threshold and replication retention", () => {
        const rds = parseStackConfig(rawStackConfig("prod", {
            rdsEngineVersion: "15.16", rdsAutoMinorVersionUpgrade: "false", rdsSlowQueryThresholdMs: "500", rdsBackupReplicationRetentionDays: "14",
        })).rds;
        expect(rds.engineVersion).to.equal("15.16");
        expect(rds.autoMinorVersionUpgrade).to.equal(false);
        expect(rds.slowQueryThresholdMs).to.equal(500);
        expect(rds.backupReplication).to.deep.equal({ region: "ap-south-2", retentionDays: 14 });
    });

    it("staging may opt in to backup replication", () => {
        expect(parseStackConfig(rawStackConfig("staging", { rdsBackupReplicationRegion: "ap-south-2" })).rds.backupReplication)
            .to.deep.equal({ region: "ap-south-2", retentionDays: 7 });
    });
});

describe("stack config: bad data values are rejected with the key and what is allowed", () => {
    it("autoscaling ceiling not 10% above the allocated storage names both keys", () => {
        expect(rejection("dev", { rdsMaxAllocatedStorageGb: "105" })).to.include(
            "fivestar-payments:rdsMaxAllocatedStorageGb = 105 with fivestar-payments:rdsAllocatedStorageGb = 100: the autoscaling ceiling must be at least 10% above the allocated storage (110 or more)");
        expect(rejection("prod", { rdsMaxAllocatedStorageGb: "900" })).to.include("fivestar-payments:rdsMaxAllocatedStorageGb = 900 with fivestar-payments:rdsAllocatedStorageGb = 1000");
    });
    it("a 10% higher ceiling is accepted", () => {
        expect(parseStackConfig(rawStackConfig("dev", { rdsMaxAllocatedStorageGb: "110" })).rds.maxAllocatedStorageGb).to.equal(110);
    });
    it("max_connections out of range", () => {
        expect(rejection("dev", { rdsMaxConnections: "10" })).to.include('fivestar-payments:rdsMaxConnections = "10": must be at least 20');
        expect(rejection("prod", { rdsMaxConnections: "6000" })).to.include('fivestar-payments:rdsMaxConnections = "6000": must be at most 5000');
    });
    it("max_connections beyond what the instance class's memory carries", () => {
        expect(rejection("dev", { rdsMaxConnections: "451" })).to.include(
            'fivestar-payments:rdsMaxConnections = 451 with fivestar-payments:rdsInstanceClass = "db.t3.medium": must be at most 450');
        expect(rejection("prod", { rdsMaxConnections: "1803" })).to.include("must be at most 1802");
    });
    it("an engine version that is not a live PostgreSQL 15", () => {
        expect(rejection("dev", { rdsEngineVersion: "15.4" })).to.include('fivestar-payments:rdsEngineVersion = "15.4": must be "15" or "15.<minor>" with minor above 12');
        expect(rejection("dev", { rdsEngineVersion: "16.4" })).to.include("fivestar-payments:rdsEngineVersion");
        // What an unquoted 15.10 in YAML turns into.
        expect(rejection("dev", { rdsEngineVersion: "15.1" })).to.include("RDS retired 15.12 and earlier");
    });
    it("issue 13 fault 8: a pinned minor with automatic minor upgrades (drifts into a planned downgrade) names both keys", () => {
        expect(rejection("prod", { rdsEngineVersion: "15.15" })).to.include(
            'fivestar-payments:rdsEngineVersion = "15.15" with fivestar-payments:rdsAutoMinorVersionUpgrade = true: pins the minor while automatic minor upgrades are on');
        expect(rejection("prod", { rdsEngineVersion: "15.15" })).to.include('use "15"');
    });
    it("a major-only version with automatic minor upgrades off (never patched) is refused", () => {
        expect(rejection("dev", { rdsAutoMinorVersionUpgrade: "false" })).to.include(
            'fivestar-payments:rdsEngineVersion = "15" with fivestar-payments:rdsAutoMinorVersionUpgrade = false: names only the major');
    });
    it("a slow-query threshold that would log everything or nothing useful", () => {
        expect(rejection("dev", { rdsSlowQueryThresholdMs: "0" })).to.include('fivestar-payments:rdsSlowQueryThresholdMs = "0": must be at least 10');
        expect(rejection("dev", { rdsSlowQueryThresholdMs: "-1" })).to.include("fivestar-payments:rdsSlowQueryThresholdMs");
    });
    it("an instance class without Performance Insights", () => {
        expect(rejection("dev", { rdsInstanceClass: "db.t3.small" })).to.include(
            'fivestar-payments:rdsInstanceClass = "db.t3.small": Performance Insights (§6.1.1) is not offered on micro and small burstable classes');
    });
    it("more read replicas than availability zones", () => {
        expect(rejection("prod", { rdsReadReplicas: "3" })).to.include(
            'fivestar-payments:rdsReadReplicas = 3: each replica gets its own availability zone and fivestar-payments:availabilityZones = ["ap-south-1a","ap-south-1b"] lists 2');
    });
    it("backups replicated into the stack's own region", () => {
        expect(rejection("prod", { rdsBackupReplicationRegion: "ap-south-1" })).to.include(
            'fivestar-payments:rdsBackupReplicationRegion = "ap-south-1": must be another region than fivestar-payments:region');
    });
    it("prod without cross-region backup replication (§2.2.3)", () => {
        expect(rejection("prod", { rdsBackupReplicationRegion: undefined })).to.include(
            'fivestar-payments:rdsBackupReplicationRegion is not set in environment "prod": production backups are replicated cross-region (§2.2.3)');
    });
    it("a replication region that is not a region, or a retention RDS does not allow", () => {
        expect(rejection("prod", { rdsBackupReplicationRegion: "Hyderabad" })).to.include(
            'fivestar-payments:rdsBackupReplicationRegion = "Hyderabad": must be an AWS region name such as ap-south-2');
        expect(rejection("prod", { rdsBackupReplicationRetentionDays: "0" })).to.include("fivestar-payments:rdsBackupReplicationRetentionDays");
        expect(rejection("prod", { rdsBackupReplicationRetentionDays: "36" })).to.include("must be at most 35");
    });
    it("missing per-stack keys", () => {
        expect(rejection("staging", { rdsMaxConnections: undefined })).to.include("fivestar-payments:rdsMaxConnections is not set: required");
        expect(rejection("staging", { rdsMaxAllocatedStorageGb: undefined })).to.include("fivestar-payments:rdsMaxAllocatedStorageGb is not set: required");
    });
});
