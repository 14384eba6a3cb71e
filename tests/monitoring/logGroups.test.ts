/**
 * The services' log groups (§8.1.1, §12.2.2): names, retention per stack (§4.1: 7 / 30 / 90 days), the
 * logs CMK, protection in prod, and the ERROR metric filter. The RDS groups: tests/data/database.test.ts.
 */
import { expect } from "chai";
import { Environment, names } from "../../config/names";
import { ERROR_FILTER_PATTERN, LogGroups, LogGroupsArgs } from "../../monitoring/logGroups";
import { construct, Constructed, inAccount, valueOf } from "../support/component";
import { LOGS_KEY, STACKS, stackConfig } from "./fixtures";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";

const EXPECTED = {
    dev: { retention: 7, protect: false },
    staging: { retention: 30, protect: false },
    prod: { retention: 90, protect: true },
} as const;

/** As index.ts builds them. */
function argsFor(env: Environment): LogGroupsArgs {
    const cfg = stackConfig(env);
    return {
        environment: env,
        retentionDays: cfg.monitoring.logRetentionDays,
        kmsKeyArn: LOGS_KEY,
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

        it(`keeps every group ${want.retention} days, encrypted with the logs CMK`, () => {
            const groups = built.ofType(LOG_GROUP);
            expect(groups).to.have.length(2);
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
});
