/**
 * Config validation (issue 2): every rejection names the fully qualified key and what is allowed,
 * and happens in parseStackConfig, before index.ts registers anything.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { isValidFargatePair, FARGATE_CPU_MEMORY } from "../../config/fargate";
import { rawStackConfig, rejection } from "../support/config";

describe("stack config: values per stack (§2.2, §4.1)", () => {
    const expected = {
        dev: { account: "123456789012", ecs: [1, 512, 1024, 1, 1], rds: ["db.t3.medium", 100, 7, false, 0], pitr: false, logs: 7, detailed: false, budget: 1000, nat: false },
        staging: { account: "123456789013", ecs: [2, 1024, 2048, 2, 2], rds: ["db.r6g.large", 500, 14, true, 0], pitr: false, logs: 30, detailed: true, budget: 3000, nat: false },
        prod: { account: "123456789014", ecs: [3, 2048, 4096, 2, 10], rds: ["db.r6g.large", 1000, 35, true, 2], pitr: true, logs: 90, detailed: true, budget: undefined, nat: true },
    } as const;
    for (const [stack, want] of Object.entries(expected)) {
        describe(stack, () => {
            const cfg = parseStackConfig(rawStackConfig(stack));
            it("environment, account, region and DeploymentRole (§2.2, §2.3.1)", () => {
                expect(cfg.environment).to.equal(stack);
                expect(cfg.account).to.deep.equal({
                    id: want.account,
                    region: "ap-south-1",
                    deploymentRoleName: "DeploymentRole",
                    deploymentRoleArn: `arn:aws:iam::${want.account}:role/DeploymentRole`,
                    providerRoleArn: `arn:aws:iam::${want.account}:role/DeploymentRole`,
                    previewRoleName: undefined,
                });
            });
            it("VPC 192.168.0.0/24 over ap-south-1a/b; NAT per AZ only in prod (§3.1.1)", () => {
                expect(cfg.network.vpcCidr).to.equal("192.168.0.0/24");
                expect(cfg.network.availabilityZones).to.deep.equal(["ap-south-1a", "ap-south-1b"]);
                expect(cfg.network.subnetPlan.reservedCidrs).to.deep.equal(["192.168.0.192/26"]);
                expect(cfg.network.natGatewayPerAz).to.equal(want.nat);
            });
            it("ECS desired/cpu/memory/min/max (§4.1)", () => {
                const e = cfg.ecs;
                expect([e.desiredCount, e.cpu, e.memory, e.minCapacity, e.maxCapacity]).to.deep.equal(want.ecs);
            });
            it("RDS class/storage/retention/multi-AZ/replicas (§4.1)", () => {
                const r = cfg.rds;
                expect([r.instanceClass, r.allocatedStorageGb, r.backupRetentionDays, r.multiAz, r.readReplicas]).to.deep.equal(want.rds);
            });
            it("DynamoDB PITR, log retention, detailed monitoring, budget (§4.1, §2.2)", () => {
                expect(cfg.dynamodb.pointInTimeRecovery).to.equal(want.pitr);
                expect(cfg.monitoring.logRetentionDays).to.equal(want.logs);
                expect(cfg.monitoring.detailedMonitoring).to.equal(want.detailed);
                expect(cfg.monitoring.monthlyBudgetUsd).to.equal(want.budget);
            });
            it("protects stateful resources only in prod", () => {
                expect(cfg.protectStatefulResources).to.equal(stack === "prod");
            });
            it("is frozen", () => {
                expect(Object.isFrozen(cfg)).to.equal(true);
                expect(Object.isFrozen(cfg.ecs)).to.equal(true);
                expect(Object.isFrozen(cfg.network.subnetPlan.subnets[0])).to.equal(true);
            });
        });
    }

    it("integrations: sandbox/testing outside prod, production in prod (§4.1)", () => {
        expect(parseStackConfig(rawStackConfig("dev")).integrations).to.include({ razorpayEnvironment: "sandbox", juspayEnvironment: "testing", lmsEnvironment: "mock" });
        expect(parseStackConfig(rawStackConfig("staging")).integrations).to.include({ razorpayEnvironment: "sandbox", juspayEnvironment: "testing", lmsEnvironment: "staging" });
        expect(parseStackConfig(rawStackConfig("prod")).integrations).to.include({ razorpayEnvironment: "production", juspayEnvironment: "production", lmsEnvironment: "production" });
    });
});

describe("stack config: bad input is rejected with the key and what is allowed", () => {
    it("unknown environment", () => {
        expect(rejection("dev", { environment: "qa" })).to.include('fivestar-payments:environment = "qa": must be one of: dev, staging, prod');
    });
    it("missing required key", () => {
        expect(rejection("dev", { environment: undefined })).to.include("fivestar-payments:environment is not set: required");
    });
    it("account id not 12 digits", () => {
        expect(rejection("dev", { awsAccountId: "12345" })).to.include('fivestar-payments:awsAccountId = "12345": must be a 12-digit AWS account id');
        expect(rejection("dev", { awsAccountId: "12345678901a" })).to.include("must be a 12-digit AWS account id");
    });
    it("region not like ap-south-1", () => {
        expect(rejection("dev", { region: "Mumbai" })).to.include('fivestar-payments:region = "Mumbai": must be an AWS region name such as ap-south-1');
    });
    it("availability zones outside the region", () => {
        expect(rejection("dev", { availabilityZones: '["us-east-1a","ap-south-1b"]' }))
            .to.include('fivestar-payments:availabilityZones contains "us-east-1a": must be a zone of fivestar-payments:region "ap-south-1"');
    });
    it("Fargate CPU/memory pair AWS does not allow", () => {
        expect(rejection("dev", { ecsCpu: "512", ecsMemory: "8192" }))
            .to.include("fivestar-payments:ecsMemory = 8192 with fivestar-payments:ecsCpu = 512: not a Fargate size; for cpu 512 memory must be 1024-4096 in 1024 steps MiB");
        expect(rejection("dev", { ecsCpu: "256", ecsMemory: "4096" })).to.include("for cpu 256 memory must be 512, 1024, 2048 MiB");
        expect(rejection("dev", { ecsCpu: "300", ecsMemory: "1024" })).to.include("cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384");
    });
    it("min capacity greater than max", () => {
        expect(rejection("prod", { ecsMinCapacity: "5", ecsMaxCapacity: "4", ecsDesiredCount: "4" }))
            .to.include("fivestar-payments:ecsMinCapacity = 5 is greater than fivestar-payments:ecsMaxCapacity = 4");
    });
    it("desired count outside min..max", () => {
        expect(rejection("prod", { ecsDesiredCount: "11" }))
            .to.include("fivestar-payments:ecsDesiredCount = 11 must lie within fivestar-payments:ecsMinCapacity..fivestar-payments:ecsMaxCapacity (2..10)");
        expect(rejection("prod", { ecsDesiredCount: "1" })).to.include("fivestar-payments:ecsDesiredCount = 1 must lie within");
    });
    it("a subnet block outside the VPC", () => {
        expect(rejection("dev", { reservedCidrs: '["10.0.0.0/26"]' }))
            .to.include('fivestar-payments:reservedCidrs = ["10.0.0.0/26"]: reserved 10.0.0.0/26 is outside the VPC CIDR 192.168.0.0/24');
    });
    it("a subnet block overlapping another", () => {
        expect(rejection("dev", { reservedCidrs: '["192.168.0.128/26"]' }))
            .to.include("reserved 192.168.0.128/26 overlaps db ap-south-1a 192.168.0.128/27");
    });
    it("a VPC too small for the subnets", () => {
        expect(rejection("dev", { vpcCidr: "192.168.0.0/25", reservedCidrs: "[]" }))
            .to.include('fivestar-payments:availabilityZones = ["ap-south-1a","ap-south-1b"]: 3 tiers x 2 AZs need 6 /27 subnets but 192.168.0.0/25 holds only 4');
    });
    it("a VPC smaller than the /27 subnets (§3.1.1) names vpcCidr; subnetPrefixLength is no key (issue 15) and is refused by name", () => {
        expect(rejection("dev", { vpcCidr: "192.168.0.0/28", reservedCidrs: "[]" }))
            .to.include('fivestar-payments:vpcCidr = "192.168.0.0/28": must be between the VPC prefix /28 and /28');
        expect(rejection("dev", { subnetPrefixLength: "27" })).to.include("fivestar-payments:subnetPrefixLength is not a key of this project");
    });
    it("a VPC CIDR that is not a CIDR", () => {
        expect(rejection("dev", { vpcCidr: "192.168.0.0" })).to.include('fivestar-payments:vpcCidr = "192.168.0.0": "192.168.0.0" is not an IPv4 CIDR block');
    });
    it("negative or zero log retention", () => {
        expect(rejection("dev", { logRetentionDays: "0" })).to.include("fivestar-payments:logRetentionDays = \"0\": must be a retention CloudWatch Logs accepts: 1, 3, 5, 7");
        expect(rejection("dev", { logRetentionDays: "-7" })).to.include("fivestar-payments:logRetentionDays");
        expect(rejection("dev", { logRetentionDays: "10" })).to.include("must be a retention CloudWatch Logs accepts");
    });
    it("RDS storage below 20 GB", () => {
        expect(rejection("dev", { rdsAllocatedStorageGb: "10" })).to.include('fivestar-payments:rdsAllocatedStorageGb = "10": must be at least 20');
    });
    it("backups switched off", () => {
        expect(rejection("dev", { rdsBackupRetentionDays: "0" })).to.include("fivestar-payments:rdsBackupRetentionDays");
    });
    it("a number where a number is expected", () => {
        expect(rejection("dev", { ecsDesiredCount: "two" })).to.include('fivestar-payments:ecsDesiredCount = "two": must be a whole number from 0 to 100');
    });
    it("a production payment gateway outside prod", () => {
        expect(rejection("staging", { razorpayEnvironment: "production" }))
            .to.include('fivestar-payments:razorpayEnvironment = "production" in environment "staging": only prod may use a production payment gateway');
    });
    it("reports every problem at once", () => {
        const message = rejection("dev", { environment: "qa", awsAccountId: "1" });
        expect(message).to.include("fivestar-payments:environment").and.to.include("fivestar-payments:awsAccountId");
    });
});

describe("Fargate CPU/memory table (AWS ECS developer guide)", () => {
    it("matches the official rows", () => {
        expect(FARGATE_CPU_MEMORY[256]).to.deep.equal([512, 1024, 2048]);
        expect(FARGATE_CPU_MEMORY[512]).to.deep.equal([1024, 2048, 3072, 4096]);
        expect(FARGATE_CPU_MEMORY[1024][0]).to.equal(2048);
        expect(FARGATE_CPU_MEMORY[1024].at(-1)).to.equal(8192);
        expect(FARGATE_CPU_MEMORY[2048]).to.have.length(13);
        expect(FARGATE_CPU_MEMORY[4096][0]).to.equal(8192);
        expect(FARGATE_CPU_MEMORY[4096].at(-1)).to.equal(30720);
    });
    it("accepts the guide's three sizes and rejects neighbours", () => {
        expect(isValidFargatePair(512, 1024)).to.equal(true);
        expect(isValidFargatePair(1024, 2048)).to.equal(true);
        expect(isValidFargatePair(2048, 4096)).to.equal(true);
        expect(isValidFargatePair(2048, 2048)).to.equal(false);
        expect(isValidFargatePair(4096, 4096)).to.equal(false);
        expect(isValidFargatePair(1000, 2048)).to.equal(false);
    });
});
