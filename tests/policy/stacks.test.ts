/**
 * The pack over each stack's full offline plan (the real program evaluated under mocks, shared
 * with the other whole-program tests), with that stack's committed pack config, as
 * `pulumi preview --policy-pack policy --policy-pack-config policy/config/<stack>.json` would run it.
 *
 * Prod must be clean. Dev and staging may only report the advisories listed below, each of which
 * is a waiver in policy/config/<stack>.json documented in policy/README.md. When a module lands
 * and a new advisory appears, this test fails and prints every finding: either fix the resource
 * or, if the saving is deliberate, add the waiver (config + README) and the line below.
 */
import { expect } from "chai";
import { PACK_ENFORCEMENT, POLICIES } from "../../policy/pack";
import { planOf, StackName, STACKS } from "../support/plans";
import { formatViolations, runPack, Violation } from "./support/engine";
import { stackPackConfig } from "./support/packConfig";

/** "<rule> on <resource logical name>" ("(stack)" for an account-level finding). */
const EXPECTED_ADVISORIES: Record<StackName, readonly string[]> = {
    dev: [
        "config-1-recorder-enabled on (stack)",
        "dynamodb-2-point-in-time-recovery on tables-transaction-queue",
        "dynamodb-2-point-in-time-recovery on tables-transactions",
        "dynamodb-6-deletion-protection on tables-transaction-queue",
        "dynamodb-6-deletion-protection on tables-transactions",
        "ecs-12-container-insights on compute-cluster",
        "elb-16-waf-web-acl on compute-alb",
        "elb-6-deletion-protection on compute-alb",
        "guardduty-1-enabled on (stack)",
        "rds-5-multi-az on database-primary",
        "rds-8-deletion-protection on database-primary",
    ],
    staging: [
        "dynamodb-2-point-in-time-recovery on tables-transaction-queue",
        "dynamodb-2-point-in-time-recovery on tables-transactions",
        "dynamodb-6-deletion-protection on tables-transaction-queue",
        "dynamodb-6-deletion-protection on tables-transactions",
        "elb-6-deletion-protection on compute-alb",
        "rds-8-deletion-protection on database-primary",
    ],
    prod: [],
};

const label = (v: Violation) => `${v.policy} on ${v.resource}`;

describe("policy pack over every stack's offline plan", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            let violations: Violation[];
            before(async () => {
                const plan = await planOf(stack);
                violations = await runPack(POLICIES, plan.resources, stackPackConfig(stack), PACK_ENFORCEMENT);
            });

            it(`has no mandatory violation and reports exactly the documented advisories (${EXPECTED_ADVISORIES[stack].length})`, () => {
                const mandatory = violations.filter((v) => v.level === "mandatory");
                expect(mandatory.length, `mandatory violations in ${stack}:\n${formatViolations(mandatory)}`).to.equal(0);
                const advisories = violations.filter((v) => v.level === "advisory");
                expect(advisories.map(label).sort(), `advisories in ${stack}:\n${formatViolations(advisories)}`).to.deep.equal([...EXPECTED_ADVISORIES[stack]].sort());
            });
        });
    }
});
