/**
 * Mocha root hooks: queue the three stack plans on the plan workers (lib/planProcess.ts) before any
 * test runs, without waiting for them: the unit tests run in this process while the workers plan, and
 * whole-program test files await the plans they use (tests/support/plans.ts).
 */
import { runPlan, STACKS } from "./plans";

export const mochaHooks = {
    beforeAll() {
        for (const stack of STACKS) void runPlan(stack);
    },
};
