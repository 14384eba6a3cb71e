/**
 * The one place that reads stack config. `loadStackConfig()` reads `pulumi.Config` once, validates
 * every key and the rules between keys, and returns one typed, frozen object. Components never read
 * config; they take plain typed args cut from this object.
 *
 * Every failure names the config key, the value and what is allowed, and is thrown before the
 * program registers its first resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { describeMemoryRange, isValidFargatePair } from "./fargate";
import { Environment, OWNER_TAG, PROJECT_TAG } from "./names";
import { CONFIG_KEYS, ConfigKey, RawConfig, rawConfigSchema } from "./schema";
import { checkSubnetPlanInput, planSubnets, SubnetPlan } from "../network/subnetPlan";

export const PROJECT_NAME = "fivestar-payments";

export interface StackConfig {
    readonly environment: Environment;
    readonly account: {
        readonly id: string;
        readonly region: string;
        readonly deploymentRoleArn: string;
    };
    /** Tags every AWS resource gets through the provider's default tags (§9.1). */
    readonly tags: Readonly<Record<"Environment" | "Project" | "Owner", string>>;
    readonly network: {
        readonly vpcCidr: string;
        readonly availabilityZones: readonly string[];
        readonly subnetPlan: SubnetPlan;
        readonly natGatewayPerAz: boolean;
    };
    readonly ecs: {
        readonly desiredCount: number;
        readonly cpu: number;
        readonly memory: number;
        readonly minCapacity: number;
        readonly maxCapacity: number;
    };
    readonly rds: {
        readonly instanceClass: string;
        readonly allocatedStorageGb: number;
        readonly backupRetentionDays: number;
        readonly multiAz: boolean;
        readonly readReplicas: number;
    };
    readonly dynamodb: { readonly pointInTimeRecovery: boolean };
    readonly monitoring: {
        readonly logRetentionDays: number;
        readonly detailedMonitoring: boolean;
        readonly monthlyBudgetUsd: number | undefined;
    };
    readonly app: {
        readonly logLevel: RawConfig["appLogLevel"];
        readonly debug: boolean;
        readonly aspnetcoreEnvironment: RawConfig["aspnetcoreEnvironment"];
    };
    readonly integrations: {
        readonly razorpayEnvironment: RawConfig["razorpayEnvironment"];
        readonly juspayEnvironment: RawConfig["juspayEnvironment"];
        readonly lmsEnvironment: RawConfig["lmsEnvironment"];
        readonly lmsEndpoint: string | undefined;
    };
}

/** Raised for invalid stack config; `problems` holds one line per offending key. */
export class StackConfigError extends Error {
    constructor(public readonly problems: readonly string[]) {
        super(`Invalid stack configuration (nothing was created):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "StackConfigError";
    }
}

const qualified = (key: ConfigKey) => `${PROJECT_NAME}:${key}`;
const show = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

/** Reads this project's keys from the Pulumi runtime (once) and validates them. */
export function loadStackConfig(): StackConfig {
    const config = new pulumi.Config(PROJECT_NAME);
    const raw: Record<string, string | undefined> = {};
    for (const name of Object.keys(CONFIG_KEYS)) raw[name] = config.get(name);
    return parseStackConfig(raw);
}

/** Pure: validates raw key/value strings (or typed values) and builds the frozen StackConfig. */
export function parseStackConfig(raw: Readonly<Record<string, unknown>>): StackConfig {
    const parsed = rawConfigSchema.safeParse(raw);
    if (!parsed.success) {
        throw new StackConfigError(parsed.error.issues.map((issue) => {
            const name = String(issue.path[0]) as ConfigKey;
            const given = raw[name];
            const value = given === undefined ? "is not set" : `= ${show(given)}`;
            return `${qualified(name)} ${value}: ${given === undefined && CONFIG_KEYS[name]?.required ? "required" : issue.message}`;
        }));
    }
    const values = parsed.data;
    const problems = crossKeyProblems(values);
    if (problems.length > 0) throw new StackConfigError(problems);
    return deepFreeze(build(values));
}

/** The rules that involve more than one key. */
function crossKeyProblems(c: RawConfig): string[] {
    const problems: string[] = [];
    if (!isValidFargatePair(c.ecsCpu, c.ecsMemory)) {
        problems.push(`${qualified("ecsMemory")} = ${c.ecsMemory} with ${qualified("ecsCpu")} = ${c.ecsCpu}: not a Fargate size; ` +
            `for cpu ${c.ecsCpu} memory must be ${describeMemoryRange(c.ecsCpu)} MiB`);
    }
    if (c.ecsMinCapacity > c.ecsMaxCapacity) {
        problems.push(`${qualified("ecsMinCapacity")} = ${c.ecsMinCapacity} is greater than ${qualified("ecsMaxCapacity")} = ${c.ecsMaxCapacity}`);
    }
    if (c.ecsDesiredCount < c.ecsMinCapacity || c.ecsDesiredCount > c.ecsMaxCapacity) {
        problems.push(`${qualified("ecsDesiredCount")} = ${c.ecsDesiredCount} must lie within ${qualified("ecsMinCapacity")}..${qualified("ecsMaxCapacity")} (${c.ecsMinCapacity}..${c.ecsMaxCapacity})`);
    }
    for (const az of c.availabilityZones) {
        if (!new RegExp(`^${c.region}[a-z]$`).test(az)) {
            problems.push(`${qualified("availabilityZones")} contains "${az}": must be a zone of ${qualified("region")} "${c.region}", e.g. ${c.region}a`);
        }
    }
    if (new Set(c.availabilityZones).size !== c.availabilityZones.length) {
        problems.push(`${qualified("availabilityZones")} = ${show(c.availabilityZones)}: lists a zone twice`);
    }
    for (const p of checkSubnetPlanInput(subnetPlanInput(c))) {
        problems.push(`${qualified(p.key)} = ${show(c[p.key])}: ${p.message}`);
    }
    // Real money moves through production gateways: only the production environment may use them.
    const productionGateways = (["razorpayEnvironment", "juspayEnvironment"] as const).filter((k) => c[k] === "production");
    if (c.environment !== "prod") {
        for (const k of productionGateways) {
            problems.push(`${qualified(k)} = "production" in environment "${c.environment}": only prod may use a production payment gateway (§4.1)`);
        }
    }
    return problems;
}

function subnetPlanInput(c: RawConfig) {
    return {
        vpcCidr: c.vpcCidr,
        availabilityZones: c.availabilityZones,
        subnetPrefixLength: c.subnetPrefixLength,
        reservedCidrs: c.reservedCidrs,
    };
}

function build(c: RawConfig): StackConfig {
    return {
        environment: c.environment,
        account: {
            id: c.awsAccountId,
            region: c.region,
            deploymentRoleArn: `arn:aws:iam::${c.awsAccountId}:role/${c.deploymentRoleName}`,
        },
        tags: { Environment: c.environment, Project: PROJECT_TAG, Owner: OWNER_TAG },
        network: {
            vpcCidr: c.vpcCidr,
            availabilityZones: c.availabilityZones,
            subnetPlan: planSubnets(subnetPlanInput(c)),
            natGatewayPerAz: c.natGatewayPerAz,
        },
        ecs: {
            desiredCount: c.ecsDesiredCount,
            cpu: c.ecsCpu,
            memory: c.ecsMemory,
            minCapacity: c.ecsMinCapacity,
            maxCapacity: c.ecsMaxCapacity,
        },
        rds: {
            instanceClass: c.rdsInstanceClass,
            allocatedStorageGb: c.rdsAllocatedStorageGb,
            backupRetentionDays: c.rdsBackupRetentionDays,
            multiAz: c.rdsMultiAz,
            readReplicas: c.rdsReadReplicas,
        },
        dynamodb: { pointInTimeRecovery: c.dynamodbPointInTimeRecovery },
        monitoring: {
            logRetentionDays: c.logRetentionDays,
            detailedMonitoring: c.detailedMonitoring,
            monthlyBudgetUsd: c.monthlyBudgetUsd,
        },
        app: { logLevel: c.appLogLevel, debug: c.appDebug, aspnetcoreEnvironment: c.aspnetcoreEnvironment },
        integrations: {
            razorpayEnvironment: c.razorpayEnvironment,
            juspayEnvironment: c.juspayEnvironment,
            lmsEnvironment: c.lmsEnvironment,
            lmsEndpoint: c.lmsEndpoint,
        },
    };
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
        for (const child of Object.values(value)) deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}
