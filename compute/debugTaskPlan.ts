/**
 * The §12.1.2 debug task as pure data: its container, the connectivity check it runs by default, and
 * its task role's policy (the database secret and nothing else, plus ECS Exec's channels).
 */
import { names, StackScope } from "../config/names";
import { PolicyDocument, policyDocument } from "../lib/iamDocuments";

/** UID the debug image runs as (nobody): the tools need no privilege. */
export const DEBUG_USER = "65534";
export const DEBUG_CPU = 256;
export const DEBUG_MEMORY = 512;

/**
 * What a plain `run-task` does, its output in the task's log group: resolve the database's name (dig),
 * reach the database port (pg_isready: no credentials), and reach AWS APIs and the internet over
 * 443 through the NAT (curl). Operators who need SQL shell in with ECS Exec and read the password
 * from the database secret with the task role (psql). Exit code: non-zero when a check fails.
 */
export function connectivityCheckScript(): string {
    return [
        "set -u",
        "status=0",
        "echo \"== DNS: $DB_HOST\"; dig +short \"$DB_HOST\" || status=1",
        "echo \"== PostgreSQL: $DB_HOST:$DB_PORT\"; pg_isready -h \"$DB_HOST\" -p \"$DB_PORT\" -d \"$DB_NAME\" -t 10 || status=1",
        "echo \"== HTTPS egress: secretsmanager.$AWS_REGION.amazonaws.com\"; curl -sS -o /dev/null -w '%{http_code}\\n' --max-time 10 \"https://secretsmanager.$AWS_REGION.amazonaws.com/\" || status=1",
        "echo \"== done (status $status)\"",
        "exit $status",
    ].join("\n");
}

export interface DebugContainerInput extends Pick<StackScope, "region"> {
    readonly image: string;
    readonly logGroupName: string;
    /** The database's address: a host name, not a secret. */
    readonly dbHost: string;
    /** The database secret's ARN (not its value): `aws secretsmanager get-secret-value --secret-id "$DB_SECRET_ARN"`. */
    readonly dbSecretArn: string;
}

export function debugContainerDefinitions(i: DebugContainerInput): Record<string, unknown>[] {
    return [{
        name: "debug",
        image: i.image,
        essential: true,
        command: ["sh", "-c", connectivityCheckScript()],
        environment: [
            { name: "DB_HOST", value: i.dbHost },
            { name: "DB_PORT", value: "5432" },
            { name: "DB_NAME", value: names.dbName },
            { name: "DB_SECRET_ARN", value: i.dbSecretArn },
            { name: "AWS_REGION", value: i.region },
            { name: "HOME", value: "/tmp" },
        ],
        secrets: [],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": i.logGroupName, "awslogs-region": i.region, "awslogs-stream-prefix": "debug" },
        },
        user: DEBUG_USER,
        readonlyRootFilesystem: true,
        mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
        linuxParameters: { initProcessEnabled: true, capabilities: { drop: ["ALL"] } },
    }];
}

export interface DebugRoleContext extends Pick<StackScope, "region"> {
    readonly databaseSecretArn: string;
    readonly databaseKmsKeyArn: string;
    /** The key ECS Exec sessions are encrypted with (the cluster's exec configuration). */
    readonly execKmsKeyArn: string;
}

export function debugTaskRolePolicy(c: DebugRoleContext): PolicyDocument {
    return policyDocument(
        { Sid: "ReadDatabaseSecretOnly", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: c.databaseSecretArn },
        {
            Sid: "DecryptDatabaseSecret",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: c.databaseKmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${c.region}.amazonaws.com` } },
        },
        {
            // ECS Exec (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions)
            Sid: "EcsExecChannels",
            Effect: "Allow",
            Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
            Resource: "*",
        },
        { Sid: "EcsExecSessionKey", Effect: "Allow", Action: "kms:Decrypt", Resource: c.execKmsKeyArn },
    );
}
