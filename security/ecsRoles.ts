/**
 * The ECS execution role (pulls images, writes logs, injects secrets) and task role (what the
 * application may call) of §3.2.2 and §7.1.1, both trusted only by ecs-tasks for this account.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names, StackScope } from "../config/names";
import { ECS_TASK_EXECUTION_MANAGED_POLICY, executionRolePolicy, taskRolePolicy } from "./ecsPolicies";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { roleArnWhenReady } from "../lib/ready";

export interface EcsRolesArgs extends Pick<StackScope, "deployment" | "accountId" | "region"> {
    /** cfg.environment: scopes secrets, parameters and tables, names the roles. */
    readonly environment: Environment;
    /** kms.generalKeyArn: encrypts the integration secrets and SecureString parameters. */
    readonly secretsKmsKeyArn: pulumi.Input<string>;
    /** kms.databaseKeyArn: encrypts the database secret. */
    readonly databaseKmsKeyArn: pulumi.Input<string>;
    /** More keys under the environment's secrets or SecureStrings (issue 17: the recovery stack's own general key, beside the replica keys). */
    readonly additionalKmsKeyArns?: pulumi.Input<string>[];
}

export class EcsRoles extends pulumi.ComponentResource {
    /** Resolves once the role's policies are attached: task definitions given it wait for them. */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** Resolves once the role's policy is in place. */
    public readonly taskRoleArn: pulumi.Output<string>;
    public readonly executionRoleName: pulumi.Output<string>;
    public readonly taskRoleName: pulumi.Output<string>;

    constructor(name: string, args: EcsRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:EcsRoles", name, {}, opts);
        const parent = { parent: this };
        const env = args.environment;
        const ctx = { environment: env, accountId: args.accountId, region: args.region };
        const trust = JSON.stringify(serviceTrustPolicy("ecs-tasks.amazonaws.com", args.accountId));
        const keyArns = pulumi.all([args.secretsKmsKeyArn, args.databaseKmsKeyArn, ...(args.additionalKmsKeyArns ?? [])]);

        const execution = new aws.iam.Role(`${name}-execution`, {
            name: names.ecsExecutionRole(args.deployment ?? env),
            assumeRolePolicy: trust,
            description: `ECS task execution role of ${env}: image pull, logs, secrets injection (3.2.2)`,
        }, parent);
        const executionManaged = new aws.iam.RolePolicyAttachment(`${name}-execution-managed`, { role: execution.name, policyArn: ECS_TASK_EXECUTION_MANAGED_POLICY }, parent);
        const executionSecrets = new aws.iam.RolePolicy(`${name}-execution-secrets`, {
            role: execution.name,
            name: "environment-secrets",
            policy: keyArns.apply((keys) => JSON.stringify(executionRolePolicy(ctx, keys))),
        }, parent);

        const task = new aws.iam.Role(`${name}-task`, {
            name: names.ecsTaskRole(args.deployment ?? env),
            assumeRolePolicy: trust,
            description: `ECS task role of ${env}: transaction tables, secrets, parameters (7.1.1)`,
        }, parent);
        const taskAccess = new aws.iam.RolePolicy(`${name}-task-access`, {
            role: task.name,
            name: "application-access",
            policy: keyArns.apply((keys) => JSON.stringify(taskRolePolicy(ctx, keys))),
        }, parent);

        this.executionRoleArn = roleArnWhenReady(execution, [executionManaged, executionSecrets]);
        this.taskRoleArn = roleArnWhenReady(task, [taskAccess]);
        this.executionRoleName = execution.name;
        this.taskRoleName = task.name;
        this.registerOutputs({
            executionRoleArn: this.executionRoleArn,
            taskRoleArn: this.taskRoleArn,
            executionRoleName: this.executionRoleName,
            taskRoleName: this.taskRoleName,
        });
    }
}
