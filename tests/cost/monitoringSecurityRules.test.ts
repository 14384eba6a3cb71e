import { expect } from "chai";
import { CENT, chargeOf, estimate, lineOf, resource, testTable, TEST_PRICES } from "./fixtures";

// Test prices (fixtures.ts): alarm metric $0.10, high-resolution $0.30, custom metric $0.30,
// dashboard $3; logs $0.60/GB ingested, $0.03/GB-month stored; KMS $1/key; secret $0.40; WAF $5 +
// $1/rule + $0.60/M requests; GuardDuty $4/M events + $1/GB; Config $0.003/item; S3 $0.025/GB.
const alarm = (inputs: Record<string, unknown>) => resource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { comparisonOperator: "GreaterThanThreshold", threshold: 80, ...inputs });

describe("cost rules: monitoring", () => {
    it("charges a standard alarm on one metric $0.10", () => {
        expect(lineOf(estimate({ resources: [alarm({ namespace: "AWS/ECS", metricName: "CPUUtilization", period: 60 })] }), "alarm").monthlyUsd).to.be.closeTo(0.1, CENT);
    });

    it("charges a 10-second alarm at the high-resolution rate: $0.30", () => {
        expect(lineOf(estimate({ resources: [alarm({ metricName: "CPUUtilization", period: 10 })] }), "alarm").monthlyUsd).to.be.closeTo(0.3, CENT);
    });

    it("charges a metric-math alarm per metric in its expression, not per expression: 3 metrics × $0.10 = $0.30", () => {
        const metricQueries = [
            { id: "requests", metric: { metricName: "RequestCount", period: 60 } },
            { id: "t5xx", metric: { metricName: "HTTPCode_Target_5XX_Count", period: 60 } },
            { id: "e5xx", metric: { metricName: "HTTPCode_ELB_5XX_Count", period: 60 } },
            { id: "rate", expression: "IF(requests > 0, 100 * (t5xx + e5xx) / requests, 0)", returnData: true },
        ];
        expect(lineOf(estimate({ resources: [alarm({ metricQueries })] }), "alarm").monthlyUsd).to.be.closeTo(0.3, CENT);
    });

    it("charges a dashboard $3", () => {
        expect(lineOf(estimate({ resources: [resource("aws:cloudwatch/dashboard:Dashboard", "ops", { dashboardName: "dev-fivestar" })] }), "ops").monthlyUsd).to.equal(3);
    });

    describe("log group", () => {
        const group = (retentionInDays?: number) => resource("aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/ecs/dev", ...(retentionInDays ? { retentionInDays } : {}) });

        it("charges the assumed ingestion: 10 GB × $0.60 = $6.00", () => {
            expect(chargeOf(lineOf(estimate({ resources: [group(30)], assumptions: { logGbPerGroupPerMonth: 10 } }), "logs"), "ingestion")).to.be.closeTo(6, CENT);
        });

        it("holds retention days of ingestion in storage: 10 GB × 90 days / 30.4167 days a month × $0.03 = $0.8877", () => {
            const stored = lineOf(estimate({ resources: [group(90)], assumptions: { logGbPerGroupPerMonth: 10 } }), "logs");
            expect(chargeOf(stored, "storage")).to.be.closeTo((10 * 90) / (730 / 24) * 0.03, CENT);
        });

        it("prices a group that never expires at a year of storage: 10 GB × 12 × $0.03 = $3.60", () => {
            expect(chargeOf(lineOf(estimate({ resources: [group()], assumptions: { logGbPerGroupPerMonth: 10 } }), "logs"), "storage")).to.be.closeTo(3.6, CENT);
        });

        it("reports the Infrequent Access class as not priced", () => {
            const e = estimate({ resources: [resource("aws:cloudwatch/logGroup:LogGroup", "logs", { logGroupClass: "INFREQUENT_ACCESS" })] });
            expect(lineOf(e, "logs").status).to.equal("not-priced");
        });
    });

    it("charges a metric filter as one custom metric: $0.30", () => {
        const filter = resource("aws:cloudwatch/logMetricFilter:LogMetricFilter", "errors", { pattern: "ERROR", metricTransformation: { name: "Errors", namespace: "Fivestar", value: "1" } });
        expect(lineOf(estimate({ resources: [filter] }), "errors").monthlyUsd).to.be.closeTo(0.3, CENT);
    });
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

    describe("WAF web ACL", () => {
        const acl = (rules: unknown[]) => resource("aws:wafv2/webAcl:WebAcl", "acl", { scope: "REGIONAL", defaultAction: { allow: {} }, rules });
        const managed = (name: string) => ({ name, priority: 10, statement: { managedRuleGroupStatement: { name, vendorName: "AWS" } } });

        it("charges the ACL, its rules and the assumed requests: $5 + 3 × $1 + 5 M × $0.60 = $11.00", () => {
            const rules = [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesKnownBadInputsRuleSet"), { name: "RateLimitPerIp", statement: { rateBasedStatement: { limit: 2000 } } }];
            expect(lineOf(estimate({ resources: [acl(rules)], assumptions: { requestsMillionsPerMonth: 5 } }), "acl").monthlyUsd).to.be.closeTo(11, CENT);
        });

        it("reports a paid managed rule group (Bot Control) as not priced", () => {
            expect(lineOf(estimate({ resources: [acl([managed("AWSManagedRulesBotControlRuleSet")])] }), "acl").status).to.equal("not-priced");
        });
    });

    describe("GuardDuty", () => {
        const detector = () => resource("aws:guardduty/detector:Detector", "gd", { enable: true });
        const feature = (name: string, status: string) => resource("aws:guardduty/detectorFeature:DetectorFeature", `gd-${name}`, { detectorId: "gd-id", name, status });
        const volumes = { cloudTrailEventsMillionsPerMonth: 2, guardDutyLogGbPerMonth: 20, guardDutyS3DataEventsMillionsPerMonth: 1, guardDutyLambdaLogGbPerMonth: 3 };

        it("charges the foundational sources and S3 Protection, on by default in a new detector: 2 M × $4 + 20 GB × $1 + 1 M × $0.80 = $28.80", () => {
            expect(lineOf(estimate({ resources: [detector()], assumptions: volumes }), "gd").monthlyUsd).to.be.closeTo(28.8, CENT);
        });

        it("drops S3 Protection when a DetectorFeature turns it off: $28.00", () => {
            const e = estimate({ resources: [detector(), feature("S3_DATA_EVENTS", "DISABLED")], assumptions: volumes });
            expect([lineOf(e, "gd").monthlyUsd, lineOf(e, "gd-S3_DATA_EVENTS").status]).to.deep.equal([28, "free"]);
        });

        it("charges Lambda Protection once the stack has a function: + 3 GB × $1", () => {
            const fn = resource("aws:lambda/function:Function", "cleanup", { architectures: ["arm64"], memorySize: 128 });
            expect(chargeOf(lineOf(estimate({ resources: [detector(), fn], assumptions: volumes }), "gd"), "Lambda Protection: network activity logs analysed")).to.be.closeTo(3, CENT);
        });

        it("reports Runtime Monitoring, once turned on, as not priced on the detector", () => {
            const line = lineOf(estimate({ resources: [detector(), feature("RUNTIME_MONITORING", "ENABLED")] }), "gd");
            expect([line.status, line.reason]).to.deep.equal(["not-priced", 'Runtime Monitoring: no price "guardduty.runtimeMonitoringVcpuHour" in prices-ap-south-1.json']);
        });
    });

    it("charges AWS Config per item recorded: 5000 × $0.003 = $15.00", () => {
        const e = estimate({ resources: [resource("aws:cfg/recorder:Recorder", "rec", { recordingGroup: { allSupported: true } })], assumptions: { configItemsPerMonth: 5000 } });
        expect(lineOf(e, "rec").monthlyUsd).to.be.closeTo(15, CENT);
    });

    describe("CloudTrail", () => {
        it("lists the first trail of management events as free", () => {
            expect(lineOf(estimate({ resources: [resource("aws:cloudtrail/trail:Trail", "trail", { isMultiRegionTrail: true })] }), "trail").status).to.equal("free");
        });

        it("reports a trail with data events as not priced", () => {
            const trail = resource("aws:cloudtrail/trail:Trail", "trail", { eventSelectors: [{ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] });
            expect(lineOf(estimate({ resources: [trail] }), "trail").status).to.equal("not-priced");
        });

        it("reports a second trail's copy of management events as not priced", () => {
            const e = estimate({ resources: [resource("aws:cloudtrail/trail:Trail", "a-trail"), resource("aws:cloudtrail/trail:Trail", "b-trail")] });
            expect([lineOf(e, "a-trail").status, lineOf(e, "b-trail").status]).to.deep.equal(["free", "not-priced"]);
        });
    });

    it("charges an audit bucket its assumed storage: 20 GB × $0.025 = $0.50", () => {
        expect(lineOf(estimate({ resources: [resource("aws:s3/bucket:Bucket", "trail-bucket")], assumptions: { s3GbPerBucket: 20 } }), "trail-bucket").monthlyUsd).to.be.closeTo(0.5, CENT);
    });
});
