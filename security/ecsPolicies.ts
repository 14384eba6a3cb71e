/**
 * Permission policies of the ECS execution and task roles (§3.2.2, §7.1.1), from names and ARNs.
 * Everything is scoped to the environment: its secrets, its parameters, its two tables.
 */
import { names, StackScope } from "../config/names";
import { PolicyDocument, policyDocument, PolicyStatement } from "../lib/iamDocuments";

export type EcsPolicyContext = Pick<StackScope, "environment" | "accountId" | "region">;

export const ECS_TASK_EXECUTION_MANAGED_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

/** §7.1.1: the six item and query actions on the transaction tables. */
export const TABLE_ACTIONS = [
    "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
] as const;

/** Every secret of the environment (Secrets Manager appends a random suffix to secret ARNs). */
export function environmentSecretsArn(ctx: EcsPolicyContext): string {
    return `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${names.secretPrefix(ctx.environment)}/*`;
}

/** Every parameter of the environment (the prefix starts with "/"). */
export function environmentParametersArn(ctx: EcsPolicyContext): string {
    return `arn:aws:ssm:${ctx.region}:${ctx.accountId}:parameter${names.parameterPrefix(ctx.environment)}/*`;
}

/** The two §7.1.1 tables and their indexes. */
export function transactionTableArns(ctx: EcsPolicyContext): string[] {
    const table = (t: string) => `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${t}`;
    return [names.transactionsTable(ctx.environment), names.transactionQueueTable(ctx.environment)]
        .flatMap((t) => [table(t), `${table(t)}/index/*`]);
}

/** Keys under the environment's secrets and SecureStrings, usable only through those two services. */
function decryptSecretsStatement(ctx: EcsPolicyContext, keyArns: readonly string[]): PolicyStatement {
    return {
        Sid: "DecryptSecretsAndParameters",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: [...keyArns],
        Condition: { StringEquals: { "kms:ViaService": [`secretsmanager.${ctx.region}.amazonaws.com`, `ssm.${ctx.region}.amazonaws.com`] } },
    };
}

function readSecretsStatement(ctx: EcsPolicyContext): PolicyStatement {
    return { Sid: "ReadEnvironmentSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: environmentSecretsArn(ctx) };
}

/**
 * Execution role (§3.2.2), on top of AmazonECSTaskExecutionRolePolicy: what ECS needs to inject the
 * containers' `secrets` (Secrets Manager values and SSM parameters, the latter via GetParameters).
 */
export function executionRolePolicy(ctx: EcsPolicyContext, keyArns: readonly string[]): PolicyDocument {
    return policyDocument(
        readSecretsStatement(ctx),
        { Sid: "ReadEnvironmentParameters", Effect: "Allow", Action: "ssm:GetParameters", Resource: environmentParametersArn(ctx) },
        decryptSecretsStatement(ctx, keyArns),
    );
}

/** Task role (§7.1.1): what the application itself calls. */
export function taskRolePolicy(ctx: EcsPolicyContext, keyArns: readonly string[]): PolicyDocument {
    return policyDocument(
        { Sid: "TransactionTables", Effect: "Allow", Action: [...TABLE_ACTIONS], Resource: transactionTableArns(ctx) },
        readSecretsStatement(ctx),
        {
            Sid: "ReadEnvironmentParameters",
            Effect: "Allow",
            Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
            Resource: environmentParametersArn(ctx),
        },
        decryptSecretsStatement(ctx, keyArns),
    );
}
