/**
 * Config validation (issue 2): every rejection names the fully qualified key and what is allowed,
 * and happens in parseStackConfig, before index.ts registers anything.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { isValidFargatePair, FARGATE_CPU_MEMORY } from "../../config/fargate";
import { rawStackConfig } from "../support/config";
import { itRefuses } from "./fixtures";

// The §2.2/§4.1 values each stack's plan holds (account, VPC, NAT, ECS and RDS sizing, PITR, log retention,
// Container Insights, budget, protection) are asserted once per stack in tests/program/*; here what the plan does not show.
describe("stack config: values per stack (§3.1.1, §4.1)", () => {
    it("ECS min/max capacity, the reserved /26, and the §4.1 integration environments per stack", () => {
        const got = ["dev", "staging", "prod"].map((s) => {
            const cfg = parseStackConfig(rawStackConfig(s));
            const i = cfg.integrations;
            return [cfg.ecs.minCapacity, cfg.ecs.maxCapacity, cfg.network.subnetPlan.reservedCidrs, i.razorpayEnvironment, i.juspayEnvironment, i.lmsEnvironment];
        });
        expect(got).to.deep.equal([
            [1, 1, ["192.168.0.192/26"], "sandbox", "testing", "mock"],
            [2, 2, ["192.168.0.192/26"], "sandbox", "testing", "staging"],
            [2, 10, ["192.168.0.192/26"], "production", "production", "production"],
        ]);
    });
    it("is frozen", () => {
        const cfg = parseStackConfig(rawStackConfig("prod"));
        expect([Object.isFrozen(cfg), Object.isFrozen(cfg.ecs), Object.isFrozen(cfg.network.subnetPlan.subnets[0])]).to.deep.equal([true, true, true]);
    });
});

describe("stack config: bad input is rejected with the key and what is allowed", () => {
    itRefuses([
        ["unknown environment", "dev", { environment: "qa" }, 'fivestar-payments:environment = "qa": must be one of: dev, staging, prod'],
        ["missing required key", "dev", { environment: undefined }, "fivestar-payments:environment is not set: required"],
        ["account id not 12 digits", "dev", { awsAccountId: "12345" }, 'fivestar-payments:awsAccountId = "12345": must be a 12-digit AWS account id'],
        ["account id with a letter", "dev", { awsAccountId: "12345678901a" }, "must be a 12-digit AWS account id"],
        ["region not like ap-south-1", "dev", { region: "Mumbai" }, 'fivestar-payments:region = "Mumbai": must be an AWS region name such as ap-south-1'],
        ["availability zones outside the region", "dev", { availabilityZones: '["us-east-1a","ap-south-1b"]' },
            'fivestar-payments:availabilityZones contains "us-east-1a": must be a zone of fivestar-payments:region "ap-south-1"'],
        ["Fargate memory outside the cpu's range", "dev", { ecsCpu: "512", ecsMemory: "8192" },
            "fivestar-payments:ecsMemory = 8192 with fivestar-payments:ecsCpu = 512: not a Fargate size; for cpu 512 memory must be 1024-4096 in 1024 steps MiB"],
        ["Fargate memory not in the cpu's list", "dev", { ecsCpu: "256", ecsMemory: "4096" }, "for cpu 256 memory must be 512, 1024, 2048 MiB"],
        ["a Fargate cpu AWS does not offer", "dev", { ecsCpu: "300", ecsMemory: "1024" }, "cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384"],
        ["min capacity greater than max", "prod", { ecsMinCapacity: "5", ecsMaxCapacity: "4", ecsDesiredCount: "4" },
            "fivestar-payments:ecsMinCapacity = 5 is greater than fivestar-payments:ecsMaxCapacity = 4"],
        ["desired count above max", "prod", { ecsDesiredCount: "11" },
            "fivestar-payments:ecsDesiredCount = 11 must lie within fivestar-payments:ecsMinCapacity..fivestar-payments:ecsMaxCapacity (2..10)"],
        ["desired count below min", "prod", { ecsDesiredCount: "1" }, "fivestar-payments:ecsDesiredCount = 1 must lie within"],
        ["a subnet block outside the VPC", "dev", { reservedCidrs: '["10.0.0.0/26"]' },
            'fivestar-payments:reservedCidrs = ["10.0.0.0/26"]: reserved 10.0.0.0/26 is outside the VPC CIDR 192.168.0.0/24'],
        ["a subnet block overlapping another", "dev", { reservedCidrs: '["192.168.0.128/26"]' }, "reserved 192.168.0.128/26 overlaps db ap-south-1a 192.168.0.128/27"],
        ["a VPC too small for the subnets", "dev", { vpcCidr: "192.168.0.0/25", reservedCidrs: "[]" },
            'fivestar-payments:availabilityZones = ["ap-south-1a","ap-south-1b"]: 3 tiers x 2 AZs need 6 /27 subnets but 192.168.0.0/25 holds only 4'],
        ["a VPC smaller than the /27 subnets (§3.1.1) names vpcCidr", "dev", { vpcCidr: "192.168.0.0/28", reservedCidrs: "[]" },
            'fivestar-payments:vpcCidr = "192.168.0.0/28": must be between the VPC prefix /28 and /28'],
        ["subnetPrefixLength is no key (issue 15) and is refused by name", "dev", { subnetPrefixLength: "27" }, "fivestar-payments:subnetPrefixLength is not a key of this project"],
        ["a VPC CIDR that is not a CIDR", "dev", { vpcCidr: "192.168.0.0" }, 'fivestar-payments:vpcCidr = "192.168.0.0": "192.168.0.0" is not an IPv4 CIDR block'],
        ["zero log retention", "dev", { logRetentionDays: "0" }, 'fivestar-payments:logRetentionDays = "0": must be a retention CloudWatch Logs accepts: 1, 3, 5, 7'],
        ["negative log retention", "dev", { logRetentionDays: "-7" }, "fivestar-payments:logRetentionDays"],
        ["a log retention CloudWatch does not offer", "dev", { logRetentionDays: "10" }, "must be a retention CloudWatch Logs accepts"],
        ["RDS storage below 20 GB", "dev", { rdsAllocatedStorageGb: "10" }, 'fivestar-payments:rdsAllocatedStorageGb = "10": must be at least 20'],
        ["backups switched off", "dev", { rdsBackupRetentionDays: "0" }, "fivestar-payments:rdsBackupRetentionDays"],
        ["a number where a number is expected", "dev", { ecsDesiredCount: "two" }, 'fivestar-payments:ecsDesiredCount = "two": must be a whole number from 0 to 100'],
        ["a production payment gateway outside prod", "staging", { razorpayEnvironment: "production" },
            'fivestar-payments:razorpayEnvironment = "production" in environment "staging": only prod may use a production payment gateway'],
        ["reports every problem at once", "dev", { environment: "qa", awsAccountId: "1" }, "fivestar-payments:environment", "fivestar-payments:awsAccountId"],
    ]);
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
