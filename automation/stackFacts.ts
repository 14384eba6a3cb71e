/**
 * What the delivery tool needs to know about a stack before it touches anything: which stacks exist
 * (only the project's Pulumi.<stack>.yaml files, so a typo can never create a new stack), and the
 * stack's environment, account, region and DeploymentRole, read from its committed stack file and
 * checked with the same validators the program uses. The whole stack file is checked first, as the
 * program checks it, so the tool refuses a stack file that lies before it assumes any role.
 */
import { checkStackConfig, StackConfigError } from "../config";
import { FOUNDATION_KEYS } from "../config/keys/foundation";
import { PREVIEW_ROLE_KEY } from "../config/previewRole";
import { Environment } from "../config/names";
import { listStacks, readStackConfig } from "../config/stackFiles";
import { checkStackName } from "./args";
import { RefusedError, UsageError } from "./errors";

export { checkStackName };

export interface StackFacts {
    readonly stack: string;
    readonly project: string;
    readonly environment: Environment;
    readonly accountId: string;
    readonly region: string;
    readonly deploymentRoleName: string;
    readonly deploymentRoleArn: string;
}

/** Pure: the facts from a stack's raw config strings (unqualified keys). */
export function stackFactsFrom(stack: string, project: string, raw: Readonly<Record<string, string | undefined>>): StackFacts {
    const read = <K extends "environment" | "awsAccountId" | "region" | "deploymentRoleName">(key: K) => {
        const parsed = FOUNDATION_KEYS[key].schema.safeParse(raw[key]);
        if (!parsed.success) {
            const given = raw[key] === undefined ? "is not set" : `= "${raw[key]}"`;
            throw new UsageError(`Pulumi.${stack}.yaml: ${project}:${key} ${given}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
        }
        return parsed.data as string;
    };
    const accountId = read("awsAccountId");
    const deploymentRoleName = read("deploymentRoleName");
    return {
        stack,
        project,
        environment: read("environment") as Environment,
        accountId,
        region: read("region"),
        deploymentRoleName,
        deploymentRoleArn: `arn:aws:iam::${accountId}:role/${deploymentRoleName}`,
    };
}

/** Reads and checks the facts of a stack from its committed file in `projectDir`. */
export function loadStackFacts(stack: string, projectDir: string): StackFacts {
    checkStackName(stack, listStacks(projectDir));
    const file = readStackConfig(stack, projectDir);
    try {
        checkStackConfig(file);
    } catch (e) {
        if (e instanceof StackConfigError) throw new RefusedError(`Pulumi.${stack}.yaml: ${e.message}`);
        throw e;
    }
    const prefix = `${file.project}:`;
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(file.config)) {
        if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = value;
    }
    return stackFactsFrom(stack, file.project, raw);
}

/**
 * Pure: why a deploying command (up, rollback) refuses this stack file: it sets the preview path's
 * role override (config/previewRole.ts), which only a pull request's preview may pass, on its
 * command line. undefined when the file is fine.
 */
export function previewOverrideProblem(stack: string, project: string, config: Readonly<Record<string, string>>): string | undefined {
    const value = config[`${project}:${PREVIEW_ROLE_KEY}`];
    if (value === undefined) return undefined;
    return `Pulumi.${stack}.yaml sets ${project}:${PREVIEW_ROLE_KEY} = "${value}": that read-only role is for pull-request previews only; ` +
        `remove it (pulumi config rm ${PREVIEW_ROLE_KEY} --stack ${stack}); nothing was changed`;
}

/** previewOverrideProblem of the committed stack file in `projectDir`. */
export function stackFilePreviewOverride(stack: string, projectDir: string): string | undefined {
    const file = readStackConfig(stack, projectDir);
    return previewOverrideProblem(stack, file.project, file.config);
}
