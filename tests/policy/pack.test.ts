/**
 * The pack as shipped: rule names and metadata, the controls issue 8 requires, the per-stack
 * configs the CLI reads (--policy-pack-config), their documentation in policy/README.md, and the
 * pack's own package.json.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { EnforcementLevel } from "@pulumi/policy";
import { PACK_ENFORCEMENT, POLICIES } from "../../policy/pack";
import { STACKS } from "../support/plans";
import { deviations, POLICY_DIR, PROJECT_DIR, stackPackConfig } from "./support/packConfig";

/** Issue 8's list of controls the pack must cover. */
const REQUIRED_CONTROLS = [
    "RDS.2", "RDS.3", "RDS.5", "RDS.6", "RDS.8", "RDS.9", "RDS.11", "RDS.13", "RDS.17",
    "EC2.2", "EC2.6", "EC2.15", "EC2.18", "EC2.19",
    "ECS.2", "ECS.4", "ECS.5", "ECS.8", "ECS.9", "ECS.12",
    "ELB.1", "ELB.4", "ELB.5", "ELB.6", "ELB.12", "ELB.13", "ELB.16", "ELB.17", "ELB.18",
    "KMS.4", "CloudTrail.1", "CloudTrail.2", "CloudTrail.4", "CloudTrail.5", "GuardDuty.1", "Config.1",
    "DynamoDB.2", "DynamoDB.6", "IAM.1", "IAM.21", "CloudWatch.15", "secretsmanager-using-cmk", "S3.8", "S3.17",
];

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
const controlOf = (p: (typeof POLICIES)[number]) => p.framework?.reference ?? "";

describe("policy pack", () => {
    describe("rules", () => {
        it("have unique names", () => {
            const names = POLICIES.map((p) => p.name);
            expect(names.filter((n, i) => names.indexOf(n) !== i)).to.deep.equal([]);
        });

        it("cover every control issue 8 lists", () => {
            const covered = POLICIES.map(controlOf);
            expect(REQUIRED_CONTROLS.filter((id) => !covered.includes(id))).to.deep.equal([]);
        });

        for (const policy of POLICIES) {
            it(`${policy.name} is named after its control and states it in the description`, () => {
                const id = controlOf(policy);
                expect(policy.description.startsWith(`${id}: `), policy.description).to.equal(true);
                if (/^[A-Za-z0-9]+\.\d+$/.test(id)) expect(policy.name.startsWith(`${id.toLowerCase().replace(".", "-")}-`), policy.name).to.equal(true);
            });
        }

        it("set no enforcement level of their own (the stack configs decide), and default to mandatory", () => {
            expect(POLICIES.filter((p) => p.enforcementLevel !== undefined).map((p) => p.name)).to.deep.equal([]);
            expect(PACK_ENFORCEMENT).to.equal("mandatory");
        });
    });

    describe("stack configs (policy/config/<stack>.json)", () => {
        const names = POLICIES.map((p) => p.name);
        for (const stack of STACKS) {
            it(`${stack}.json names only rules of the pack (or "all"), with valid levels and properties the rule declares`, () => {
                expect(Object.keys(stackPackConfig(stack)).filter((key) => key !== "all" && !names.includes(key))).to.deep.equal([]);
                const problems = Object.entries(stackPackConfig(stack)).flatMap(([name, entry]) => {
                    if (typeof entry === "string") return LEVELS.includes(entry) ? [] : [`${name}: level ${entry}`];
                    const declared = Object.keys(POLICIES.find((p) => p.name === name)?.configSchema?.properties ?? {});
                    return Object.entries(entry).flatMap(([key, value]) => {
                        if (key === "enforcementLevel") return LEVELS.includes(value as EnforcementLevel) ? [] : [`${name}: level ${String(value)}`];
                        return declared.includes(key) ? [] : [`${name}: undeclared property ${key}`];
                    });
                });
                expect(problems).to.deep.equal([]);
            });
        }

        it("prod waives nothing: every rule is mandatory there; no stack disables a rule", () => {
            expect(deviations(stackPackConfig("prod")).filter((d) => / (advisory|disabled)$/.test(d))).to.deep.equal([]);
            expect(STACKS.flatMap((s) => deviations(stackPackConfig(s)).filter((d) => d.endsWith(": disabled")))).to.deep.equal([]);
        });
    });

    describe("policy/README.md", () => {
        const readme = fs.readFileSync(path.join(POLICY_DIR, "README.md"), "utf8");

        /** Rows of the waiver table: | stack | rule | setting | reason |. */
        const waiverRows = () => readme.split("\n")
            .map((line) => line.split("|").map((cell) => cell.trim().replace(/`/g, "")))
            .filter((cells) => cells.length === 6 && (STACKS as readonly string[]).includes(cells[1]))
            .map(([, stack, rule, setting, reason]) => ({ stack, rule, setting, reason }));

        for (const stack of STACKS) {
            it(`documents every deviation of ${stack}.json, and only those, in the waiver table`, () => {
                const documented = waiverRows().filter((r) => r.stack === stack).map((r) => `${r.rule}: ${r.setting}`).sort();
                expect(documented).to.deep.equal(deviations(stackPackConfig(stack)));
            });
        }

        it("gives every waiver a reason", () => {
            expect(waiverRows().filter((r) => r.reason.length < 20).map((r) => `${r.stack} ${r.rule}`)).to.deep.equal([]);
        });

        it("lists every rule with its control in the rules table", () => {
            expect(POLICIES.filter((p) => !readme.includes(`| \`${p.name}\` | [${controlOf(p)}](${p.url}) |`)).map((p) => p.name)).to.deep.equal([]);
        });
    });

    describe("pack directory", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));
        const root = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8"));

        it("is a nodejs policy pack (PulumiPolicy.yaml) declaring the same @pulumi versions the root build and these tests use", () => {
            for (const dep of ["@pulumi/policy", "@pulumi/pulumi", "@pulumi/aws"]) expect(pkg.dependencies[dep], dep).to.equal(root.dependencies[dep]);
            expect(YAML.parse(fs.readFileSync(path.join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8")).runtime).to.equal("nodejs");
        });
    });
});
