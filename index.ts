/**
 * Fivestar Payments Engine infrastructure: one program; stacks dev, staging and prod, each in
 * its own AWS account, and prod-dr, prod's recovery stack in ap-south-2 (issue 17). This file only
 * wires components together and exports the stack outputs; every decision lives in config/ (what)
 * and the component folders (how).
 *
 * Logical names passed to the components below are part of every child's URN: renaming one
 * replaces everything under it (see docs/decisions.md, "Identity").
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { Compute, ecrRepositoryUrl } from "./compute/compute";
import { ImageReplication } from "./compute/imageReplication";
import { loadStackConfig } from "./config";
import { healthRoutes as albHealthRoutes } from "./config/albRouting";
import { assertDeployable } from "./config/deployability";
import { deploymentProviderArgs } from "./config/provider";
import { loadStackSecrets } from "./config/secrets";
import { adoptReplicas, replicatedDatabasePassword } from "./data/adoptedReplicas";
import { replicaPlacements } from "./data/replicaPlacement";
import { names, StackScope } from "./config/names";
import { Database } from "./data/database";
import { DatabaseConnection } from "./data/databaseConnection";
import { PaymentTables } from "./data/tables";
import { Alarms } from "./monitoring/alarms";
import { AlertTopic } from "./monitoring/alertTopic";
import { CostBudget } from "./monitoring/budget";
import { OperationsDashboard } from "./monitoring/dashboard";
import { ReplicationAlarms } from "./monitoring/replicationAlarms";
import { LogGroups } from "./monitoring/logGroups";
import { ALARM_THRESHOLDS } from "./lib/thresholds";
import { logSettings } from "./network/logGroup";
import { Network } from "./network/network";
import { DatabaseCredentials } from "./security/databaseCredentials";
import { EcsRoles } from "./security/ecsRoles";
import { AccountGuardrails } from "./security/guardrails";
import { KmsKeys } from "./security/kms";
import { ReplicaKeys } from "./security/replicaKeys";
import { PrivateBucket } from "./security/privateBucket";
import { serverAccessLogBucketArgs, serverAccessLogSources } from "./security/serverAccessLogs";
import { AppParameters } from "./security/parameters";
import { AppSecrets } from "./security/secrets";
import { HumanAccess } from "./security/humanAccess";
import { UNSET_PARAMETER_VALUE } from "./security/parameterPlan";
import { DebugTask } from "./compute/debugTask";
import { UsageLimitGuards } from "./monitoring/usageLimits";
import { MockLms } from "./operations/mockLms";
import { WeeklyCleanup } from "./operations/weeklyCleanup";
import { BackupLagChecker } from "./operations/backupLagChecker";
import { SecurityGroups } from "./security/securityGroups";

// Validate all config, plain and secret, before the first resource is registered.
const cfg = loadStackConfig();
const stackSecrets = loadStackSecrets();
assertDeployable(cfg, pulumi.runtime.isDryRun());
const env = cfg.environment;
const protect = cfg.protectStatefulResources;
// Issue 17: a disaster-recovery stack (prod-dr) names account-wide resources `prod-dr`, adopts the primary's
// table and secret replicas, restores the database only when active, and runs no task in standby.
const deployment = cfg.deployment;
const recovery = cfg.dr;
const restore = recovery?.mode === "active" ? recovery.restore : undefined;

// Providers: default providers are disabled for every package, so each one is explicit.
const provider = new aws.Provider("deployment-account", deploymentProviderArgs(cfg));
const randomProvider = new random.Provider("random");
const inAccount = { providers: { aws: provider } };
const withRandom = { providers: { aws: provider, random: randomProvider } };
// Same account, role and tags in the recovery region prod replicates its backups, tables, secrets and images to
// (§2.2.3, issue 17); only the region differs.
const drRegion = cfg.drReplication && {
    region: cfg.drReplication.region,
    provider: new aws.Provider("backup-replication-region", { ...deploymentProviderArgs(cfg), region: cfg.drReplication.region }),
};

// What every component is told about the stack (config/names.ts StackScope); a component uses the fields it declares.
const stack = { environment: env, deployment, accountId: cfg.account.id, region: cfg.account.region, protect };

// --- Security foundations: keys first, everything else encrypts with them ---
const kms = new KmsKeys("kms", stack, inAccount);
const scope: StackScope = { ...stack, logRetentionDays: cfg.monitoring.logRetentionDays, logsKmsKeyArn: kms.logsKeyArn };
// The primary's replicas in this region (recovery stack only): read, never created or changed here.
const adopted = recovery ? adoptReplicas(env, { provider }) : undefined;
// Issue 17: keys in the recovery region for the replicas there (prod).
const replicaKeys = drRegion
    ? new ReplicaKeys("replica-keys", { ...stack, region: drRegion.region }, { providers: { aws: drRegion.provider } })
    : undefined;

// --- Network (§3.1.1) ---
const network = new Network("network", {
    ...scope,
    vpcCidr: cfg.network.vpcCidr,
    subnetPlan: cfg.network.subnetPlan,
    natGatewayPerAz: cfg.network.natGatewayPerAz,
    flowLogs: logSettings(scope),
}, inAccount);

// --- Security (§3.1.2, §7.1, §2.2.3) ---
const securityGroups = new SecurityGroups("security-groups", { ...scope, vpcId: network.vpcId }, inAccount);
const ecsRoles = new EcsRoles("ecs-roles", {
    ...scope,
    // Recovery stack: the secrets are the primary's replicas under its replica keys; the SecureStrings are this stack's own.
    secretsKmsKeyArn: adopted?.keyArns.general ?? kms.generalKeyArn,
    databaseKmsKeyArn: adopted?.keyArns.database ?? kms.databaseKeyArn,
    additionalKmsKeyArns: adopted ? [kms.generalKeyArn] : undefined,
}, inAccount);
// Every bucket's S3 server access logs (PCI DSS v4 10.2.1.3: who read the audit logs), before the buckets that log to it.
const serverAccessLogs = new PrivateBucket("s3-access-logs", serverAccessLogBucketArgs({
    environment: deployment,
    accountId: cfg.account.id,
    sourceBuckets: serverAccessLogSources(deployment, cfg.account.id, cfg.guardrails),
    protect,
}), inAccount);
const guardrails = new AccountGuardrails("guardrails", {
    ...scope,
    // One recorder per account records the global resources (IAM): the primary's.
    recordGlobalResources: !recovery,
    switches: cfg.guardrails,
    wafRateLimit: cfg.guardrails.wafRateLimit,
    serverAccessLogging: serverAccessLogs.asLogTarget(),
}, inAccount);

// §2.2.3 MFA for all users: password policy and the deny-unless-MFA group, in every account (issue 16).
// The password policy and the human group are account-wide singletons: the account's primary stack owns them.
if (!recovery) new HumanAccess("human-access", scope, inAccount);
// §4.1.1 dev talks to a mock LMS; its URL is the stack's LMS endpoint (issue 16).
const mockLms = cfg.mockLms
    ? new MockLms("mock-lms", scope, inAccount)
    : undefined;
const lmsEndpoint = mockLms?.endpoint ?? cfg.integrations.lmsEndpoint;

// --- Secrets and parameters (§4.2); the database secret's value is written by the data layer ---
const dbCredentials = recovery ? undefined : new DatabaseCredentials("db-credentials", scope, withRandom);
const appSecrets = recovery ? undefined : new AppSecrets("app-secrets", {
    ...scope,
    databaseKmsKeyArn: kms.databaseKeyArn,
    generalKmsKeyArn: kms.generalKeyArn,
    integrations: stackSecrets,
    replica: drRegion && replicaKeys
        ? { region: drRegion.region, databaseKmsKeyArn: replicaKeys.databaseKeyArn, generalKmsKeyArn: replicaKeys.generalKeyArn }
        : undefined,
}, inAccount);
new AppParameters("app-parameters", {
    ...scope,
    kmsKeyArn: kms.generalKeyArn,
    redisUrl: cfg.parameters.redisUrl,
    razorpayKeyId: stackSecrets.razorpay.keyId,
    juspayMerchantId: stackSecrets.juspay.merchantId,
    lmsEndpoint,
    integrationEnvironments: { razorpay: cfg.integrations.razorpayEnvironment, juspay: cfg.integrations.juspayEnvironment, lms: cfg.integrations.lmsEnvironment },
    mulesoftEndpoint: cfg.integrations.mulesoftEndpoint,
    bankingPartnerConfigs: cfg.integrations.bankingPartnerConfigs,
    maintenanceMode: cfg.parameters.maintenanceMode,
    featureFlags: cfg.parameters.featureFlags,
    rateLimits: cfg.parameters.rateLimits,
}, withRandom);

// --- Log groups exist before the services write to them (our retention and key); the database creates its own ---
const logGroups = new LogGroups("logs", scope, inAccount);

// --- Data (§6.1.1, §4.1); a recovery stack has a database only when active, restored from the replicated backups ---
const database = recovery?.mode === "standby" ? undefined : new Database("database", {
    ...scope,
    instanceClass: cfg.rds.instanceClass,
    allocatedStorageGb: cfg.rds.allocatedStorageGb,
    maxAllocatedStorageGb: cfg.rds.maxAllocatedStorageGb,
    backupRetentionDays: cfg.rds.backupRetentionDays,
    multiAz: cfg.rds.multiAz,
    readReplicas: cfg.rds.readReplicas,
    availabilityZones: cfg.network.availabilityZones,
    dbSubnetGroupName: network.dbSubnetGroupName,
    securityGroupIds: [securityGroups.rdsSecurityGroupId],
    // A restore keeps the replicated backups' key (data/database.ts backupReplicaKeyAlias): declared as is.
    kmsKeyArn: restore && adopted ? adopted.keyArns.databaseBackups : kms.databaseKeyArn,
    masterPassword: dbCredentials?.password,
    restore,
    engineVersion: cfg.rds.engineVersion,
    autoMinorVersionUpgrade: cfg.rds.autoMinorVersionUpgrade,
    slowQueryThresholdMs: cfg.rds.slowQueryThresholdMs,
    maxConnections: cfg.rds.maxConnections,
    backupReplication: cfg.rds.backupReplication && drRegion
        ? { provider: drRegion.provider, ...cfg.rds.backupReplication }
        : undefined,
}, withRandom);
// How applications reach the database (§4.2): the secret's value and app/database_url, from the real endpoint.
// Recovery stack, active: the primary's database secret replica, promoted to a standalone secret by the failover
// runbook first (a replica is read-only), gets a new version pointing at the restored instance.
const databaseSecret = adopted
    ? { id: adopted.secrets.database.arn, arn: adopted.secrets.database.arn, password: database && replicatedDatabasePassword(adopted.secrets.database.arn, { provider }) }
    : { id: appSecrets!.databaseSecretId, arn: appSecrets!.databaseSecretArn, password: dbCredentials!.password };
const databaseConnection = database && databaseSecret.password ? new DatabaseConnection("database-connection", {
    ...scope,
    secretId: databaseSecret.id,
    secretArn: databaseSecret.arn,
    host: database.address,
    port: 5432,
    password: databaseSecret.password,
}, inAccount) : undefined;
// Tasks get the secret's ARN once its value is written; in standby (0 tasks) the adopted replica's.
const databaseSecretArnForTasks = databaseConnection?.databaseSecretArn ?? databaseSecret.arn;
const ownTables = adopted ? undefined : new PaymentTables("tables", {
    ...scope,
    kmsKeyArn: kms.generalKeyArn,
    pointInTimeRecovery: cfg.dynamodb.pointInTimeRecovery,
    replica: drRegion && replicaKeys ? { region: drRegion.region, kmsKeyArn: replicaKeys.generalKeyArn } : undefined,
}, inAccount);
const tables = ownTables
    ? { transactionsTableName: ownTables.transactionsTableName, queueTableName: ownTables.queueTableName }
    : { transactionsTableName: adopted!.tables.transactions.name, queueTableName: adopted!.tables.queue.name };

// --- Compute (§3.2.2, §5): cluster, images, load balancer, the two services, scaling, schedules ---
const compute = new Compute("compute", {
    ...scope,
    recovery: recovery !== undefined,
    containerInsights: cfg.monitoring.detailedMonitoring,
    // Standby: the services exist with no task (and no autoscaling); active: the stack's counts.
    settings: recovery?.mode === "standby" ? { ...cfg, ecs: { ...cfg.ecs, desiredCount: 0, minCapacity: 0, maxCapacity: 0 } } : cfg,
    network: { vpcId: network.vpcId, publicSubnetIds: network.publicSubnetIds, appSubnetIds: network.appSubnetIds },
    security: {
        albSecurityGroupId: securityGroups.albSecurityGroupId,
        ecsSecurityGroupId: securityGroups.ecsSecurityGroupId,
        executionRoleArn: ecsRoles.executionRoleArn,
        taskRoleArn: ecsRoles.taskRoleArn,
        // Resolves once the secret has its value: the tasks that read it wait for it.
        databaseSecretArn: databaseSecretArnForTasks,
        generalKeyArn: kms.generalKeyArn,
        // The guardrails create the web ACL exactly when the WAF switch is on (prod, staging).
        webAclArn: cfg.guardrails.waf ? (guardrails.webAclArn as pulumi.Output<string>) : undefined,
        serverAccessLogging: serverAccessLogs.asLogTarget(),
    },
    logGroupNames: logGroups.serviceLogGroupNames,
    integrations: {
        razorpayEnvironment: cfg.integrations.razorpayEnvironment,
        juspayEnvironment: cfg.integrations.juspayEnvironment,
        lmsEnvironment: cfg.integrations.lmsEnvironment,
        lmsEndpoint: lmsEndpoint ?? UNSET_PARAMETER_VALUE,
    },
    database: database && { identifier: database.identifier, arn: database.arn },
}, inAccount);
// Issue 17: images copied to the recovery region, into KMS-encrypted, immutable repositories there.
if (drRegion && replicaKeys) {
    new ImageReplication("image-replication", {
        ...scope,
        region: drRegion.region,
        regionProvider: drRegion.provider,
        kmsKeyArn: replicaKeys.generalKeyArn,
        retainedImages: cfg.images.retainedImages,
    }, inAccount);
}
// §12.1.2 the debug task (issue 16): `npm run ops -- debug <stack>` prints how to run it.
const debugTask = new DebugTask("debug-task", {
    ...scope,
    replicatedRepositoryUrl: recovery ? ecrRepositoryUrl(cfg.account.id, cfg.account.region, names.debugToolsRepository) : undefined,
    imageTag: cfg.debugTask.imageTag,
    executionRoleArn: ecsRoles.executionRoleArn,
    // Resolves once the secret has its value (happens-before), like the services' tasks.
    databaseSecretArn: databaseSecretArnForTasks,
    databaseAddress: database?.address ?? UNSET_PARAMETER_VALUE,
    databaseKmsKeyArn: adopted?.keyArns.database ?? kms.databaseKeyArn,
    generalKmsKeyArn: kms.generalKeyArn,
}, inAccount);

// --- Monitoring (§8, §12.2) ---
const alerts = new AlertTopic("alerts", { ...scope, kmsKeyArn: kms.generalKeyArn, emails: cfg.monitoring.alertEmails }, inAccount);
const monitored = {
    clusterName: compute.clusterName,
    serviceNames: compute.serviceNames,
    albArnSuffix: compute.albArnSuffix,
    targetGroupArnSuffixes: compute.targetGroupArnSuffixes,
    // Standby: the names the restored instances will have, so alarms and dashboard are ready (no data until active).
    dbPrimaryIdentifier: database?.identifier ?? pulumi.output(names.dbInstance(env)),
    dbReplicaIdentifiers: database?.replicaIdentifiers ??
        replicaPlacements(env, cfg.rds.readReplicas, cfg.network.availabilityZones).map((p) => pulumi.output(p.identifier)),
    tableNames: { transactions: tables.transactionsTableName, "transaction-queue": tables.queueTableName },
};
new Alarms("alarms", {
    ...scope,
    topicArn: alerts.topicArn,
    ...monitored,
    allocatedStorageGb: cfg.rds.allocatedStorageGb,
    maxConnections: cfg.rds.maxConnections,
    errorMetric: logGroups.errorMetric,
    thresholds: ALARM_THRESHOLDS,
}, inAccount);
// Issue 17: replication lag of the tables against the RPO, and RDS backup replication being stopped.
if (drRegion) {
    new ReplicationAlarms("replication-alarms", {
        ...scope,
        region: drRegion.region,
        tableNames: monitored.tableNames,
        backupReplication: cfg.rds.backupReplication !== undefined,
        dbInstanceIdentifier: names.dbInstance(env),
        cloudTrailLogGroupName: cfg.guardrails.cloudTrail ? (guardrails.cloudTrailLogGroupName as pulumi.Output<string>) : undefined,
        topicArn: alerts.topicArn,
    }, inAccount);
    // ... and the checker publishing how far the replicated RDS backups fall behind (RDS has no metric for it).
    new BackupLagChecker("rds-backup-lag", { ...scope, replicationRegion: drRegion.region }, inAccount);
}
new OperationsDashboard("dashboard", {
    ...scope,
    ...monitored,
    thresholds: ALARM_THRESHOLDS,
    maxConnections: cfg.rds.maxConnections,
    errorMetric: logGroups.errorMetric,
}, inAccount);

// §2.2.1 resource limits (dev): alarms to the alert topic where config sets a limit (issue 16).
if (Object.values(cfg.usageLimits).some((v) => v !== undefined)) {
    new UsageLimitGuards("usage-limits", { ...scope, limits: cfg.usageLimits, topicArn: alerts.topicArn }, inAccount);
}
// §2.2.2 weekly cleanup (staging only; config refuses it in prod) (issue 16).
if (cfg.cleanup.enabled) {
    new WeeklyCleanup("weekly-cleanup", {
        ...scope,
        schedule: cfg.cleanup,
        keepTaskRevisions: cfg.cleanup.keepTaskRevisions,
        snapshotMaxAgeDays: cfg.cleanup.snapshotMaxAgeDays,
        untaggedImageMinAgeDays: cfg.cleanup.untaggedImageMinAgeDays,
        clusterName: compute.clusterName,
    }, inAccount);
}

// §2.2 cost controls: a budget only where config sets one (dev, staging).
if (cfg.monitoring.monthlyBudgetUsd !== undefined) {
    new CostBudget("budget", {
        environment: deployment,
        limitUsd: cfg.monitoring.monthlyBudgetUsd,
        topicArn: alerts.topicArn,
        emails: cfg.monitoring.alertEmails,
    }, inAccount);
}

// --- Stack outputs: identifiers only; no secret value is ever exported ---
export const environment = env;
export const accountId = cfg.account.id;
export const region = cfg.account.region;
export const vpcId = network.vpcId;
export const publicSubnetIds = network.publicSubnetIds;
export const appSubnetIds = network.appSubnetIds;
export const dbSubnetIds = network.dbSubnetIds;
export const dbSubnetGroupName = network.dbSubnetGroupName;
export const dbInstanceIdentifier = database?.identifier;
export const dbAddress = database?.address;
export const dbPort = database?.port;
export const dbReplicaIdentifiers = database?.replicaIdentifiers;
export const transactionsTableName = tables.transactionsTableName;
export const queueTableName = tables.queueTableName;
export const databaseSecretArn = databaseSecret.arn;
/** Issue 17: "standby" or "active" in a disaster-recovery stack; undefined in a primary stack. */
export const drMode = recovery?.mode;
export const executionRoleArn = ecsRoles.executionRoleArn;
export const taskRoleArn = ecsRoles.taskRoleArn;
export const webAclArn = guardrails.webAclArn;
export const alertTopicArn = alerts.topicArn;
export const clusterName = compute.clusterName;
export const serviceNames = compute.serviceNames;
export const taskDefinitionFamilies = compute.taskDefinitionFamilies;
export const taskDefinitionArns = compute.taskDefinitionArns;
export const repositoryUrls = compute.repositoryUrls;
export const imageTags = cfg.images.tags;
export const albDnsName = compute.albDnsName;
/** Where §11 validation checks each service through the ALB (host name, path), as the listener routes. */
export const healthRoutes = albHealthRoutes(cfg.alb.routing, cfg.alb.internalPeHostname);
export const albArn = compute.albArn;
export const albArnSuffix = compute.albArnSuffix;
export const targetGroupArnSuffixes = compute.targetGroupArnSuffixes;
export const httpsListenerArn = compute.httpsListenerArn;
export const albAccessLogBucket = compute.albAccessLogBucketName;
export const ecsSecurityGroupId = securityGroups.ecsSecurityGroupId;
export const debugTaskFamily = debugTask.taskDefinitionFamily;
export const debugToolsRepositoryUrl = debugTask.repositoryUrl;
export const serverAccessLogBucket = serverAccessLogs.bucketName;
