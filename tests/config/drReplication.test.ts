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
    it("staging may opt in (same rules): its backups, tables, secrets and images go to the one region", () => {
        const cfg = parseStackConfig(rawStackConfig("staging", { drReplicationRegion: "ap-south-2" }));
        expect(cfg.drReplication).to.deep.equal({ region: "ap-south-2" });
        expect(cfg.rds.backupReplication).to.deep.equal({ region: "ap-south-2", retentionDays: 7 });
    });

    itRefuses([
        ["a region outside India is refused: payment data stays onshore", "prod", { drReplicationRegion: "ap-southeast-1" },
            'fivestar-payments:drReplicationRegion = "ap-southeast-1": must be a region in India (ap-south-1, ap-south-2); payment data stays onshore'],
        ["the stack's own region is refused", "staging", { drReplicationRegion: "ap-south-1" },
            'fivestar-payments:drReplicationRegion = "ap-south-1": must be another region than fivestar-payments:region'],
        ["prod without it is refused (§2.2.3)", "prod", { drReplicationRegion: undefined },
            'fivestar-payments:drReplicationRegion is not set in environment "prod": production replicates its backups, tables, secrets and images cross-region (§2.2.3)'],
        ["not a region name at all", "prod", { drReplicationRegion: "Hyderabad" }, 'fivestar-payments:drReplicationRegion = "Hyderabad": must be an AWS region name such as ap-south-2'],
        ["the key it replaced says where it went", "prod", { rdsBackupReplicationRegion: "ap-south-2" },
            "fivestar-payments:rdsBackupReplicationRegion is not a key of this project: merged into fivestar-payments:drReplicationRegion"],
    ]);
});
