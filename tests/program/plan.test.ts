/**
 * The offline plan tool itself: bad config fails with the key named and nothing registered, and the
 * output's shape. That each stack plans from its committed file, to exactly its recorded URNs, is
 * tests/safety/identity.test.ts.
 */
import { expect } from "chai";
import { spawn } from "child_process";
import * as path from "path";
import { planInChildProcess } from "../../lib/planProcess";
import { redactSecrets } from "../../tools/offline/redact";
import { renderPlan, shortType } from "../../tools/offline/report";
import { parseArgs } from "../../tools/plan";
import { planOf, runPlan } from "../support/plans";

describe("offline plan (npm run plan -- <stack>)", () => {
    const badConfigs: [string, Record<string, string>, string][] = [
        ["a wrong environment name", { environment: "production" }, 'fivestar-payments:environment = "production": must be one of: dev, staging, prod'],
        ["an impossible Fargate pair", { ecsCpu: "2048", ecsMemory: "2048" }, "for cpu 2048 memory must be 4096-16384 in 1024 steps MiB"],
        ["a reserved block outside the VPC", { reservedCidrs: '["172.16.0.0/26"]' }, "reserved 172.16.0.0/26 is outside the VPC CIDR 192.168.0.0/24"],
        ["min > max", { ecsMinCapacity: "11" }, "fivestar-payments:ecsMinCapacity = 11 is greater than fivestar-payments:ecsMaxCapacity = 10"],
    ];
    for (const [what, overrides, message] of badConfigs) {
        it(`fails on ${what} before registering any resource`, async () => {
            const result = await runPlan("prod", overrides);
            if (!("error" in result)) throw new Error("the plan succeeded");
            expect(result.exitCode).to.equal(1);
            expect(result.error).to.include(message);
            expect(result.registeredBeforeFailure).to.equal(0);
        });
    }

    it("--json - writes the whole plan to a slow pipe (beyond the 64 KiB pipe buffer) before exiting", async function () {
        this.timeout(0);
        const root = path.resolve(__dirname, "..", "..", "..");
        // A reader that does not drain the pipe until the child exits (or 1.5 s pass): a tool that calls
        // process.exit with output still queued loses everything beyond the buffers.
        const stdout = await new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, [path.join(root, "build", "tools", "plan.js"), "prod", "--json", "-"], { cwd: root });
            const chunks: Buffer[] = [];
            child.stdout.pause();
            const drain = () => child.stdout.resume();
            const timer = setTimeout(drain, 1500);
            child.on("exit", () => { clearTimeout(timer); drain(); });
            child.stdout.on("data", (c: Buffer) => chunks.push(c));
            child.stdout.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
            child.on("error", reject);
        });
        expect(stdout.length).to.be.greaterThan(65536);
        // A fresh process plans what a plan worker plans after other stacks (tools/offline/worker.ts).
        expect(JSON.parse(stdout)).to.deep.equal(redactSecrets((await planOf("prod")).evaluated));
    });

    it("refuses an unknown stack, naming the stacks there are", async () => {
        const result = await runPlan("qa");
        if (!("error" in result)) throw new Error("the plan succeeded");
        expect(result.error).to.match(/No stack "qa".*Stacks: dev, prod, prod-dr, staging/);
        // What the delivery, cost and snapshot tools say of it.
        await planInChildProcess("qa").then(() => expect.fail("planned"), (e: Error) => expect(e.message).to.match(/the offline plan of stack "qa" failed: No stack "qa"/));
    });

    it("prints resources grouped under their component, with the key sizing", async () => {
        const text = renderPlan((await planOf("prod")).evaluated, Infinity);
        expect(text).to.match(/^Offline plan: stack "prod" of fivestar-payments \(account 123456789014, ap-south-1\)/);
        expect(text).to.match(/\nnetwork \(fivestar:network:Network\): \d+ resources \[.*2 NatGateway.*6 Subnet/);
        expect(text).to.match(/\n {2}\+ aws:ec2:Subnet +network-db-b +cidrBlock=192\.168\.0\.160\/27 availabilityZone=ap-south-1b/);
        expect(text).to.include('  vpcId = "network-vpc-id"');
    });

    it("shortens resource types for the table", () => {
        expect(shortType("aws:ec2/routeTableAssociation:RouteTableAssociation")).to.equal("aws:ec2:RouteTableAssociation");
        expect(shortType("random:index/randomPassword:RandomPassword")).to.equal("random:index:RandomPassword");
        expect(shortType("pulumi:providers:aws")).to.equal("pulumi:providers:aws");
    });

    it("parses its arguments", () => {
        expect(parseArgs(["prod", "--json", "-", "--set", "ecsCpu=1024", "--quiet"])).to.deep.equal({
            stack: "prod", json: "-", overrides: { ecsCpu: "1024" }, quiet: true,
        });
        expect(() => parseArgs([])).to.throw("missing <stack>");
        expect(() => parseArgs(["dev", "--set", "nonsense"])).to.throw('--set needs key=value, got "nonsense"');
        expect(() => parseArgs(["dev", "--bogus"])).to.throw("unknown option --bogus");
        expect(() => parseArgs(["dev", "--json"])).to.throw("--json needs a file name or -");
    });
});
