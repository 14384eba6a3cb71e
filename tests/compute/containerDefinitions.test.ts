import { expect } from "chai";
import { AppSettings } from "../../compute/appSettings";
import { CONTAINER_HARDENING, containerDefinitions, containerHealthCheck, DOTNET_LOG_LEVELS, taskVolumes } from "../../compute/containerDefinitions";

const APP: AppSettings = {
    environment: "prod", debug: false, logLevel: "WARN",
    integrations: { razorpayEnvironment: "production", juspayEnvironment: "production", lmsEnvironment: "production", lmsEndpoint: "https://lms.example.com" },
};
const SECRET = "arn:aws:secretsmanager:ap-south-1:123456789014:secret:fivestar/payments/prod/database-AbCdEf";
const pe = (overrides: Partial<Parameters<typeof containerDefinitions>[0]> = {}) => containerDefinitions({
    service: "internal-pe",
    image: "123456789014.dkr.ecr.ap-south-1.amazonaws.com/fivestar-internal-pe:1.4.2",
    region: "ap-south-1",
    logGroupName: "/ecs/prod-fivestar-internal-pe",
    aspnetcoreEnvironment: "Production",
    app: APP,
    databaseSecretArn: SECRET,
    ...overrides,
} as Parameters<typeof containerDefinitions>[0])[0];
const portal = () => containerDefinitions({
    service: "customer-portal",
    image: "123456789014.dkr.ecr.ap-south-1.amazonaws.com/fivestar-customer-portal:2.0.1",
    region: "ap-south-1",
    logGroupName: "/ecs/prod-fivestar-customer-portal",
    app: APP,
})[0];

describe("container definitions: internal-pe (§5.2.1)", () => {
    it("one essential container named internal-pe running the given image", () => {
        expect(containerDefinitions({ service: "customer-portal", image: "x:1", region: "ap-south-1", logGroupName: "g", app: APP })).to.have.length(1);
        expect(pe()).to.include({ name: "internal-pe", essential: true, image: "123456789014.dkr.ecr.ap-south-1.amazonaws.com/fivestar-internal-pe:1.4.2" });
    });
    it("listens on 8080/tcp", () => {
        expect(pe().portMappings).to.deep.equal([{ containerPort: 8080, protocol: "tcp" }]);
    });
    it("ASPNETCORE_ENVIRONMENT is the stack's (Development / Staging / Production)", () => {
        for (const value of ["Development", "Staging", "Production"] as const) {
            const env = pe({ aspnetcoreEnvironment: value }).environment as { name: string; value: string }[];
            expect(env.find((e) => e.name === "ASPNETCORE_ENVIRONMENT")?.value).to.equal(value);
        }
    });
    it("binds ASP.NET Core to 8080 and maps the guide's log levels to ASP.NET Core's (§4.1)", () => {
        expect(DOTNET_LOG_LEVELS).to.deep.equal({ DEBUG: "Debug", INFO: "Information", WARN: "Warning", ERROR: "Error" });
        const env = pe({ app: { ...APP, logLevel: "DEBUG" } }).environment;
        expect(env).to.deep.include({ name: "ASPNETCORE_URLS", value: "http://+:8080" });
        expect(env).to.deep.include({ name: "Logging__LogLevel__Default", value: "Debug" });
    });
    it("DATABASE_CONNECTION_STRING is a secret from the database secret's ARN, never a plain environment value", () => {
        expect(pe().secrets).to.deep.equal([{ name: "DATABASE_CONNECTION_STRING", valueFrom: SECRET }]);
        expect(JSON.stringify(pe().environment)).not.to.contain("DATABASE");
    });
    // awslogs to /ecs/<env>-fivestar-<service> and the §5.2.1 health check: each stack's plan (tests/program/compute.test.ts).
    it("runs as the aspnet image's non-root app user (UID 1654) on a read-only root with a writable /tmp", () => {
        expect(pe()).to.include({ user: "1654", readonlyRootFilesystem: true });
        expect(pe().mountPoints).to.deep.equal([{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }]);
        expect(taskVolumes("internal-pe")).to.deep.equal([{ name: "tmp" }]);
    });
    it("drops every capability, runs an init process, and gets 120 s to finish on SIGTERM", () => {
        expect(pe().linuxParameters).to.deep.equal({ initProcessEnabled: true, capabilities: { drop: ["ALL"] } });
        expect(pe().stopTimeout).to.equal(120);
    });
});

describe("container definitions: customer-portal (§5.1.2)", () => {
    it("listens on 8443/tcp, the port the ECS group admits (D9)", () => {
        expect(portal()).to.include({ name: "customer-portal", essential: true });
        expect(portal().portMappings).to.deep.equal([{ containerPort: 8443, protocol: "tcp" }]);
    });
    it("health check wget --spider on / at 8443 (interval 30, timeout 3, retries 3, start 5)", () => {
        expect(portal().healthCheck).to.deep.equal(containerHealthCheck("customer-portal"));
        expect(portal().healthCheck).to.deep.equal({
            command: ["CMD-SHELL", "wget --no-verbose --tries=1 --spider http://localhost:8443/ || exit 1"], interval: 30, timeout: 3, retries: 3, startPeriod: 5,
        });
    });
    it("gets no secret and only the §4.1 settings as environment: the portal never sees database credentials", () => {
        expect(portal().secrets).to.deep.equal([]);
        expect(JSON.stringify(portal().environment)).not.to.match(/DATABASE|SECRET|PASSWORD/i);
        expect((portal().environment as { name: string }[]).every((e) => /^(NGINX_|APP_)/.test(e.name))).to.equal(true);
    });
    it("runs as nginx (UID 101) on a read-only root; /tmp and /var/cache/nginx are writable volumes", () => {
        expect(portal()).to.include({ user: "101", readonlyRootFilesystem: true });
        expect(portal().mountPoints).to.deep.equal([
            { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
            { sourceVolume: "nginx-cache", containerPath: "/var/cache/nginx", readOnly: false },
        ]);
        expect(taskVolumes("customer-portal")).to.deep.equal([{ name: "tmp" }, { name: "nginx-cache" }]);
        expect(portal().stopTimeout).to.equal(CONTAINER_HARDENING["customer-portal"].stopTimeout).and.to.equal(30);
    });
});
