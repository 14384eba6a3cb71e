/**
 * Identity: the program's URNs per stack match the committed snapshot, and a stateful resource can
 * only leave it through an alias or a deliberate `npm run snapshot -- --update <stack> --allow-removal <urn>`.
 */
import { expect } from "chai";
import * as path from "path";
import {
    aliasAdvice, compareIdentity, decideUpdate, formatSnapshot, IdentitySnapshot, isUnchanged, parseSnapshot,
    removalMessage, snapshotOf, staleMessage, unusedAllowances,
} from "../../tools/safety/identity";
import { readSnapshot, snapshotPath } from "../../tools/safety/snapshotFiles";
import { planOf, STACKS } from "../support/plans";
import { addAlias, copyOf, EditablePlan, find, FLOW_LOG_GROUP, reidentify, remove, renameComponent } from "./fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const TABLE = "aws:dynamodb/table:Table";

describe("safety: identity snapshots of the real stacks", () => {
    for (const stack of STACKS) {
        it(`${stack}: every URN matches ${snapshotPath(stack)}`, async () => {
            const snapshot = readSnapshot(PROJECT_DIR, stack);
            if (!snapshot) throw new Error(`no identity snapshot for ${stack}: run \`npm run snapshot -- --update ${stack}\` and commit ${snapshotPath(stack)}`);
            const change = compareIdentity(snapshot, (await planOf(stack)).resources);
            if (!isUnchanged(change)) throw new Error(staleMessage(snapshot, change, snapshotPath(stack)));
        });

        it(`${stack}: no stateful resource of the snapshot is deleted (moved ones carry an alias)`, async () => {
            const snapshot = readSnapshot(PROJECT_DIR, stack);
            if (!snapshot) return expect.fail(`no identity snapshot for ${stack}`);
            const { statefulRemovals } = compareIdentity(snapshot, (await planOf(stack)).resources);
            if (statefulRemovals.length) throw new Error(statefulRemovals.map((r) => removalMessage(r, snapshot)).join("\n\n"));
        });
    }
});

describe("safety: identity changes caught on copies of the real prod plan", () => {
    let base: IdentitySnapshot;
    let prod: EditablePlan;
    beforeEach(async () => {
        const real = (await planOf("prod")).evaluated;
        base = snapshotOf(real);
        prod = copyOf(real);
    });
    const flowLogs = () => find(prod, FLOW_LOG_GROUP, "network-flow-logs");
    const transactions = () => find(prod, TABLE, "tables-transactions");

    it("an unchanged program has nothing added or removed", () => {
        expect(isUnchanged(compareIdentity(base, prod.resources))).to.equal(true);
    });

    describe("renaming the flow-log group", () => {
        it("fails: the old URN would be deleted, with the alias that keeps it", () => {
            const oldUrn = flowLogs().urn;
            const renamed = reidentify(prod, flowLogs(), { name: "network-vpc-flow-logs" });
            const change = compareIdentity(base, prod.resources);
            expect(change.statefulRemovals.map((r) => r.removed.urn)).to.deep.equal([oldUrn]);
            const message = removalMessage(change.statefulRemovals[0], base);
            expect(message).to.include(`Stateful resource would be DELETED by pulumi up (a CloudWatch log group`);
            expect(message).to.include(`It looks like it is now: ${renamed.urn}`);
            expect(message).to.include('aliases: [{ name: "network-flow-logs" }]');
            expect(message).to.include(`npm run snapshot -- --update prod --allow-removal '${oldUrn}'`);
        });

        it("passes with aliases: [{ name: old }] as the engine records it", () => {
            const renamed = reidentify(prod, flowLogs(), { name: "network-vpc-flow-logs" });
            addAlias(renamed, { name: "network-flow-logs", parentUrn: renamed.parent });
            const change = compareIdentity(base, prod.resources);
            expect(change.statefulRemovals).to.deep.equal([]);
            expect(change.aliased).to.deep.equal([{ from: base.resources.find((r) => r.urn.endsWith("::network-flow-logs") && r.type === FLOW_LOG_GROUP)!.urn, to: renamed.urn }]);
        });
    });

    describe("moving a DynamoDB table under another component", () => {
        const database = () => find(prod, "fivestar:data:Database", "database");

        it("fails, and the advice names the old parent in a form valid in every stack", () => {
            const oldUrn = transactions().urn;
            reidentify(prod, transactions(), { parent: database().urn });
            const change = compareIdentity(base, prod.resources);
            expect(change.statefulRemovals.map((r) => r.removed.urn)).to.deep.equal([oldUrn]);
            expect(aliasAdvice(change.statefulRemovals[0], base)).to.equal('aliases: [{ parent: pulumi.createUrn("tables", "fivestar:data:PaymentTables") }]');
        });

        it("passes with aliases: [{ parent: <old parent> }]", () => {
            const oldParent = transactions().parent;
            addAlias(reidentify(prod, transactions(), { parent: database().urn }), { parentUrn: oldParent });
            expect(compareIdentity(base, prod.resources).statefulRemovals).to.deep.equal([]);
        });

        it("moving a table out to the stack root advises its old parent; moving one in from the root advises rootStackResource", () => {
            reidentify(prod, transactions(), { parent: "" });
            const out = compareIdentity(base, prod.resources).statefulRemovals[0];
            expect(aliasAdvice(out, base)).to.equal('aliases: [{ parent: pulumi.createUrn("tables", "fivestar:data:PaymentTables") }]');
            const rootSnapshot = snapshotOf(prod);
            reidentify(prod, transactions(), { parent: database().urn });
            const back = compareIdentity(rootSnapshot, prod.resources).statefulRemovals[0];
            expect(aliasAdvice(back, rootSnapshot)).to.equal("aliases: [{ parent: pulumi.rootStackResource }]");
        });
    });

    describe("renaming the network component (every child is named after it)", () => {
        it("fails for the stateful child, not for the stateless ones", () => {
            renameComponent(prod, find(prod, "fivestar:network:Network", "network"), "core-network");
            const change = compareIdentity(base, prod.resources);
            expect(change.removed.length).to.be.greaterThan(20);
            expect(change.statefulRemovals.map((r) => r.removed.type)).to.deep.equal([FLOW_LOG_GROUP]);
        });

        it("passes with one alias on the component: children inherit it", () => {
            const component = renameComponent(prod, find(prod, "fivestar:network:Network", "network"), "core-network");
            addAlias(component, { name: "network" });
            const change = compareIdentity(base, prod.resources);
            expect(change.statefulRemovals).to.deep.equal([]);
            expect(change.aliased).to.have.length(change.removed.length);
        });
    });

    it("renaming a stateless resource (the VPC) is a visible identity change but not a data loss", () => {
        reidentify(prod, find(prod, "aws:ec2/vpc:Vpc", "network-vpc"), { name: "network-main-vpc" });
        const change = compareIdentity(base, prod.resources);
        expect(change.removed).to.have.length(1);
        expect(change.added).to.have.length(1);
        expect(change.statefulRemovals).to.deep.equal([]);
    });

    it("deleting a stateful resource outright has no likely successor to alias", () => {
        remove(prod, transactions());
        const [removal] = compareIdentity(base, prod.resources).statefulRemovals;
        expect(removal.likelyNow).to.equal(undefined);
        expect(removalMessage(removal, base)).to.include('aliases: [{ name: "tables-transactions", type: "aws:dynamodb/table:Table", parent: pulumi.createUrn("tables", "fivestar:data:PaymentTables") }]');
    });

    it("the stale-snapshot message lists each added and removed URN and the update command", () => {
        const oldUrn = flowLogs().urn;
        const renamed = reidentify(prod, flowLogs(), { name: "network-vpc-flow-logs" });
        const message = staleMessage(base, compareIdentity(base, prod.resources), "tests/snapshots/prod.identity.json");
        expect(message).to.include(`Added (1):\n  + ${renamed.urn}`);
        expect(message).to.include(`Removed (1):\n  - ${oldUrn}`);
        expect(message).to.include("run `npm run snapshot -- --update prod` and commit tests/snapshots/prod.identity.json");
    });

    describe("npm run snapshot -- --update", () => {
        it("refuses to drop a stateful URN that no --allow-removal names", () => {
            reidentify(prod, flowLogs(), { name: "network-vpc-flow-logs" });
            const decision = decideUpdate(compareIdentity(base, prod.resources), new Set());
            expect(decision.refused).to.have.length(1);
        });

        it("writes when --allow-removal names that URN", () => {
            const oldUrn = flowLogs().urn;
            reidentify(prod, flowLogs(), { name: "network-vpc-flow-logs" });
            const decision = decideUpdate(compareIdentity(base, prod.resources), new Set([oldUrn]));
            expect(decision).to.deep.include({ refused: [] });
            expect(decision.allowed.map((r) => r.removed.urn)).to.deep.equal([oldUrn]);
        });

        it("reports an --allow-removal that matches no removal (a typo must not pass silently)", () => {
            const typo = "urn:pulumi:prod::fivestar-payments::aws:kms/key:Key::kms-databse";
            const decision = decideUpdate(compareIdentity(base, prod.resources), new Set([typo]));
            expect(unusedAllowances(new Set([typo]), [decision])).to.deep.equal([typo]);
        });
    });

    it("the snapshot file has one resource per line and reads back identically", () => {
        const text = formatSnapshot(base);
        expect(text.split("\n").filter((l) => l.trimStart().startsWith('{"urn"'))).to.have.length(base.resources.length);
        expect(parseSnapshot(text)).to.deep.equal(base);
    });

    it("refuses to read a file that is not a snapshot", () => {
        expect(() => parseSnapshot('{"resources": []}')).to.throw("not an identity snapshot");
    });
});

describe("safety: the offline plan's URNs are the engine's", () => {
    const P = "urn:pulumi:prod::fivestar-payments::";

    it("a resource two components deep carries both component types (engine: parent's whole qualified type)", async () => {
        const bucket = (await planOf("prod")).resources.find((r) => r.type === "aws:s3/bucket:Bucket" && r.name === "compute-alb-access-logs");
        expect(bucket?.urn.split("::")[2].split("$").slice(0, 2)).to.deep.equal(["fivestar:compute:Compute", "fivestar:compute:PublicLoadBalancer"]);
    });

    it("a snapshot written with the mock's one-level prefixes reads as the engine's URNs, unchanged otherwise", () => {
        const truncated = parseSnapshot(JSON.stringify({
            project: "fivestar-payments",
            stack: "prod",
            resources: [
                { urn: `${P}a:b:Outer::outer`, type: "a:b:Outer", parent: "" },
                { urn: `${P}a:b:Outer$a:b:Inner::inner`, type: "a:b:Inner", parent: `${P}a:b:Outer::outer` },
                { urn: `${P}a:b:Inner$aws:s3/bucket:Bucket::logs`, type: "aws:s3/bucket:Bucket", parent: `${P}a:b:Outer$a:b:Inner::inner` },
            ],
        }));
        expect(truncated.resources.map((r) => r.urn)).to.deep.equal([
            `${P}a:b:Outer$a:b:Inner$aws:s3/bucket:Bucket::logs`,
            `${P}a:b:Outer$a:b:Inner::inner`,
            `${P}a:b:Outer::outer`,
        ]);
        expect(truncated.resources[0].parent).to.equal(`${P}a:b:Outer$a:b:Inner::inner`);
        expect(parseSnapshot(formatSnapshot(truncated))).to.deep.equal(truncated);
    });
});
