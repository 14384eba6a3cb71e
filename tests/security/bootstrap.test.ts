/**
 * The bootstrap project (bootstrap/): validated config, committed stack files that invent nothing,
 * and a program that creates the §2.3.1 roles with the caller's own credentials, pinned to the account.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { StackConfigError } from "../../config";
import { BOOTSTRAP_KEYS, BOOTSTRAP_PROJECT, parseBootstrapConfig } from "../../bootstrap/config";
import { bootstrapProgram } from "../../bootstrap/program";
import { renderBootstrapPlan } from "../../tools/bootstrapPlan";
import { deploymentRolePolicy } from "../../security/crossAccountPolicies";
import { previewRolePolicy, previewTrustPolicy } from "../../security/previewRolePolicies";
import { readStackConfig } from "../../config/stackFiles";
import { trustStatementsWithoutMfa } from "../../policy/lib/trust";
import { construct, valueOf } from "../support/component";
import { ACCOUNTS } from "./fixtures";

const DIR = path.resolve(__dirname, "..", "..", "..", "bootstrap");
// Test-only principals: the real ones are not in the guide and are set by operators.
const CICD = "arn:aws:iam::123456789013:role/test-cicd";
const MONITORING = "999999999999";
const REPOSITORY = "test-org/test-repo";

/** The committed stack file's values, unqualified, as Pulumi hands them. */
function stackValues(stack: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    const file = readStackConfig(stack, DIR);
    const raw: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(file.config)) if (k.startsWith(`${BOOTSTRAP_PROJECT}:`)) raw[k.slice(BOOTSTRAP_PROJECT.length + 1)] = v;
    return { ...raw, ...extra };
}
const complete = (stack: string, extra: Record<string, string | undefined> = {}) => stackValues(stack, { cicdRoleArn: CICD, monitoringAccountId: MONITORING, githubRepository: REPOSITORY, ...extra });

function rejection(raw: Record<string, unknown>): string {
    try {
        parseBootstrapConfig(raw);
    } catch (e) {
        expect(e).to.be.instanceOf(StackConfigError);
        return (e as Error).message;
    }
    throw new Error(`bootstrap config ${JSON.stringify(raw)} was accepted`);
}

describe("bootstrap project (§2.3.1)", () => {
    const project = YAML.parse(fs.readFileSync(path.join(DIR, "Pulumi.yaml"), "utf8"));

    it("is its own Pulumi project, fivestar-payments-bootstrap, with default providers disabled, declaring exactly the required keys with the schema's type and description", () => {
        expect(project.name).to.equal("fivestar-payments-bootstrap");
        expect(project.runtime.name).to.equal("nodejs");
        expect(project.config["pulumi:disable-default-providers"]).to.deep.equal({ value: ["*"] });
        // Pulumi.yaml declares exactly the required keys, with the schema's type and description.
        const required = Object.entries(BOOTSTRAP_KEYS).filter(([, s]) => s.required);
        for (const [name, spec] of required) expect(project.config[name], name).to.include({ type: spec.type, description: spec.description });
        expect(Object.keys(project.config).filter((k) => !k.includes(":")).sort()).to.deep.equal(required.map(([k]) => k).sort());
    });

    for (const stack of ["dev", "staging", "prod"] as const) {
        it(`${stack}: the committed stack file pins account ${ACCOUNTS[stack]} and ap-south-1 and invents no trusted principal`, () => {
            const values = stackValues(stack);
            expect(values).to.include({ environment: stack, awsAccountId: ACCOUNTS[stack], region: "ap-south-1" });
            expect(values).to.not.have.property("cicdRoleArn");
            expect(values).to.not.have.property("monitoringAccountId");
            expect(values).to.not.have.property("githubRepository");
        });

        it(`${stack}: refuses to run until cicdRoleArn, monitoringAccountId and githubRepository are set, naming all three`, () => {
            const message = rejection(stackValues(stack));
            expect(message).to.include("fivestar-payments-bootstrap:cicdRoleArn is not set: required");
            expect(message).to.include("fivestar-payments-bootstrap:monitoringAccountId is not set: required");
            expect(message).to.include("fivestar-payments-bootstrap:githubRepository is not set: required");
        });
    }

    it("prod trusts the development account as limited and also allows ap-south-2 (the main prod stack's RDS backup replication region); dev and staging neither", () => {
        const of = (stack: string) => {
            const cfg = parseBootstrapConfig(complete(stack));
            return [cfg.limitedAccountIds, cfg.additionalRegions];
        };
        expect(["prod", "dev", "staging"].map(of)).to.deep.equal([[[ACCOUNTS.dev], ["ap-south-2"]], [[], []], [[], []]]);
    });

    for (const stack of ["dev", "staging", "prod"] as const) {
        it(`${stack}: the DeploymentRole allows every region the main ${stack} stack deploys to (its drReplicationRegion, if set)`, () => {
            const main = YAML.parse(fs.readFileSync(path.resolve(DIR, "..", `Pulumi.${stack}.yaml`), "utf8")).config ?? {};
            const cfg = parseBootstrapConfig(complete(stack));
            expect(cfg.region).to.equal(main["fivestar-payments:region"]);
            const replication = main["fivestar-payments:drReplicationRegion"];
            if (replication !== undefined) expect(cfg.additionalRegions, `bootstrap/Pulumi.${stack}.yaml additionalRegions`).to.include(replication);
        });
    }

    it("role names default to DeploymentRole (the main stacks' deploymentRoleName), MonitoringRole and PreviewRole; the OIDC provider is not created unless asked", () => {
        const cfg = parseBootstrapConfig(complete("staging"));
        expect([cfg.deploymentRoleName, cfg.monitoringRoleName, cfg.previewRoleName, cfg.createGithubOidcProvider])
            .to.deep.equal(["DeploymentRole", "MonitoringRole", "PreviewRole", false]);
    });

    describe("rejections name the key and what is allowed", () => {
        const cases: [string, "dev" | "prod", Record<string, string>, string][] = [
            ["cicdRoleArn must be an IAM role ARN", "prod", { cicdRoleArn: "ci-cd" }, "fivestar-payments-bootstrap:cicdRoleArn = \"ci-cd\": must be an IAM role ARN"],
            ["cicdRoleArn must be a role, not a user", "prod", { cicdRoleArn: "arn:aws:iam::123456789013:user/ci" }, "must be an IAM role ARN"],
            ["cicdRoleArn may not be the DeploymentRole itself", "prod", { cicdRoleArn: "arn:aws:iam::123456789014:role/DeploymentRole" }, "is the DeploymentRole itself"],
            ["monitoringAccountId must be a 12-digit id", "dev", { monitoringAccountId: "12345" },
                "fivestar-payments-bootstrap:monitoringAccountId = \"12345\": must be the 12-digit id of the central monitoring account"],
            ["monitoringAccountId must be another account", "dev", { monitoringAccountId: ACCOUNTS.dev }, "must be the central monitoring account, not the account itself"],
            ["limitedAccountIds must be 12-digit ids", "prod", { limitedAccountIds: "[\"dev\"]" }, "fivestar-payments-bootstrap:limitedAccountIds"],
            ["limitedAccountIds may not hold the account itself", "prod", { limitedAccountIds: `["${ACCOUNTS.prod}"]` }, "contains the account itself"],
            ["additionalRegions must be region names", "prod", { additionalRegions: "[\"mumbai\"]" }, "fivestar-payments-bootstrap:additionalRegions"],
            ["additionalRegions may not hold region", "prod", { additionalRegions: "[\"ap-south-1\"]" }, "the stack's own region"],
            ["githubRepository must be owner/name, not a URL", "dev", { githubRepository: "https://github.com/test-org/test-repo" },
                "fivestar-payments-bootstrap:githubRepository = \"https://github.com/test-org/test-repo\": must be a GitHub repository as owner/name"],
            ["githubRepository must name the owner", "dev", { githubRepository: "test-repo" }, "must be a GitHub repository as owner/name"],
            ["the PreviewRole cannot share a name with the DeploymentRole (it would replace the deployer's trust)", "dev", { previewRoleName: "DeploymentRole" },
                "the three roles need three different names"],
            ["environment must be dev, staging or prod", "prod", { environment: "qa" }, "fivestar-payments-bootstrap:environment = \"qa\": must be one of: dev, staging, prod"],
        ];
        for (const [what, stack, overrides, message] of cases) {
            it(what, () => {
                expect(rejection(complete(stack, overrides))).to.include(message);
            });
        }
    });

    describe("the program", () => {
        async function build(stack: "dev" | "prod") {
            return construct(() => bootstrapProgram(parseBootstrapConfig(complete(stack))));
        }

        it("§2.2.3 (issue 16): no role people may assume lacks the MFA condition, in dev or prod; the CI/CD role's statement is a machine's", async () => {
            for (const stack of ["dev", "prod"] as const) {
                const roles = (await build(stack)).ofType("aws:iam/role:Role");
                // DeploymentRole, MonitoringRole and (issue 14) the read-only PreviewRole
                expect(roles.length, stack).to.equal(3);
                for (const r of roles) expect(trustStatementsWithoutMfa(r.inputs.assumeRolePolicy), `${stack} ${r.name}`).to.deep.equal([]);
            }
            // the check itself fails a trust that lets an account in without MFA
            expect(trustStatementsWithoutMfa(JSON.stringify({ Statement: [{ Sid: "X", Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }] }))).to.deep.equal(["X"]);
            // ...and one pinned to a user, or to roles by wildcard; pinned to one named role it is a workload's
            const pinned = (arn: string) => JSON.stringify({ Statement: [{ Sid: "P", Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" },
                Action: "sts:AssumeRole", Condition: { ArnEquals: { "aws:PrincipalArn": arn } } }] });
            expect(trustStatementsWithoutMfa(pinned("arn:aws:iam::999999999999:user/alice"))).to.deep.equal(["P"]);
            expect(trustStatementsWithoutMfa(pinned("arn:aws:iam::999999999999:role/*"))).to.deep.equal(["P"]);
            expect(trustStatementsWithoutMfa(pinned("arn:aws:iam::999999999999:role/preview"))).to.deep.equal([]);
        });

        it("uses one explicit provider pinned to the account and region, with the caller's own credentials (no assumed role)", async () => {
            const built = await build("prod");
            const provider = built.one("pulumi:providers:aws", "bootstrap-account");
            expect(provider.inputs.region).to.equal("ap-south-1");
            expect(JSON.parse(String(provider.inputs.allowedAccountIds))).to.deep.equal([ACCOUNTS.prod]);
            expect(provider.inputs).to.not.have.property("assumeRoles");
            expect(JSON.parse(String(provider.inputs.defaultTags))).to.deep.equal({ tags: { Environment: "prod", Project: "FivestarPaymentsEngine", Owner: "1CloudHub" } });
        });

        it("creates CrossAccountRoles, and every AWS resource goes through that provider", async () => {
            const built = await build("prod");
            const providerUrn = built.one("pulumi:providers:aws", "bootstrap-account").urn;
            expect(built.ofType("fivestar:security:CrossAccountRoles")).to.have.length(1);
            const awsResources = built.resources.filter((r) => r.custom && r.type.startsWith("aws:"));
            expect(awsResources.length).to.be.greaterThan(3);
            for (const r of awsResources) expect(r.provider, r.name).to.equal(providerUrn);
        });

        it("prod: roles protected, guardrail teardown denied; dev: neither", async () => {
            const prod = await build("prod");
            expect(prod.one("aws:iam/role:Role", "cross-account-roles-deployment").protect).to.equal(true);
            const prodPolicy = JSON.parse(String(prod.one("aws:iam/rolePolicy:RolePolicy", "cross-account-roles-deployment").inputs.policy));
            expect(prodPolicy).to.deep.equal(deploymentRolePolicy({
                accountId: ACCOUNTS.prod, region: "ap-south-1", additionalRegions: ["ap-south-2"], lockGuardrails: true,
                bootstrapRoleArns: ["DeploymentRole", "MonitoringRole", "PreviewRole"].map((r) => `arn:aws:iam::${ACCOUNTS.prod}:role/${r}`),
            }));
            const dev = await build("dev");
            expect(dev.one("aws:iam/role:Role", "cross-account-roles-deployment").protect).to.equal(false);
            const devPolicy = JSON.parse(String(dev.one("aws:iam/rolePolicy:RolePolicy", "cross-account-roles-deployment").inputs.policy));
            expect(devPolicy.Statement.map((s: { Sid: string }) => s.Sid)).to.not.include("DenyGuardrailTeardown");
        });

        it("exports the three role ARNs", async () => {
            const { component: c } = await build("dev");
            expect((await Promise.all([c.deploymentRoleArn, c.monitoringRoleArn, c.previewRoleArn].map((o) => valueOf(o)))).map((arn) => arn.split(":").pop()))
                .to.deep.equal(["DeploymentRole", "MonitoringRole", "PreviewRole"]);
        });

        it("creates the read-only PreviewRole through the same provider, trusted by this repository's pull requests only", async () => {
            const built = await build("prod");
            const role = built.one("aws:iam/role:Role", "preview-role");
            expect([role.inputs.name, role.protect, role.provider]).to.deep.equal(["PreviewRole", true, built.one("pulumi:providers:aws", "bootstrap-account").urn]);
            expect(JSON.parse(String(role.inputs.assumeRolePolicy))).to.deep.equal(
                previewTrustPolicy({ accountId: ACCOUNTS.prod, githubRepository: REPOSITORY, previewRoleName: "PreviewRole" }));
            expect(JSON.parse(String(built.one("aws:iam/rolePolicy:RolePolicy", "preview-role").inputs.policy))).to.deep.equal(
                previewRolePolicy({ accountId: ACCOUNTS.prod, region: "ap-south-1", additionalRegions: ["ap-south-2"], previewRoleName: "PreviewRole" }));
            expect(built.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).to.deep.equal([]);
        });

        it("its offline plan (npm run plan:bootstrap) shows the PreviewRole, its OIDC trust and only read rights besides assuming itself", async () => {
            const text = renderBootstrapPlan((await build("prod")).resources);
            const preview = text.slice(text.indexOf("role PreviewRole"));
            expect(preview).to.include('"token.actions.githubusercontent.com:sub":["repo:test-org/test-repo:pull_request","repo:test-org/test-repo:environment:preview"]');
            const allowed = preview.split("\n").filter((l) => l.startsWith("  allow ")).flatMap((l) => l.split(": ")[1].split(" "));
            expect(allowed.filter((a) => !/^[a-z0-9-]+:(Describe|Get|List|View)/.test(a))).to.deep.equal(["sts:AssumeRole"]);
            expect(renderBootstrapPlan([])).to.equal("0 resources");
        });

        it("creates the GitHub OIDC identity provider only when createGithubOidcProvider is true, before the role that trusts it", async () => {
            const built = await construct(() => bootstrapProgram(parseBootstrapConfig(complete("dev", { createGithubOidcProvider: "true" }))));
            const oidc = built.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "preview-role-github-oidc");
            expect([oidc.inputs.url, oidc.inputs.clientIdLists]).to.deep.equal(["https://token.actions.githubusercontent.com", ["sts.amazonaws.com"]]);
            expect(built.one("aws:iam/role:Role", "preview-role").dependencies).to.include(oidc.urn);
        });
    });
});
