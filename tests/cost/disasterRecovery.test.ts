/**
 * Forward compatibility with issue 17 (disaster recovery), built in parallel: the resources it adds to
 * prod (DynamoDB global-table and secret replicas, ECR registry replication, KMS keys and alarms in
 * ap-south-2) and the `prod-dr` stack in ap-south-2 are priced from the committed price tables of both
 * regions, with nothing reported "not priced", so the estimate needs no change when they land.
 * The resources are written with @pulumi/aws v7 input names, as the program would register them.
 */
import { expect } from "chai";
import * as path from "path";
import { resolveAssumptions } from "../../tools/cost/assumptions";
import { estimateCost } from "../../tools/cost/estimate";
import { CostEstimate } from "../../tools/cost/model";
import { loadPriceBook } from "../../tools/cost/priceTable";
import { provider, resource, stackOf } from "./fixtures";

const PRICE_DIR = path.resolve(__dirname, "..", "..", "..", "tools", "cost");
const DR = "ap-south-2";

function estimateIn(region: string, resources: Parameters<typeof stackOf>[0]): CostEstimate {
    const stack = stackOf(resources);
    return estimateCost({ ...stack, resources: [provider("deployment-account", region), ...stack.resources.slice(1)] }, {
        prices: loadPriceBook(region, [DR, "ap-south-1"], PRICE_DIR),
        assumptions: resolveAssumptions({ stack: "prod", environment: "prod" }),
        region,
    });
}

const notPriced = (e: CostEstimate) => e.lines.filter((l) => l.status === "not-priced").map((l) => `${l.name}: ${l.reason}`);

describe("cost of disaster recovery (issue 17), with the committed price tables", () => {
    const hyderabad = resource("pulumi:providers:aws", "dr-region", { region: DR });
    const inDr = { provider: hyderabad.urn };
    const prodAdditions = [
        hyderabad,
        resource("aws:dynamodb/table:Table", "tables-transactions", {
            billingMode: "PAY_PER_REQUEST", hashKey: "transactionId", pointInTimeRecovery: { enabled: true },
            replicas: [{ regionName: DR, pointInTimeRecovery: true, kmsKeyArn: "arn:aws:kms:ap-south-2:123456789014:key/dr" }],
        }),
        resource("aws:secretsmanager/secret:Secret", "database-credentials", { name: "fivestar/payments/prod/database", replicas: [{ region: DR, kmsKeyId: "alias/dr" }] }),
        resource("aws:ecr/repository:Repository", "images-internal-pe", { name: "fivestar-internal-pe" }),
        resource("aws:ecr/replicationConfiguration:ReplicationConfiguration", "images-replication", {
            replicationConfiguration: { rules: [{ destinations: [{ region: DR, registryId: "123456789014" }], repositoryFilters: [{ filter: "fivestar-", filterType: "PREFIX_MATCH" }] }] },
        }),
        resource("aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate", "images-dr-template", { prefix: "fivestar-", appliedFors: ["REPLICATION"] }),
        resource("aws:kms/key:Key", "kms-dr-data", { enableKeyRotation: true }, inDr),
        resource("aws:cloudwatch/metricAlarm:MetricAlarm", "replication-lag", { period: 60, metricName: "ReplicationLatency" }),
    ];

    it("prod's replicas, replication and DR keys: nothing not priced", () => {
        expect(notPriced(estimateIn("ap-south-1", prodAdditions))).to.deep.equal([]);
    });

    it("prices the replicas in ap-south-2, from the ap-south-2 table", () => {
        const e = estimateIn("ap-south-1", prodAdditions);
        const inHyderabad = e.lines.flatMap((l) => l.charges.filter((c) => (c.region ?? l.region) === DR).map((c) => `${l.name}: ${c.item}`));
        expect(inHyderabad).to.deep.equal([
            "tables-transactions: replica in ap-south-2: replicated write request units",
            "tables-transactions: replica in ap-south-2: storage",
            "tables-transactions: replica in ap-south-2: point-in-time recovery",
            "database-credentials: replica in ap-south-2",
            "images-replication: replicated image storage in ap-south-2",
            "kms-dr-data: customer managed key",
        ]);
    });

    it("the prod-dr stack in ap-south-2 (standby: VPC, NAT, ALB, WAF, an ECS cluster at 0 tasks, logs, alarms; active: a restored database): nothing not priced", () => {
        const drStack = [
            resource("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "192.168.1.0/24" }),
            resource("aws:ec2/eip:Eip", "nat-eip", { domain: "vpc" }),
            resource("aws:ec2/natGateway:NatGateway", "nat", { allocationId: "nat-eip-id" }),
            resource("aws:lb/loadBalancer:LoadBalancer", "alb", { loadBalancerType: "application", subnets: ["a", "b"] }),
            resource("aws:wafv2/webAcl:WebAcl", "waf", { scope: "REGIONAL", rules: [{ name: "rate", statement: { rateBasedStatement: { limit: 2000 } } }] }),
            resource("aws:ecs/cluster:Cluster", "cluster", { name: "prod-dr-fivestar-payments", settings: [{ name: "containerInsights", value: "enabled" }] }),
            resource("aws:ecs/taskDefinition:TaskDefinition", "task", { family: "prod-dr-internal-pe", cpu: "1024", memory: "2048" }),
            resource("aws:ecs/service:Service", "internal-pe", { name: "prod-dr-internal-pe", cluster: "prod-dr-fivestar-payments", taskDefinition: "task", desiredCount: 0 }),
            resource("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 90 }),
            resource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { period: 300 }),
            resource("aws:kms/key:Key", "key", { enableKeyRotation: true }),
            resource("aws:rds/instance:Instance", "database", {
                engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 1000, storageType: "gp3", multiAz: true,
                restoreToPointInTime: { sourceDbInstanceAutomatedBackupsArn: "arn:aws:rds:ap-south-2:123456789014:auto-backup:ab-1", useLatestRestorableTime: true },
            }),
        ];
        const e = estimateIn(DR, drStack);
        expect([notPriced(e), e.priceTable.region, e.totalMonthlyUsd > 0]).to.deep.equal([[], DR, true]);
    });
});
