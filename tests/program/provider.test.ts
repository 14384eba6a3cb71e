import { expect } from "chai";
import { planOf, STACKS } from "../support/plans";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;

describe("whole program: the cross-account provider (§2.3.1, §9.1)", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            it("builds exactly one AWS provider that assumes the account's DeploymentRole, pins account and region, and tags", async () => {
                const plan = await planOf(stack);
                const providers = plan.ofType("pulumi:providers:aws");
                expect(providers).to.have.length(1);
                const inputs = providers[0].inputs;
                expect(inputs.region).to.equal("ap-south-1");
                expect(JSON.parse(String(inputs.allowedAccountIds))).to.deep.equal([ACCOUNTS[stack]]);
                expect(JSON.parse(String(inputs.assumeRoles))).to.deep.equal([
                    { roleArn: `arn:aws:iam::${ACCOUNTS[stack]}:role/DeploymentRole`, sessionName: `pulumi-fivestar-${stack}` },
                ]);
                expect(JSON.parse(String(inputs.defaultTags))).to.deep.equal({
                    tags: { Environment: stack, Project: "FivestarPaymentsEngine", Owner: "1CloudHub" },
                });
            });

            it("every AWS resource resolves to that provider; none falls back to a default provider", async () => {
                const plan = await planOf(stack);
                const providerUrn = plan.ofType("pulumi:providers:aws")[0].urn;
                const awsResources = plan.resources.filter((r) => r.custom && r.type.startsWith("aws:"));
                expect(awsResources.length).to.be.greaterThan(20);
                const strays = awsResources.filter((r) => r.provider !== providerUrn).map((r) => `${r.urn} -> ${r.provider || "default"}`);
                expect(strays).to.deep.equal([]);
            });
        });
    }
});
