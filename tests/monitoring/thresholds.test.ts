import { expect } from "chai";
import {
    connectionThreshold, ALARM_THRESHOLDS, freeStorageThresholdBytes, METRIC_PERIOD_SECONDS, summedOver, sustainedFor,
} from "../../lib/thresholds";

describe("alarm thresholds (§12.2.1)", () => {
    it("ALARM_THRESHOLDS: the guide's CPU > 80 % for 5 min, memory > 85 % for 3 min, error rate > 5 % for 2 min, connections > 80 % of max; the team's choices where it is silent", () => {
        expect(ALARM_THRESHOLDS).to.deep.include({
            ecsCpu: { percent: 80, minutes: 5 }, ecsMemory: { percent: 85, minutes: 3 }, errorRate: { percent: 5, minutes: 2 }, dbConnectionsPercent: 80,
            rdsCpuPercent: 80, rdsFreeStoragePercent: 10, replicaLagSeconds: 60, dynamodbThrottleEvents: 0, errorLogLines: 0, sustainMinutes: 5,
        });
    });

    describe("connectionThreshold: 'database connections > 80 % of max'", () => {
        it("80 % of 1000 connections is 800", () => expect(connectionThreshold(1000, 80)).to.equal(800));
        it("rounds down: > 80 (of 101 × 80 % = 80.8) fires at 81 connections, the same count as > 80.8", () => {
            expect(connectionThreshold(101, 80)).to.equal(80);
        });
        it("refuses a max that is not a positive whole number, and a percentage outside (0, 100]", () => {
            expect(() => connectionThreshold(0, 80)).to.throw(RangeError, /maxConnections/);
            expect(() => connectionThreshold(100.5, 80)).to.throw(RangeError, /maxConnections/);
            expect(() => connectionThreshold(100, 0)).to.throw(RangeError, /percent/);
            expect(() => connectionThreshold(100, 101)).to.throw(RangeError, /percent/);
        });
    });

    describe("freeStorageThresholdBytes", () => {
        it("10 % of 100 GiB is 10 GiB in bytes (FreeStorageSpace is in bytes)", () => {
            expect(freeStorageThresholdBytes(100, 10)).to.equal(10 * 1024 ** 3);
        });
        it("10 % of prod's 1000 GiB is 107374182400 bytes", () => expect(freeStorageThresholdBytes(1000, 10)).to.equal(107_374_182_400));
        it("refuses a storage size that is not a positive whole number", () => {
            expect(() => freeStorageThresholdBytes(0, 10)).to.throw(RangeError, /allocatedStorageGb/);
        });
    });

    describe("alarm windows", () => {
        it("'for 5 minutes' is five one-minute datapoints, all of which must breach", () => {
            expect(sustainedFor(5)).to.deep.equal({ period: 60, evaluationPeriods: 5, datapointsToAlarm: 5 });
            expect(METRIC_PERIOD_SECONDS).to.equal(60);
        });
        it("'within 5 minutes' is one datapoint summing 300 seconds", () => {
            expect(summedOver(5)).to.deep.equal({ period: 300, evaluationPeriods: 1, datapointsToAlarm: 1 });
        });
        it("refuses windows CloudWatch cannot evaluate (0, fractional, more than a day)", () => {
            for (const m of [0, 1.5, 1441]) {
                expect(() => sustainedFor(m), String(m)).to.throw(RangeError);
                expect(() => summedOver(m), String(m)).to.throw(RangeError);
            }
        });
    });
});
