/**
 * The protection audit: in a stack that protects stateful resources (prod), every registered resource
 * of a stateful type is protected by Pulumi and, where AWS offers it, by the service itself.
 */
import { expect } from "chai";
import * as path from "path";
import { readStackConfig } from "../../config/stackFiles";
import { auditProtection, PROTECTION_RULES, ProtectionViolation, violationsMessage } from "../../tools/safety/protectionRules";
import { isStateful, STATEFUL_TYPES } from "../../tools/safety/statefulTypes";
import { planOf, STACKS } from "../support/plans";
import { addCopy, copyOf, EditablePlan, find, FLOW_LOG_GROUP } from "./fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const RDS = "aws:rds/instance:Instance";
const KMS = "aws:kms/key:Key";

/** The stacks whose config turns protection on (the audit's scope comes from config, not a list here). */
const PROTECTED_STACKS = STACKS.filter((s) => readStackConfig(s, PROJECT_DIR).config["fivestar-payments:protectStatefulResources"] === "true");

describe("safety: protection audit of the real stacks", () => {
    it("prod is a protected stack", () => {
        expect(PROTECTED_STACKS).to.deep.equal(["prod"]);
    });

    for (const stack of PROTECTED_STACKS) {
        it(`${stack}: every resource of a stateful type meets its type's rules`, async () => {
            const violations = auditProtection((await planOf(stack)).resources);
            if (violations.length) throw new Error(violationsMessage(stack, violations));
        });

        it(`${stack}: the audit sees the stateful resources there are (at least 20)`, async () => {
            const stateful = (await planOf(stack)).resources.filter((r) => isStateful(r.type));
            expect(stateful.length).to.be.at.least(20);
        });
    }

    it("every stateful type has rules, and each includes Pulumi protect", () => {
        for (const type of Object.keys(STATEFUL_TYPES) as (keyof typeof STATEFUL_TYPES)[]) {
            expect(PROTECTION_RULES[type].map((r) => r.requirement), type).to.include("Pulumi protect: true");
        }
    });
});

describe("safety: protection audit on copies of the real prod plan", () => {
    let prod: EditablePlan;
    let before: Set<string>;
    const key = (v: ProtectionViolation) => `${v.urn} ${v.requirement}`;
    beforeEach(async () => {
        prod = copyOf((await planOf("prod")).evaluated);
        before = new Set(auditProtection(prod.resources).map(key));
    });
    /** What the edit broke (the real plan's own findings, if any, are reported by the test above). */
    const brokenByEdit = () => auditProtection(prod.resources).filter((v) => !before.has(key(v)));
    const requirementsBroken = () => brokenByEdit().map((v) => [v.urn.split("::").pop(), v.requirement, v.found]);

    it("dropping protect from a KMS key fails, naming the key and the rule", () => {
        find(prod, KMS, "kms-database").protect = false;
        expect(requirementsBroken()).to.deep.equal([["kms-database", "Pulumi protect: true", false]]);
    });

    it("a KMS key with a 7-day deletion window fails", () => {
        find(prod, KMS, "kms-general").inputs.deletionWindowInDays = 7;
        expect(requirementsBroken()).to.deep.equal([["kms-general", "deletionWindowInDays: 30 (the longest window AWS allows to cancel a key deletion)", 7]]);
    });

    it("an RDS primary without deletion protection or final snapshot fails on each", () => {
        const primary = find(prod, RDS, "database-primary");
        primary.inputs.deletionProtection = false;
        primary.inputs.skipFinalSnapshot = true;
        delete primary.inputs.finalSnapshotIdentifier;
        expect(requirementsBroken().map(([, rule]) => rule)).to.deep.equal([
            "deletionProtection: true",
            "skipFinalSnapshot: false (a final snapshot is taken if it is ever deleted)",
            "finalSnapshotIdentifier set (the name of that final snapshot)",
        ]);
    });

    it("a read replica needs deletion protection but no final snapshot of its own", () => {
        const replica = find(prod, RDS, "database-replica-1");
        expect(replica.inputs.skipFinalSnapshot).to.equal(true);
        replica.inputs.deletionProtection = false;
        expect(requirementsBroken()).to.deep.equal([["database-replica-1", "deletionProtection: true", false]]);
    });

    it("a DynamoDB table without deletion protection fails", () => {
        find(prod, "aws:dynamodb/table:Table", "tables-transactions").inputs.deletionProtectionEnabled = false;
        expect(requirementsBroken()).to.deep.equal([["tables-transactions", "deletionProtectionEnabled: true", false]]);
    });

    it("a log-trail bucket with forceDestroy fails", () => {
        find(prod, "aws:s3/bucket:Bucket", "guardrails-config-bucket").inputs.forceDestroy = true;
        expect(requirementsBroken()).to.deep.equal([["guardrails-config-bucket", "forceDestroy not true (it would delete every object with the bucket)", true]]);
    });

    it("a secret with no recovery window fails", () => {
        find(prod, "aws:secretsmanager/secret:Secret", "app-secrets-database").inputs.recoveryWindowInDays = 0;
        expect(requirementsBroken()).to.deep.equal([["app-secrets-database", "recoveryWindowInDays: 30 (the longest window to restore a deleted secret)", 0]]);
    });

    it("a log group added later without protection fails (the audit covers every registration)", () => {
        const template = find(prod, FLOW_LOG_GROUP, "network-flow-logs");
        addCopy(prod, template, "network-dns-query-logs", { protect: false, inputs: { ...template.inputs, deletionProtectionEnabled: undefined } });
        expect(requirementsBroken()).to.deep.equal([
            ["network-dns-query-logs", "Pulumi protect: true", false],
            ["network-dns-query-logs", "deletionProtectionEnabled: true", undefined],
        ]);
    });

    it("an ECR repository (compute, once wired) is held to protect and no forceDelete", () => {
        const template = find(prod, FLOW_LOG_GROUP, "network-flow-logs");
        addCopy(prod, template, "images-internal-pe", { type: "aws:ecr/repository:Repository", protect: false, inputs: { name: "fivestar-internal-pe", forceDelete: true } });
        expect(requirementsBroken().map(([, rule]) => rule)).to.deep.equal(["Pulumi protect: true", "forceDelete not true (it would delete every image with the repository)"]);
    });

    it("the failure message lists each resource, the rule and what was found", () => {
        find(prod, KMS, "kms-logs").protect = false;
        const message = violationsMessage("prod", brokenByEdit());
        expect(message).to.include("1 protection rule(s) broken in stack prod");
        expect(message).to.match(/fivestar:security:KmsKeys\$aws:kms\/key:Key::kms-logs\n {4}needs Pulumi protect: true; found false/);
    });
});
