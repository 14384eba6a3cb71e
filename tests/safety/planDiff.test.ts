/**
 * `npm run plan -- <stack> --diff <saved plan>`: what a change does to a stack, stateful resources
 * flagged, deletions and replacements of them loud and failing.
 */
import { expect } from "chai";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "../../tools/plan";
import { changedPaths, dataLossRisks, diffPlans, parseSavedPlan, PlanDiff, renderDiff } from "../../tools/safety/planDiff";
import { planOf } from "../support/plans";
import { addAlias, addCopy, copyOf, EditablePlan, find, FLOW_LOG_GROUP, reidentify, remove } from "./fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const RDS = "aws:rds/instance:Instance";
const TABLE = "aws:dynamodb/table:Table";

describe("safety: plan diff on copies of the real prod plan", () => {
    let base: EditablePlan;
    let head: EditablePlan;
    beforeEach(async () => {
        const real = (await planOf("prod")).evaluated;
        base = copyOf(real);
        head = copyOf(real);
    });
    const diff = () => diffPlans(base, head);
    const render = (d: PlanDiff) => renderDiff(d, base.resources.length, head.resources.length);

    it("the same plan: no changes and no risks", () => {
        const d = diff();
        expect([d.added, d.removed, d.moved, d.changed]).to.deep.equal([[], [], [], []]);
        expect(render(d)).to.include("No changes: same resources, inputs, options and outputs.");
    });

    it("an in-place change to a stateful resource is listed with its property names and flagged", () => {
        find(head, RDS, "database-primary").inputs.instanceClass = "db.r6g.xlarge";
        const d = diff();
        expect(d.changed.map((c) => [c.urn.split("::").pop(), c.properties, c.stateful, c.replacedBecause])).to.deep.equal([
            ["database-primary", ["instanceClass"], true, []],
        ]);
        expect(dataLossRisks(d)).to.deep.equal([]);
        expect(render(d)).to.match(/~ urn:\S+::database-primary: instanceClass {2}\[STATEFUL\]$/m);
    });

    it("changing a replace-on-change input of a stateful resource is a replacement: data loss", () => {
        find(head, TABLE, "tables-transactions").inputs.name = "prod-fivestar-transactions-v2";
        const d = diff();
        expect(dataLossRisks(d)).to.deep.equal([`REPLACED ${find(head, TABLE, "tables-transactions").urn} (name changed)`]);
        expect(render(d)).to.include("!!! 1 stateful resource(s) would be DELETED or REPLACED");
    });

    it("moving a stateful resource to another provider is a replacement", () => {
        const key = find(head, "aws:kms/key:Key", "kms-general");
        key.provider = find(head, "pulumi:providers:aws", "backup-replication-region").urn;
        expect(dataLossRisks(diff())).to.deep.equal([`REPLACED ${key.urn} (provider changed)`]);
    });

    it("a removed stateful resource is a deletion: data loss, shown first", () => {
        const table = find(head, TABLE, "tables-transaction-queue");
        remove(head, table);
        const d = diff();
        expect(d.removed).to.deep.equal([{ urn: table.urn, type: TABLE, stateful: true }]);
        expect(dataLossRisks(d)).to.deep.equal([`DELETED  ${table.urn}`]);
        expect(render(d).split("\n")[2]).to.match(/^!!! 1 stateful resource/);
    });

    it("a renamed stateful resource without an alias is a deletion plus an addition", () => {
        const oldUrn = find(head, FLOW_LOG_GROUP, "network-flow-logs").urn;
        const renamed = reidentify(head, find(head, FLOW_LOG_GROUP, "network-flow-logs"), { name: "network-vpc-flow-logs" });
        const d = diff();
        expect(dataLossRisks(d)).to.deep.equal([`DELETED  ${oldUrn}`]);
        expect(d.added.map((r) => r.urn)).to.deep.equal([renamed.urn]);
    });

    it("the same rename with an alias is a move: no deletion, no risk", () => {
        const oldUrn = find(head, FLOW_LOG_GROUP, "network-flow-logs").urn;
        const renamed = reidentify(head, find(head, FLOW_LOG_GROUP, "network-flow-logs"), { name: "network-vpc-flow-logs" });
        addAlias(renamed, { name: "network-flow-logs", parentUrn: renamed.parent });
        const d = diff();
        expect([d.removed, d.added, dataLossRisks(d)]).to.deep.equal([[], [], []]);
        expect(d.moved.map((m) => [m.movedFrom, m.urn])).to.deep.equal([[oldUrn, renamed.urn]]);
        expect(render(d)).to.include(`Moved (kept by an alias) (1):\n  > ${oldUrn}\n    -> ${renamed.urn}  [STATEFUL]`);
    });

    it("dropping protect from a stateful resource is called out", () => {
        find(head, "aws:kms/key:Key", "kms-logs").protect = false;
        const text = render(diff());
        expect(text).to.match(/^!! UNPROTECTED urn:\S+::kms-logs \(protect true -> false\)$/m);
        expect(text).to.match(/~ urn:\S+::kms-logs: protect true -> false {2}\[STATEFUL\]/);
    });

    it("added resources and stack outputs are listed; stateless changes carry no flag", () => {
        const copy = addCopy(head, find(head, "aws:ec2/subnet:Subnet", "network-app-a"), "network-app-c");
        head.outputs = { ...head.outputs, newlyExportedOutput: { value: "x", secret: false } };
        const text = render(diff());
        expect(text).to.include(`Added (1):\n  + ${copy.urn}\n`);
        expect(text).to.include("Stack outputs (1):\n  + newlyExportedOutput");
    });

    it("shows property names, never values (the diff is posted on pull requests)", () => {
        find(head, "aws:ssm/parameter:Parameter", "app-parameters-app-jwt-secret-key").inputs.value = "a-new-signing-key-value";
        const text = render(diff());
        expect(text).to.include("app-parameters-app-jwt-secret-key: value");
        expect(text).to.not.include("a-new-signing-key-value");
    });
});

describe("safety: plan diff helpers", () => {
    it("finds changed paths as deep as both sides keep their shape", () => {
        expect(changedPaths({ a: 1, tags: { x: "1", y: "2" }, list: [1, 2] }, { a: 1, tags: { x: "1", y: "3" }, list: [1, 3], b: true }))
            .to.deep.equal(["b", "list[1]", "tags.y"]);
        expect(changedPaths({ list: [1] }, { list: [1, 2] })).to.deep.equal(["list"]);
    });

    it("accepts a saved plan of the same stack only", () => {
        const plan = JSON.stringify({ stack: "prod", resources: [], outputs: {} });
        expect(parseSavedPlan(plan, "prod", "main.json").stack).to.equal("prod");
        expect(() => parseSavedPlan(plan, "dev", "main.json")).to.throw('main.json is a plan of stack "prod", not "dev"');
        expect(() => parseSavedPlan('{"stack":"prod","error":"boom"}', "prod", "main.json")).to.throw("main.json is a failed plan (boom)");
        expect(() => parseSavedPlan("{}", "prod", "x.json")).to.throw("x.json is not an offline plan: write one with `npm run plan -- prod --json x.json`");
        expect(() => parseSavedPlan("not json", "prod", "x.json")).to.throw("x.json is not JSON");
    });

    it("parses --diff, leaving the other options as they were", () => {
        expect(parseArgs(["prod", "--diff", "main.json", "--quiet"])).to.deep.equal({ stack: "prod", diff: "main.json", overrides: {}, quiet: true });
        expect(() => parseArgs(["prod", "--diff"])).to.throw("--diff needs the file of a saved plan");
    });
});

describe("safety: npm run plan -- prod --diff <file> (end to end)", () => {
    const run = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [path.join(PROJECT_DIR, "build", "tools", "plan.js"), ...args], { cwd: PROJECT_DIR, maxBuffer: 64 * 1024 * 1024 },
            (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }));
    });

    it("exits 3 and shouts when the saved plan had a stateful resource the program no longer has", async () => {
        const saved = copyOf((await planOf("prod")).evaluated);
        const legacy = addCopy(saved, find(saved, TABLE, "tables-transactions"), "tables-settlements");
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diff-")), "main-plan.json");
        fs.writeFileSync(file, JSON.stringify(saved));
        const { code, stdout } = await run(["prod", "--diff", file]);
        expect(stdout).to.include(`!!!   DELETED  ${legacy.urn}`);
        expect(stdout).to.include(`Removed (1):\n  - ${legacy.urn}  [STATEFUL]`);
        expect(code).to.equal(3);
    });

    it("exits 2 with a clear message when the saved plan is of another stack", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diff-")), "dev-plan.json");
        fs.writeFileSync(file, JSON.stringify({ stack: "dev", resources: [], outputs: {} }));
        const { code, stderr } = await run(["prod", "--diff", file]);
        expect(stderr).to.include(`error: --diff: ${file} is a plan of stack "dev", not "prod"`);
        expect(code).to.equal(2);
    });
});
