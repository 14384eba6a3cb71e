/**
 * The stack config schema: every key this program reads, with its Pulumi type, a description and
 * its validation. This table is the single source: the loader validates against it, and a test
 * checks that Pulumi.yaml declares the same keys with the same types and descriptions.
 *
 * Keys are flat so that an error can name the exact key to pass to `pulumi config set`.
 */
import { z } from "zod";
import { ENVIRONMENTS } from "./names";

export type PulumiConfigType = "string" | "integer" | "boolean" | "array";

export interface ConfigKeySpec<T = unknown> {
    readonly type: PulumiConfigType;
    readonly description: string;
    /** Required keys have no default and are declared in Pulumi.yaml; optional ones have a default here. */
    readonly schema: z.ZodType<T>;
    readonly required: boolean;
}

/** Pulumi hands every value to the program as a string; turn it into the type the key declares. */
function fromString(type: PulumiConfigType): (value: unknown) => unknown {
    return (value) => {
        if (typeof value !== "string") return value;
        const text = value.trim();
        switch (type) {
            case "integer":
                return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
            case "boolean":
                return text === "true" ? true : text === "false" ? false : value;
            case "array":
                try {
                    return JSON.parse(text);
                } catch {
                    return value;
                }
            default:
                return value;
        }
    };
}

function key<S extends z.ZodType>(type: PulumiConfigType, description: string, schema: S): ConfigKeySpec<z.output<S>>;
function key<S extends z.ZodType, D>(type: PulumiConfigType, description: string, schema: S, options: { default: D }): ConfigKeySpec<z.output<S> | D>;
function key(type: PulumiConfigType, description: string, schema: z.ZodType, options?: { default: unknown }): ConfigKeySpec {
    const typed = z.preprocess(fromString(type), schema);
    if (!options) return { type, description, required: true, schema: typed };
    const fallback = options.default;
    // An unset optional key arrives as undefined: give it the default, then validate like any other.
    return { type, description, required: false, schema: z.preprocess((v) => (v === undefined ? fallback : v), typed.optional()) };
}

const int = (min: number, max: number) =>
    z.number({ error: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const bool = () => z.boolean({ error: "must be true or false" });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of: ${values.join(", ")}` });

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const CONFIG_KEYS = {
    // --- Account (§2.2) ---
    environment: key("string", "Environment name; one of dev, staging, prod (the CloudFormation AllowedValues of §3.2.1).", oneOf(ENVIRONMENTS)),
    awsAccountId: key("string", "The 12-digit AWS account this stack deploys into (§2.2); the provider refuses any other account.",
        z.string({ error: "must be a 12-digit AWS account id" }).regex(/^\d{12}$/, "must be a 12-digit AWS account id")),
    region: key("string", "AWS region of the stack, e.g. ap-south-1 (§3.1.1).",
        z.string({ error: "must be an AWS region name such as ap-south-1" }).regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, "must be an AWS region name such as ap-south-1")),
    deploymentRoleName: key("string", "Name of the IAM role in the stack's account that Pulumi assumes to deploy (§2.3.1 DeploymentRole).",
        z.string({ error: "must be an IAM role name" }).regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name (1-64 of letters, digits and +=,.@_-)")),

    // --- Network (§3.1.1) ---
    vpcCidr: key("string", "IPv4 CIDR of the VPC (§3.1.1: 192.168.0.0/24).", z.string({ error: "must be an IPv4 CIDR such as 192.168.0.0/24" })),
    availabilityZones: key("array", "Availability zones that get one subnet per tier, in order (§3.1.1: a and b).",
        z.array(z.string(), { error: "must be a list of availability zone names" }).min(2, "must list at least 2 availability zones (the ALB and the DB subnet group need two)")),
    subnetPrefixLength: key("integer", "Prefix length of every subnet; the VPC is cut into blocks of this size, tier by tier.", int(16, 28), { default: 27 }),
    reservedCidrs: key("array", "Blocks of the VPC left free for future expansion (§3.1.1 Reserved).", z.array(z.string()), { default: [] }),
    natGatewayPerAz: key("boolean", "One NAT gateway per AZ (true: survives an AZ loss) or a single shared one (false: cheaper).", bool()),

    // --- ECS (§4.1) ---
    ecsDesiredCount: key("integer", "Desired task count of each ECS service (§4.1).", int(0, 100)),
    ecsCpu: key("integer", "Fargate task CPU units (§4.1: 512 / 1024 / 2048).", int(256, 16384)),
    ecsMemory: key("integer", "Fargate task memory in MiB; must be a pair Fargate allows with ecsCpu (§4.1: 1024 / 2048 / 4096).", int(512, 122880)),
    ecsMinCapacity: key("integer", "Autoscaling minimum task count (§4.1.3: 2 in prod).", int(0, 100)),
    ecsMaxCapacity: key("integer", "Autoscaling maximum task count (§4.1.3: 10 in prod); autoscaling is on when max > min.", int(0, 100)),

    // --- RDS (§4.1, §6.1.1) ---
    rdsInstanceClass: key("string", "RDS instance class (§4.1: db.t3.medium / db.r6g.large).",
        z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "must be an RDS instance class such as db.r6g.large")),
    rdsAllocatedStorageGb: key("integer", "RDS allocated storage in GB (§4.1: 100 / 500 / 1000); gp3 needs at least 20.", int(20, 65536)),
    rdsBackupRetentionDays: key("integer", "Automated backup retention in days (§4.1: 7 / 14 / 35); 0 would disable backups and is refused.", int(1, 35)),
    rdsMultiAz: key("boolean", "Multi-AZ standby for the primary (§4.1: staging and prod).", bool()),
    rdsReadReplicas: key("integer", "Number of read replicas (§4.1.3: 2 in prod).", int(0, 5)),

    // --- DynamoDB (§4.1) ---
    dynamodbPointInTimeRecovery: key("boolean", "Point-in-time recovery on the DynamoDB tables (§4.1.3: prod).", bool()),

    // --- Monitoring and cost (§4.1, §2.2) ---
    logRetentionDays: key("integer", "CloudWatch Logs retention in days (§4.1: 7 / 30 / 90).",
        z.number({ error: "must be a number of days" }).refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
            message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
        })),
    detailedMonitoring: key("boolean", "Detailed monitoring: Container Insights and 1-minute metrics (§4.1: staging and prod).", bool()),
    monthlyBudgetUsd: key("integer", "Monthly AWS cost budget in USD (§2.2: dev 1000, staging 3000); unset means no budget.", int(1, 10_000_000), { default: undefined }),

    // --- Application settings (§4.1) ---
    appLogLevel: key("string", "Application log level (§4.1: DEBUG / INFO / WARN).", oneOf(["DEBUG", "INFO", "WARN", "ERROR"] as const)),
    appDebug: key("boolean", "Application debug mode (§4.1: dev only).", bool()),
    aspnetcoreEnvironment: key("string", "ASPNETCORE_ENVIRONMENT of the internal payments engine (Development / Staging / Production).",
        oneOf(["Development", "Staging", "Production"] as const)),

    // --- External integrations (§4.1) ---
    razorpayEnvironment: key("string", "RazorPay environment (§4.1: sandbox outside prod).", oneOf(["sandbox", "production"] as const)),
    juspayEnvironment: key("string", "JusPay environment (§4.1: testing outside prod).", oneOf(["testing", "production"] as const)),
    lmsEnvironment: key("string", "Which LMS the stack talks to (§4.1: mock or development, staging, production).",
        oneOf(["mock", "development", "staging", "production"] as const)),
    lmsEndpoint: key("string", "Base URL of the LMS API; unset until the LMS team provides it.",
        z.url({ protocol: /^https$/, error: "must be an https:// URL" }).optional(), { default: undefined }),
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;

export const rawConfigSchema = z.object(
    Object.fromEntries(Object.entries(CONFIG_KEYS).map(([name, spec]) => [name, spec.schema])) as {
        [K in ConfigKey]: (typeof CONFIG_KEYS)[K]["schema"];
    },
);

export type RawConfig = z.infer<typeof rawConfigSchema>;
