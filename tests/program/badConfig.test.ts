/**
 * Issue 14, "config that cannot lie": each bad input the issue lists, through every tool that reads
 * config and through the program as the Pulumi CLI runs it, is refused before any resource is
 * registered, naming the key. The good stack files still plan (tests/program/plan.test.ts).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StackConfigError } from "../../config";
import { loadStackFacts } from "../../automation/stackFacts";
import { RefusedError } from "../../automation/errors";
import { estimateStack } from "../../tools/cost";
import { evaluateStack, ProgramError } from "../../tools/offline/evaluate";
import { stackInput } from "../support/config";
import { runPlan, runPlanCli, runProgram } from "../support/plans";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const Q = (key: string) => `fivestar-payments:${key}`;
const RAZORPAY = { razorpayKeyId: "rzp_live_probe1", razorpayKeySecret: "probe-key-secret-value", razorpayWebhookSecret: "probe-webhook-secret-value" };

/** A project directory holding Pulumi.yaml and the committed Pulumi.<stack>.yaml as edited. */
function editedStackFile(stack: string, edit: (text: string) => string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-"));
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const original = fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8");
    const edited = edit(original);
    if (edited === original) throw new Error("the edit changed nothing");
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), edited);
    return dir;
}
const setLine = (key: string, from: string, to: string) => (text: string) => text.replace(`  ${Q(key)}: ${from}\n`, `  ${Q(key)}: ${to}\n`);
const addLines = (...lines: string[]) => (text: string) => `${text}${lines.map((l) => `  ${l}\n`).join("")}`;

/** The offline plan's engine on a stack file: the error, and that nothing was registered. */
async function planFailure(stack: string, dir: string): Promise<string> {
    try {
        await evaluateStack(stack, { projectDir: dir });
    } catch (e) {
        expect(e).to.be.instanceOf(ProgramError);
        expect((e as ProgramError).registeredBeforeFailure).to.equal(0);
        return (e as Error).message;
    }
    throw new Error("the plan succeeded");
}

async function costFailure(stack: string, dir: string, overrides: Record<string, string> = {}): Promise<string> {
    try {
        await estimateStack(stack, dir, overrides);
    } catch (e) {
        expect(e).to.be.instanceOf(StackConfigError);
        return (e as Error).message;
    }
    throw new Error("the estimate succeeded");
}

// Each case: the stack, the --set overrides, the same change as a stack file edit, and what the error must say.
const CASES: { what: string; stack: string; set: Record<string, string>; file: (t: string) => string; says: string }[] = [
    {
        what: "a misspelt project key (ecsDesiredCnt)", stack: "staging", set: { ecsDesiredCnt: "3" }, file: addLines(`${Q("ecsDesiredCnt")}: 3`),
        says: "fivestar-payments:ecsDesiredCnt is not a key of this project: did you mean fivestar-payments:ecsDesiredCount?",
    },
    {
        what: "aws:region, which nothing reads", stack: "prod", set: { "aws:region": "us-east-1" }, file: addLines("aws:region: us-east-1"),
        says: "aws:region is not read by this program: default providers are disabled (Pulumi.yaml) and its providers are configured from fivestar-payments keys only; did you mean fivestar-payments:region?",
    },
    {
        what: "dev carrying prod's account id and a matching certificate", stack: "dev",
        set: { awsAccountId: "123456789014", albCertificateArn: "arn:aws:acm:ap-south-1:123456789014:certificate/00000000-0000-0000-0000-000000000000" },
        file: (t) => setLine("awsAccountId", '"123456789012"', '"123456789014"')(t).replace(":123456789012:certificate/", ":123456789014:certificate/"),
        says: 'fivestar-payments:awsAccountId = "123456789014" in stack "dev": stack dev deploys only into account 123456789012',
    },
    {
        what: "environment: staging in the dev stack", stack: "dev", set: { environment: "staging" }, file: setLine("environment", "dev", "staging"),
        says: 'fivestar-payments:environment = "staging" in stack "dev": stack dev is environment "dev"',
    },
    {
        what: "prod with protectStatefulResources: false", stack: "prod", set: { protectStatefulResources: "false" }, file: setLine("protectStatefulResources", "true", "false"),
        says: 'fivestar-payments:protectStatefulResources = false in environment "prod": must be true',
    },
    {
        what: "prod with rdsMultiAz: false", stack: "prod", set: { rdsMultiAz: "false" }, file: setLine("rdsMultiAz", "true", "false"),
        says: 'fivestar-payments:rdsMultiAz = false in environment "prod": must be true, production runs a Multi-AZ database (§2.2.3',
    },
];

describe("issue 14: bad config is refused by every tool, naming the key, with nothing registered", () => {
    // Queue every case's plan at once (runPlan caches each); the tests then await their own.
    before(() => { for (const c of CASES) runPlan(c.stack, c.set).catch(() => undefined); });

    for (const c of CASES) {
        describe(c.what, () => {
            it(`plan --set: exit 1, 0 resources registered`, async () => {
                const result = await runPlan(c.stack, c.set);
                if (!("error" in result)) throw new Error("the plan succeeded");
                expect(result.exitCode).to.equal(1);
                expect(result.registeredBeforeFailure).to.equal(0);
                expect(result.error).to.include(c.says);
            });
            it("plan of a stack file with it: 0 resources registered", async () => {
                expect(await planFailure(c.stack, editedStackFile(c.stack, c.file))).to.include(c.says);
            });
            it("cost --set and cost of the stack file: refused before planning", async () => {
                expect(await costFailure(c.stack, PROJECT_DIR, c.set)).to.include(c.says);
                expect(await costFailure(c.stack, editedStackFile(c.stack, c.file))).to.include(c.says);
            });
            it("ops (delivery tool): refused before it assumes any role", () => {
                expect(() => loadStackFacts(c.stack, editedStackFile(c.stack, c.file))).to.throw(RefusedError, c.says);
            });
        });
    }

    describe("gateway secrets written in plain text", () => {
        const plainSecrets = addLines(...Object.entries(RAZORPAY).map(([k, v]) => `${Q(k)}: ${v}`));
        const says = "fivestar-payments:razorpayKeySecret holds a secret but is plain text in the stack file: use `pulumi config set --secret razorpayKeySecret <value>`";

        it("plan of the stack file: refused, 0 resources registered", async () => {
            expect(await planFailure("prod", editedStackFile("prod", plainSecrets))).to.include(says);
        });
        it("cost and ops: refused", async () => {
            expect(await costFailure("prod", editedStackFile("prod", plainSecrets))).to.include(says);
            expect(() => loadStackFacts("prod", editedStackFile("prod", plainSecrets))).to.throw(RefusedError, says);
        });
        it("plan --set of a secret key keeps it secret, and --json prints no secret value", async () => {
            const { code, stdout, stderr } = await runPlanCli(["prod", "--json", "-", ...Object.entries(RAZORPAY).flatMap(([k, v]) => ["--set", `${k}=${v}`])]);
            expect(code, stderr).to.equal(0);
            for (const value of Object.values(RAZORPAY)) expect(stdout).to.not.include(value);
            const plan = JSON.parse(stdout);
            const version = plan.resources.find((r: { type: string; name: string }) => r.type === "aws:secretsmanager/secretVersion:SecretVersion" && r.name.includes("razorpay"));
            expect(version, "the razorpay secret version").to.not.equal(undefined);
            expect(version.secretPaths).to.include("secretString");
            expect(version.inputs.secretString).to.equal("[secret]");
        });
    });

    describe("an account id written as a YAML number", () => {
        it("with a leading zero: refused with 'quote it', 0 resources registered", async () => {
            const dir = editedStackFile("dev", setLine("awsAccountId", '"123456789012"', "012345678901"));
            const message = await planFailure("dev", dir);
            expect(message).to.include('fivestar-payments:awsAccountId is written as a YAML number (012345678901): quote it ("012345678901")');
            expect(await costFailure("dev", dir)).to.include("quote it");
            expect(() => loadStackFacts("dev", dir)).to.throw(RefusedError, "fivestar-payments:awsAccountId is written as a YAML number");
        });
        it("even the right 12 digits unquoted are refused", async () => {
            expect(await planFailure("dev", editedStackFile("dev", setLine("awsAccountId", '"123456789012"', "123456789012"))))
                .to.include('fivestar-payments:awsAccountId is written as a YAML number (123456789012): quote it ("123456789012")');
        });
    });

    describe("cross-key errors are not hidden by single-key errors", () => {
        const set = { environment: "production", ecsMinCapacity: "11", ecsMemory: "2048" };
        const says = ['fivestar-payments:environment = "production": must be one of: dev, staging, prod',
            "fivestar-payments:ecsMinCapacity = 11 is greater than fivestar-payments:ecsMaxCapacity = 10",
            "fivestar-payments:ecsMemory = 2048 with fivestar-payments:ecsCpu = 2048: not a Fargate size"];
        it("plan --set reports all three at once, 0 resources registered", async () => {
            const result = await runPlan("prod", set);
            if (!("error" in result)) throw new Error("the plan succeeded");
            expect(result.registeredBeforeFailure).to.equal(0);
            for (const s of says) expect(result.error).to.include(s);
        });
        it("cost --set reports all three at once", async () => {
            const message = await costFailure("prod", PROJECT_DIR, set);
            for (const s of says) expect(message).to.include(s);
        });
    });
});

describe("issue 14: the program itself refuses under the Pulumi CLI (config and secret keys from the runtime)", () => {
    const secretKeys = Object.keys(RAZORPAY).map(Q);
    const run = (stack: string, changes: Record<string, string>, secrets: readonly string[], preview: boolean) => runProgram(stackInput(stack, changes, secrets), preview);

    it("with the committed config (and the gateway secrets as secrets) it registers the stack", async () => {
        const good = await run("prod", RAZORPAY, secretKeys, true);
        expect(good.error).to.equal(undefined);
        expect(good.registered).to.be.greaterThan(100);
    });

    const bad: [string, string, Record<string, string>, readonly string[], string][] = [
        ["a plain-text gateway secret", "prod", RAZORPAY, [], "fivestar-payments:razorpayKeyId holds a secret but is plain text in the stack file"],
        ["a misspelt key and aws:region", "staging", { ecsDesiredCnt: "3", "aws:region": "us-east-1" }, [], "did you mean fivestar-payments:ecsDesiredCount?"],
        ["dev with prod's account", "dev", { awsAccountId: "123456789014" }, [], 'stack dev deploys only into account 123456789012'],
        ["prod dropping protection", "prod", { protectStatefulResources: "false", rdsMultiAz: "false" }, [], "fivestar-payments:rdsMultiAz = false"],
    ];
    before(() => { for (const [, stack, changes, secrets] of bad) void run(stack, changes, secrets, false); });
    for (const [what, stack, changes, secrets, says] of bad) {
        it(`${what}: \`pulumi up\` fails before registering anything`, async () => {
            const refused = await run(stack, changes, secrets, false);
            expect(refused.error).to.include("Invalid stack configuration (nothing was created)").and.include(says);
            expect(refused.registered).to.equal(0);
        });
    }
});
