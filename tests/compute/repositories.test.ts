import { expect } from "chai";
import { ImageRepositories } from "../../compute/repositories";
import { construct, inAccount, valueOf } from "../support/component";
import { STACKS, stackConfig, T, upstream } from "./fixtures";

const build = (env: (typeof STACKS)[number]) => construct(() => new ImageRepositories("images", {
    kmsKeyArn: upstream(env).generalKeyArn,
    retainedImages: stackConfig(env).images.retainedImages,
    protect: stackConfig(env).protectStatefulResources,
}, inAccount()));

// The behaviour once (prod's config); protection, the one thing that differs per stack, for each.
describe("ECR repositories (§5.2.1)", () => {
    for (const env of ["prod"] as const) {
        describe(env, () => {
            it("fivestar-internal-pe and fivestar-customer-portal: scan on push, IMMUTABLE tags, KMS with the general key", async () => {
                const built = await build(env);
                for (const service of ["internal-pe", "customer-portal"]) {
                    const repo = built.one(T.repository, `images-${service}`).inputs;
                    expect(repo.name).to.equal(`fivestar-${service}`);
                    expect(repo.imageTagMutability).to.equal("IMMUTABLE");
                    expect(repo.imageScanningConfiguration).to.deep.equal({ scanOnPush: true });
                    expect(repo.encryptionConfigurations).to.deep.equal([{ encryptionType: "KMS", kmsKey: upstream(env).generalKeyArn }]);
                    expect(repo.forceDelete).to.equal(false);
                }
            });
            it("each keeps the newest 30 images (lifecycle policy)", async () => {
                const built = await build(env);
                for (const service of ["internal-pe", "customer-portal"]) {
                    const lifecycle = built.one(T.lifecycle, `images-${service}`).inputs;
                    expect(lifecycle.repository).to.equal(`fivestar-${service}`);
                    expect(JSON.parse(String(lifecycle.policy)).rules[0].selection).to.deep.equal({ tagStatus: "any", countType: "imageCountMoreThan", countNumber: 30 });
                }
            });
            it("exports the repository URLs per service", async () => {
                const urls = (await build(env)).component.repositoryUrls;
                expect(await valueOf(urls["internal-pe"])).to.equal("123456789012.dkr.ecr.ap-south-1.amazonaws.com/fivestar-internal-pe");
                expect(await valueOf(urls["customer-portal"])).to.equal("123456789012.dkr.ecr.ap-south-1.amazonaws.com/fivestar-customer-portal");
            });
        });
    }
    it("protected only in prod", async () => {
        for (const env of STACKS) {
            for (const r of (await build(env)).ofType(T.repository)) expect(r.protect, `${env} ${r.name}`).to.equal(env === "prod");
        }
    });
});
