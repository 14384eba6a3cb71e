/**
 * The usage assumptions of the offline cost estimate: the volumes a plan cannot know (requests, GB of
 * logs, data through NAT). They are the cost tool's own data, not program config: no resource reads
 * them, so no `pulumi up` can fail on one (issue 15).
 *
 * Each assumption has a default, the range it accepts and, where a stack deliberately differs, a
 * per-stack value. The defaults are modest placeholder volumes for a payments engine that is not yet
 * live; replace them with measured values (Cost Explorer, CloudWatch usage metrics) once it is.
 *
 * Precedence, lowest first: default, the stack's value here, an `--assumptions <file>` JSON object,
 * each `--assume <name>=<value>`. Every problem is reported in one pass, naming the assumption and
 * what it accepts; an unknown name is refused with the nearest known one.
 */
import { nearestKey } from "../../config/input";

/** The hours in an average month (365 × 24 / 12), the convention AWS prices monthly estimates with. */
export const HOURS_PER_MONTH = 730;

export interface AssumptionSpec {
    readonly description: string;
    readonly default: number;
    readonly min: number;
    readonly max: number;
    /** Whole numbers only (counts, GB); false for fractions. */
    readonly integer: boolean;
    /** Per-stack values where a stack deliberately differs from the default. */
    readonly stacks?: Readonly<Record<string, number>>;
}

const volume = (description: string, dflt: number, max: number): AssumptionSpec => ({ description, default: dflt, min: 0, max, integer: true });

export const ASSUMPTIONS = {
    scheduledHoursPerMonth: {
        description: `hours a month the ECS services and the database run when the plan holds no after-hours schedule to derive them from (${HOURS_PER_MONTH} = always on; ` +
            "dev §2.2.1 business hours 08:00-20:00 on weekdays: 261 = 60 h a week × 730 / 168)",
        default: HOURS_PER_MONTH, min: 0, max: HOURS_PER_MONTH, integer: true,
        stacks: { dev: 261 },
    },
    natDataGbPerMonth: volume("GB a month through all NAT gateways together (split evenly between them)", 100, 1_000_000),
    albLcuPerHour: volume("average load balancer capacity units (LCU) per hour of each ALB", 1, 10_000),
    requestsMillionsPerMonth: volume("millions of web requests a month that each WAF web ACL inspects", 5, 1_000_000),
    logGbPerGroupPerMonth: volume("GB ingested a month into each CloudWatch log group (flow logs, services, RDS, CloudTrail, WAF)", 2, 1_000_000),
    dynamodbWritesMillionsPerMonth: volume("millions of item writes a month to each DynamoDB table (before index fan-out; each global-table replica repeats them)", 1, 1_000_000),
    dynamodbReadsMillionsPerMonth: volume("millions of read request units a month on each DynamoDB table", 5, 1_000_000),
    dynamodbItemKb: volume("average KB of a DynamoDB item written, which global-table replication copies across regions", 1, 400),
    dynamodbStorageGbPerTable: volume("GB stored in each DynamoDB table (before index copies; each global-table replica holds a copy)", 5, 1_000_000),
    dbDailyChangePercent: volume("% of the database's allocated storage that changes a day, which sizes backups beyond the free allowance", 2, 100),
    ecrGbPerRepository: volume("GB of images kept in each ECR repository (bounded by its lifecycle policy; replicated registries hold a copy per destination)", 5, 100_000),
    s3GbPerBucket: volume("GB stored in each S3 bucket (audit logs, trails, Config snapshots)", 20, 10_000_000),
    interfaceEndpointGbPerMonth: volume("GB a month through each interface VPC endpoint", 10, 1_000_000),
    configItemsPerMonth: volume("AWS Config configuration items recorded a month", 5000, 100_000_000),
    cloudTrailEventsMillionsPerMonth: volume("millions of CloudTrail management events a month that GuardDuty analyses", 2, 1_000_000),
    guardDutyLogGbPerMonth: volume("GB of VPC flow and DNS logs a month that GuardDuty analyses", 20, 1_000_000),
    guardDutyS3DataEventsMillionsPerMonth: volume("millions of S3 data events (object reads and writes) a month that GuardDuty S3 Protection analyses", 1, 1_000_000),
    guardDutyLambdaLogGbPerMonth: volume("GB of Lambda network activity logs a month that GuardDuty Lambda Protection analyses (all functions together)", 1, 1_000_000),
    containerInsightsMbPerTaskMonth: volume("MB of Container Insights performance log events a month per running ECS task (one task and one container event a minute, about 2 KB: 43,800 min × 2 KB ≈ 90 MB)", 90, 100_000),
} as const satisfies Record<string, AssumptionSpec>;

export type AssumptionKey = keyof typeof ASSUMPTIONS;
export type CostAssumptions = Readonly<Record<AssumptionKey, number>>;

export const ASSUMPTION_NAMES = Object.keys(ASSUMPTIONS) as AssumptionKey[];
export const ASSUMPTIONS_FILE = "tools/cost/assumptions.ts";

export const isAssumptionKey = (name: string): name is AssumptionKey => Object.prototype.hasOwnProperty.call(ASSUMPTIONS, name);

/** The value an assumption takes for a stack before any override. */
export function stackDefault(name: AssumptionKey, stack: string): number {
    const spec: AssumptionSpec = ASSUMPTIONS[name];
    return spec.stacks?.[stack] ?? spec.default;
}

function allowed(spec: AssumptionSpec): string {
    return `${spec.integer ? "a whole number" : "a number"} from ${spec.min} to ${spec.max}`;
}

function unknownName(name: string, origin: string): string {
    const near = nearestKey(name, ASSUMPTION_NAMES);
    return `${origin}: ${name} is not a cost assumption: ${near ? `did you mean ${near}?` : "remove it"} (known: ${ASSUMPTION_NAMES.join(", ")}; ${ASSUMPTIONS_FILE})`;
}

function valueProblem(name: AssumptionKey, value: unknown, origin: string): string | undefined {
    const spec: AssumptionSpec = ASSUMPTIONS[name];
    const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    const shown = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
    if (!Number.isFinite(n) || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) {
        return `${origin}: ${name} = ${shown}: must be ${allowed(spec)} (${spec.description})`;
    }
    return undefined;
}

export interface AssumptionInput {
    /** The stack whose per-stack values apply. */
    readonly stack: string;
    /** The stack's environment (config `environment`): production is never scheduled off. */
    readonly environment?: string;
    /** The content of an `--assumptions <file>` (parsed JSON), with the file name for messages. */
    readonly file?: { readonly name: string; readonly content: unknown };
    /** `--assume name=value`, in order (a later one wins). */
    readonly assume?: readonly (readonly [string, string])[];
}

export class AssumptionError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`cost assumptions are invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.join("\n  ")}`);
    }
}

/** The stack's assumptions with every override applied; throws an AssumptionError listing every problem. */
export function resolveAssumptions(input: AssumptionInput): CostAssumptions {
    const problems: string[] = [];
    const values = Object.fromEntries(ASSUMPTION_NAMES.map((k) => [k, stackDefault(k, input.stack)])) as Record<AssumptionKey, number>;
    const apply = (name: string, value: unknown, origin: string): void => {
        const problem = isAssumptionKey(name) ? valueProblem(name, value, origin) : unknownName(name, origin);
        if (problem) problems.push(problem);
        else values[name as AssumptionKey] = Number(value);
    };
    if (input.file) {
        const content = input.file.content;
        if (!content || typeof content !== "object" || Array.isArray(content)) {
            problems.push(`--assumptions ${input.file.name}: must be a JSON object of assumption names and numbers, e.g. {"natDataGbPerMonth": 500}`);
        } else {
            for (const [name, value] of Object.entries(content)) apply(name, value, `--assumptions ${input.file.name}`);
        }
    }
    for (const [name, value] of input.assume ?? []) apply(name, value, "--assume");
    // Production never shuts down after hours (§2.2.3 availability): a shorter month would understate its cost.
    if (input.environment === "prod" && values.scheduledHoursPerMonth < HOURS_PER_MONTH) {
        problems.push(`scheduledHoursPerMonth = ${values.scheduledHoursPerMonth} for stack "${input.stack}" in environment "prod": production runs around the clock; ` +
            `leave it at ${HOURS_PER_MONTH} or the estimate understates prod`);
    }
    if (problems.length > 0) throw new AssumptionError(problems);
    return values;
}

/** `name=value` of `--assume`, split; the name and value are checked by resolveAssumptions. */
export function parseAssume(text: string): [string, string] {
    const eq = text.indexOf("=");
    if (eq <= 0) throw new Error(`--assume needs name=value (e.g. --assume natDataGbPerMonth=500), got "${text}"`);
    return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}
