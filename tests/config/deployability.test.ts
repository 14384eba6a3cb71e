import { expect } from "chai";
import { parseStackConfig, StackConfigError } from "../../config";
import { assertDeployable, missingSubscriber, placeholderProblems } from "../../config/deployability";
import { rawStackConfig } from "../support/config";
import { REAL } from "./fixtures";


describe("deployability: placeholders are fine for preview, refused by up", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: the committed file's placeholders are each named`, () => {
            const problems = placeholderProblems(parseStackConfig(rawStackConfig(stack)));
            expect(problems).to.have.length(6);
            expect(problems.join("\n"))
                .to.include('fivestar-payments:internalPeImageTag = "unreleased"')
                .and.include('fivestar-payments:customerPortalImageTag = "unreleased"')
                .and.include("fivestar-payments:albCertificateArn is the placeholder certificate")
                .and.include("fivestar-payments:customerPortalHostnames contains")
                .and.include("fivestar-payments:internalPeHostname = \"")
                .and.include('fivestar-payments:alertEmails contains "oncall@fivestar-payments.example", a reserved example domain');
        });
    }

    describe("issue 13, fault 5: alarms and budget alerts must reach someone", () => {
        const accounts: Record<string, string> = { dev: "123456789012", staging: "123456789013", prod: "123456789014" };
        const none = (stack: string) => ({ ...REAL, alertEmails: "[]", albCertificateArn: REAL.albCertificateArn.replace("123456789014", accounts[stack]) });
        for (const stack of ["staging", "prod"]) {
            it(`${stack}: up refuses an alert topic with no subscriber, naming alertEmails; preview accepts it`, () => {
                const cfg = parseStackConfig(rawStackConfig(stack, none(stack)));
                const warnings: string[] = [];
                expect(() => assertDeployable(cfg, false, (w) => warnings.push(w))).to.throw(StackConfigError, /fivestar-payments:alertEmails is empty: the alert topic has no subscriber/);
                expect(() => assertDeployable(cfg, true, (w) => warnings.push(w))).to.not.throw();
                expect(warnings).to.have.length(1);
            });
        }
        it("dev: up goes ahead without a subscriber (it only warns)", () => {
            const cfg = parseStackConfig(rawStackConfig("dev", none("dev")));
            const warnings: string[] = [];
            expect(() => assertDeployable(cfg, false, (w) => warnings.push(w))).to.not.throw();
            expect(warnings).to.deep.equal([missingSubscriber(cfg)]);
            expect(warnings[0]).to.include("fivestar-payments:alertEmails is empty");
        });
        it("one real address is enough", () => {
            expect(missingSubscriber(parseStackConfig(rawStackConfig("prod", REAL)))).to.equal(undefined);
        });
    });

    it("preview (and the offline plan) accept placeholders; up refuses them with a StackConfigError naming the keys", () => {
        const cfg = parseStackConfig(rawStackConfig("prod"));
        expect(() => assertDeployable(cfg, true)).to.not.throw();
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
