/**
 * §11 validation: ECS and RDS through the SDK mocked with aws-sdk-client-mock; the health checks
 * against a fake ALB (a TLS server on 127.0.0.1 whose throw-away certificate names the services' host
 * names, routing as the listener does), each bounded and stopped.
 */
import { DescribeServicesCommand, ECSClient, ClusterNotFoundException, Deployment } from "@aws-sdk/client-ecs";
import { DBInstanceNotFoundFault, DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { mockClient } from "aws-sdk-client-mock";
import { expect } from "chai";
import { ALL_CHECKS, renderTable, validationOutputs } from "../../automation/validation/checks";
import { checkEcsServices, serviceRow, taskDefinitionsInState } from "../../automation/validation/ecs";
import { checkHealthRoute, healthProblem } from "../../automation/validation/health";
import { checkRdsInstance } from "../../automation/validation/rds";
import { runValidation } from "../../automation/validation/validate";
import { AlbRouting, HealthRoute, healthRoutes } from "../../config/albRouting";
import { ServiceName } from "../../config/names";
import { Backend, Certificate, certificateFor, FakeAlb, INTERNAL_PE, PORTAL, startFakeAlb } from "./fakeAlb";

// Instance mocks: no other test's clients are affected.
const ecs = new ECSClient({ region: "ap-south-1" });
const rds = new RDSClient({ region: "ap-south-1" });
const ecsMock = mockClient(ecs);
const rdsMock = mockClient(rds);

const TD = (family: string, revision: number) => `arn:aws:ecs:ap-south-1:123456789014:task-definition/${family}:${revision}`;
const PE_TD = (revision: number) => TD("prod-fivestar-internal-pe", revision);
const PORTAL_TD = (revision: number) => TD("prod-fivestar-customer-portal", revision);
/** What the stack's state records: both services at revision 42. */
const RECORDED: Record<string, string> = { "prod-internal-pe-service": PE_TD(42), "prod-customer-portal-service": PORTAL_TD(42) };

const service = (name: string, running: number, desired: number, deployments = 1, status = "ACTIVE", primary: Partial<Deployment> = {}) => ({
    serviceName: name,
    serviceArn: `arn:aws:ecs:ap-south-1:123456789014:service/prod-fivestar-payments/${name}`,
    status, runningCount: running, desiredCount: desired,
    deployments: Array.from({ length: deployments }, (_, i): Deployment => (i === 0
        ? { id: "ecs-svc/0", status: "PRIMARY", rolloutState: "COMPLETED", taskDefinition: RECORDED[name] ?? PE_TD(42), ...primary }
        : { id: `ecs-svc/${i}`, status: "ACTIVE", rolloutState: "COMPLETED", taskDefinition: PE_TD(41) })),
});

describe("delivery tool: validation (§11)", () => {
    beforeEach(() => {
        ecsMock.reset();
        rdsMock.reset();
    });

    describe("ECS services run their desired count", () => {
        it("passes a service running its desired count with one deployment", () => {
            expect(serviceRow("prod-internal-pe-service", service("prod-internal-pe-service", 3, 3) as never, PE_TD(42)))
                .to.deep.equal({ check: "ECS service", target: "prod-internal-pe-service", ok: true, detail: "running 3/3" });
        });

        const failing: [string, ReturnType<typeof service>, string][] = [
            ["short of its desired count", service("s", 2, 3), "running 2/3"],
            ["still rolling out, even at its count", service("s", 3, 3, 2), "running 3/3, 2 deployments (rollout in progress)"],
            ["draining", service("s", 0, 0, 1, "DRAINING"), "running 0/0, status DRAINING"],
        ];
        for (const [what, svc, detail] of failing) {
            it(`fails a service ${what}`, () => {
                expect(serviceRow("s", svc as never, PE_TD(42))).to.include({ ok: false, detail });
            });
        }

        it("asks for the stack's services in its cluster and rows each, a missing one failed; a missing cluster fails every service with the SDK's error", async () => {
            ecsMock.on(DescribeServicesCommand, { cluster: "prod-fivestar-payments", services: ["prod-internal-pe-service", "prod-customer-portal-service"] }).resolves({
                services: [service("prod-internal-pe-service", 3, 3)],
                failures: [{ arn: "arn:aws:ecs:ap-south-1:123456789014:service/prod-fivestar-payments/prod-customer-portal-service", reason: "MISSING" }],
            });
            const rows = await checkEcsServices(ecs, "prod-fivestar-payments", ["prod-internal-pe-service", "prod-customer-portal-service"], RECORDED);
            expect(rows.map((r) => [r.target, r.ok, r.detail])).to.deep.equal([
                ["prod-internal-pe-service", true, "running 3/3"],
                ["prod-customer-portal-service", false, "not found (MISSING)"],
            ]);
            // A missing cluster fails every service with the SDK's error.
            ecsMock.reset();
            ecsMock.on(DescribeServicesCommand).rejects(new ClusterNotFoundException({ message: "Cluster not found.", $metadata: {} }));
            expect((await checkEcsServices(ecs, "prod-fivestar-payments", ["a", "b"], RECORDED)).map((r) => r.detail)).to.deep.equal(["ClusterNotFoundException: Cluster not found.", "ClusterNotFoundException: Cluster not found."]);
        });
    });

    describe("RDS instance is available", () => {
        it("passes an available instance; fails an instance in any other state, and one that does not exist", async () => {
            rdsMock.on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "prod-fivestar-payments-db" })
                .resolves({ DBInstances: [{ DBInstanceIdentifier: "prod-fivestar-payments-db", DBInstanceStatus: "available", AvailabilityZone: "ap-south-1a" }] });
            expect(await checkRdsInstance(rds, "prod-fivestar-payments-db")).to.deep.equal({ check: "RDS instance", target: "prod-fivestar-payments-db", ok: true, detail: "available in ap-south-1a" });
            rdsMock.reset();
            rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceStatus: "modifying" }] });
            expect(await checkRdsInstance(rds, "prod-fivestar-payments-db")).to.include({ ok: false, detail: "modifying" });
            rdsMock.on(DescribeDBInstancesCommand).rejects(new DBInstanceNotFoundFault({ message: "DBInstance prod-fivestar-payments-db not found.", $metadata: {} }));
            expect(await checkRdsInstance(rds, "prod-fivestar-payments-db")).to.include({ ok: false, detail: "not found" });
        });
    });

    describe("a failed release that reports success is caught (issue 13, fault 4; terraform-provider-aws#19519)", () => {
        it("fails, naming the service, when the circuit breaker rolled back: steady on the old revision, the state on the new; and when the state records nothing for it", () => {
            const rolledBack = service("prod-internal-pe-service", 3, 3, 1, "ACTIVE", { taskDefinition: PE_TD(41) });
            expect(serviceRow("prod-internal-pe-service", rolledBack as never, PE_TD(42))).to.deep.equal({
                check: "ECS service", target: "prod-internal-pe-service", ok: false,
                detail: "running 3/3, runs prod-fivestar-internal-pe:41 but the stack's state records prod-fivestar-internal-pe:42 " +
                    "(the release failed and was rolled back, or was changed outside Pulumi)",
            });
            // The check cannot pass unseen: a service the state records nothing for fails.
            expect(serviceRow("prod-internal-pe-service", service("prod-internal-pe-service", 3, 3) as never, undefined))
                .to.include({ ok: false, detail: "running 3/3, the stack's state records no task definition for it" });
        });

        it("fails a service whose last deployment's rollout state is FAILED, with ECS's reason", () => {
            const failed = {
                ...service("prod-customer-portal-service", 2, 2),
                deployments: [
                    { id: "ecs-svc/9", status: "PRIMARY", rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.", taskDefinition: PORTAL_TD(42) },
                ],
            };
            expect(serviceRow("prod-customer-portal-service", failed as never, PORTAL_TD(42))).to.deep.include({
                ok: false,
                detail: "running 2/2, deployment ecs-svc/9 of prod-fivestar-customer-portal:42 FAILED: ECS deployment circuit breaker: tasks failed to start.",
            });
        });

        it("the recorded task definitions are the ECS services' taskDefinition inputs in the stack's state", () => {
            expect(taskDefinitionsInState([
                { urn: "urn:a", type: "aws:ecs/service:Service", inputs: { name: "prod-internal-pe-service", taskDefinition: PE_TD(42) } },
                { urn: "urn:b", type: "aws:ecs/taskDefinition:TaskDefinition", inputs: { family: "prod-fivestar-internal-pe" } },
                { urn: "urn:c", type: "aws:ecs/service:Service", inputs: { name: "prod-customer-portal-service", taskDefinition: PORTAL_TD(7) } },
            ])).to.deep.equal({ "prod-internal-pe-service": PE_TD(42), "prod-customer-portal-service": PORTAL_TD(7) });
        });
    });

    describe("health: each service's real route through the ALB (issue 13, fault 6)", () => {
        // The committed stacks' routing: the portal by host name, internal-pe on its own host (the default action).
        const ROUTING: AlbRouting = { mode: "host", portalHostnames: ["portal.fivestar.test"] };
        const ROUTES = healthRoutes(ROUTING, "payments.fivestar.test");
        const route = (service: string) => ROUTES.find((r) => r.service === service)!;
        const HEALTHY: Record<ServiceName, Backend> = { "internal-pe": INTERNAL_PE, "customer-portal": PORTAL };
        let certificate: Certificate;
        let alb: FakeAlb | undefined;

        before(async () => {
            certificate = await certificateFor(["payments.fivestar.test", "portal.fivestar.test"]);
        });
        afterEach(async () => {
            await alb?.close();
            alb = undefined;
        });
        const check = (r: HealthRoute, opts: { ca?: string; timeoutMs?: number } = {}) =>
            checkHealthRoute("127.0.0.1", r, { timeoutMs: opts.timeoutMs ?? 5000, port: alb!.port, ca: "ca" in opts ? opts.ca : certificate.cert });

        it("the routes: internal-pe's /health on its host, the portal's / on the portal's host", () => {
            expect(ROUTES).to.deep.equal([
                { service: "internal-pe", host: "payments.fivestar.test", path: "/health" },
                { service: "customer-portal", host: "portal.fivestar.test", path: "/" },
            ]);
        });

        for (const svc of ["internal-pe", "customer-portal"]) {
            it(`${svc}: connects to the ALB's address, verifies the certificate for the service's host name (SNI + Host), reaches ${svc}`, async () => {
                alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
                const row = await check(route(svc));
                expect(row.ok, row.detail).to.equal(true);
                expect(row.target).to.equal(`${svc} https://${route(svc).host}:${alb.port}${route(svc).path}`);
                expect(alb.seen).to.deep.equal([{ servername: route(svc).host, host: route(svc).host, path: route(svc).path, routedTo: svc }]);
            });
        }

        it("fails when the certificate does not name the service's host", async () => {
            certificate = await certificateFor(["payments.fivestar.test"]);
            alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
            const [pe, portal] = [await check(route("internal-pe")), await check(route("customer-portal"))];
            expect([pe.ok, portal.ok, portal.detail.split(":")[0]]).to.deep.equal([true, false, "ERR_TLS_CERT_ALTNAME_INVALID"]);
            certificate = await certificateFor(["payments.fivestar.test", "portal.fivestar.test"]);
        });

        it("fails a service answering 503", async () => {
            alb = await startFakeAlb(certificate, ROUTING, { ...HEALTHY, "internal-pe": () => ({ status: 503, contentType: "text/plain", body: "Unhealthy" }) });
            const row = await check(route("internal-pe"));
            expect([row.ok, row.detail.split(" in ")[0]]).to.deep.equal([false, "HTTP 503"]);
        });

        it("fails a certificate that is not trusted (the production path: the system's roots), and /health reaching the portal (the old check with the portal's host name): the SPA's 200 is not internal-pe's answer", async () => {
            alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
            const untrusted = await check(route("internal-pe"), { ca: undefined });
            expect([untrusted.ok, untrusted.detail.split(":")[0]]).to.deep.equal([false, "DEPTH_ZERO_SELF_SIGNED_CERT"]);
            const row = await check({ service: "internal-pe", host: "portal.fivestar.test", path: "/health" });
            expect(alb.seen.map((s) => s.routedTo)).to.deep.equal(["customer-portal"]);
            expect(row.ok).to.equal(false);
            expect(row.detail).to.match(/^HTTP 200 but not internal-pe's health answer \("Healthy"\): text\/html; charset=utf-8 "<!doctype html><title>customer portal<\/t"; routed to another service\? in \d+ ms \(at 127\.0\.0\.1\)$/);
        });

        it("fails a service that does not answer within the timeout, and returns promptly", async () => {
            alb = await startFakeAlb(certificate, ROUTING, { ...HEALTHY, "customer-portal": () => "hang" });
            const started = Date.now();
            const row = await check(route("customer-portal"), { timeoutMs: 150 });
            expect([row.ok, row.detail, Date.now() - started < 2000]).to.deep.equal([false, "no answer within 150 ms (at 127.0.0.1)", true]);
        });

        it("fails when nothing listens", async () => {
            alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
            const port = alb.port;
            await alb.close();
            alb = undefined;
            const row = await checkHealthRoute("127.0.0.1", route("internal-pe"), { timeoutMs: 2000, port, ca: certificate.cert });
            expect([row.ok, row.detail.split(":")[0]]).to.deep.equal([false, "ECONNREFUSED"]);
        });

        it("what counts as healthy, per service", () => {
            expect([
                healthProblem("internal-pe", 200, "text/plain", "Healthy"),
                healthProblem("internal-pe", 200, "application/json", "{\"status\":\"Healthy\"}"),
                healthProblem("customer-portal", 200, "text/html", "<html>"),
                healthProblem("customer-portal", 200, "text/plain", "Healthy"),
                healthProblem("customer-portal", 404, "text/html", ""),
            ]).to.deep.equal([undefined, undefined, undefined, "HTTP 200 but not the portal's page (text/html): text/plain \"Healthy\"; routed to another service?", "HTTP 404"]);
        });

        describe("the whole validation from the stack outputs", () => {
            const outputs = (withAlb: boolean) => ({
                clusterName: "prod-fivestar-payments",
                serviceNames: { "internal-pe": "prod-internal-pe-service", "customer-portal": "prod-customer-portal-service" },
                dbInstanceIdentifier: "prod-fivestar-payments-db",
                dbReplicaIdentifiers: ["prod-fivestar-payments-db-replica-1"],
                albDnsName: withAlb ? "127.0.0.1" : undefined,
                healthRoutes: ROUTES,
            });
            const options = (checks = ALL_CHECKS) => ({ checks, health: { timeoutMs: 5000, port: alb?.port, ca: certificate.cert }, taskDefinitionsInState: RECORDED });

            it("runs every check: RDS primary and replicas, both services, both health routes", async () => {
                alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
                rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceStatus: "available" }] });
                ecsMock.on(DescribeServicesCommand).resolves({ services: [service("prod-internal-pe-service", 3, 3), service("prod-customer-portal-service", 3, 3)] });
                const rows = await runValidation(outputs(true), { ecs, rds }, options());
                expect(rows.map((r) => `${r.check}|${r.target}|${r.ok}`)).to.deep.equal([
                    "RDS instance|prod-fivestar-payments-db|true",
                    "RDS instance|prod-fivestar-payments-db-replica-1|true",
                    "ECS service|prod-internal-pe-service|true",
                    "ECS service|prod-customer-portal-service|true",
                    `health|internal-pe https://payments.fivestar.test:${alb.port}/health|true`,
                    `health|customer-portal https://portal.fivestar.test:${alb.port}/|true`,
                ]);
            });

            it("a rolled-back release fails the validation after an up", async () => {
                ecsMock.on(DescribeServicesCommand).resolves({ services: [
                    service("prod-internal-pe-service", 3, 3, 1, "ACTIVE", { taskDefinition: PE_TD(41) }), service("prod-customer-portal-service", 3, 3),
                ] });
                const rows = await runValidation(outputs(false), { ecs, rds }, options(["ecs"]));
                expect(rows.map((r) => [r.target, r.ok])).to.deep.equal([["prod-internal-pe-service", false], ["prod-customer-portal-service", true]]);
            });

            it("runs only the requested checks (after the data phase: RDS)", async () => {
                rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceStatus: "available" }] });
                const rows = await runValidation(outputs(false), { ecs, rds }, options(["rds"]));
                expect([rows.map((r) => r.check), ecsMock.commandCalls(DescribeServicesCommand).length]).to.deep.equal([["RDS instance", "RDS instance"], 0]);
            });

            it("a missing output fails its check rather than skipping it", async () => {
                const rows = await runValidation({}, { ecs, rds }, options());
                expect(rows.map((r) => [r.target, r.ok])).to.deep.equal([
                    ["stack output dbInstanceIdentifier", false], ["stack output clusterName", false], ["stack output albDnsName", false],
                ]);
            });

            it("a recovery stack in standby (issue 17): 0 tasks pass the ECS check, the health routes are said not probed; active probes them", async () => {
                alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
                ecsMock.on(DescribeServicesCommand).resolves({ services: [service("prod-internal-pe-service", 0, 0), service("prod-customer-portal-service", 0, 0)] });
                const standby = await runValidation({ ...outputs(true), drMode: "standby" }, { ecs, rds }, options(["ecs", "health"]));
                expect(standby.map((r) => [r.check, r.ok])).to.deep.equal([["ECS service", true], ["ECS service", true], ["health", true], ["health", true]]);
                expect(standby[2].detail).to.match(/^not probed: recovery stack in standby/);
                const active = await runValidation({ ...outputs(true), drMode: "active" }, { ecs, rds }, options(["health"]));
                expect(active.map((r) => r.target)).to.deep.equal([`internal-pe https://payments.fivestar.test:${alb.port}/health`, `customer-portal https://portal.fivestar.test:${alb.port}/`]);
            });

            it("a service without a health route fails, naming the key to set", async () => {
                alb = await startFakeAlb(certificate, ROUTING, HEALTHY);
                const rows = await runValidation({ ...outputs(true), healthRoutes: healthRoutes(ROUTING, undefined) }, { ecs, rds }, options(["health"]));
                expect(rows.map((r) => [r.target.split(" ")[0], r.ok])).to.deep.equal([["internal-pe", false], ["customer-portal", true]]);
                expect(rows[0].detail).to.equal("no route in stack output healthRoutes: set fivestar-payments:internalPeHostname (the host name internal-pe is reached at) and run up");
            });
        });
    });

    describe("outputs and the table", () => {
        it("outputs of the wrong shape read as missing", () => {
            expect(validationOutputs({ clusterName: 7, serviceNames: ["a"], dbReplicaIdentifiers: "x" })).to.deep.equal({
                clusterName: undefined, serviceNames: undefined, dbInstanceIdentifier: undefined, dbReplicaIdentifiers: undefined, albDnsName: undefined, healthRoutes: undefined, drMode: undefined,
            });
            expect(validationOutputs({ healthRoutes: [{ service: "internal-pe", host: "a.example.in", path: "health" }] }).healthRoutes).to.equal(undefined);
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
