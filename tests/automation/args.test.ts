import { expect } from "chai";
import { parseArgs, prodConfirmationProblem, usage } from "../../automation/args";
import { UsageError } from "../../automation/errors";
import { checkStackName, loadStackFacts, stackFactsFrom } from "../../automation/stackFacts";
import * as path from "path";

const STACKS = ["dev", "prod", "staging"];
const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");

describe("delivery tool: command line", () => {
    const good: [string, string[], object][] = [
        ["help with no arguments", [], { command: "help" }],
        ["help", ["help"], { command: "help" }],
        ["-h anywhere", ["up", "prod", "-h"], { command: "help" }],
        ["up with confirmation, a policy pack and the default health timeout", ["up", "prod", "--confirm-prod", "--policy-pack", "policy"],
            { command: "up", stack: "prod", confirmProd: true, policyPacks: ["policy"], healthTimeoutSeconds: 10 }],
        ["validate with a health timeout", ["validate", "staging", "--health-timeout", "3"], { command: "validate", stack: "staging", healthTimeoutSeconds: 3 }],
    ];
    for (const [what, argv, parsed] of good) {
        it(what, () => {
            expect(parseArgs(argv, STACKS)).to.deep.equal(parsed);
        });
    }

    it("rollback with and without a revision", () => {
        expect(parseArgs(["rollback", "dev", "internal-pe"], STACKS)).to.include({ command: "rollback", stack: "dev", service: "internal-pe", revision: undefined });
        expect(parseArgs(["rollback", "dev", "customer-portal", "41"], STACKS)).to.include({ service: "customer-portal", revision: "41" });
    });

    const bad: [string, string[], RegExp][] = [
        ["an unknown command", ["deploy", "dev"], /unknown command "deploy"/],
        ["an unknown stack (never created by accident)", ["up", "production"], /unknown stack "production": this project has dev, prod, staging/],
        ["a missing stack", ["validate"], /validate takes <stack>, got nothing/],
        ["an extra argument", ["preview", "dev", "prod"], /preview takes <stack>, got dev prod/],
        ["an option of another command", ["validate", "dev", "--confirm-prod"], /option --confirm-prod is not valid for validate/],
        ["an option without its value", ["up", "dev", "--policy-pack"], /--policy-pack needs a value/],
        ["--health-host (the host names come from the stack output healthRoutes)", ["validate", "dev", "--health-host", "x.example.in"], /option --health-host is not valid for validate/],
        ["a health timeout that is not a positive number", ["validate", "dev", "--health-timeout", "0"], /--health-timeout must be a number of seconds/],
        ["an unknown service", ["rollback", "dev", "payments-api"], /unknown service "payments-api": services are internal-pe, customer-portal/],
        ["a rollback without a service", ["rollback", "dev"], /rollback takes <stack> <service> \[revision\], got dev/],
    ];
    for (const [what, argv, message] of bad) {
        it(`refuses ${what}`, () => {
            expect(() => parseArgs(argv, STACKS)).to.throw(UsageError, message);
        });
    }

    it("the usage text names the commands and the stacks", () => {
        expect(usage(STACKS)).to.match(/stacks: dev, prod, staging[\s\S]*phases[\s\S]*preview[\s\S]*up[\s\S]*validate[\s\S]*rollback/);
    });
});

describe("delivery tool: safety", () => {
    it("up on prod without --confirm-prod is refused; prod with the flag, and other environments without it, go ahead", () => {
        expect(prodConfirmationProblem("prod", "up", false)).to.equal("up on the production stack needs --confirm-prod (nothing was changed)");
        expect([prodConfirmationProblem("prod", "rollback", true), prodConfirmationProblem("staging", "up", false)]).to.deep.equal([undefined, undefined]);
    });

    it("only the project's stacks are accepted", () => {
        expect(() => checkStackName("qa", STACKS)).to.throw(UsageError, /unknown stack "qa"/);
    });
});

describe("delivery tool: stack facts from the stack file", () => {
    it("prod: environment, account, region and the DeploymentRole the provider assumes; each stack file names its own account", () => {
        expect(loadStackFacts("prod", PROJECT_DIR)).to.deep.equal({
            stack: "prod", project: "fivestar-payments", environment: "prod", accountId: "123456789014", region: "ap-south-1",
            deploymentRoleName: "DeploymentRole", deploymentRoleArn: "arn:aws:iam::123456789014:role/DeploymentRole",
        });
        expect(["dev", "staging"].map((s) => loadStackFacts(s, PROJECT_DIR).accountId)).to.deep.equal(["123456789012", "123456789013"]);
    });

    it("refuses a stack file whose account is not a 12-digit id, or without an environment, naming the key", () => {
        const raw = { environment: "dev", awsAccountId: "12345", region: "ap-south-1", deploymentRoleName: "DeploymentRole" };
        expect(() => stackFactsFrom("dev", "fivestar-payments", raw)).to.throw(UsageError, 'Pulumi.dev.yaml: fivestar-payments:awsAccountId = "12345": must be a 12-digit AWS account id');
        expect(() => stackFactsFrom("dev", "fivestar-payments", { ...raw, environment: undefined, awsAccountId: "123456789012" })).to.throw(UsageError, /fivestar-payments:environment is not set/);
    });
});
