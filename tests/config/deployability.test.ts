import { expect } from "chai";
import { parseStackConfig, StackConfigError } from "../../config";
import { assertDeployable, placeholderProblems } from "../../config/deployability";
import { rawStackConfig } from "../support/config";

const REAL = {
    internalPeImageTag: "1.4.2",
    customerPortalImageTag: "2.0.1",
    albCertificateArn: "arn:aws:acm:ap-south-1:123456789014:certificate/4f6a1c2e-8b3d-4e5f-9a7b-1c2d3e4f5a6b",
    customerPortalHostnames: '["portal.fivestarpayments.in"]',
    internalPeHostname: "payments.fivestarpayments.in",
};

describe("deployability: placeholders are fine for preview, refused by up", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: the committed file's placeholders are each named`, () => {
            const problems = placeholderProblems(parseStackConfig(rawStackConfig(stack)));
            expect(problems).to.have.length(5);
            expect(problems.join("\n"))
                .to.include('fivestar-payments:internalPeImageTag = "unreleased"')
                .and.include('fivestar-payments:customerPortalImageTag = "unreleased"')
                .and.include("fivestar-payments:albCertificateArn is the placeholder certificate")
                .and.include("fivestar-payments:customerPortalHostnames contains")
                .and.include("fivestar-payments:internalPeHostname = \"");
        });
    }

    it("preview (and the offline plan) accept placeholders", () => {
        expect(() => assertDeployable(parseStackConfig(rawStackConfig("prod")), true)).to.not.throw();
    });

    it("up refuses placeholders with a StackConfigError naming the keys", () => {
        const cfg = parseStackConfig(rawStackConfig("prod"));
        expect(() => assertDeployable(cfg, false)).to.throw(StackConfigError, /pulumi up` refused[\s\S]*fivestar-payments:albCertificateArn/);
    });

    it("up refuses a stack without internal-pe's host name (§11 could not check its /health)", () => {
        const cfg = parseStackConfig(rawStackConfig("prod", { ...REAL, internalPeHostname: undefined }));
        expect(placeholderProblems(cfg)).to.deep.equal([
            "fivestar-payments:internalPeHostname is not set: set the host name internal-pe is reached at (the certificate must cover it); §11 validation checks its /health there",
        ]);
    });

    it("up accepts real values", () => {
        const cfg = parseStackConfig(rawStackConfig("prod", REAL));
        expect(placeholderProblems(cfg)).to.deep.equal([]);
        expect(() => assertDeployable(cfg, false)).to.not.throw();
    });
});
