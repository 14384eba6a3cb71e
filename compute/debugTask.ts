/**
 * The §12.1.2 debug task: `<env>-fivestar-debug-task`, run on demand in the app subnets behind the ECS
 * security group (`npm run ops -- debug <stack>` prints the command). Its image is the team's own
 * `fivestar-debug-tools` (docker/debug-tools/Dockerfile: psql, curl, dig, aws), in a repository like the
 * services' (immutable tags, scan on push, the general key, protected in prod), its logs in their own
 * group. It gets no secret in its environment; its task role may read the database secret and nothing else.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { serviceTrustPolicy } from "../lib/iamDocuments";
import { DEBUG_CPU, DEBUG_MEMORY, debugContainerDefinitions, debugTaskRolePolicy } from "./debugTaskPlan";
import { ecrLifecyclePolicy } from "./ecrLifecyclePolicy";
import { encryptedLogGroup, logSettings } from "../network/logGroup";

/** Images the debug repository keeps. */
export const DEBUG_RETAINED_IMAGES = 10;

export interface DebugTaskArgs extends Pick<StackScope, "environment" | "deployment" | "accountId" | "region" | "protect" | "logRetentionDays" | "logsKmsKeyArn"> {
    /** cfg.debugTask.imageTag */
    readonly imageTag: string;
    readonly executionRoleArn: pulumi.Input<string>;
    readonly databaseSecretArn: pulumi.Input<string>;
    readonly databaseAddress: pulumi.Input<string>;
    readonly databaseKmsKeyArn: pulumi.Input<string>;
    /** kms.generalKeyArn: the repository and ECS Exec sessions. */
    readonly generalKmsKeyArn: pulumi.Input<string>;
    /**
     * Issue 17: the URL of a `fivestar-debug-tools` repository this stack does not own (the recovery stack uses the
     * primary's ECR replica); unset: the task creates and owns the repository.
     */
    readonly replicatedRepositoryUrl?: string;
}

export class DebugTask extends pulumi.ComponentResource {
    public readonly taskDefinitionFamily: pulumi.Output<string>;
    public readonly taskDefinitionArn: pulumi.Output<string>;
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: DebugTaskArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:DebugTask", name, {}, opts);
        const env = args.environment;
        const parent = { parent: this };
        const repositoryUrl = args.replicatedRepositoryUrl !== undefined ? pulumi.output(args.replicatedRepositoryUrl) : this.ownRepository(name, args);
        const logGroup = encryptedLogGroup(`${name}-logs`, names.debugLogGroup(env), logSettings(args), parent);

        const role = new aws.iam.Role(`${name}-task`, {
            name: names.debugTaskRole(args.deployment ?? env),
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("ecs-tasks.amazonaws.com", args.accountId)),
            description: `Debug task of ${env} (12.1.2): reads the database secret only`,
        }, parent);
        const rolePolicy = new aws.iam.RolePolicy(`${name}-task`, {
            role: role.name,
            policy: pulumi.all([args.databaseSecretArn, args.databaseKmsKeyArn, args.generalKmsKeyArn]).apply(([secret, dbKey, execKey]) =>
                JSON.stringify(debugTaskRolePolicy({ region: args.region, databaseSecretArn: secret, databaseKmsKeyArn: dbKey, execKmsKeyArn: execKey }))),
        }, parent);

        const definitions = pulumi.all([repositoryUrl, logGroup.name, args.databaseAddress, args.databaseSecretArn]).apply(([url, group, host, secret]) =>
            JSON.stringify(debugContainerDefinitions({ image: `${url}:${args.imageTag}`, region: args.region, logGroupName: group, dbHost: host, dbSecretArn: secret })));
        const taskDefinition = new aws.ecs.TaskDefinition(`${name}-task`, {
            family: names.debugTaskFamily(env),
            networkMode: "awsvpc",
            requiresCompatibilities: ["FARGATE"],
            cpu: String(DEBUG_CPU),
            memory: String(DEBUG_MEMORY),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
            executionRoleArn: args.executionRoleArn,
            taskRoleArn: role.arn,
            containerDefinitions: definitions,
            volumes: [{ name: "tmp" }],
        }, { parent: this, dependsOn: [rolePolicy] });

        this.taskDefinitionFamily = taskDefinition.family;
        this.taskDefinitionArn = taskDefinition.arn;
        this.repositoryUrl = repositoryUrl;
        this.registerOutputs({ taskDefinitionFamily: this.taskDefinitionFamily, repositoryUrl: this.repositoryUrl });
    }

    private ownRepository(name: string, args: DebugTaskArgs): pulumi.Output<string> {
        const repository = new aws.ecr.Repository(`${name}-tools`, {
            name: names.debugToolsRepository,
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.generalKmsKeyArn }],
            forceDelete: false,
        }, { parent: this, protect: args.protect });
        new aws.ecr.LifecyclePolicy(`${name}-tools`, { repository: repository.name, policy: JSON.stringify(ecrLifecyclePolicy(DEBUG_RETAINED_IMAGES)) }, { parent: this });
        return repository.repositoryUrl;
    }
}
