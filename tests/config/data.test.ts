/**
 * Data config (issue 4): RDS/DynamoDB values and rejections that name the key and what is allowed. The
 * per-stack sizing (storage ceiling, max_connections, engine, replication region) is asserted on each
 * stack's plan (tests/program/data.test.ts, monitoring.test.ts, provider.test.ts).
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig } from "../support/config";
import { itRefuses } from "./fixtures";

describe("stack config: data keys (§6.1.1, §2.2.3)", () => {
    it("a 1000 ms slow-query threshold by default; prod keeps its replicated backups 7 days", () => {
        const rds = ["dev", "staging", "prod"].map((s) => parseStackConfig(rawStackConfig(s)).rds);
        expect(rds.map((r) => [r.slowQueryThresholdMs, r.backupReplication])).to.deep.equal([[1000, undefined], [1000, undefined], [1000, { region: "ap-south-2", retentionDays: 7 }]]);
    });

    it("takes an explicit engine version, threshold and replication retention", () => {
        const rds = parseStackConfig(rawStackConfig("prod", {
            rdsEngineVersion: "15.16", rdsAutoMinorVersionUpgrade: "false", rdsSlowQueryThresholdMs: "500", rdsBackupReplicationRetentionDays: "14",
        })).rds;
        expect(rds.engineVersion).to.equal("15.16");
        expect(rds.autoMinorVersionUpgrade).to.equal(false);
        expect(rds.slowQueryThresholdMs).to.equal(500);
        expect(rds.backupReplication).to.deep.equal({ region: "ap-south-2", retentionDays: 14 });
    });

    it("a 10% higher storage ceiling is accepted", () => {
        expect(parseStackConfig(rawStackConfig("dev", { rdsMaxAllocatedStorageGb: "110" })).rds.maxAllocatedStorageGb).to.equal(110);
    });
});

describe("stack config: bad data values are rejected with the key and what is allowed", () => {
    itRefuses([
        ["autoscaling ceiling not 10% above the allocated storage names both keys", "dev", { rdsMaxAllocatedStorageGb: "105" },
            "fivestar-payments:rdsMaxAllocatedStorageGb = 105 with fivestar-payments:rdsAllocatedStorageGb = 100: the autoscaling ceiling must be at least 10% above the allocated storage (110 or more)"],
        ["autoscaling ceiling below prod's storage", "prod", { rdsMaxAllocatedStorageGb: "900" }, "fivestar-payments:rdsMaxAllocatedStorageGb = 900 with fivestar-payments:rdsAllocatedStorageGb = 1000"],
        ["max_connections below 20", "dev", { rdsMaxConnections: "10" }, 'fivestar-payments:rdsMaxConnections = "10": must be at least 20'],
        ["max_connections above 5000", "prod", { rdsMaxConnections: "6000" }, 'fivestar-payments:rdsMaxConnections = "6000": must be at most 5000'],
        ["max_connections beyond what db.t3.medium's memory carries", "dev", { rdsMaxConnections: "451" },
            'fivestar-payments:rdsMaxConnections = 451 with fivestar-payments:rdsInstanceClass = "db.t3.medium": must be at most 450'],
        ["max_connections beyond what db.r6g.large's memory carries", "prod", { rdsMaxConnections: "1803" }, "must be at most 1802"],
        ["a retired PostgreSQL 15 minor", "dev", { rdsEngineVersion: "15.4" }, 'fivestar-payments:rdsEngineVersion = "15.4": must be "15" or "15.<minor>" with minor above 12'],
        ["another major", "dev", { rdsEngineVersion: "16.4" }, "fivestar-payments:rdsEngineVersion"],
        // What an unquoted 15.10 in YAML turns into.
        ["15.1 (an unquoted 15.10)", "dev", { rdsEngineVersion: "15.1" }, "RDS retired 15.12 and earlier"],
        ["issue 13 fault 8: a pinned minor with automatic minor upgrades (drifts into a planned downgrade) names both keys", "prod", { rdsEngineVersion: "15.15" },
            'fivestar-payments:rdsEngineVersion = "15.15" with fivestar-payments:rdsAutoMinorVersionUpgrade = true: pins the minor while automatic minor upgrades are on', 'use "15"'],
        ["a major-only version with automatic minor upgrades off (never patched)", "dev", { rdsAutoMinorVersionUpgrade: "false" },
            'fivestar-payments:rdsEngineVersion = "15" with fivestar-payments:rdsAutoMinorVersionUpgrade = false: names only the major'],
        ["a slow-query threshold of 0 (logs everything)", "dev", { rdsSlowQueryThresholdMs: "0" }, 'fivestar-payments:rdsSlowQueryThresholdMs = "0": must be at least 10'],
        ["a negative slow-query threshold", "dev", { rdsSlowQueryThresholdMs: "-1" }, "fivestar-payments:rdsSlowQueryThresholdMs"],
        ["an instance class without Performance Insights", "dev", { rdsInstanceClass: "db.t3.small" },
            'fivestar-payments:rdsInstanceClass = "db.t3.small": Performance Insights (§6.1.1) is not offered on micro and small burstable classes'],
        ["more read replicas than availability zones", "prod", { rdsReadReplicas: "3" },
            'fivestar-payments:rdsReadReplicas = 3: each replica gets its own availability zone and fivestar-payments:availabilityZones = ["ap-south-1a","ap-south-1b"] lists 2'],
        ["a replication retention of 0", "prod", { rdsBackupReplicationRetentionDays: "0" }, "fivestar-payments:rdsBackupReplicationRetentionDays"],
        ["a replication retention RDS does not allow", "prod", { rdsBackupReplicationRetentionDays: "36" }, "must be at most 35"],
        ["missing rdsMaxConnections", "staging", { rdsMaxConnections: undefined }, "fivestar-payments:rdsMaxConnections is not set: required"],
        ["missing rdsMaxAllocatedStorageGb", "staging", { rdsMaxAllocatedStorageGb: undefined }, "fivestar-payments:rdsMaxAllocatedStorageGb is not set: required"],
    ]);
});
