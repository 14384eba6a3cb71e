/**
 * The services' log groups (§8.1.1, §12.2.2): names, retention per stack (§4.1: 7 / 30 / 90 days), the
 * logs CMK, protection in prod, and the ERROR metric filter. The RDS groups: tests/data/database.test.ts.
 */
import { expect } from "chai";
import { Environment, names } from "../../config/names";
import { ERROR_FILTER_PATTERN, LogGroups } from "../../monitoring/logGroups";
import { construct, Constructed, inAccount, valueOf } from "../support/component";
import { LOGS_KEY, STACKS } from "./fixtures";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";

// Each stack's groups on its real plan (names, 7 / 30 / 90 days, the logs CMK, protect, the ERROR filter):
// tests/program/monitoring.test.ts. Here the component's behaviour, unprotected (dev) and protected (prod).
describe("log groups (§8.1.1, §12.2.2)", () => {
    const built: Partial<Record<Environment, Constructed<LogGroups>>> = {};
    before(async () => {
        for (const [env, protect] of [["dev", false], ["prod", true]] as const) {
            built[env] = await construct(() => new LogGroups(`logs-${env}`, { environment: env, logRetentionDays: env === "dev" ? 7 : 90, logsKmsKeyArn: LOGS_KEY, protect }, inAccount()));
        }
    });

    it("creates /ecs/<env>-fivestar-internal-pe and /ecs/<env>-fivestar-customer-portal, the given retention, the logs CMK (§8.1.1, §12.1.1)", async () => {
        const dev = built.dev!;
        expect(dev.ofType(LOG_GROUP).map((g) => [g.name, g.inputs.name, g.inputs.retentionInDays, g.inputs.kmsKeyId])).to.deep.equal([
            ["logs-dev-internal-pe", "/ecs/dev-fivestar-internal-pe", 7, LOGS_KEY], ["logs-dev-customer-portal", "/ecs/dev-fivestar-customer-portal", 7, LOGS_KEY],
        ]);
        expect(await valueOf(dev.component.serviceLogGroupNames["internal-pe"])).to.equal("/ecs/dev-fivestar-internal-pe");
        expect(await valueOf(dev.component.serviceLogGroupNames["customer-portal"])).to.equal("/ecs/dev-fivestar-customer-portal");
    });

    it("protects every group (Pulumi protect and deletion protection) when asked (prod), leaves them deletable otherwise", () => {
        for (const env of ["dev", "prod"] as const) {
            for (const g of built[env]!.ofType(LOG_GROUP)) expect([g.protect, g.inputs.deletionProtectionEnabled], g.name).to.deep.equal([env === "prod", env === "prod"]);
        }
    });

    it("counts ERROR lines of the internal-pe log into Fivestar/Payments InternalPeErrorLines (§12.2.2)", () => {
        const filter = built.prod!.one(FILTER, "logs-prod-internal-pe-errors");
        expect(filter.inputs).to.include({ logGroupName: "/ecs/prod-fivestar-internal-pe", pattern: "ERROR" });
        expect(filter.inputs.metricTransformation).to.deep.equal({
            namespace: "Fivestar/Payments", name: "InternalPeErrorLines", value: "1", defaultValue: "0", unit: "Count",
        });
        expect(built.prod!.component.errorMetric).to.deep.equal({ namespace: "Fivestar/Payments", name: "InternalPeErrorLines" });
    });
});

describe("log groups: contract and refusals", () => {
    it("the filter pattern is the search of §12.2.2 (--filter-pattern \"ERROR\")", () => {
        expect(ERROR_FILTER_PATTERN).to.equal("ERROR");
    });

    it("names.dbLogGroup (§12.2.2) is the primary's postgresql group", () => {
        for (const env of STACKS) expect(names.rdsLogGroup(names.dbInstance(env), "postgresql")).to.equal(names.dbLogGroup(env));
    });
});
