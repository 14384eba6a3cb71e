import { expect } from "chai";
import { planOf, STACKS } from "../support/plans";

const ACCOUNTS = { dev: "123456789012", staging: "123456789013", prod: "123456789014" } as const;
/** §2.2.3: only prod replicates backups to a second region (in India: ap-south-2). */
const BACKUP_REGION = { dev: undefined, staging: undefined, prod: "ap-south-2" } as const;
const AWS_PROVIDER = "pulumi:providers:aws";

describe("whole program: the cross-account provider (§2.3.1, §9.1)", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            it("the deployment provider assumes the account's DeploymentRole, pins account and region, and tags", async () => {
                const plan = await planOf(stack);
                const inputs = plan.one(AWS_PROVIDER, "deployment-account").inputs;
                expect(inputs.region).to.equal("ap-south-1");
                expect(JSON.parse(String(inputs.allowedAccountIds))).to.deep.equal([ACCOUNTS[stack]]);
                expect(JSON.parse(String(inputs.assumeRoles))).to.deep.equal([
                    { roleArn: `arn:aws:iam::${ACCOUNTS[stack]}:role/DeploymentRole`, sessionName: `pulumi-fivestar-${stack}` },
                ]);
                expect(JSON.parse(String(inputs.defaultTags))).to.deep.equal({
                    tags: { Environment: stack, Project: "FivestarPaymentsEngine", Owner: "1CloudHub" },
                });
            });

            it(BACKUP_REGION[stack] ? `a second provider for ${BACKUP_REGION[stack]}: same account, role and tags` : "no other AWS provider", async () => {
                const plan = await planOf(stack);
                const others = plan.ofType(AWS_PROVIDER).filter((p) => p.name !== "deployment-account");
                if (!BACKUP_REGION[stack]) {
                    expect(others).to.deep.equal([]);
                } else {
                    expect(others.map((p) => p.name)).to.deep.equal(["backup-replication-region"]);
                    const main = plan.one(AWS_PROVIDER, "deployment-account").inputs;
                    expect(others[0].inputs).to.deep.equal({ ...main, region: BACKUP_REGION[stack] });
                }
            });

            it("every AWS resource uses an explicit provider of this account; only backup replication and the issue-17 replicas use the second region", async () => {
                const plan = await planOf(stack);
                const main = plan.one(AWS_PROVIDER, "deployment-account").urn;
                const awsResources = plan.resources.filter((r) => r.custom && r.type.startsWith("aws:"));
                expect(awsResources.length).to.be.greaterThan(50);
                const elsewhere = awsResources.filter((r) => r.provider !== main);
                for (const r of elsewhere) {
                    expect(r.provider, r.urn).to.match(/::pulumi:providers:aws::backup-replication-region$/);
                    expect(r.parent, r.urn).to.match(/fivestar:(data:Database::database|security:ReplicaKeys::replica-keys|compute:ImageReplication::image-replication)$/);
                }
                expect(elsewhere.map((r) => r.type).sort()).to.deep.equal(BACKUP_REGION[stack]
                    ? ["aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate", "aws:kms/alias:Alias", "aws:kms/alias:Alias", "aws:kms/alias:Alias",
                        "aws:kms/key:Key", "aws:kms/key:Key", "aws:kms/key:Key", "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"]
                    : []);
            });

            it("random resources use the explicit random provider (default providers are disabled for every package)", async () => {
                const plan = await planOf(stack);
                const randomProvider = plan.one("pulumi:providers:random", "random").urn;
                const randoms = plan.resources.filter((r) => r.type.startsWith("random:"));
                expect(randoms.length).to.be.greaterThan(0);
                for (const r of randoms) expect(r.provider, r.urn).to.equal(randomProvider);
            });

            it("no resource of any other package is created", async () => {
                const plan = await planOf(stack);
                const packages = new Set(plan.resources.filter((r) => r.custom).map((r) => r.type.split(":")[0]));
                expect([...packages].sort()).to.deep.equal(["aws", "pulumi", "random"]);
            });
        });
    }
});
