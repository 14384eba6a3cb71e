/**
 * Mocha root hooks: queue the three stack plans on the plan workers before any test runs, so
 * whole-program test files share them instead of evaluating a stack each.
 */
import { runPlan, STACKS } from "./plans";

export const mochaHooks = {
    async beforeAll(this: Mocha.Context) {
        // No time limit: on a loaded machine three plans can take minutes, and a limit here failed
        // every test at once (issue 15). A hung plan is stopped by CI's job timeout.
        this.timeout(0);
        await Promise.all(STACKS.map((stack) => runPlan(stack)));
    },
};
