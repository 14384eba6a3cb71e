import { expect } from "chai";
import { estimate, itHasStatus, itPrices, lineOf, resource, testTable, TEST_PRICES } from "./fixtures";

// Test prices (fixtures.ts): alarm metric $0.10, high-resolution $0.30, custom metric $0.30,
// dashboard $3; logs $0.60/GB ingested, $0.03/GB-month stored; KMS $1/key; secret $0.40; WAF $5 +
// $1/rule + $0.60/M requests; GuardDuty $4/M events + $1/GB; Config $0.003/item; S3 $0.025/GB.
const alarm = (inputs: Record<string, unknown>) => resource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { comparisonOperator: "GreaterThanThreshold", threshold: 80, ...inputs });

const group = (retentionInDays?: number) => resource("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/ecs/dev", ...(retentionInDays ? { retentionInDays } : {}) });
const tenGb = { logGbPerGroupPerMonth: 10 };
const metricQueries = [
    { id: "requests", metric: { metricName: "RequestCount", period: 60 } },
    { id: "t5xx", metric: { metricName: "HTTPCode_Target_5XX_Count", period: 60 } },
    { id: "e5xx", metric: { metricName: "HTTPCode_ELB_5XX_Count", period: 60 } },
    { id: "rate", expression: "IF(requests > 0, 100 * (t5xx + e5xx) / requests, 0)", returnData: true },
];
const filter = resource("aws:cloudwatch/logMetricFilter:LogMetricFilter", "errors", { pattern: "ERROR", metricTransformation: { name: "Errors", namespace: "Fivestar", value: "1" } });

describe("cost rules: monitoring", () => {
    itPrices([
        ["a standard alarm on one metric: $0.10", { resources: [alarm({ namespace: "AWS/ECS", metricName: "CPUUtilization", period: 60 })] }, "alarm", undefined, 0.1],
        ["a 10-second alarm at the high-resolution rate: $0.30", { resources: [alarm({ metricName: "CPUUtilization", period: 10 })] }, "alarm", undefined, 0.3],
        ["a metric-math alarm per metric in its expression, not per expression: 3 metrics × $0.10 = $0.30", { resources: [alarm({ metricQueries })] }, "alarm", undefined, 0.3],
        ["a log group's assumed ingestion: 10 GB × $0.60 = $6.00", { resources: [group(30)], assumptions: tenGb }, "logs", "ingestion", 6],
        ["a log group holds retention days of ingestion in storage: 10 GB × 90 days / 30.4167 days a month × $0.03 = $0.8877",
            { resources: [group(90)], assumptions: tenGb }, "logs", "storage", (10 * 90) / (730 / 24) * 0.03],
        ["a group that never expires at a year of storage: 10 GB × 12 × $0.03 = $3.60", { resources: [group()], assumptions: tenGb }, "logs", "storage", 3.6],
        ["a metric filter as one custom metric: $0.30", { resources: [filter] }, "errors", undefined, 0.3],
    ]);

    it("charges a dashboard $3", () => {
        expect(lineOf(estimate({ resources: [resource("aws:cloudwatch/dashboard:Dashboard", "ops", { dashboardName: "dev-fivestar" })] }), "ops").monthlyUsd).to.equal(3);
    });

    itHasStatus([["the log group Infrequent Access class is not priced", { resources: [resource("aws:cloudwatch/logGroup:LogGroup", "logs", { logGroupClass: "INFREQUENT_ACCESS" })] }, "logs", "not-priced"]]);
});

describe("cost rules: security and audit", () => {
    it("charges a KMS key $1 a month", () => {
        expect(lineOf(estimate({ resources: [resource("aws:kms/key:Key", "key", { enableKeyRotation: true })] }), "key").monthlyUsd).to.equal(1);
    });

    it("charges a secret and each replica as a secret in the replica's region: $0.40 + $0.50 (ap-south-2 table)", () => {
        const secret = resource("aws:secretsmanager/secret:Secret", "db", { name: "fivestar/payments/prod/database", replicas: [{ region: "ap-south-2" }] });
        const hyderabad = testTable({ ...TEST_PRICES, "secretsmanager.secretMonth": 0.5 }, "ap-south-2");
        const line = lineOf(estimate({ resources: [secret], tables: [testTable(), hyderabad] }), "db");
        expect([line.monthlyUsd, line.charges.map((c) => c.region ?? line.region)]).to.deep.equal([0.9, ["ap-south-1", "ap-south-2"]]);
    });

    it("lists a standard SSM parameter as free and reports an advanced one as not priced", () => {
        const e = estimate({ resources: [
            resource("aws:ssm/parameter:Parameter", "std", { type: "String" }),
            resource("aws:ssm/parameter:Parameter", "adv", { type: "String", tier: "Advanced" }),
        ] });
        expect([lineOf(e, "std").status, lineOf(e, "adv").status]).to.deep.equal(["free", "not-priced"]);
    });

    const acl = (rules: unknown[]) => resource("aws:wafv2/webAcl:WebAcl", "acl", { scope: "REGIONAL", defaultAction: { allow: {} }, rules });
    const managed = (name: string) => ({ name, priority: 10, statement: { managedRuleGroupStatement: { name, vendorName: "AWS" } } });
    const aclRules = [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesKnownBadInputsRuleSet"), { name: "RateLimitPerIp", statement: { rateBasedStatement: { limit: 2000 } } }];
    const detector = () => resource("aws:guardduty/detector:Detector", "gd", { enable: true });
    const feature = (name: string, status: string) => resource("aws:guardduty/detectorFeature:DetectorFeature", `gd-${name}`, { detectorId: "gd-id", name, status });
    const volumes = { cloudTrailEventsMillionsPerMonth: 2, guardDutyLogGbPerMonth: 20, guardDutyS3DataEventsMillionsPerMonth: 1, guardDutyLambdaLogGbPerMonth: 3 };
    const fn = resource("aws:lambda/function:Function", "cleanup", { architectures: ["arm64"], memorySize: 128 });
    const trail = (name: string, inputs: Record<string, unknown> = {}) => resource("aws:cloudtrail/trail:Trail", name, inputs);

    itPrices([
        ["WAF: the ACL, its rules and the assumed requests: $5 + 3 × $1 + 5 M × $0.60 = $11.00", { resources: [acl(aclRules)], assumptions: { requestsMillionsPerMonth: 5 } }, "acl", undefined, 11],
        ["GuardDuty: the foundational sources and S3 Protection, on by default in a new detector: 2 M × $4 + 20 GB × $1 + 1 M × $0.80 = $28.80",
            { resources: [detector()], assumptions: volumes }, "gd", undefined, 28.8],
        ["GuardDuty: Lambda Protection once the stack has a function: + 3 GB × $1", { resources: [detector(), fn], assumptions: volumes }, "gd", "Lambda Protection: network activity logs analysed", 3],
        ["AWS Config per item recorded: 5000 × $0.003 = $15.00",
            { resources: [resource("aws:cfg/recorder:Recorder", "rec", { recordingGroup: { allSupported: true } })], assumptions: { configItemsPerMonth: 5000 } }, "rec", undefined, 15],
        ["an audit bucket its assumed storage: 20 GB × $0.025 = $0.50", { resources: [resource("aws:s3/bucket:Bucket", "trail-bucket")], assumptions: { s3GbPerBucket: 20 } }, "trail-bucket", undefined, 0.5],
    ]);

    itHasStatus([
        ["WAF: a paid managed rule group (Bot Control) is not priced", { resources: [acl([managed("AWSManagedRulesBotControlRuleSet")])] }, "acl", "not-priced"],
        ["CloudTrail: the first trail of management events is free", { resources: [trail("trail", { isMultiRegionTrail: true })] }, "trail", "free"],
        ["CloudTrail: a trail with data events is not priced",
            { resources: [trail("trail", { eventSelectors: [{ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] })] }, "trail", "not-priced"],
    ]);

    it("GuardDuty drops S3 Protection when a DetectorFeature turns it off: $28.00", () => {
        const e = estimate({ resources: [detector(), feature("S3_DATA_EVENTS", "DISABLED")], assumptions: volumes });
        expect([lineOf(e, "gd").monthlyUsd, lineOf(e, "gd-S3_DATA_EVENTS").status]).to.deep.equal([28, "free"]);
    });

    it("GuardDuty reports Runtime Monitoring, once turned on, as not priced on the detector", () => {
        const line = lineOf(estimate({ resources: [detector(), feature("RUNTIME_MONITORING", "ENABLED")] }), "gd");
        expect([line.status, line.reason]).to.deep.equal(["not-priced", 'Runtime Monitoring: no price "guardduty.runtimeMonitoringVcpuHour" in prices-ap-south-1.json']);
    });

    it("CloudTrail reports a second trail's copy of management events as not priced", () => {
        const e = estimate({ resources: [trail("a-trail"), trail("b-trail")] });
        expect([lineOf(e, "a-trail").status, lineOf(e, "b-trail").status]).to.deep.equal(["free", "not-priced"]);
    });
});
