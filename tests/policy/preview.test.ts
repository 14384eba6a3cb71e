/**
 * The pack at the first `pulumi preview` of each stack, when nothing exists yet: every id, ARN and
 * endpoint is unknown, and so is every input built from one (support/plans.ts `previewOf` evaluates the
 * program that way). Rules must reach the same verdicts as on the resolved plan; the only rules
 * allowed to be unable to decide are those whose whole subject is a document built from outputs
 * (an IAM policy embedding key ARNs, a container definition embedding an image URL). The engine
 * reports those as advisory "can't run policy during preview" and `pulumi up` enforces them.
 */
import { expect } from "chai";
import { PACK_ENFORCEMENT, POLICIES } from "../../policy/pack";
import { planOf, STACKS } from "../support/plans";
import { runPack, Violation } from "./support/engine";
import { UNKNOWN_DURING_PREVIEW } from "./support/fixtures";
import { stackPackConfig } from "./support/packConfig";
import { previewOf } from "../support/plans";

/** Rules that read a whole JSON document; it is unknown at preview when built from outputs. */
const DOCUMENT_RULES = [
    "iam-1-no-full-admin-actions",
    "iam-21-no-service-wildcard-actions",
    "ecs-4-not-privileged",
    "ecs-5-read-only-root-fs",
    "ecs-8-no-secrets-in-environment",
    "ecs-9-log-configuration",
];

const verdict = (v: Violation) => `${v.level} ${v.policy} on ${v.resource}`;

describe("policy pack at the first preview of each stack (unknown outputs)", function () {
    this.timeout(0);
    before(() => STACKS.forEach((stack) => void previewOf(stack).catch(() => undefined)));

    for (const stack of STACKS) {
        describe(stack, () => {
            let preview: Violation[];
            let resolved: Violation[];
            before(async () => {
                const config = stackPackConfig(stack);
                preview = await runPack(POLICIES, await previewOf(stack), config, PACK_ENFORCEMENT);
                resolved = await runPack(POLICIES, (await planOf(stack)).resources, config, PACK_ENFORCEMENT);
            });

            it("has unknown values to check against (really a preview), reaches the same verdicts as on the resolved plan, and leaves undecided only rules over documents built from outputs", async () => {
                const unknownInputs = (await previewOf(stack)).filter((r) => JSON.stringify(r.inputs).includes(UNKNOWN_DURING_PREVIEW));
                expect(unknownInputs.length).to.be.greaterThan(10);
                expect(preview.filter((v) => !v.couldNotRun).map(verdict).sort()).to.deep.equal(resolved.map(verdict).sort());
                const undecided = [...new Set(preview.filter((v) => v.couldNotRun).map((v) => v.policy))];
                expect(undecided.filter((name) => !DOCUMENT_RULES.includes(name))).to.deep.equal([]);
            });
        });
    }
});
