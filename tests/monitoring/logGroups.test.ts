/**
 * Log groups (§8.1.1, §12.2.2): names, retention per stack (§4.1: 7 / 30 / 90 days), the logs CMK,
 * protection in prod, and the ERROR metric filter.
 */
import { expect } from "chai";
import { Environment, names } from "../../config/names";
import { ERROR_FILTER_PATTERN, LogGroups, LogGroupsArgs } from "../../monitoring/logGroups";
import { construct, Constructed, inAccount, valueOf } from "../support/component";
import { LOGS_KEY, STACKS, stackConfig } from "./fixtures";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";

const EXPECTED = {
    dev: { retention: 7, instances: ["dev-fivestar-payments-db"], protect: false },
    staging: { retention: 30, instances: ["staging-fivestar-payments-db"], protect: false },
    prod: { retention: 90, instances: ["prod-fivestar-payments-db", "prod-fivestar-payments-db-replica-1", "prod-fivestar-payments-db-replica-2"], protect: true },
} as const;

/** As index.ts builds them: identifiers from names.ts and the stack's replica count. */
function argsFor(env: Environment): LogGroupsArgs {
    const cfg = stackConfig(env);
    return {
        environment: env,
        retentionDays: cfg.monitoring.logRetentionDays,
        kmsKeyArn: LOGS_KEY,
        dbInstanceIdentifiers: [names.dbInstance(env), ...Array.from({ length: cfg.rds.readReplicas }, (_, i) => names.dbReplica(env, i))],
        protect: cfg.protectStatefulResources,
    };
}

for (const env of STACKS) {
    const want = EXPECTED[env];
    describe(`log groups, ${env} stack (§8.1.1, §4.1)`, () => {
        const name = `logs-${env}`;
        let built: Constructed<LogGroups>;
        before(async () => {
            built = await construct(() => new LogGroups(name, argsFor(env), inAccount()));
        });

        it("creates /ecs/<env>-fivestar-internal-pe and /ecs/<env>-fivestar-customer-portal (§8.1.1, §12.1.1)", async () => {
            expect(built.one(LOG_GROUP, `${name}-internal-pe`).inputs.name).to.equal(`/ecs/${env}-fivestar-internal-pe`);
            expect(built.one(LOG_GROUP, `${name}-customer-portal`).inputs.name).to.equal(`/ecs/${env}-fivestar-customer-portal`);
            expect(await valueOf(built.component.serviceLogGroupNames["internal-pe"])).to.equal(`/ecs/${env}-fivestar-internal-pe`);
            expect(await valueOf(built.component.serviceLogGroupNames["customer-portal"])).to.equal(`/ecs/${env}-fivestar-customer-portal`);
        });

        it(`creates the postgresql and upgrade groups of every DB instance (${want.instances.length}), the primary's being §12.2.2's`, async () => {
            const dbGroups = built.ofType(LOG_GROUP).filter((g) => String(g.inputs.name).startsWith("/aws/rds/"));
            expect(dbGroups.map((g) => g.inputs.name).sort()).to.deep.equal(
                want.instances.flatMap((id) => [`/aws/rds/instance/${id}/postgresql`, `/aws/rds/instance/${id}/upgrade`]).sort(),
            );
            expect(dbGroups.map((g) => g.inputs.name)).to.include(`/aws/rds/instance/${env}-fivestar-payments-db/postgresql`);
            expect(built.component.dbLogGroups).to.have.length(2 * want.instances.length);
            expect(await valueOf(built.component.dbLogGroupNames[names.dbInstance(env)].postgresql)).to.equal(names.dbLogGroup(env));
        });

        it(`keeps every group ${want.retention} days, encrypted with the logs CMK`, () => {
            const groups = built.ofType(LOG_GROUP);
            expect(groups).to.have.length(2 + 2 * want.instances.length);
            for (const g of groups) expect(g.inputs, g.name).to.include({ retentionInDays: want.retention, kmsKeyId: LOGS_KEY });
        });

        it(want.protect ? "protects every group (Pulumi protect and deletion protection) in prod" : "leaves groups deletable outside prod", () => {
            for (const g of built.ofType(LOG_GROUP)) {
                expect(g.protect, g.name).to.equal(want.protect);
                expect(g.inputs.deletionProtectionEnabled, g.name).to.equal(want.protect);
            }
        });

        it("counts ERROR lines of the internal-pe log into Fivestar/Payments InternalPeErrorLines (§12.2.2)", () => {
            const filter = built.one(FILTER, `${name}-internal-pe-errors`);
            expect(filter.inputs).to.include({ logGroupName: `/ecs/${env}-fivestar-internal-pe`, pattern: "ERROR" });
            expect(filter.inputs.metricTransformation).to.deep.equal({
                namespace: "Fivestar/Payments", name: "InternalPeErrorLines", value: "1", defaultValue: "0", unit: "Count",
            });
            expect(built.component.errorMetric).to.deep.equal({ namespace: "Fivestar/Payments", name: "InternalPeErrorLines" });
        });
    });
}

describe("log groups: contract and refusals", () => {
    it("the filter pattern is the search of §12.2.2 (--filter-pattern \"ERROR\")", () => {
        expect(ERROR_FILTER_PATTERN).to.equal("ERROR");
    });

    it("names.dbLogGroup (§12.2.2) is the primary's postgresql group", () => {
        for (const env of STACKS) expect(names.rdsLogGroup(names.dbInstance(env), "postgresql")).to.equal(names.dbLogGroup(env));
    });

    it("refuses an instance listed twice (two groups with one name would collide in AWS)", () => {
        const args = { ...argsFor("dev"), dbInstanceIdentifiers: ["dev-fivestar-payments-db", "dev-fivestar-payments-db"] };
        expect(() => new LogGroups("logs-twice", args)).to.throw(/lists an instance twice/);
    });
});
