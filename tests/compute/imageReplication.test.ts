/**
 * Issue 17: ECR replication to the recovery region: which repositories, where, and the least the template's
 * role may do (our repositories there, the replica key only).
 */
import { expect } from "chai";
import { replicationRules, TEMPLATE_PREFIX, templateRoleName, templateRolePolicy, templateRoleTrust } from "../../compute/imageReplicationPlan";

const KEY = "arn:aws:kms:ap-south-2:123456789014:key/replica-general";

describe("compute: ECR replication plan (issue 17)", () => {
    it("one rule: repositories named fivestar-* to ap-south-2 in the same account", () => {
        expect(replicationRules("123456789014", "ap-south-2")).to.deep.equal([{
            destinations: [{ region: "ap-south-2", registryId: "123456789014" }],
            repositoryFilters: [{ filter: "fivestar-", filterType: "PREFIX_MATCH" }],
        }]);
    });
    it("the template applies at ROOT (a prefix is a namespace; fivestar- would not match fivestar-internal-pe)", () => expect(TEMPLATE_PREFIX).to.equal("ROOT"));
    it("the role's name says environment and region, within IAM's 64", () => {
        expect(templateRoleName("prod", "ap-south-2")).to.equal("prod-fivestar-ecr-replication-ap-south-2");
        expect(templateRoleName("staging", "ap-south-2").length).to.be.at.most(64);
    });
    it("the role creates only our repositories in that region and uses only the replica key", () => {
        expect(templateRolePolicy("123456789014", "ap-south-2", KEY).Statement).to.deep.equal([
            { Sid: "CreateReplicatedRepositories", Effect: "Allow", Action: ["ecr:CreateRepository", "ecr:ReplicateImage", "ecr:TagResource"],
                Resource: "arn:aws:ecr:ap-south-2:123456789014:repository/fivestar-*" },
            { Sid: "EncryptWithTheReplicaKey", Effect: "Allow", Action: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"], Resource: KEY },
        ]);
    });
    it("ECR is the only principal that may assume it", () => {
        expect(templateRoleTrust().Statement).to.deep.equal([{ Effect: "Allow", Principal: { Service: "ecr.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    });
});
