/**
 * Every rule of the pack against its passing and failing fixtures (tests/policy/cases/), run the
 * way the engine runs it. A rule without at least one of each fails the first block.
 */
import { expect } from "chai";
import { POLICIES } from "../../policy/pack";
import { CASES } from "./cases";
import { findingsOf } from "./support/cases";

describe("policy rules: passing and failing fixtures", () => {
    describe("coverage", () => {
        for (const policy of POLICIES) {
            it(`${policy.name} has at least one passing and one failing case`, () => {
                const cases = CASES[policy.name];
                expect(cases, `no cases for ${policy.name} in tests/policy/cases/`).to.not.equal(undefined);
                expect(cases.pass.length, "passing cases").to.be.greaterThan(0);
                expect(cases.fail.length, "failing cases").to.be.greaterThan(0);
            });
        }

        it("has no cases for rules that do not exist", () => {
            const names = POLICIES.map((p) => p.name);
            expect(Object.keys(CASES).filter((name) => !names.includes(name))).to.deep.equal([]);
        });
    });

    for (const policy of POLICIES) {
        const cases = CASES[policy.name];
        if (!cases) continue;
        describe(policy.name, () => {
            for (const c of cases.pass) {
                it(`accepts ${c.title}`, async () => {
                    expect(await findingsOf(policy, c)).to.deep.equal([]);
                });
            }
            for (const c of cases.fail) {
                it(`rejects ${c.title}`, async () => {
                    const findings = await findingsOf(policy, c);
                    expect(findings.some((f) => c.expect.test(f)), `expected a finding matching ${c.expect}, got ${JSON.stringify(findings)}`).to.equal(true);
                });
            }
        });
    }
});
