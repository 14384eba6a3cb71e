/**
 * `npm run plan -- <stack> --diff <saved plan>`: what a change does to a stack, stateful resources
 * flagged, deletions and replacements of them loud and failing.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "../../tools/plan";
import { changedPaths, dataLossRisks, diffPlans, parseSavedPlan, PlanDiff } from "../../tools/safety/planDiff";
import { renderPreview } from "../../tools/safety/previewRender";
import { planOf, runPlan, runPlanCli } from "../support/plans";
import { addAlias, addCopy, copyOf, EditablePlan, find, FLOW_LOG_GROUP, reidentify, remove } from "./fixtures";

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
    const render = (d: PlanDiff) => renderPreview(d, head.resources.length, { before: base.resources, after: head.resources });

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
        expect(render(d)).to.match(/^ ~ {3}aws:rds:Instance +database-primary +update \[diff: ~instanceClass\] \[stateful\]$/m);
        expect(render(d)).to.include('        ~ instanceClass: "db.r6g.large" => "db.r6g.xlarge"');
    });

    it("changing a replace-on-change input of a stateful resource is a replacement: data loss", () => {
        find(head, TABLE, "tables-transactions").inputs.name = "prod-fivestar-transactions-v2";
        const d = diff();
        expect(dataLossRisks(d)).to.deep.equal(["REPLACED aws:dynamodb:Table tables-transactions (name)"]);
        expect(render(d)).to.include("!!! 1 deletion(s) or replacement(s) would lose stateful data !!!");
        expect(render(d)).to.match(/^ \+- {2}aws:dynamodb:Table +tables-transactions +replace \[diff: ~name\] \[stateful\]$/m);
    });

    it("moving a stateful resource to another provider is a replacement", () => {
        const key = find(head, "aws:kms/key:Key", "kms-general");
        key.provider = find(head, "pulumi:providers:aws", "backup-replication-region").urn;
        // ...and, through the key's ARN (ForceNew in an ECR repository's encryption), both image repositories
        // and the debug tools' repository (issue 16).
        expect(dataLossRisks(diff())).to.deep.equal([
            "REPLACED aws:ecr:Repository compute-images-customer-portal (encryptionConfigurations (kms-general replaced))",
            "REPLACED aws:ecr:Repository compute-images-internal-pe (encryptionConfigurations (kms-general replaced))",
            "REPLACED aws:ecr:Repository debug-task-tools (encryptionConfigurations (kms-general replaced))",
            "REPLACED aws:kms:Key kms-general (provider)",
        ]);
    });

    it("a removed stateful resource is a deletion: data loss, shown first", () => {
        const table = find(head, TABLE, "tables-transaction-queue");
        remove(head, table);
        const d = diff();
        expect(d.removed).to.deep.equal([{ urn: table.urn, type: TABLE, stateful: true }]);
        expect(dataLossRisks(d)).to.deep.equal(["DELETED  aws:dynamodb:Table tables-transaction-queue"]);
        expect(render(d).split("\n")[2]).to.match(/^!!! 1 deletion\(s\) or replacement\(s\) would lose stateful data/);
    });

    it("a renamed stateful resource without an alias is a deletion plus an addition", () => {
        const renamed = reidentify(head, find(head, FLOW_LOG_GROUP, "network-flow-logs"), { name: "network-vpc-flow-logs" });
        const d = diff();
        expect(dataLossRisks(d)).to.deep.equal(["DELETED  aws:cloudwatch:LogGroup network-flow-logs"]);
        expect(d.added.map((r) => r.urn)).to.deep.equal([renamed.urn]);
    });

    it("the same rename with an alias is a move: no deletion, no risk", () => {
        const oldUrn = find(head, FLOW_LOG_GROUP, "network-flow-logs").urn;
        const renamed = reidentify(head, find(head, FLOW_LOG_GROUP, "network-flow-logs"), { name: "network-vpc-flow-logs" });
        addAlias(renamed, { name: "network-flow-logs", parentUrn: renamed.parent });
        const d = diff();
        expect([d.removed, d.added, dataLossRisks(d)]).to.deep.equal([[], [], []]);
        expect(d.moved.map((m) => [m.movedFrom, m.urn])).to.deep.equal([[oldUrn, renamed.urn]]);
        expect(render(d)).to.match(/^ ~ {3}aws:cloudwatch:LogGroup +network-vpc-flow-logs +update \[moved from network-flow-logs\] \[stateful\]$/m);
    });

    it("dropping protect from a stateful resource is called out", () => {
        find(head, "aws:kms/key:Key", "kms-logs").protect = false;
        const text = render(diff());
        expect(text).to.match(/^!! UNPROTECTED kms-logs \(protect true -> false\)$/m);
        expect(text).to.include("        ~ protect: true => false");
    });

    it("added resources and stack outputs are listed; stateless changes carry no flag", () => {
        const copy = addCopy(head, find(head, "aws:ec2/subnet:Subnet", "network-app-a"), "network-app-c");
        head.outputs = { ...head.outputs, newlyExportedOutput: { value: "x", secret: false } };
        const text = render(diff());
        expect(text).to.match(new RegExp(`^ \\+ {3}aws:ec2:Subnet +${copy.name} +create$`, "m"));
        expect(text).to.include("Outputs:\n  + newlyExportedOutput");
        expect(text.split("\n").pop()).to.equal(`Resources: 1 to create, 0 to update, 0 to replace, 0 to delete, ${head.resources.length - 1} unchanged`);
    });

    it("shows old => new values, but never a secret one (the diff is posted on pull requests)", () => {
        const parameter = find(head, "aws:ssm/parameter:Parameter", "app-parameters-app-jwt-secret-key");
        expect(parameter.secretPaths).to.include("value");
        parameter.inputs.value = "a-new-signing-key-value";
        const text = render(diff());
        expect(text).to.include("        ~ value: [secret] => [secret]");
        expect(text).to.not.include("a-new-signing-key-value");
    });

    it("a secret is redacted even in a saved plan without secretPaths (by its credential-like name)", () => {
        const version = head.resources.find((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion")!;
        version.inputs.secretString = "s3cr3t-value";
        version.secretPaths = [];
        expect(render(diff())).to.include("~ secretString: [secret] => [secret]").and.not.include("s3cr3t-value");
    });

    it("any type's ForceNew input replaces it, stateless too (a target group's port)", () => {
        find(head, "aws:lb/targetGroup:TargetGroup", "internal-pe-tg").inputs.port = 9090;
        const d = diff();
        const replaced = d.changed.filter((c) => c.replacedBecause.length > 0).map((c) => [c.urn.split("::").pop(), c.replacedBecause]);
        // The target group, and what referred to its ARN: the HTTPS listener's default action is updated in place.
        expect(replaced).to.deep.equal([["internal-pe-tg", ["port"]]]);
        expect(d.changed.map((c) => c.urn.split("::").pop())).to.include.members(["compute-alb-https", "compute-internal-pe"]);
        expect(dataLossRisks(d, base.resources, head.resources)).to.deep.equal([]);
        expect(render(d)).to.include('        ~ port: 8080 => 9090  [forces replacement]');
    });

    it("a replacement propagates through references: a replaced security group replaces its own rules, updates rules naming it", () => {
        find(head, "aws:ec2/securityGroup:SecurityGroup", "security-groups-ecs").inputs.description = "changed";
        const d = diff();
        const replaced = d.changed.filter((c) => c.replacedBecause.length > 0).map((c) => c.urn.split("::").pop()).sort();
        expect(replaced).to.deep.equal([
            "security-groups-ecs", "security-groups-ecs-egress-443-anywhere", "security-groups-ecs-egress-5432-rds",
            "security-groups-ecs-ingress-8080-alb", "security-groups-ecs-ingress-8443-alb",
        ]);
        // referencedSecurityGroupId is not ForceNew: the rules of other groups that name it are updated in place.
        const rule = d.changed.find((c) => c.urn.endsWith("::security-groups-rds-ingress-5432-ecs"))!;
        expect([rule.replacedBecause, rule.properties]).to.deep.equal([[], ["referencedSecurityGroupId"]]);
        const service = d.changed.find((c) => c.urn.endsWith("::compute-internal-pe"))!;
        expect([service.replacedBecause, service.values.map((v) => [v.path, v.because])]).to.deep.equal([[], [["networkConfiguration.securityGroups[0]", "security-groups-ecs"]]]);
    });

    it("replacing the DB subnet group under the database is data loss, with the reason", () => {
        find(head, "aws:rds/subnetGroup:SubnetGroup", "network-db-subnets").inputs.name = "prod-fivestar-db-subnets-v2";
        expect(dataLossRisks(diff(), base.resources, head.resources)).to.deep.equal([
            "REPLACED aws:rds:SubnetGroup network-db-subnets (name) under stateful database-primary, database-replica-1, database-replica-2",
        ]);
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
    const run = runPlanCli;

    it("exits 3 and shouts when the saved plan had a stateful resource the program no longer has", async () => {
        const saved = copyOf((await planOf("prod")).evaluated);
        const legacy = addCopy(saved, find(saved, TABLE, "tables-transactions"), "tables-settlements");
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diff-")), "main-plan.json");
        fs.writeFileSync(file, JSON.stringify(saved));
        const { code, stdout } = await run(["prod", "--diff", file]);
        expect(stdout).to.include(`!!!   DELETED  aws:dynamodb:Table ${legacy.name}`);
        expect(stdout).to.match(new RegExp(`^ - {3}aws:dynamodb:Table +${legacy.name} +delete \\[stateful\\]$`, "m"));
        expect(code).to.equal(3);
    });

    it("prod with another vpcCidr: VPC, subnets and everything inside them replaced, exit 3 (issue 18)", async () => {
        const other = await runPlan("prod", { vpcCidr: "10.20.0.0/24", reservedCidrs: '["10.20.0.192/26"]' });
        if ("error" in other) throw new Error(other.error);
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diff-")), "other-cidr.json");
        fs.writeFileSync(file, JSON.stringify(other));
        const { code, stdout } = await run(["prod", "--diff", file]);
        const op = (type: string, name: string) => new RegExp(`^ (\\+-|~|\\+|-) +${type} +${name} `, "m").exec(stdout)?.[1];
        expect(op("aws:ec2:Vpc", "network-vpc")).to.equal("+-");
        expect(stdout).to.include('        ~ cidrBlock: "10.20.0.0/24" => "192.168.0.0/24"  [forces replacement]');
        for (const subnet of ["public-a", "public-b", "app-a", "app-b", "db-a", "db-b"]) expect(op("aws:ec2:Subnet", `network-${subnet}`), subnet).to.equal("+-");
        // Everything that sits in the VPC or its subnets.
        for (const [type, name] of [["aws:ec2:NatGateway", "network-nat-a"], ["aws:ec2:NatGateway", "network-nat-b"], ["aws:ec2:RouteTable", "network-app-a"],
            ["aws:ec2:RouteTableAssociation", "network-db-a"], ["aws:ec2:SecurityGroup", "security-groups-rds"], ["aws:ec2:VpcEndpoint", "network-s3-endpoint"],
            ["aws:lb:TargetGroup", "internal-pe-tg"], ["aws:ec2:FlowLog", "network-flow-log"], ["aws:vpc:SecurityGroupIngressRule", "security-groups-rds-ingress-5432-ecs"]]) {
            expect(op(type, name), `${type} ${name}`).to.equal("+-");
        }
        expect(stdout).to.match(/^!!! {3}REPLACED aws:ec2:Vpc network-vpc \(cidrBlock\) under stateful database-primary, database-replica-1, database-replica-2$/m);
        expect(stdout).to.match(/^!!! {3}REPLACED aws:ec2:Subnet network-db-a \(cidrBlock; vpcId \(network-vpc replaced\)\) under stateful database-primary/m);
        expect(stdout.trimEnd().split("\n").pop()).to.match(/^Resources: 0 to create, \d+ to update, \d+ to replace, 0 to delete, \d+ unchanged$/);
        expect(Math.max(...stdout.split("\n").map((l) => [...l].length))).to.be.at.most(160);
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
