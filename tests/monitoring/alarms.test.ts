/**
 * The alarms of §12.2.1 per stack: what each one measures (namespace, metric, dimensions, statistic),
 * when it fires (threshold, period × evaluation periods) and whom it tells (the alert topic).
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { names, SERVICES } from "../../config/names";
import { planAlarms } from "../../monitoring/alarmPlan";
import { Alarms, AlarmsArgs } from "../../monitoring/alarms";
import { RegisteredResource } from "../../lib/planRecord";
import { ALARM_THRESHOLDS } from "../../lib/thresholds";
import { construct, Constructed, inAccount, valueOf } from "../support/component";
import { alarmsArgs, albSuffix, STACKS, tgSuffix, TOPIC_ARN } from "./fixtures";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** Per stack: what differs (§4.1 sizing and rdsMaxConnections from the stack files). */
const EXPECTED = {
    dev: { replicas: 0, connections: 160, freeBytes: 10 * 1024 ** 3, alarms: 15 },
    staging: { replicas: 0, connections: 400, freeBytes: 50 * 1024 ** 3, alarms: 15 },
    prod: { replicas: 2, connections: 1200, freeBytes: 100 * 1024 ** 3, alarms: 23 },
} as const;

interface Query {
    id: string;
    expression?: string;
    returnData?: boolean;
    metric?: { namespace: string; metricName: string; dimensions: Record<string, string>; stat: string; period: number };
}

const inputs = (r: RegisteredResource) => r.inputs as Record<string, unknown> & { metricQueries?: Query[] };
const durationSeconds = (r: RegisteredResource) => Number(r.inputs.period) * Number(r.inputs.evaluationPeriods);
const query = (r: RegisteredResource, id: string) => {
    const q = inputs(r).metricQueries?.find((m) => m.id === id);
    if (!q) throw new Error(`${r.name} has no query ${id}`);
    return q;
};

async function build(name: string, args: AlarmsArgs): Promise<Constructed<Alarms>> {
    return construct(() => new Alarms(name, args, inAccount()));
}

for (const env of STACKS) {
    const want = EXPECTED[env];
    describe(`alarms, ${env} stack (§12.2.1)`, () => {
        const name = `alarms-${env}`;
        let built: Constructed<Alarms>;
        const alarm = (key: string) => built.one(ALARM, `${name}-${key}`);
        before(async () => {
            built = await build(name, alarmsArgs(env));
        });

        it(`creates ${want.alarms} alarms, all children of the component, with unique names`, () => {
            const alarms = built.ofType(ALARM);
            expect(alarms).to.have.length(want.alarms);
            const component = built.one("fivestar:monitoring:Alarms", name);
            for (const a of alarms) expect(a.parent, a.name).to.equal(component.urn);
            expect(new Set(alarms.map((a) => a.inputs.name)).size).to.equal(want.alarms);
        });

        it("every alarm notifies the alert topic when it fires and when it clears", () => {
            for (const a of built.ofType(ALARM)) {
                expect(a.inputs.alarmActions, a.name).to.deep.equal([TOPIC_ARN]);
                expect(a.inputs.okActions, a.name).to.deep.equal([TOPIC_ARN]);
                expect(a.inputs.actionsEnabled, a.name).to.equal(true);
            }
        });

        // The services' and tables' alarms are the same in every stack but for names: asserted once, on prod.
        for (const service of env === "prod" ? SERVICES : []) {
            const ecsDims = { ClusterName: names.ecsCluster(env), ServiceName: names.ecsService(env, service) };
            const tgDims = { LoadBalancer: albSuffix(env), TargetGroup: tgSuffix(env, service) };

            it(`${service}: CPU > 80 % for 5 minutes (AWS/ECS CPUUtilization, Average, ClusterName + ServiceName)`, () => {
                const a = alarm(`${service}-cpu`);
                expect(a.inputs).to.include({
                    name: `${env}-${service}-service-cpu-high`, namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average",
                    comparisonOperator: "GreaterThanThreshold", threshold: 80, period: 60, evaluationPeriods: 5, datapointsToAlarm: 5,
                });
                expect(a.inputs.dimensions).to.deep.equal(ecsDims);
                expect(durationSeconds(a)).to.equal(300);
            });

            it(`${service}: memory > 85 % for 3 minutes (AWS/ECS MemoryUtilization, Average)`, () => {
                const a = alarm(`${service}-memory`);
                expect(a.inputs).to.include({
                    namespace: "AWS/ECS", metricName: "MemoryUtilization", statistic: "Average",
                    comparisonOperator: "GreaterThanThreshold", threshold: 85, evaluationPeriods: 3, datapointsToAlarm: 3,
                });
                expect(a.inputs.dimensions).to.deep.equal(ecsDims);
                expect(durationSeconds(a)).to.equal(180);
            });

            it(`${service}: error rate > 5 % for 2 minutes, target 5XX over RequestCount of its target group; no traffic is no alarm`, () => {
                const a = alarm(`${service}-5xx-rate`);
                expect(a.inputs).to.include({ comparisonOperator: "GreaterThanThreshold", threshold: 5, evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: "notBreaching" });
                expect(a.inputs).not.to.have.any.keys("metricName", "namespace", "statistic");
                for (const [id, metricName] of [["requests", "RequestCount"], ["target5xx", "HTTPCode_Target_5XX_Count"]]) {
                    expect(query(a, id).metric, id).to.deep.equal({ namespace: "AWS/ApplicationELB", metricName, dimensions: tgDims, stat: "Sum", period: 60 });
                    expect(query(a, id).returnData, id).to.equal(false);
                }
                expect(query(a, "errorRate")).to.include({ expression: "IF(requests > 0, 100 * FILL(target5xx, 0) / requests, 0)", returnData: true });
                expect(query(a, "errorRate").metric).to.equal(undefined);
                expect(inputs(a).metricQueries).to.have.length(3);
            });

            it(`${service}: any unhealthy target for 5 minutes (UnHealthyHostCount, Maximum)`, () => {
                const a = alarm(`${service}-unhealthy-hosts`);
                expect(a.inputs).to.include({
                    namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", statistic: "Maximum",
                    comparisonOperator: "GreaterThanThreshold", threshold: 0, period: 60, evaluationPeriods: 5,
                });
                expect(a.inputs.dimensions).to.deep.equal(tgDims);
            });
        }

        it("ALB: error rate > 5 % for 2 minutes counts target and ALB 5XX over all requests of the ALB", () => {
            const a = alarm("alb-5xx-rate");
            expect(a.inputs).to.include({ name: `${env}-internal-pe-alb-5xx-rate-high`, threshold: 5, evaluationPeriods: 2, treatMissingData: "notBreaching" });
            const lb = { LoadBalancer: albSuffix(env) };
            for (const [id, metricName] of [["requests", "RequestCount"], ["target5xx", "HTTPCode_Target_5XX_Count"], ["elb5xx", "HTTPCode_ELB_5XX_Count"]]) {
                expect(query(a, id).metric, id).to.deep.equal({ namespace: "AWS/ApplicationELB", metricName, dimensions: lb, stat: "Sum", period: 60 });
            }
            expect(query(a, "errorRate").expression).to.equal("IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)");
        });

        const instances = [names.dbInstance(env), ...Array.from({ length: want.replicas }, (_, i) => names.dbReplica(env, i))];
        const keyOf = (i: number) => (i === 0 ? "db" : `db-replica-${i}`);

        it(`database connections > 80 % of max_connections: one alarm per instance (${instances.length}), threshold ${want.connections}`, () => {
            const alarms = built.ofType(ALARM).filter((a) => a.inputs.metricName === "DatabaseConnections");
            expect(alarms).to.have.length(instances.length);
            instances.forEach((id, i) => {
                const a = alarm(`${keyOf(i)}-connections`);
                expect(a.inputs, id).to.include({
                    name: `${id}-connections-high`, namespace: "AWS/RDS", metricName: "DatabaseConnections", statistic: "Maximum",
                    comparisonOperator: "GreaterThanThreshold", threshold: want.connections, period: 60, evaluationPeriods: 5,
                });
                expect(a.inputs.dimensions, id).to.deep.equal({ DBInstanceIdentifier: id });
            });
        });

        it("RDS CPU > 80 % for 5 minutes, per instance", () => {
            instances.forEach((id, i) => {
                const a = alarm(`${keyOf(i)}-cpu`);
                expect(a.inputs, id).to.include({ namespace: "AWS/RDS", metricName: "CPUUtilization", statistic: "Average", threshold: 80, evaluationPeriods: 5 });
                expect(a.inputs.dimensions, id).to.deep.equal({ DBInstanceIdentifier: id });
            });
        });

        it(`RDS free storage below 10 % of allocated storage (${want.freeBytes} bytes), per instance`, () => {
            instances.forEach((id, i) => {
                const a = alarm(`${keyOf(i)}-free-storage`);
                expect(a.inputs, id).to.include({
                    namespace: "AWS/RDS", metricName: "FreeStorageSpace", statistic: "Minimum",
                    comparisonOperator: "LessThanThreshold", threshold: want.freeBytes, evaluationPeriods: 5,
                });
                expect(a.inputs.dimensions, id).to.deep.equal({ DBInstanceIdentifier: id });
            });
        });

        it(`replica lag > 60 s for 5 minutes on each replica (${want.replicas}), never on the primary`, () => {
            const lag = built.ofType(ALARM).filter((a) => a.inputs.metricName === "ReplicaLag");
            expect(lag.map((a) => (a.inputs.dimensions as Record<string, string>).DBInstanceIdentifier)).to.deep.equal(instances.slice(1));
            for (const a of lag) expect(a.inputs).to.include({ namespace: "AWS/RDS", statistic: "Maximum", threshold: 60, evaluationPeriods: 5 });
        });

        for (const table of env === "prod" ? [names.transactionsTable(env), names.transactionQueueTable(env)] : []) {
            it(`DynamoDB ${table}: any read or write throttle event within 5 minutes`, () => {
                const key = table.replace(`${env}-fivestar-`, "");
                const a = alarm(`${key}-throttles`);
                expect(a.inputs).to.include({
                    name: `${table}-throttles`, comparisonOperator: "GreaterThanThreshold", threshold: 0,
                    evaluationPeriods: 1, treatMissingData: "notBreaching",
                });
                expect(a.inputs).not.to.have.any.keys("period", "metricName");
                for (const [id, metricName] of [["reads", "ReadThrottleEvents"], ["writes", "WriteThrottleEvents"]]) {
                    expect(query(a, id).metric, id).to.deep.equal({ namespace: "AWS/DynamoDB", metricName, dimensions: { TableName: table }, stat: "Sum", period: 300 });
                }
                expect(query(a, "throttles")).to.include({ expression: "FILL(reads, 0) + FILL(writes, 0)", returnData: true });
            });
        }

        it("internal-pe ERROR lines (§12.2.2): any line within 5 minutes, on the metric filter's custom metric", () => {
            const a = alarm("internal-pe-error-lines");
            expect(a.inputs).to.include({
                namespace: "Fivestar/Payments", metricName: "InternalPeErrorLines", statistic: "Sum",
                comparisonOperator: "GreaterThanThreshold", threshold: 0, period: 300, evaluationPeriods: 1, treatMissingData: "notBreaching",
            });
        });

        it("exposes every alarm's ARN by key", async () => {
            expect(Object.keys(built.component.alarmArns)).to.have.length(want.alarms);
            expect(await valueOf(built.component.alarmArns["internal-pe-cpu"])).to.match(/^arn:aws:cloudwatch:/);
        });
    });
}

describe("alarms: config and inputs flow through", () => {
    it("thresholds of CPU 90 % for 10 minutes give that CPU alarm (the component takes its thresholds, it does not hard-code them)", async () => {
        const built = await build("alarms-tuned", { ...alarmsArgs("dev"), thresholds: { ...ALARM_THRESHOLDS, ecsCpu: { percent: 90, minutes: 10 } } });
        const a = built.one(ALARM, "alarms-tuned-internal-pe-cpu");
        expect(a.inputs).to.include({ threshold: 90, evaluationPeriods: 10, datapointsToAlarm: 10 });
        expect(built.one(ALARM, "alarms-tuned-internal-pe-memory").inputs.threshold).to.equal(85);
    });

    it("takes Outputs from other components as dimensions (resolved ids, not placeholders)", async () => {
        const built = await build("alarms-outputs", {
            ...alarmsArgs("dev"),
            clusterName: pulumi.output("cluster-from-compute"),
            dbPrimaryIdentifier: pulumi.output("db-from-data"),
        });
        expect(built.one(ALARM, "alarms-outputs-internal-pe-cpu").inputs.dimensions).to.include({ ClusterName: "cluster-from-compute" });
        expect(built.one(ALARM, "alarms-outputs-db-connections").inputs.dimensions).to.deep.equal({ DBInstanceIdentifier: "db-from-data" });
    });

    it("names tables' alarms by their short key and refuses a key that is not a plain short name", () => {
        const args = alarmsArgs("dev");
        expect(() => planAlarms({ ...args, tableNames: { "Transactions Table": "x" } })).to.throw(/table key "Transactions Table"/);
    });

    it("refuses a max_connections that is not a positive whole number (the threshold would be meaningless)", () => {
        expect(() => planAlarms({ ...alarmsArgs("dev"), maxConnections: 0 })).to.throw(RangeError, /maxConnections/);
    });
});
