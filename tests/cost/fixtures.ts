/**
 * Fixtures for the pricing-rule tests: planned resources built from the real @pulumi/aws v7 input
 * names, and a price table with round, made-up prices so each test's arithmetic is easy to follow
 * and does not change when the real price file is refreshed.
 */
import { expect } from "chai";
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { ASSUMPTION_NAMES, ASSUMPTIONS } from "../../tools/cost/assumptions";
import { estimateCost } from "../../tools/cost/estimate";
import { AssumptionKey, chargeLabel, CostAssumptions, CostEstimate, CostLine } from "../../tools/cost/model";
import { parsePriceTable, priceBook, PriceTable } from "../../tools/cost/priceTable";
import { blankRecord } from "../support/records";

export const REGION = "ap-south-1";
const STACK = "test";
const PROJECT = "fivestar-payments";
const PROVIDER_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:aws::deployment-account`;

/** Round test prices (USD), one per key the rules use. */
export const TEST_PRICES: Record<string, number> = {
    "ec2.natGatewayHour": 0.05,
    "ec2.natGatewayDataGb": 0.04,
    "vpc.publicIpv4Hour": 0.005,
    "vpc.interfaceEndpointHour": 0.01,
    "vpc.interfaceEndpointDataGb": 0.01,
    "elb.albHour": 0.02,
    "elb.albLcuHour": 0.008,
    "fargate.vcpuHour.X86_64": 0.04,
    "fargate.gbHour.X86_64": 0.004,
    "fargate.spotVcpuHour.X86_64": 0.012,
    "fargate.spotGbHour.X86_64": 0.0012,
    "rds.postgres.instanceHour.db.t3.medium": 0.1,
    "rds.postgres.instanceHour.db.r6g.large": 0.3,
    "rds.storageGbMonth.gp3": 0.125,
    "rds.backupGbMonth": 0.1,
    "dataTransfer.interRegionGb": 0.09,
    "dynamodb.writeRequestMillion": 0.7,
    "dynamodb.readRequestMillion": 0.14,
    "dynamodb.storageGbMonth": 0.3,
    "dynamodb.pitrGbMonth": 0.2,
    "logs.ingestGb": 0.6,
    "logs.storageGbMonth": 0.03,
    "cloudwatch.alarmMetricMonth": 0.1,
    "cloudwatch.highResolutionAlarmMetricMonth": 0.3,
    "cloudwatch.customMetricMonth": 0.3,
    "cloudwatch.dashboardMonth": 3,
    "kms.keyMonth": 1,
    "secretsmanager.secretMonth": 0.4,
    "waf.webAclMonth": 5,
    "waf.ruleMonth": 1,
    "waf.requestMillion": 0.6,
    "guardduty.cloudTrailEventMillion": 4,
    "guardduty.flowDnsLogGb": 1,
    "config.configurationItem": 0.003,
    "s3.standardGbMonth": 0.025,
    "ecr.storageGbMonth": 0.1,
    "containerInsights.metricMonth": 0.3,
    "containerInsights.performanceLogGb": 0.6,
    "guardduty.s3DataEventMillion": 0.8,
    "guardduty.lambdaNetworkLogGb": 1,
    "dynamodb.replicatedWriteRequestMillion": 0.7,
};

/** Keys marked as estimates in the test table (to check the [E] flag travels to the charge). */
const ESTIMATED = new Set(["rds.backupGbMonth"]);

export function testTableJson(prices: Record<string, number> = TEST_PRICES, region = REGION) {
    return {
        region,
        currency: "USD",
        basis: "test prices",
        takenOn: "2026-01-01",
        howTaken: "made up for tests",
        sources: { T: { title: "test", where: "tests/cost/fixtures.ts", asOf: "2026-01-01" } },
        prices: Object.fromEntries(Object.entries(prices).map(([key, usd]) => [key, {
            usd, unit: `unit of ${key}`, source: "T", ...(ESTIMATED.has(key) ? { estimate: "test estimate" } : {}),
        }])),
        notFound: [],
    };
}

export function testTable(prices: Record<string, number> = TEST_PRICES, region = REGION): PriceTable {
    return parsePriceTable(testTableJson(prices, region), `prices-${region}.json`);
}

/** The defaults of every usage assumption (tools/cost/assumptions.ts), with overrides. */
export function assumptions(overrides: Partial<Record<AssumptionKey, number>> = {}): CostAssumptions {
    const defaults = Object.fromEntries(ASSUMPTION_NAMES.map((k) => [k, ASSUMPTIONS[k].default]));
    return { ...defaults, ...overrides } as CostAssumptions;
}

export interface ResourceOptions {
    readonly parent?: string;
    readonly provider?: string;
    readonly custom?: boolean;
}

export function resource(type: string, name: string, inputs: Record<string, unknown> = {}, options: ResourceOptions = {}): RegisteredResource {
    const custom = options.custom ?? true;
    return {
        ...blankRecord(`urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`, type, name),
        parent: options.parent ?? "",
        provider: custom ? (options.provider ?? PROVIDER_URN) : "",
        custom,
        inputs,
    };
}

export const provider = (name = "deployment-account", region = REGION) =>
    resource("pulumi:providers:aws", name, { region });

export function stackOf(resources: RegisteredResource[]): EvaluatedStack {
    return { project: PROJECT, stack: STACK, resources: [provider(), ...resources], outputs: {} };
}

export interface EstimateFixture {
    readonly resources: RegisteredResource[];
    readonly assumptions?: Partial<Record<AssumptionKey, number>>;
    readonly tables?: PriceTable[];
}

export function estimate(f: EstimateFixture): CostEstimate {
    const [home, ...others] = f.tables ?? [testTable()];
    return estimateCost(stackOf(f.resources), { prices: priceBook(home, others), assumptions: assumptions(f.assumptions), region: REGION });
}

/** The line of the one resource with this name. */
export function lineOf(e: CostEstimate, name: string): CostLine {
    const found = e.lines.filter((l) => l.name === name);
    if (found.length !== 1) throw new Error(`expected one line named ${name}, found ${found.length}`);
    return found[0];
}

/** Monthly USD of the charge with this item (or, failing that, whose label starts with the text). */
export function chargeOf(line: CostLine, itemStart: string): number {
    const exact = line.charges.filter((c) => c.item === itemStart);
    const found = exact.length > 0 ? exact : line.charges.filter((c) => chargeLabel(c).startsWith(itemStart));
    if (found.length !== 1) throw new Error(`expected one charge "${itemStart}…" on ${line.name}, found: ${line.charges.map((c) => c.item).join(" | ")}`);
    if (found[0].monthlyUsd === undefined) throw new Error(`charge "${found[0].item}" on ${line.name} is not priced: ${found[0].missing}`);
    return found[0].monthlyUsd;
}

/** Money compares to the cent's hundredth: float sums are not exact. */
export const CENT = 0.0001;

/** One priced case: the plan, the line, the charge (undefined: the whole line) and its monthly USD. */
export type PriceCase = readonly [title: string, fixture: EstimateFixture, line: string, charge: string | undefined, usd: number];

export function itPrices(cases: readonly PriceCase[]): void {
    for (const [title, fixture, name, charge, usd] of cases) {
        it(title, () => {
            const line = lineOf(estimate(fixture), name);
            expect(charge === undefined ? line.monthlyUsd : chargeOf(line, charge)).to.be.closeTo(usd, CENT);
        });
    }
}

/** One case whose line has a status: "free", or "not-priced" (never a silent $0). */
export type StatusCase = readonly [title: string, fixture: EstimateFixture, line: string, status: CostLine["status"]];

export function itHasStatus(cases: readonly StatusCase[]): void {
    for (const [title, fixture, name, status] of cases) it(title, () => expect(lineOf(estimate(fixture), name).status).to.equal(status));
}
