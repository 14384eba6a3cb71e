/** The offline stand-in for the policy engine (support/engine.ts). */
import { expect } from "chai";
import { ResourceValidationPolicy, StackValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { enforcementLevel, formatViolations, policyConfig, policyResources, runPack, validateResource } from "./support/engine";
import { dependingOn, fixture, UNKNOWN_DURING_PREVIEW } from "./support/fixtures";

const reportsName: ResourceValidationPolicy = {
    name: "reports-name",
    description: "reports every resource",
    validateResource: (args, report) => report(args.name),
};
const schemaPolicy: StackValidationPolicy = {
    name: "with-schema",
    description: "has config",
    configSchema: { properties: { limit: { type: "number", default: 3 }, other: { type: "string" } } },
    validateStack: () => undefined,
};

describe("offline policy engine", () => {
    describe("enforcementLevel: the CLI's order", () => {
        it("takes the policy's own config entry over \"all\", the level inside an object entry, then falls back to \"all\", then the policy's level, then the pack's", () => {
            expect([
                enforcementLevel({ name: "p" }, { all: "mandatory", p: "advisory" }, "mandatory"),
                enforcementLevel({ name: "p" }, { p: { enforcementLevel: "disabled", x: 1 } }, "mandatory"),
                enforcementLevel({ name: "p", enforcementLevel: "advisory" }, { all: "mandatory" }, "advisory"),
                enforcementLevel({ name: "p", enforcementLevel: "advisory" }, {}, "mandatory"),
                enforcementLevel({ name: "p" }, { p: { x: 1 } }, "mandatory"),
            ]).to.deep.equal(["advisory", "disabled", "mandatory", "advisory", "mandatory"]);
        });
    });

    describe("policyConfig: what getConfig() returns", () => {
        it("applies schema defaults, then the stack's properties, without the level; the defaults alone when the stack only sets a level", () => {
            expect(policyConfig(schemaPolicy, { "with-schema": { enforcementLevel: "advisory", other: "x" } })).to.deep.equal({ limit: 3, other: "x" });
            expect(policyConfig(schemaPolicy, { "with-schema": "advisory" })).to.deep.equal({ limit: 3 });
        });
    });

    describe("resource validation", () => {
        it("hands the rule the resource's inputs behind the engine's unknown-checking proxy", async () => {
            const reader: ResourceValidationPolicy = { name: "reader", description: "reads kmsKeyId", validateResource: (args) => void args.props.kmsKeyId };
            let error: unknown;
            try {
                await validateResource(reader, fixture("aws:secretsmanager/secret:Secret", "s", { kmsKeyId: UNKNOWN_DURING_PREVIEW }));
            } catch (e) {
                error = e;
            }
            expect(error).to.be.instanceOf(UnknownValueError);
        });

        it("treats notApplicable() as no finding", async () => {
            const skipper: ResourceValidationPolicy = { name: "skipper", description: "skips", validateResource: (args) => args.notApplicable("not mine") };
            expect(await validateResource(skipper, fixture("t", "n", {}))).to.deep.equal([]);
        });
    });

    describe("stack resources", () => {
        it("resolve parent and dependencies to the resource objects", () => {
            const parent = fixture("fivestar:data:Database", "database", {});
            const child = dependingOn(fixture("t:x:Y", "child", {}, { parent: parent.urn }), parent);
            const [, resolved] = policyResources([parent, child]);
            expect([resolved.parent?.name, resolved.dependencies.map((d) => d.name)]).to.deep.equal(["database", ["database"]]);
        });
    });

    describe("runPack", () => {
        const resources = [fixture("t:x:A", "a", {}), fixture("t:x:B", "b", {})];

        it("reports each violation with the resolved level and resource, formatted one per line; skips a disabled policy", async () => {
            const violations = await runPack([reportsName], resources, { "reports-name": "advisory" }, "mandatory");
            expect(violations.map((v) => `${v.level} ${v.resource}`)).to.deep.equal(["advisory a", "advisory b"]);
            expect(formatViolations(await runPack([reportsName], resources.slice(0, 1), {}, "mandatory"))).to.equal("  mandatory reports-name  a  a");
            expect(await runPack([reportsName], resources, { all: "disabled" }, "mandatory")).to.deep.equal([]);
        });
    });
});
