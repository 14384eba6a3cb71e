/**
 * Every physical name the deployment guide fixes, as pure functions of the environment.
 * Names are a compatibility surface: §10/§11 scripts and operators look resources up by them,
 * and changing a name usually replaces the resource. Change them here only on purpose.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RdsLog } from "../lib/postgres";

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
/**
 * The name part of one deployment of an environment (issue 17): the environment itself, or `<env>-dr` for
 * its disaster-recovery stack in another region of the same account (config/stacks.ts `recovers`). Names
 * that are account-wide (IAM, S3, budgets, dashboards) or that the primary also creates in the recovery
 * region (KMS aliases) take it, so two stacks of one account never claim the same name; names the
 * application and the §10/§11 scripts look up (cluster, services, secrets, parameters, tables, the
 * database) keep the environment: a recovery stack serves the same environment in another region.
 */
export type Deployment = Environment | `${Environment}-dr`;

export const PROJECT_TAG = "FivestarPaymentsEngine";
export const OWNER_TAG = "1CloudHub";

/** The two services of §5: the internal payments engine and the customer payment portal. */
export const SERVICES = ["internal-pe", "customer-portal"] as const;
export type ServiceName = (typeof SERVICES)[number];

export const names = {
    /** §9.1 */
    stack: (env: Environment) => `fivestar-payments-${env}`,
    /** §3.2.2 */
    ecsCluster: (env: Environment) => `${env}-fivestar-payments`,
    /** §10, §11 */
    ecsService: (env: Environment, service: ServiceName) => `${env}-${service}-service`,
    /** §10 (family prefix), §12.1.1 */
    taskFamily: (env: Environment, service: ServiceName) => `${env}-fivestar-${service}`,
    /** §8.1.1 */
    serviceLogGroup: (env: Environment, service: ServiceName) => `/ecs/${env}-fivestar-${service}`,
    /** §5.2.1 image repositories (account-wide, shared by nothing else: one account per environment) */
    ecrRepository: (service: ServiceName) => `fivestar-${service}`,
    /** §11 */
    loadBalancer: (env: Environment) => `${env}-internal-pe-alb`,
    /** §6.1.1 */
    dbInstance: (env: Environment) => `${env}-fivestar-payments-db`,
    dbReplica: (env: Environment, index: number) => `${env}-fivestar-payments-db-replica-${index + 1}`,
    /** The snapshot RDS takes when the protected primary is deleted: where a restore starts. */
    dbFinalSnapshot: (env: Environment) => `${env}-fivestar-payments-db-final`,
    /** The family is in the name so a major upgrade creates a new group beside the one in use. */
    dbParameterGroup: (env: Environment, family: string) => `${env}-fivestar-payments-${family}`,
    /** §12.2.2 */
    dbLogGroup: (env: Environment) => `/aws/rds/instance/${env}-fivestar-payments-db/postgresql`,
    dbName: "fivestar_payments",
    dbUsername: "fivestar_app",
    /** §7.1.1 */
    transactionsTable: (env: Environment) => `${env}-fivestar-transactions`,
    transactionQueueTable: (env: Environment) => `${env}-fivestar-transaction-queue`,
    /** §4.2.2: secrets are fivestar/payments/<env>/<name> */
    secretPrefix: (env: Environment) => `fivestar/payments/${env}`,
    /** §4.2.1: parameters are /fivestar/payments/<env>/<group>/<name> */
    parameterPrefix: (env: Environment) => `/fivestar/payments/${env}`,
    kmsAlias: (env: Deployment, purpose: string) => `alias/fivestar/${env}/${purpose}`,
    /** Security (issue 3): names the guide does not fix, chosen once. */
    securityGroup: (env: Environment, purpose: "alb" | "ecs" | "rds" | "lambda") => `${env}-fivestar-${purpose}-sg`,
    /**
     * §5.2.1's task definition names the roles `ecsTaskExecutionRole` and `ecsTaskRole`. Those are the names
     * the ECS console creates in any account, so a program-owned role of that name could collide with one
     * that already exists; these names say whose and which environment's they are (docs/decisions.md G1).
     */
    ecsExecutionRole: (env: Deployment) => `${env}-fivestar-ecs-execution`,
    ecsTaskRole: (env: Deployment) => `${env}-fivestar-ecs-task`,
    cloudTrail: (env: Environment) => `${env}-fivestar-trail`,
    cloudTrailLogGroup: (env: Environment) => `/aws/cloudtrail/${env}-fivestar-trail`,
    configRecorder: (env: Deployment) => `${env}-fivestar-config`,
    /** S3 names are global: the account id keeps them unique without a random suffix. */
    auditBucket: (env: Deployment, accountId: string, purpose: "cloudtrail" | "config") => `fivestar-payments-${env}-${purpose}-${accountId}`,
    webAcl: (env: Deployment) => `${env}-fivestar-web-acl`,
    /** WAF only logs to CloudWatch log groups whose name starts with aws-waf-logs-. */
    wafLogGroup: (env: Environment) => `aws-waf-logs-${env}-fivestar`,
    vpc: (env: Environment) => `${env}-fivestar-vpc`,
    flowLogGroup: (env: Environment) => `/vpc/${env}-fivestar-flow-logs`,
    dbSubnetGroup: (env: Environment) => `${env}-fivestar-payments-db-subnets`,
    /** The group RDS writes an exported log to (§12.2.2 reads the primary's `postgresql` one: `dbLogGroup`). */
    rdsLogGroup: (instanceId: string, log: RdsLog) => `/aws/rds/instance/${instanceId}/${log}`,
    alertTopic: (env: Environment) => `${env}-fivestar-payments-alerts`,
    dashboard: (env: Deployment) => `${env}-fivestar-payments`,
    /** §2.2 cost control */
    costBudget: (env: Deployment) => `${env}-fivestar-payments-monthly`,
    /** Compute (issue 5): names the guide does not fix, chosen once. Global S3 name: the account id keeps it unique. */
    albAccessLogBucket: (env: Deployment, accountId: string) => `fivestar-payments-${env}-alb-logs-${accountId}`,
    /** Issue 14: where every bucket's S3 server access logs go (at most 53 characters: S3 allows 63). */
    serverAccessLogBucket: (env: Deployment, accountId: string) => `fivestar-payments-${env}-s3-access-logs-${accountId}`,
    /** §2.2.1 auto-shutdown: the EventBridge Scheduler schedules that stop/start the database, and their role. */
    afterHoursDbSchedule: (env: Environment, action: "stop" | "start") => `${env}-fivestar-payments-db-after-hours-${action}`,
    afterHoursSchedulerRole: (env: Environment) => `${env}-fivestar-after-hours-scheduler`,
    /** Issue 16. §12.1.2 runs `--task-definition debug-task`; ours follows the other families: `<env>-fivestar-debug-task`. */
    debugTaskFamily: (env: Environment) => `${env}-fivestar-debug-task`,
    debugTaskRole: (env: Deployment) => `${env}-fivestar-debug-task`,
    debugLogGroup: (env: Environment) => `/ecs/${env}-fivestar-debug-task`,
    /** Account-wide like the services' repositories (one account per environment). */
    debugToolsRepository: "fivestar-debug-tools",
    /** §2.2.2 weekly cleanup: function, its role, the schedule and the scheduler's role. */
    cleanupFunction: (env: Environment) => `${env}-fivestar-weekly-cleanup`,
    cleanupRole: (env: Environment) => `${env}-fivestar-weekly-cleanup`,
    cleanupSchedulerRole: (env: Environment) => `${env}-fivestar-weekly-cleanup-scheduler`,
    /** Issue 17: the checker of how far the replicated RDS backups fall behind (function, its role), and its scheduler's role. */
    backupLagFunction: (env: Environment) => `${env}-fivestar-rds-backup-lag`,
    backupLagRole: (env: Environment) => `${env}-fivestar-rds-backup-lag`,
    backupLagSchedulerRole: (env: Environment) => `${env}-fivestar-rds-backup-lag-scheduler`,
    /** §4.1.1 mock LMS (dev). */
    mockLmsFunction: (env: Environment) => `${env}-fivestar-mock-lms`,
    mockLmsRole: (env: Environment) => `${env}-fivestar-mock-lms`,
    /** Lambda writes to /aws/lambda/<function name>; the program creates that group first (retention, key). */
    lambdaLogGroup: (functionName: string) => `/aws/lambda/${functionName}`,
    /** §2.2.1 resource limit alarms. */
    usageLimitAlarm: (env: Environment, limit: "ec2-vcpus" | "rds-instances" | "lambda-concurrency") => `${env}-fivestar-usage-limit-${limit}`,
    /** §2.2.3 MFA: the group every human IAM user joins, and its deny-unless-MFA policy. */
    humanUsersGroup: "fivestar-human-users",
    mfaRequiredPolicy: "fivestar-require-mfa",
} as const;

/**
 * The port each service's container listens on. The ECS security group admits exactly these from the
 * ALB (§3.1.2: 8080 and 8443), so no port is open that no service uses. The guide's portal image
 * listens on 80, which that group does not admit; the portal is configured to listen on 8443 instead
 * (plain HTTP inside the VPC, nginx `listen 8443`), see docs/decisions.md.
 */
export const CONTAINER_PORTS: Readonly<Record<ServiceName, number>> = Object.freeze({
    "internal-pe": 8080,
    "customer-portal": 8443,
});

/**
 * What components are told about the stack they build, each field documented once: a component's args
 * extend `Pick<StackScope, ...>` of the fields it uses and restate one only to say what it does with it.
 */
export interface StackScope {
    /** cfg.environment: names, tags and scopes the resources. */
    readonly environment: Environment;
    /** The name part of account-wide names (cfg.deployment, issue 17): `prod-dr` in the recovery stack; default the environment. */
    readonly deployment?: Deployment;
    /** cfg.account.id: the stack's account (ARNs, trust and key policies). */
    readonly accountId: string;
    /** cfg.account.region, or the recovery region for what is created there. */
    readonly region: string;
    /** cfg.protectStatefulResources: Pulumi protect, and the service's deletion protection where it has one (prod). */
    readonly protect: boolean;
    /** cfg.monitoring.logRetentionDays: the retention of the log groups a component creates. */
    readonly logRetentionDays: number;
    /** kms.logsKeyArn: the CloudWatch Logs CMK that encrypts them. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
}
