/**
 * The preview path's role override (issue 14). A pull request's `pulumi preview` runs the PR's own
 * code, so it must not hold deploy power: the preview workflow passes
 * `--config fivestar-payments:previewRoleName=PreviewRole`, and the provider assumes that read-only
 * role (bootstrap's PreviewRole) instead of the DeploymentRole. The override belongs to previews
 * only, and three independent checks keep it off the deploy path:
 *  - the program refuses to update (`pulumi up` past its preview step, `--skip-preview`, destroy's
 *    program run) while it is set: assertDeployable below, before any resource is registered;
 *  - `npm run ops -- up|rollback` refuses a stack file that sets it (automation/stackFacts.ts);
 *  - tests check that no committed stack file and no deploy workflow job sets it.
 * Even if all three failed, the PreviewRole has no write right (tests/security/previewRole.test.ts).
 */
import { qualified } from "./keyHelpers";
import type { StackConfig } from "./index";

export const PREVIEW_ROLE_KEY = "previewRoleName";

/** Why this run may not use the config: the preview override outside a preview. */
export function previewRoleProblems(cfg: Pick<StackConfig, "account">, isPreview: boolean): string[] {
    if (isPreview || cfg.account.previewRoleName === undefined) return [];
    return [`${qualified(PREVIEW_ROLE_KEY)} = "${cfg.account.previewRoleName}": previews only (the read-only role of a pull request's pulumi preview); ` +
        `an update always runs as ${qualified("deploymentRoleName")}: remove it (pulumi config rm ${PREVIEW_ROLE_KEY}) and run again`];
}
