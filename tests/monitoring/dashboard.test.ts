/**
 * The operations dashboard: one per environment, every widget pointing at the resources actually
 * deployed (§12.2.1's critical metrics: ECS CPU/memory, ALB, RDS, DynamoDB throttling).
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { Environment, names } from "../../config/names";
import { OperationsDashboard, OperationsDashboardArgs } from "../../monitoring/dashboard";
import { DashboardBody, dashboardBody, MetricWidget, ResolvedResources } from "../../monitoring/dashboardBody";
import { ERROR_METRIC } from "../../monitoring/logGroups";
import { ALARM_THRESHOLDS } from "../../lib/thresholds";
import { construct, inAccount, valueOf } from "../support/component";
import { albSuffix, monitoredResources, STACKS, stackConfig, tgSuffix } from "./fixtures";

const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

function argsFor(env: Environment): OperationsDashboardArgs {
    const cfg = stackConfig(env);
    return {
        environment: env,
        region: cfg.account.region,
        ...monitoredResources(env, cfg.rds.readReplicas),
        thresholds: ALARM_THRESHOLDS,
        maxConnections: cfg.rds.maxConnections,
        errorMetric: ERROR_METRIC,
    };
}

const widget = (body: DashboardBody, title: string): MetricWidget => {
    const found = body.widgets.find((w) => w.properties.title === title);
    if (!found) throw new Error(`no widget "${title}" (have: ${body.widgets.map((w) => w.properties.title).join(", ")})`);
    return found;
};
/** The metric rows of a widget without their options object: [namespace, metric, dim, value, ...]. */
const rows = (w: MetricWidget) => w.properties.metrics.map((m) => m.filter((part) => typeof part === "string"));

for (const env of STACKS) {
    describe(`operations dashboard, ${env} stack`, () => {
        const name = `dashboard-${env}`;
        const replicas = env === "prod" ? [`${env}-fivestar-payments-db-replica-1`, `${env}-fivestar-payments-db-replica-2`] : [];
        const dbs = [`${env}-fivestar-payments-db`, ...replicas];
        let body: DashboardBody;
        before(async () => {
            const built = await construct(() => new OperationsDashboard(name, argsFor(env), inAccount()));
            const dashboard = built.one(DASHBOARD, `${name}-dashboard`);
            expect(dashboard.inputs.dashboardName).to.equal(`${env}-fivestar-payments`);
            expect(await valueOf(built.component.dashboardName)).to.equal(`${env}-fivestar-payments`);
            body = JSON.parse(String(dashboard.inputs.dashboardBody));
        });

        it("ECS CPU and memory of both services, on the real cluster and service names, with the alarm lines (80 %, 85 %)", () => {
            for (const [title, metric, alarmAt] of [["ECS CPU utilisation (%)", "CPUUtilization", 80], ["ECS memory utilisation (%)", "MemoryUtilization", 85]] as const) {
                const w = widget(body, title);
                expect(rows(w)).to.deep.equal([
                    ["AWS/ECS", metric, "ClusterName", `${env}-fivestar-payments`, "ServiceName", `${env}-internal-pe-service`],
                    ["AWS/ECS", metric, "ClusterName", `${env}-fivestar-payments`, "ServiceName", `${env}-customer-portal-service`],
                ]);
                expect(w.properties.annotations?.horizontal[0].value).to.equal(alarmAt);
            }
        });

        it("ALB requests, 5XX and p99 latency on the real ALB and target groups", () => {
            const tg = (s: "internal-pe" | "customer-portal", m: string) => ["AWS/ApplicationELB", m, "LoadBalancer", albSuffix(env), "TargetGroup", tgSuffix(env, s)];
            expect(rows(widget(body, "ALB requests"))).to.deep.equal([
                tg("internal-pe", "RequestCount"), tg("customer-portal", "RequestCount"), ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", albSuffix(env)],
            ]);
            expect(rows(widget(body, "ALB 5XX responses"))).to.deep.equal([
                tg("internal-pe", "HTTPCode_Target_5XX_Count"), tg("customer-portal", "HTTPCode_Target_5XX_Count"),
                ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", albSuffix(env)],
            ]);
            const latency = widget(body, "ALB target response time p99 (s)");
            expect(latency.properties.stat).to.equal("p99");
            expect(rows(latency)).to.deep.equal([tg("internal-pe", "TargetResponseTime"), tg("customer-portal", "TargetResponseTime")]);
        });

        it(`RDS connections and CPU of every instance (${dbs.length}), connections alarm line at 80 % of max_connections`, () => {
            const connections = widget(body, "RDS connections");
            expect(rows(connections)).to.deep.equal(dbs.map((id) => ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", id]));
            expect(connections.properties.annotations?.horizontal[0].value).to.equal({ dev: 160, staging: 400, prod: 1200 }[env]);
            expect(rows(widget(body, "RDS CPU utilisation (%)"))).to.deep.equal(dbs.map((id) => ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", id]));
        });

        it(env === "prod" ? "replica lag of both replicas" : "no replica lag widget without replicas", () => {
            const lag = body.widgets.find((w) => w.properties.title === "RDS replica lag (s)");
            if (replicas.length === 0) expect(lag).to.equal(undefined);
            else expect(rows(lag!)).to.deep.equal(replicas.map((id) => ["AWS/RDS", "ReplicaLag", "DBInstanceIdentifier", id]));
        });

        it("DynamoDB read and write throttles of both tables", () => {
            expect(rows(widget(body, "DynamoDB throttle events"))).to.deep.equal(
                [names.transactionsTable(env), names.transactionQueueTable(env)].flatMap((t) => [
                    ["AWS/DynamoDB", "ReadThrottleEvents", "TableName", t], ["AWS/DynamoDB", "WriteThrottleEvents", "TableName", t],
                ]),
            );
        });

        it("every widget is a one-minute ap-south-1 time series on a 24-column grid without overlaps", () => {
            const cells = new Set<string>();
            for (const w of body.widgets) {
                expect(w.properties).to.include({ region: "ap-south-1", period: 60, view: "timeSeries" });
                expect(w.x + w.width).to.be.at.most(24);
                const cell = `${w.x},${w.y}`;
                expect(cells.has(cell), cell).to.equal(false);
                cells.add(cell);
            }
        });
    });
}

describe("dashboardBody (pure)", () => {
    const settings = { region: "ap-south-1", thresholds: ALARM_THRESHOLDS, dbConnectionsThreshold: 800, errorMetric: ERROR_METRIC };
    const resources = monitoredResources("dev", 0) as ResolvedResources;

    it("charts the ERROR-line metric of the metric filter", () => {
        expect(rows(widget(dashboardBody(settings, resources), "internal-pe ERROR log lines"))).to.deep.equal([["Fivestar/Payments", "InternalPeErrorLines"]]);
    });

    it("follows the identifiers it is given (nothing hard-coded)", () => {
        const body = dashboardBody(settings, { ...resources, clusterName: "other-cluster", dbPrimaryIdentifier: "other-db" });
        expect(JSON.stringify(body)).not.to.include("dev-fivestar-payments\"");
        expect(rows(widget(body, "RDS connections"))).to.deep.equal([["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", "other-db"]]);
    });

    it("resolves Outputs before building the body (the component gets ids from other components)", async () => {
        const built = await construct(() => new OperationsDashboard("dashboard-outputs", {
            ...argsFor("dev"), clusterName: pulumi.output("cluster-output"), dbReplicaIdentifiers: [pulumi.output("replica-output")],
        }, inAccount()));
        const body: DashboardBody = JSON.parse(String(built.one(DASHBOARD, "dashboard-outputs-dashboard").inputs.dashboardBody));
        expect(rows(widget(body, "ECS CPU utilisation (%)"))[0]).to.include("cluster-output");
        expect(rows(widget(body, "RDS replica lag (s)"))).to.deep.equal([["AWS/RDS", "ReplicaLag", "DBInstanceIdentifier", "replica-output"]]);
    });

    it("refuses a max_connections the connections line could not be drawn from", () => {
        expect(() => new OperationsDashboard("dashboard-bad", { ...argsFor("dev"), maxConnections: 0 })).to.throw(RangeError, /maxConnections/);
    });
});
