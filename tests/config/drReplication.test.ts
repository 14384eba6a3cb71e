/**
 * Issue 17: the recovery region prod replicates its tables, secrets and images to (drReplicationRegion):
 * set in prod only, in India, not the stack's region, the same as the backups' region; every problem named.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig } from "../support/config";
import { itRefuses } from "./fixtures";

describe("stack config: drReplicationRegion (issue 17)", () => {
    it("prod replicates to ap-south-2, the region its backups go to; dev and staging replicate nothing", () => {
        const cfg = parseStackConfig(rawStackConfig("prod"));
        expect(cfg.drReplication).to.deep.equal({ region: "ap-south-2" });
        expect(cfg.rds.backupReplication?.region).to.equal("ap-south-2");
        for (const stack of ["dev", "staging"]) expect(parseStackConfig(rawStackConfig(stack)).drReplication, stack).to.equal(undefined);
    });
    it("staging may opt in (same rules)", () => {
        expect(parseStackConfig(rawStackConfig("staging", { drReplicationRegion: "ap-south-2" })).drReplication).to.deep.equal({ region: "ap-south-2" });
    });

    itRefuses([
        ["a region outside India is refused: payment data stays onshore", "prod", { drReplicationRegion: "ap-southeast-1", rdsBackupReplicationRegion: "ap-southeast-1" },
            'fivestar-payments:drReplicationRegion = "ap-southeast-1": must be a region in India (ap-south-1, ap-south-2); payment data stays onshore'],
        ["the RDS backups may not leave India either", "prod", { rdsBackupReplicationRegion: "eu-west-1" },
            'fivestar-payments:rdsBackupReplicationRegion = "eu-west-1": must be a region in India (ap-south-1, ap-south-2)'],
        ["the stack's own region is refused", "staging", { drReplicationRegion: "ap-south-1" },
            'fivestar-payments:drReplicationRegion = "ap-south-1": must be another region than fivestar-payments:region'],
        ["a different region from the backups' is refused, naming both keys", "staging", { drReplicationRegion: "ap-south-2", rdsBackupReplicationRegion: "ap-south-1" },
            'fivestar-payments:drReplicationRegion = "ap-south-2" with fivestar-payments:rdsBackupReplicationRegion = "ap-south-1": must be the same region'],
        ["prod without it, while its backups are replicated, is refused", "prod", { drReplicationRegion: undefined },
            'fivestar-payments:drReplicationRegion is not set in environment "prod" (its backups go to ap-south-2): production replicates its tables, secrets and images there too'],
        ["not a region name at all", "prod", { drReplicationRegion: "Hyderabad" }, 'fivestar-payments:drReplicationRegion = "Hyderabad": must be an AWS region name such as ap-south-2'],
    ]);
});
