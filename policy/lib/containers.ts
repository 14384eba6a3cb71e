/**
 * ECS container definitions as the rules read them. @pulumi/aws v7 takes `containerDefinitions`
 * as a JSON string (the ECS API's array of container definitions), so it is parsed here.
 */
export interface EnvironmentVariable {
    readonly name?: string;
    readonly value?: string;
}

export interface ContainerDefinition {
    readonly name?: string;
    readonly privileged?: boolean;
    readonly readonlyRootFilesystem?: boolean;
    readonly environment?: readonly EnvironmentVariable[];
    readonly logConfiguration?: { readonly logDriver?: string };
}

export type ParsedContainers = { readonly ok: true; readonly containers: readonly ContainerDefinition[] } | { readonly ok: false; readonly error: string };

export function parseContainerDefinitions(value: unknown): ParsedContainers {
    let parsed: unknown = value;
    if (typeof value === "string") {
        try {
            parsed = JSON.parse(value);
        } catch (e) {
            return { ok: false, error: `containerDefinitions is not valid JSON (${(e as Error).message})` };
        }
    }
    if (!Array.isArray(parsed)) return { ok: false, error: "containerDefinitions is not a JSON array" };
    return { ok: true, containers: parsed as ContainerDefinition[] };
}

export function containerLabel(c: ContainerDefinition, index: number): string {
    return c.name ? `container "${c.name}"` : `container #${index + 1}`;
}

/** The names Security Hub ECS.8 looks for: AWS credentials and the ECS registry auth blob. */
const SECURITY_HUB_NAMES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"];

/** Names that say "this is a credential"; a name that says it *refers to* one is fine. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|CONNECTION_?STRING)/i;
const REFERENCE_SUFFIX = /_(ARN|NAME|ID|PATH|PARAMETER|PARAM|REGION|FILE)$/i;

/** Values that are credentials whatever the name: AWS access key ids, URLs with a user:password. */
const SECRET_VALUE = [/^(AKIA|ASIA)[A-Z0-9]{16}$/, /:\/\/[^/\s:@]+:[^/\s@]+@/];

/**
 * Why an environment variable looks like a secret, or undefined. Security Hub checks three names;
 * we also catch credential-like names and values, because a payments database password in a task
 * definition is readable by anyone with ecs:DescribeTaskDefinition. Secrets belong in `secrets`
 * (Secrets Manager / SSM references), which ECS injects at start.
 */
export function secretReason(variable: EnvironmentVariable): string | undefined {
    const name = variable.name ?? "";
    if (SECURITY_HUB_NAMES.includes(name.toUpperCase())) return `${name} is an AWS credential`;
    if (SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name)) return `${name} names a credential`;
    if (typeof variable.value === "string" && SECRET_VALUE.some((p) => p.test(variable.value as string))) return `${name} holds a credential value`;
    return undefined;
}
