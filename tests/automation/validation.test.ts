/**
 * §11 validation: ECS and RDS through the SDK mocked with aws-sdk-client-mock, the health endpoint
 * against a real HTTP server on 127.0.0.1 (healthy, failing, hanging), each bounded and stopped.
 */
import { DescribeServicesCommand, ECSClient, ClusterNotFoundException } from "@aws-sdk/client-ecs";
import { DBInstanceNotFoundFault, DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import { expect } from "chai";
import * as http from "http";
import { AddressInfo } from "net";
import { ALL_CHECKS, renderTable, validationOutputs } from "../../automation/validation/checks";
import { checkEcsServices, serviceRow } from "../../automation/validation/ecs";
import { checkHealth, HealthEndpoint, healthUrl } from "../../automation/validation/health";
import { checkRdsInstance } from "../../automation/validation/rds";
import { runValidation } from "../../automation/validation/validate";

// Instance mocks: no other test's clients are affected.
const ecs = new ECSClient({ region: "ap-south-1" });
const rds = new RDSClient({ region: "ap-south-1" });
const ecsMock = mockClient(ecs);
const rdsMock = mockClient(rds);

const service = (name: string, running: number, desired: number, deployments = 1, status = "ACTIVE") => ({
    serviceName: name,
    serviceArn: `arn:aws:ecs:ap-south-1:123456789014:service/prod-fivestar-payments/${name}`,
    status, runningCount: running, desiredCount: desired,
    deployments: Array.from({ length: deployments }, (_, i) => ({ id: `ecs-svc/${i}`, status: i === 0 ? "PRIMARY" : "ACTIVE" })),
});

/** A local server answering /health as told; `hang` never answers. Closed after each test. */
type Behaviour = { status: number } | "hang";
let server: http.Server | undefined;
const seenHosts: string[] = [];
async function serve(behaviour: Behaviour): Promise<HealthEndpoint> {
    server = http.createServer((req, res) => {
        seenHosts.push(String(req.headers.host));
        if (behaviour === "hang") return; // keep the request open: the check must give up on its own
        res.writeHead(req.url === "/health" ? behaviour.status : 404).end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return { scheme: "http", port: (server.address() as AddressInfo).port };
}

describe("delivery tool: validation (§11)", () => {
    beforeEach(() => {
        ecsMock.reset();
        rdsMock.reset();
        seenHosts.length = 0;
    });
    afterEach(async () => {
        if (server) {
            server.closeAllConnections();
            await new Promise((resolve) => server!.close(resolve));
            server = undefined;
        }
    });

    describe("ECS services run their desired count", () => {
        it("passes a service running its desired count with one deployment", () => {
            expect(serviceRow("prod-internal-pe-service", service("prod-internal-pe-service", 3, 3) as never))
                .to.deep.equal({ check: "ECS service", target: "prod-internal-pe-service", ok: true, detail: "running 3/3" });
        });

        it("fails a service short of its desired count", () => {
            expect(serviceRow("s", service("s", 2, 3) as never)).to.include({ ok: false, detail: "running 2/3" });
        });

        it("fails a service still rolling out, even at its count", () => {
            expect(serviceRow("s", service("s", 3, 3, 2) as never)).to.include({ ok: false, detail: "running 3/3, 2 deployments (rollout in progress)" });
        });

        it("fails a draining service", () => {
            expect(serviceRow("s", service("s", 0, 0, 1, "DRAINING") as never)).to.include({ ok: false, detail: "running 0/0, status DRAINING" });
        });

        it("asks for the stack's services in its cluster and rows each, a missing one failed", async () => {
            ecsMock.on(DescribeServicesCommand, { cluster: "prod-fivestar-payments", services: ["prod-internal-pe-service", "prod-customer-portal-service"] }).resolves({
                services: [service("prod-internal-pe-service", 3, 3)],
                failures: [{ arn: "arn:aws:ecs:ap-south-1:123456789014:service/prod-fivestar-payments/prod-customer-portal-service", reason: "MISSING" }],
            });
            const rows = await checkEcsServices(ecs, "prod-fivestar-payments", ["prod-internal-pe-service", "prod-customer-portal-service"]);
            expect(rows.map((r) => [r.target, r.ok, r.detail])).to.deep.equal([
                ["prod-internal-pe-service", true, "running 3/3"],
                ["prod-customer-portal-service", false, "not found (MISSING)"],
            ]);
        });

        it("a missing cluster fails every service with the SDK's error", async () => {
            ecsMock.on(DescribeServicesCommand).rejects(new ClusterNotFoundException({ message: "Cluster not found.", $metadata: {} }));
            const rows = await checkEcsServices(ecs, "prod-fivestar-payments", ["a", "b"]);
            expect(rows.map((r) => r.detail)).to.deep.equal(["ClusterNotFoundException: Cluster not found.", "ClusterNotFoundException: Cluster not found."]);
        });
    });

    describe("RDS instance is available", () => {
        it("passes an available instance", async () => {
            rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "prod-fivestar-payments-db" })
                .resolves({ DBInstances: [{ DBInstanceIdentifier: "prod-fivestar-payments-db", DBInstanceStatus: "available", AvailabilityZone: "ap-south-1a" }] });
            expect(await checkRdsInstance(rds, "prod-fivestar-payments-db")).to.deep.equal({ check: "RDS instance", target: "prod-fivestar-payments-db", ok: true, detail: "available in ap-south-1a" });
        });

        it("fails an instance in any other state", async () => {
            rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceStatus: "modifying" }] });
            expect(await checkRdsInstance(rds, "prod-fivestar-payments-db")).to.include({ ok: false, detail: "modifying" });
        });

        it("fails an instance that does not exist", async () => {
            rdsMock.on(DescribeDBInstancesCommand).rejects(new DBInstanceNotFoundFault({ message: "DBInstance prod-fivestar-payments-db not found.", $metadata: {} }));
            expect(await checkRdsInstance(rds, "prod-fivestar-payments-db")).to.include({ ok: false, detail: "not found" });
        });
    });

    describe("health endpoint answers 200 in time", () => {
        it("requests https://<alb>/health in production", () => {
            expect(healthUrl("prod-internal-pe-alb-1234.ap-south-1.elb.amazonaws.com")).to.equal("https://prod-internal-pe-alb-1234.ap-south-1.elb.amazonaws.com/health");
        });

        it("passes a healthy endpoint", async () => {
            const endpoint = await serve({ status: 200 });
            const row = await checkHealth("127.0.0.1", { timeoutMs: 2000, endpoint });
            expect(`${row.ok} ${row.target} ${row.detail}`).to.match(new RegExp(`^true http://127\\.0\\.0\\.1:${endpoint.port}/health HTTP 200 in \\d+ ms$`));
        });

        it("fails an endpoint answering 500", async () => {
            const endpoint = await serve({ status: 500 });
            const row = await checkHealth("127.0.0.1", { timeoutMs: 2000, endpoint });
            expect([row.ok, row.detail.split(" in ")[0]]).to.deep.equal([false, "HTTP 500"]);
        });

        it("fails an endpoint that does not answer within the timeout, and returns promptly", async () => {
            const endpoint = await serve("hang");
            const started = Date.now();
            const row = await checkHealth("127.0.0.1", { timeoutMs: 150, endpoint });
            expect([row.ok, row.detail, Date.now() - started < 2000]).to.deep.equal([false, "no answer within 150 ms", true]);
        });

        it("fails when nothing listens", async () => {
            const endpoint = await serve({ status: 200 });
            await new Promise((resolve) => server!.close(resolve));
            server = undefined;
            const row = await checkHealth("127.0.0.1", { timeoutMs: 2000, endpoint });
            expect([row.ok, row.detail.split(":")[0]]).to.deep.equal([false, "ECONNREFUSED"]);
        });

        it("sends the --health-host name as Host header", async () => {
            const endpoint = await serve({ status: 200 });
            await checkHealth("127.0.0.1", { timeoutMs: 2000, endpoint, hostName: "payments.example.in" });
            expect(seenHosts).to.deep.equal(["payments.example.in"]);
        });
    });

    describe("the whole validation from the stack outputs", () => {
        const outputs = (port: number | undefined) => ({
            clusterName: "prod-fivestar-payments",
            serviceNames: { "internal-pe": "prod-internal-pe-service", "customer-portal": "prod-customer-portal-service" },
            dbInstanceIdentifier: "prod-fivestar-payments-db",
            dbReplicaIdentifiers: ["prod-fivestar-payments-db-replica-1"],
            albDnsName: port === undefined ? undefined : "127.0.0.1",
        });

        it("runs every check: RDS primary and replicas, both services, health", async () => {
            const endpoint = await serve({ status: 200 });
            rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceStatus: "available" }] });
            ecsMock.on(DescribeServicesCommand).resolves({ services: [service("prod-internal-pe-service", 3, 3), service("prod-customer-portal-service", 3, 3)] });
            const rows = await runValidation(outputs(endpoint.port), { ecs, rds }, { checks: ALL_CHECKS, health: { timeoutMs: 2000, endpoint } });
            expect(rows.map((r) => `${r.check}|${r.target}|${r.ok}`)).to.deep.equal([
                "RDS instance|prod-fivestar-payments-db|true",
                "RDS instance|prod-fivestar-payments-db-replica-1|true",
                "ECS service|prod-internal-pe-service|true",
                "ECS service|prod-customer-portal-service|true",
                `health|http://127.0.0.1:${endpoint.port}/health|true`,
            ]);
        });

        it("runs only the requested checks (after the data phase: RDS)", async () => {
            rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceStatus: "available" }] });
            const rows = await runValidation(outputs(undefined), { ecs, rds }, { checks: ["rds"], health: { timeoutMs: 100 } });
            expect([rows.map((r) => r.check), ecsMock.commandCalls(DescribeServicesCommand).length]).to.deep.equal([["RDS instance", "RDS instance"], 0]);
        });

        it("a missing output fails its check rather than skipping it", async () => {
            const rows = await runValidation({}, { ecs, rds }, { checks: ALL_CHECKS, health: { timeoutMs: 100 } });
            expect(rows.map((r) => [r.target, r.ok])).to.deep.equal([
                ["stack output dbInstanceIdentifier", false], ["stack output clusterName", false], ["stack output albDnsName", false],
            ]);
        });

        it("outputs of the wrong shape read as missing", () => {
            expect(validationOutputs({ clusterName: 7, serviceNames: ["a"], dbReplicaIdentifiers: "x" })).to.deep.equal({
                clusterName: undefined, serviceNames: undefined, dbInstanceIdentifier: undefined, dbReplicaIdentifiers: undefined, albDnsName: undefined,
            });
        });

        it("prints a table with a verdict", () => {
            const table = renderTable([
                { check: "RDS instance", target: "prod-fivestar-payments-db", ok: true, detail: "available" },
                { check: "health", target: "https://alb/health", ok: false, detail: "HTTP 500 in 12 ms" },
            ]);
            expect(table).to.equal([
                "CHECK         TARGET                     STATUS  DETAIL",
                "RDS instance  prod-fivestar-payments-db  PASS    available",
                "health        https://alb/health         FAIL    HTTP 500 in 12 ms",
                "1 of 2 checks FAILED",
            ].join("\n"));
        });
    });
});
