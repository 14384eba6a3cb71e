/**
 * The checks the offline plan runs over every evaluated stack: what mocks accept and a real provider
 * or AWS refuses. `npm run plan` prints the findings and exits 4 when there are any; the tests run them
 * over dev, staging and prod.
 */
import type { EvaluatedStack } from "../../../lib/planRecord";
import { checkAutoNaming, PlanFinding, renderFindings } from "./autoNaming";
import { checkHappensBefore } from "./happensBefore";
import { checkReplicas } from "./replicas";

export type { PlanFinding } from "./autoNaming";
export { renderFindings } from "./autoNaming";

export function checkPlan(plan: Pick<EvaluatedStack, "resources">): PlanFinding[] {
    return [...checkAutoNaming(plan), ...checkHappensBefore(plan), ...checkReplicas(plan)];
}

export function renderCheckReport(findings: readonly PlanFinding[]): string {
    return findings.length === 0
        ? "Checks: auto-naming, happens-before and replicas pass."
        : `Checks: ${findings.length} problem${findings.length === 1 ? "" : "s"} a real provider or AWS would hit:\n${renderFindings(findings)}`;
}
