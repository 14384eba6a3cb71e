/**
 * Mocha root hooks: start the three stack plans in parallel before any test runs, so whole-program
 * test files share them instead of evaluating a stack each.
 */
import { runPlan, STACKS } from "./plans";

export const mochaHooks = {
    async beforeAll(this: Mocha.Context) {
        this.timeout(60_000);
        await Promise.all(STACKS.map((stack) => runPlan(stack)));
    },
};
