/**
 * Issue 17: the recovery region prod replicates its tables, secrets and images to (drReplicationRegion):
 * set in prod only, in India, not the stack's region, the same as the backups' region; every problem named.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { rawStackConfig, rejection } from "../support/config";

describe("stack config: drReplicationRegion (issue 17)", () => {
    it("prod replicates to ap-south-2, the region its backups go to", () => {
        const cfg = parseStackConfig(rawStackConfig("prod"));
        expect(cfg.drReplication).to.deep.equal({ region: "ap-south-2" });
        expect(cfg.rds.backupReplication?.region).to.equal("ap-south-2");
    });
    for (const stack of ["dev", "staging"]) {
        it(`${stack} replicates nothing`, () => expect(parseStackConfig(rawStackConfig(stack)).drReplication).to.equal(undefined));
    }
    it("staging may opt in (same rules)", () => {
        expect(parseStackConfig(rawStackConfig("staging", { drReplicationRegion: "ap-south-2" })).drReplication).to.deep.equal({ region: "ap-south-2" });
    });

    it("a region outside India is refused: payment data stays onshore", () => {
        expect(rejection("prod", { drReplicationRegion: "ap-southeast-1", rdsBackupReplicationRegion: "ap-southeast-1" })).to.include(
            'fivestar-payments:drReplicationRegion = "ap-southeast-1": must be a region in India (ap-south-1, ap-south-2); payment data stays onshore');
    });
    it("the RDS backups may not leave India either", () => {
        expect(rejection("prod", { rdsBackupReplicationRegion: "eu-west-1" })).to.include(
            'fivestar-payments:rdsBackupReplicationRegion = "eu-west-1": must be a region in India (ap-south-1, ap-south-2)');
    });
    it("the stack's own region is refused", () => {
        expect(rejection("staging", { drReplicationRegion: "ap-south-1" })).to.include(
            'fivestar-payments:drReplicationRegion = "ap-south-1": must be another region than fivestar-payments:region');
    });
    it("a different region from the backups' is refused, naming both keys", () => {
        expect(rejection("staging", { drReplicationRegion: "ap-south-2", rdsBackupReplicationRegion: "ap-south-1" })).to.include(
            'fivestar-payments:drReplicationRegion = "ap-south-2" with fivestar-payments:rdsBackupReplicationRegion = "ap-south-1": must be the same region');
    });
    it("prod without it, while its backups are replicated, is refused", () => {
        expect(rejection("prod", { drReplicationRegion: undefined })).to.include(
            'fivestar-payments:drReplicationRegion is not set in environment "prod" (its backups go to ap-south-2): production replicates its tables, secrets and images there too');
    });
    it("not a region name at all", () => {
        expect(rejection("prod", { drReplicationRegion: "Hyderabad" })).to.include(
            'fivestar-payments:drReplicationRegion = "Hyderabad": must be an AWS region name such as ap-south-2');
    });
});
