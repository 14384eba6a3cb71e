/**
 * What a rollback updates: exactly the service's task definition and its ECS service, found in the
 * stack's state by the names the guide fixes (family `<env>-fivestar-<service>`, service
 * `<env>-<service>-service`). Nothing else is targeted, so a rollback never ships unrelated pending
 * changes; resources that merely reference these (alarms, dashboards) keep their names.
 */
import { RefusedError } from "../errors";
import { StateResource } from "../pulumiStack";
import { RESOURCE_TYPES } from "../../lib/types";

export const TASK_DEFINITION_TYPE = RESOURCE_TYPES.ecsTaskDefinition;
export const ECS_SERVICE_TYPE = RESOURCE_TYPES.ecsService;

export function rollbackTargets(state: readonly StateResource[], family: string, serviceName: string): string[] {
    const find = (type: string, key: string, value: string, what: string) => {
        const found = state.filter((r) => r.type === type && r.inputs[key] === value);
        if (found.length !== 1) {
            throw new RefusedError(`the stack's state has ${found.length} ${what} with ${key} "${value}" (expected exactly one); nothing was changed`);
        }
        return found[0].urn;
    };
    return [find(TASK_DEFINITION_TYPE, "family", family, "task definitions"), find(ECS_SERVICE_TYPE, "name", serviceName, "ECS services")];
}
