/**
 * The preview path's role override (issue 14, config/previewRole.ts): a pull request's preview makes
 * the provider assume the read-only PreviewRole; the deploy path (the program's update, `ops up` and
 * `ops rollback`, the committed stack files) can never pick it up.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { previewOverrideProblem, stackFilePreviewOverride } from "../../automation/stackFacts";
import { parseStackConfig, StackConfigError } from "../../config";
import { assertDeployable } from "../../config/deployability";
import { PREVIEW_ROLE_KEY, previewRoleProblems } from "../../config/previewRole";
import { deploymentProviderArgs } from "../../config/provider";
import { listStacks, readStackConfig } from "../../config/stackFiles";
import { rawStackConfig, rejection } from "../support/config";
import { REAL } from "./fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const ACCOUNTS: Record<string, string> = { dev: "123456789012", staging: "123456789013", prod: "123456789014", "prod-dr": "123456789014" };
const roleOf = (stack: string, changes: Record<string, string> = {}) =>
    (deploymentProviderArgs(parseStackConfig(rawStackConfig(stack, changes), stack)).assumeRoles as { roleArn: string }[]).map((r) => r.roleArn);

describe("preview role override (issue 14)", () => {
    for (const stack of listStacks(PROJECT_DIR)) {
        it(`${stack}: the provider assumes the DeploymentRole; with ${PREVIEW_ROLE_KEY} (the preview path) the PreviewRole, in the same account`, () => {
            expect(roleOf(stack)).to.deep.equal([`arn:aws:iam::${ACCOUNTS[stack]}:role/DeploymentRole`]);
            expect(roleOf(stack, { [PREVIEW_ROLE_KEY]: "PreviewRole" })).to.deep.equal([`arn:aws:iam::${ACCOUNTS[stack]}:role/PreviewRole`]);
        });

        it(`${stack}: the committed stack file (with Pulumi.yaml) does not set ${PREVIEW_ROLE_KEY}`, () => {
            expect(readStackConfig(stack, PROJECT_DIR).config).to.not.have.property(`fivestar-payments:${PREVIEW_ROLE_KEY}`);
            expect(stackFilePreviewOverride(stack, PROJECT_DIR)).to.equal(undefined);
        });
    }

    it("a preview accepts it (prod, real values: nothing else to refuse)", () => {
        expect(() => assertDeployable(parseStackConfig(rawStackConfig("prod", { ...REAL, [PREVIEW_ROLE_KEY]: "PreviewRole" })), true)).to.not.throw();
    });

    it("an update refuses it before any resource is registered, naming the key (and still names the placeholders)", () => {
        const real = parseStackConfig(rawStackConfig("prod", { ...REAL, [PREVIEW_ROLE_KEY]: "PreviewRole" }));
        expect(() => assertDeployable(real, false)).to.throw(StackConfigError, /provider would assume the preview role[\s\S]*fivestar-payments:previewRoleName = "PreviewRole": previews only/);
        const placeholders = parseStackConfig(rawStackConfig("prod", { [PREVIEW_ROLE_KEY]: "PreviewRole" }));
        expect(() => assertDeployable(placeholders, false)).to.throw(StackConfigError, /previewRoleName[\s\S]*fivestar-payments:albCertificateArn/);
        expect(previewRoleProblems(parseStackConfig(rawStackConfig("prod", REAL)), false)).to.deep.equal([]);
    });

    it("must be an IAM role name", () => {
        expect(rejection("dev", { [PREVIEW_ROLE_KEY]: "arn:aws:iam::123456789012:role/PreviewRole" }))
            .to.include('fivestar-payments:previewRoleName = "arn:aws:iam::123456789012:role/PreviewRole": must be an IAM role name');
    });

    it("ops up / rollback refuse a stack file that sets it, naming the file and the key", () => {
        expect(previewOverrideProblem("prod", "fivestar-payments", { "fivestar-payments:previewRoleName": "PreviewRole" }))
            .to.match(/^Pulumi\.prod\.yaml sets fivestar-payments:previewRoleName = "PreviewRole": .*previews only.*nothing was changed$/);
        expect(previewOverrideProblem("prod", "fivestar-payments", { "fivestar-payments:deploymentRoleName": "DeploymentRole" })).to.equal(undefined);
    });

    it("the stack-file check reads the real file: a copy of the project whose dev stack file sets it is refused", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-role-"));
        try {
            fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
            const devFile = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8");
            fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), devFile.replace(/^config:\n/m, "config:\n  fivestar-payments:previewRoleName: PreviewRole\n"));
            expect(stackFilePreviewOverride("dev", dir)).to.include("Pulumi.dev.yaml sets fivestar-payments:previewRoleName");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
