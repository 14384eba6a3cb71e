/**
 * Mocha root hooks: queue the three stack plans on the plan workers (lib/planProcess.ts) before any
 * test runs, without waiting for them: the unit tests run in this process while the workers plan, and
 * whole-program test files await the plans they use (tests/support/plans.ts).
 */
import { stopWorkers } from "../../lib/planProcess";
import { runPlan, STACKS } from "./plans";

export const mochaHooks = {
    beforeAll() {
        for (const stack of STACKS) void runPlan(stack);
    },
    // Idle workers would not keep mocha alive; stopped and awaited, their CPU is the run's (npm run bench).
    afterAll: stopWorkers,
};
