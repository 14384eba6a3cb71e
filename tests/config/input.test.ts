/**
 * Config that cannot lie (issue 14): the whole input is checked (unknown keys with the nearest known
 * one, other namespaces, secrets that arrive as plain text, values written as YAML numbers), each stack
 * is bound to its environment and account, prod keeps its protection, and every problem is reported in
 * one pass. The tools and the program under the CLI are exercised in tests/program/badConfig.test.ts.
 */
import { expect } from "chai";
import * as path from "path";
import { checkStackConfig, parseStackConfig, StackConfigError } from "../../config";
import { inputProblems, knownKeyNames, nearestKey } from "../../config/input";
import { CONFIG_KEYS } from "../../config/schema";
import { SECRET_KEY_NAMES } from "../../config/secretKeys";
import { bootstrapStackOf, STACK_BINDINGS } from "../../config/stacks";
import { listStacks, readStackConfig } from "../../config/stackFiles";
import { rawStackConfig, rejection, stackInput } from "../support/config";
import { itRefuses } from "./fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const RAZORPAY = { razorpayKeyId: "rzp_live_x1", razorpayKeySecret: "s3cr3t-value", razorpayWebhookSecret: "w3bh00k-value" };

describe("config input: unknown keys are refused with the nearest known key", () => {
    it("the known keys are the schema's keys and the secret keys (one source: config/keys/*.ts, config/secretKeys.ts)", () => {
        expect(knownKeyNames()).to.have.members([...Object.keys(CONFIG_KEYS), ...SECRET_KEY_NAMES]);
    });

    it("suggests by edit distance, case-insensitively, and only when near", () => {
        expect(nearestKey("ecsDesiredCnt")).to.equal("ecsDesiredCount");
        expect(nearestKey("rdsmultiaz")).to.equal("rdsMultiAz");
        expect(nearestKey("regoin")).to.equal("region");
        expect(nearestKey("kubernetesNamespace")).to.equal(undefined);
    });

    it("pulumi:disable-default-providers as committed is no problem", () => expect(inputProblems(stackInput("dev"))).to.deep.equal([]));

    itRefuses([
        ["a misspelt project key in a stack file", "staging", { ecsDesiredCnt: "3" },
            "fivestar-payments:ecsDesiredCnt is not a key of this project: did you mean fivestar-payments:ecsDesiredCount?"],
        ["a project key with no near neighbour says to remove it", "dev", { kubernetesNamespace: "payments" }, "fivestar-payments:kubernetesNamespace is not a key of this project: remove it"],
        ["aws:region and aws:profile: default providers are disabled, nothing reads them", "prod", { "aws:region": "us-east-1", "aws:profile": "prod-admin" },
            "aws:region is not read by this program: default providers are disabled (Pulumi.yaml)", "did you mean fivestar-payments:region?", "aws:profile is not read by this program", "remove it"],
        ["pulumi:disable-default-providers is read by the engine and must keep every default provider off", "dev", { "pulumi:disable-default-providers": "[]" },
            'pulumi:disable-default-providers = []: must be ["*"]'],
        ["pulumi:disable-default-providers naming one package only", "dev", { "pulumi:disable-default-providers": '["random"]' }, "pulumi:disable-default-providers"],
        ["other pulumi: keys are refused too (pulumi:autonaming would rename every auto-named resource)", "prod", { "pulumi:autonaming": '{"pattern":"${name}"}' },
            "pulumi:autonaming is not read by this program"],
    ]);
});

describe("config input: each stack is bound to its environment and account (config/stacks.ts, §2.2)", () => {
    it("the table holds the guide's accounts: dev 123456789012, staging 123456789013, prod 123456789014", () => {
        expect(Object.fromEntries(Object.entries(STACK_BINDINGS).map(([s, b]) => [s, [b.environment, b.awsAccountId]]))).to.deep.equal({
            dev: ["dev", "123456789012"], staging: ["staging", "123456789013"], prod: ["prod", "123456789014"],
            // issue 17: prod's disaster-recovery stack, in prod's account
            "prod-dr": ["prod", "123456789014"],
        });
    });

    it("every stack file is in the table and agrees with it", () => {
        for (const stack of listStacks(PROJECT_DIR)) {
            expect(STACK_BINDINGS, stack).to.have.property(stack);
            expect(() => checkStackConfig(stackInput(stack)), stack).to.not.throw();
        }
    });

    it("the bootstrap stack files use the same accounts", () => {
        for (const [stack, binding] of Object.entries(STACK_BINDINGS)) {
            // A recovery stack deploys with its account's DeploymentRole: the primary stack's bootstrap (issue 17).
            const file = readStackConfig(bootstrapStackOf(stack), path.join(PROJECT_DIR, "bootstrap"));
            expect(file.config["fivestar-payments-bootstrap:awsAccountId"], stack).to.equal(binding.awsAccountId);
        }
    });

    it("dev carrying prod's account id (and a matching certificate) is refused, naming the key", () => {
        const message = rejection("dev", {
            awsAccountId: "123456789014",
            albCertificateArn: "arn:aws:acm:ap-south-1:123456789014:certificate/00000000-0000-0000-0000-000000000000",
        });
        expect(message).to.include('fivestar-payments:awsAccountId = "123456789014" in stack "dev": stack dev deploys only into account 123456789012');
    });

    itRefuses([["environment: staging in the dev stack is refused", "dev", { environment: "staging" }, 'fivestar-payments:environment = "staging" in stack "dev": stack dev is environment "dev"']]);

    it("a stack that is not in the table cannot run", () => {
        expect(() => checkStackConfig({ ...stackInput("prod"), stack: "prod-eu" })).to.throw(StackConfigError, 'stack "prod-eu" is not in config/stacks.ts');
    });
});

describe("config input: prod cannot drop protection", () => {
    itRefuses([
        ["protectStatefulResources: false in prod is refused (§6.1.1)", "prod", { protectStatefulResources: "false" },
            'fivestar-payments:protectStatefulResources = false in environment "prod": must be true', "§6.1.1"],
        ["rdsMultiAz: false in prod is refused (§2.2.3, §4.1.3)", "prod", { rdsMultiAz: "false" }, 'fivestar-payments:rdsMultiAz = false in environment "prod": must be true', "§2.2.3", "§4.1.3"],
    ]);

    it("dev and staging may do without both", () => {
        expect(parseStackConfig(rawStackConfig("staging", { rdsMultiAz: "false", protectStatefulResources: "false" }), "staging").rds.multiAz).to.equal(false);
    });
});

describe("config input: secrets must arrive as secrets", () => {
    it("a gateway secret in plain text is refused with `pulumi config set --secret`", () => {
        const message = rejection("prod", RAZORPAY);
        for (const key of Object.keys(RAZORPAY)) {
            expect(message).to.include(`fivestar-payments:${key} holds a secret but is plain text in the stack file: use \`pulumi config set --secret ${key} <value>\``);
        }
    });

    it("the same values as secrets are accepted", () => {
        expect(() => checkStackConfig(stackInput("prod", RAZORPAY, Object.keys(RAZORPAY).map((k) => `fivestar-payments:${k}`)))).to.not.throw();
    });

    it("a half-set gateway is reported in the same pass as other problems", () => {
        const secretKeys = ["fivestar-payments:juspayApiKey"];
        const message = (() => { try { checkStackConfig(stackInput("staging", { juspayApiKey: "k-123", ecsDesiredCnt: "2" }, secretKeys)); } catch (e) { return (e as Error).message; } return ""; })();
        expect(message).to.include("fivestar-payments:juspayMerchantId").and.include("fivestar-payments:ecsDesiredCnt");
    });
});

describe("config input: a string key written as a YAML number", () => {
    it("is refused with the text as written and 'quote it'", () => {
        const input = { ...stackInput("dev"), numberKeys: { "fivestar-payments:awsAccountId": "012345678901", "fivestar-payments:ecsCpu": "512" } };
        const problems = inputProblems(input);
        expect(problems).to.deep.equal([
            'fivestar-payments:awsAccountId is written as a YAML number (012345678901): quote it ("012345678901"); unquoted, YAML reads a number and drops leading zeros',
        ]);
    });

    itRefuses([["under the CLI the lost zero leaves 11 digits, and the account id's rule says to quote it", "dev", { awsAccountId: "12345678901" },
        "must be a 12-digit AWS account id, quoted in the stack file"]]);

    it("the stack file reader records the YAML numbers as written (and a --set value is text)", () => {
        const file = readStackConfig("dev", PROJECT_DIR);
        expect(file.numberKeys).to.include({ "fivestar-payments:ecsCpu": "512", "fivestar-payments:rdsMaxConnections": "200" });
        expect(file.numberKeys).to.not.have.property("fivestar-payments:awsAccountId");
        expect(readStackConfig("dev", PROJECT_DIR, { ecsCpu: "1024" }).numberKeys).to.not.have.property("fivestar-payments:ecsCpu");
    });

    it("no committed stack file writes a string key as a number", () => {
        for (const stack of listStacks(PROJECT_DIR)) expect(inputProblems(readStackConfig(stack, PROJECT_DIR)), stack).to.deep.equal([]);
    });
});

describe("config input: every problem in one pass", () => {
    it("cross-key errors (min > max, Fargate pair) are reported beside single-key errors", () => {
        const message = rejection("prod", { environment: "production", rdsInstanceClass: "large", ecsMinCapacity: "11", ecsCpu: "2048", ecsMemory: "2048" });
        expect(message).to.include('fivestar-payments:environment = "production": must be one of');
        expect(message).to.include('fivestar-payments:rdsInstanceClass = "large"');
        expect(message).to.include("fivestar-payments:ecsMinCapacity = 11 is greater than fivestar-payments:ecsMaxCapacity = 10");
        expect(message).to.include("fivestar-payments:ecsMemory = 2048 with fivestar-payments:ecsCpu = 2048: not a Fargate size");
    });

    it("a check that reads a refused key is skipped, its neighbours still run", () => {
        // region is refused: the AZ check (reads region) is skipped; the subnet check and min > max still run.
        const message = rejection("dev", { region: "Mumbai", reservedCidrs: '["10.0.0.0/26"]', ecsMinCapacity: "2" });
        expect(message).to.include('fivestar-payments:region = "Mumbai"');
        expect(message).to.not.include("must be a zone of");
        expect(message).to.include("reserved 10.0.0.0/26 is outside the VPC CIDR");
        expect(message).to.include("fivestar-payments:ecsMinCapacity = 2 is greater than fivestar-payments:ecsMaxCapacity = 1");
    });

    it("input, binding, value and cross-key problems together", () => {
        const message = rejection("dev", { environment: "prod", ecsDesiredCnt: "1", "aws:region": "ap-south-1", razorpayKeyId: "rzp", ecsMinCapacity: "3" });
        const lines = message.split("\n").filter((l) => l.startsWith("  - "));
        expect(lines.some((l) => l.includes("ecsDesiredCnt"))).to.equal(true);
        expect(lines.some((l) => l.includes("aws:region"))).to.equal(true);
        expect(lines.some((l) => l.includes("razorpayKeyId holds a secret"))).to.equal(true);
        expect(lines.some((l) => l.includes('stack dev is environment "dev"'))).to.equal(true);
        expect(lines.some((l) => l.includes("ecsMinCapacity = 3 is greater than"))).to.equal(true);
    });
});
