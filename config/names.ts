/**
 * Every physical name the deployment guide fixes, as pure functions of the environment.
 * Names are a compatibility surface: §10/§11 scripts and operators look resources up by them,
 * and changing a name usually replaces the resource. Change them here only on purpose.
 */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

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
    kmsAlias: (env: Environment, purpose: string) => `alias/fivestar/${env}/${purpose}`,
    vpc: (env: Environment) => `${env}-fivestar-vpc`,
    flowLogGroup: (env: Environment) => `/vpc/${env}-fivestar-flow-logs`,
    dbSubnetGroup: (env: Environment) => `${env}-fivestar-payments-db-subnets`,
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
