/**
 * "Ready" references: a value that resolves only after other resources exist, so whatever takes it
 * waits for them. The engine orders a resource after every resource behind its inputs, so passing the
 * ready value (never the raw `role.arn` / `secret.arn`) is enough; nobody has to remember a dependsOn.
 *
 * - IAM is evaluated when a service acts, not when the role is created: a task definition, flow log,
 *   RDS instance, schedule, Config recorder or trail given a role before its policies exist fails (or
 *   silently delivers nothing) on the first `up`.
 * - A secret exists long before its value: tasks that read it before its version fail to start.
 *
 * The dependency is on the URNs, which are known in every preview, so a ready value is known exactly
 * when the underlying one is (no spurious "unknown" diffs on consumers).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export function after<T>(value: pulumi.Input<T>, prerequisites: readonly pulumi.Resource[]): pulumi.Output<T> {
    return pulumi.all([value, ...prerequisites.map((r) => r.urn)]).apply(([v]) => v as T);
}

/** The role's ARN once every one of its policies and attachments exists. */
export function roleArnWhenReady(role: aws.iam.Role, policies: readonly (aws.iam.RolePolicy | aws.iam.RolePolicyAttachment)[]): pulumi.Output<string> {
    return after(role.arn, policies);
}
