/**
 * `dr-plan`: the failover's critical path and total, on a hand-built recovery stack (standby and
 * active plans with the real resource types and URN shapes), with every minute taken from
 * automation/dr/durations.json; it fails on a slower duration; and it runs on a real program plan.
 */
import { expect } from "chai";
import {
    activitiesFor, DURATIONS, Durations, EstimatedResource, estimateRecovery, operations, parseDurations, renderEstimate, renderRpo,
} from "../../automation/dr/recoveryPlan";
import { node, Node } from "./fixtures";
import { planOf } from "../support/plans";

type Inputs = Record<string, unknown>;
const res = (n: Node, inputs: Inputs = {}, custom = true): EstimatedResource => ({ ...n, custom, inputs });
const component = (n: Node): EstimatedResource => res(n, {}, false);
const A = DURATIONS.activities;
const min = (name: string, storageGb = 0) => A[name].minutes + (A[name].minutesPer1000Gb ?? 0) * storageGb / 1000;

/** A miniature recovery stack: what standby has, and what active adds or changes. */
export function recoveryStack() {
    const provider = node("pulumi:providers:aws", "deployment-account");
    const network = node("fivestar:network:Network", "network");
    const vpc = node("aws:ec2/vpc:Vpc", "network-vpc", network, { provider });
    const subnetGroup = node("aws:rds/subnetGroup:SubnetGroup", "network-db-subnets", network, { provider, deps: [vpc] });
    const security = node("fivestar:security:Security", "security");
    const rdsSg = node("aws:ec2/securityGroup:SecurityGroup", "security-rds", security, { provider, deps: [vpc] });
    const dbKey = node("aws:kms/key:Key", "security-database-key", security, { provider });
    const logs = node("fivestar:monitoring:LogGroups", "logs");
    const dbLog = node("aws:cloudwatch/logGroup:LogGroup", "logs-db", logs, { provider });
    const data = node("fivestar:data:Database", "database");
    const primary = node("aws:rds/instance:Instance", "database-primary", data, { provider, deps: [subnetGroup, rdsSg, dbKey, dbLog] });
    const replica1 = node("aws:rds/instance:Instance", "database-replica-1", data, { provider, deps: [primary] });
    const replica2 = node("aws:rds/instance:Instance", "database-replica-2", data, { provider, deps: [primary] });
    const connection = node("fivestar:data:DatabaseConnection", "database-connection");
    const secretVersion = node("aws:secretsmanager/secretVersion:SecretVersion", "database-secret-value", connection, { provider, deps: [primary] });
    const compute = node("fivestar:compute:FargateService", "internal-pe");
    // Depends on the connection component: the engine waits for all of its resources.
    const taskDef = node("aws:ecs/taskDefinition:TaskDefinition", "internal-pe-task", compute, { provider, deps: [connection] });
    const service = node("aws:ecs/service:Service", "internal-pe-service", compute, { provider, deps: [taskDef] });
    const alarms = node("fivestar:monitoring:Alarms", "alarms");
    const dbAlarm = node("aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-db-cpu", alarms, { provider, deps: [primary] });

    const common = [res(provider, {}, true), component(network), res(vpc), res(subnetGroup), component(security), res(rdsSg), res(dbKey), component(logs), res(dbLog),
        component(compute), res(taskDef, { cpu: "2048" }), component(alarms)];
    const standby = [...common, res(service, { desiredCount: 0 })];
    const restore = { restoreToPointInTime: { useLatestRestorableTime: true, sourceDbInstanceAutomatedBackupsArn: "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-X" } };
    const active = [...common, res(service, { desiredCount: 3 }),
        component(data), res(primary, { ...restore, multiAz: true, allocatedStorage: 1000 }),
        res(replica1, { replicateSourceDb: "arn:primary" }), res(replica2, { replicateSourceDb: "arn:primary" }),
        component(connection), res(secretVersion), res(dbAlarm)];
    return { standby, active, vpc, primary, replica1, service, secretVersion, taskDef, dbAlarm };
}

const pathOf = (e: ReturnType<typeof estimateRecovery>) => e.criticalPath.map((p) => [p.stage, p.what, p.minutes]);

describe("dr-plan: the failover's recovery-time estimate", () => {
    it("durations.json is complete: every activity it names is defined, every figure has its evidence and source (the data check refuses otherwise)", () => {
        expect(Object.values(A).every((a) => a.source.length >= 20 && ["aws-docs", "provider-timeout", "measured", "estimate"].includes(a.evidence))).to.equal(true);
        expect(DURATIONS.rtoTargetMinutes).to.equal(240); // §2.2.3: RTO < 4 hours
        // The data check refuses an activity named but not defined, and a figure without a source.
        const broken = JSON.parse(JSON.stringify(DURATIONS));
        broken.runbook.before.push("coffee");
        broken.activities.decision.source = "";
        expect(() => parseDurations(broken)).to.throw(/activities.decision.source: .*; \(root\): activity "coffee" is named but not defined/);
    });

    it("tells created, updated and unchanged resources apart (standby against active); times RDS by its inputs: a point-in-time restore, a read replica, a Multi-AZ conversion; unknown types by the defaults", () => {
        const { standby, active, vpc, primary, service, replica1, secretVersion } = recoveryStack();
        const ops = operations(standby, active);
        expect([ops.get(vpc.urn), ops.get(primary.urn), ops.get(service.urn)]).to.deep.equal(["none", "create", "update"]);
        const get = (n: Node) => active.find((r) => r.urn === n.urn)!;
        const singleAz = { ...get(primary), inputs: { multiAz: false } };
        expect([
            activitiesFor(get(primary), "create", undefined, DURATIONS), activitiesFor(get(replica1), "create", undefined, DURATIONS),
            activitiesFor({ ...get(primary), inputs: { multiAz: true } }, "update", singleAz, DURATIONS),
            activitiesFor(get(secretVersion), "create", undefined, DURATIONS), activitiesFor(get(primary), "none", undefined, DURATIONS),
        ]).to.deep.equal([
            { names: ["rdsPointInTimeRestore"], defaulted: false }, { names: ["rdsReadReplica"], defaulted: false },
            { names: ["rdsMultiAzConversion"], defaulted: false }, { names: ["defaultCreate"], defaulted: true }, { names: [], defaulted: false },
        ]);
    });

    it("the critical path runs through the runbook steps and each phase's longest chain: restore, replica, secret value, service", () => {
        const { standby, active } = recoveryStack();
        const e = estimateRecovery(standby, active);
        const runbook = (name: string) => ["runbook", A[name].label, min(name)];
        const phase = (module: string, name: string) => [module, A[name].label, min(name)];
        expect(pathOf(e)).to.deep.equal([
            runbook("decision"), runbook("restoreWindow"), runbook("secretPromotion"),
            phase("network", "pulumiPhase"),
            phase("security", "pulumiPhase"),
            phase("data", "pulumiPhase"),
            ["data", "aws:rds/instance:Instance database-primary", min("rdsPointInTimeRestore", 1000)],
            // The replicas (45 min) outlast the secret value (1 min): the data phase ends with one of them.
            ["data", "aws:rds/instance:Instance database-replica-1", min("rdsReadReplica", 1000)],
            phase("data", "phaseValidation"),
            phase("compute", "pulumiPhase"),
            ["compute", "aws:ecs/service:Service internal-pe-service", min("ecsServiceSteady")],
            phase("compute", "phaseValidation"),
            phase("monitoring", "pulumiPhase"),
            ["monitoring", "aws:cloudwatch/metricAlarm:MetricAlarm alarms-db-cpu", min("defaultCreate")],
            phase("monitoring", "phaseValidation"),
            runbook("finalValidation"), runbook("dnsChange"), runbook("dnsTtl"),
        ]);
        const total = e.criticalPath.reduce((s, p) => s + p.minutes, 0);
        expect([e.totalMinutes, e.withinTarget, e.minutesPer1000Gb]).to.deep.equal([
            Math.round(total), true, A.rdsPointInTimeRestore.minutesPer1000Gb! + A.rdsReadReplica.minutesPer1000Gb!]);
        expect(e.totalMinutes).to.be.below(240);
    });

    it("prints the path, the total against 4 h, how it scales with storage, and the RPO per store", () => {
        const { standby, active } = recoveryStack();
        const text = renderEstimate("prod-dr", estimateRecovery(standby, active));
        expect(text).to.match(/create aws:rds\/instance:Instance database-primary \(1000 GB\): RDS point-in-time restore/);
        expect(text).to.match(/Estimated recovery time: \d h \d\d min \(\d+ min\), within the RTO target of 4 h 00 min \(\d+ min spare\)\./);
        expect(text).to.match(/each further 1000 GB of database storage adds about 75 min/);
        expect(renderRpo().match(/^ {2}\S.*: /gm)!.map((l) => l.trim().split(":")[0])).to.deep.equal([
            "RDS PostgreSQL", "DynamoDB transactions and transaction-queue tables", "Secrets Manager secrets (database, razorpay, juspay)", "ECR images (internal-pe, customer-portal)",
        ]);
    });

    it("flags a failover over the target: a slower restore, or more storage, puts the total up (over 4 h)", () => {
        const { standby, active, primary } = recoveryStack();
        const slow: Durations = JSON.parse(JSON.stringify(DURATIONS));
        slow.activities.rdsPointInTimeRestore.minutesPer1000Gb = 200;
        const e = estimateRecovery(standby, active, slow);
        expect([e.withinTarget, e.totalMinutes > 240]).to.deep.equal([false, true]);
        expect(renderEstimate("prod-dr", e, slow)).to.match(/OVER the RTO target of 4 h 00 min by \d+ min/);
        // It scales with the restored instance's storage (2000 GB: the restore and the replica take longer).
        const bigger = active.map((r) => (r.urn === primary.urn ? { ...r, inputs: { ...r.inputs, allocatedStorage: 2000 } } : r));
        const [base, big] = [estimateRecovery(standby, active), estimateRecovery(standby, bigger)];
        expect(big.totalMinutes - base.totalMinutes).to.equal(base.minutesPer1000Gb);
    });

    it("a cold start (nothing deployed) times every resource, the network's too", () => {
        const { active } = recoveryStack();
        const e = estimateRecovery([], active);
        expect(e.phases.map((p) => [p.module, p.changed])).to.deep.equal([["network", 2], ["security", 2], ["data", 5], ["compute", 2], ["monitoring", 1]]);
        expect(e.totalMinutes).to.be.greaterThan(estimateRecovery(recoveryStack().standby, active).totalMinutes);
    });

    it("works on the program's real plan (prod's graph, as a cold start): the database is on the path", async () => {
        const prod = await planOf("prod");
        const e = estimateRecovery([], prod.resources);
        expect(e.criticalPath.some((p) => p.stage === "data" && p.what.startsWith("aws:rds/instance:Instance "))).to.equal(true);
        expect(e.phases.map((p) => p.module)).to.deep.equal(["network", "security", "data", "compute", "monitoring"]);
    });
});
