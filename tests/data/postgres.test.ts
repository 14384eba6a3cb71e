import { expect } from "chai";
import {
    DEFAULT_ENGINE_VERSION, instanceClassMemoryGiB, isAcceptedEngineVersion, maxConnectionsCeiling, parameterGroupFamily,
    parseEngineVersion, postgresParameters, supportsPerformanceInsights,
} from "../../lib/postgres";

describe("data: PostgreSQL decisions", () => {
    describe("engine version (§6.1.1: PostgreSQL 15)", () => {
        it("defaults to the major only, 15: RDS picks its current minor and advances it (issue 13 fault 8)", () => {
            expect(DEFAULT_ENGINE_VERSION).to.equal("15");
            expect(isAcceptedEngineVersion(DEFAULT_ENGINE_VERSION)).to.equal(true);
        });
        it("parses major and minor", () => {
            expect(parseEngineVersion("15.15")).to.deep.equal({ major: 15, minor: 15 });
            expect(parseEngineVersion("15")).to.deep.equal({ major: 15, minor: undefined });
            expect(parseEngineVersion("15.x")).to.equal(undefined);
        });
        it("accepts a later 15.x and the major-only form", () => {
            for (const v of ["15.13", "15.16", "15"]) expect(isAcceptedEngineVersion(v), v).to.equal(true);
        });
        it("refuses the guide's retired 15.4, the minors retired in May 2026, other majors and junk", () => {
            for (const v of ["15.4", "15.10", "15.12", "15.1", "14.15", "16.6", "16", "15.15.1", "latest", ""]) expect(isAcceptedEngineVersion(v), v).to.equal(false);
        });
        it("family postgres15", () => {
            expect(parameterGroupFamily("15.15")).to.equal("postgres15");
            expect(parameterGroupFamily("15")).to.equal("postgres15");
            expect(() => parameterGroupFamily("x")).to.throw("not a PostgreSQL engine version");
        });
    });

    describe("parameter group contents", () => {
        const params = postgresParameters({ slowQueryThresholdMs: 750, maxConnections: 1234 });
        const byName = Object.fromEntries(params.map((p) => [p.name, p]));
        it("forces SSL", () => expect(byName["rds.force_ssl"]).to.deep.equal({ name: "rds.force_ssl", value: "1", applyMethod: "immediate" }));
        it("logs statements slower than the threshold", () => expect(byName.log_min_duration_statement.value).to.equal("750"));
        it("sets max_connections, a static parameter applied at the next reboot", () => {
            expect(byName.max_connections).to.deep.equal({ name: "max_connections", value: "1234", applyMethod: "pending-reboot" });
        });
        it("only max_connections waits for a reboot; the rest are dynamic", () => {
            expect(params.filter((p) => p.applyMethod === "pending-reboot").map((p) => p.name)).to.deep.equal(["max_connections"]);
        });
        it("logs no bind values, and audits connections, disconnections, DDL and lock waits", () => {
            expect(byName.log_parameter_max_length.value).to.equal("0");
            expect([byName.log_connections.value, byName.log_disconnections.value, byName.log_lock_waits.value]).to.deep.equal(["1", "1", "1"]);
            expect(byName.log_statement.value).to.equal("ddl");
        });
        it("hashes passwords with SCRAM", () => expect(byName.password_encryption.value).to.equal("scram-sha-256"));
        it("names each parameter once", () => expect(new Set(params.map((p) => p.name)).size).to.equal(params.length));
    });

    describe("instance classes", () => {
        it("knows the guide's classes: db.t3.medium 4 GiB, db.r6g.large 16 GiB", () => {
            expect(instanceClassMemoryGiB("db.t3.medium")).to.equal(4);
            expect(instanceClassMemoryGiB("db.r6g.large")).to.equal(16);
            expect(instanceClassMemoryGiB("db.m6i.2xlarge")).to.equal(32);
            expect(instanceClassMemoryGiB("db.r7g.4xlarge")).to.equal(128);
        });
        it("does not guess unknown classes", () => {
            for (const c of ["db.x2g.large", "db.r4.large", "db.r6g.metal", "db.t2.medium", "m5.large"]) expect(instanceClassMemoryGiB(c), c).to.equal(undefined);
        });
        it("max_connections ceiling is RDS's memory formula, capped at 5000", () => {
            expect(maxConnectionsCeiling("db.t3.medium")).to.equal(450);
            expect(maxConnectionsCeiling("db.r6g.large")).to.equal(1802);
            expect(maxConnectionsCeiling("db.r6g.4xlarge")).to.equal(5000);
            expect(maxConnectionsCeiling("db.x2g.large")).to.equal(undefined);
        });
        it("Performance Insights everywhere but micro/small burstable classes", () => {
            expect(supportsPerformanceInsights("db.t3.medium")).to.equal(true);
            expect(supportsPerformanceInsights("db.r6g.large")).to.equal(true);
            expect(supportsPerformanceInsights("db.t3.small")).to.equal(false);
            expect(supportsPerformanceInsights("db.t4g.micro")).to.equal(false);
        });
    });
});
