/**
 * lib/types.ts is the one table of resource type tokens: the TypeScript tables are held to it by
 * `satisfies`; what the compiler cannot see (a JSON file, what the program registers) is checked here.
 */
import { expect } from "chai";
import * as forceNew from "../../tools/safety/forceNew.json";
import { isResourceType, RESOURCE_TYPES } from "../../lib/types";
import { planOf, STACKS } from "../support/plans";

/** Types of the table that a JSON file or a plan names but the table lacks. */
function unknownTypes(types: Iterable<string>): string[] {
    return [...new Set(types)].filter((t) => !isResourceType(t)).sort();
}

describe("lib: resource type tokens, typed once", () => {
    it("names each token once, as the SDKs spell them (<package>:<module>/<resource>:<Resource>, pulumi:providers:<package>)", () => {
        const tokens = Object.values(RESOURCE_TYPES);
        expect(new Set(tokens).size).to.equal(tokens.length);
        for (const t of tokens) expect(t).to.match(/^((aws|random):[a-z0-9]+\/[a-z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*|pulumi:providers:(aws|random))$/);
    });

    it("every type of tools/safety/forceNew.json is in the table", () => {
        const keys = Object.keys(forceNew).filter((k) => !k.startsWith("$") && k !== "default");
        expect(keys.length).to.be.greaterThan(50);
        expect(unknownTypes(keys)).to.deep.equal([]);
    });

    for (const stack of STACKS) {
        it(`${stack}: every AWS and random type and provider the plan registers is in the table`, async () => {
            const plan = await planOf(stack);
            expect(unknownTypes(plan.resources.map((r) => r.type).filter((t) => /^(aws|random|pulumi:providers):/.test(t)))).to.deep.equal([]);
        });
    }

    it("the check names a type the table lacks", () => {
        expect(unknownTypes(["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:rds/cluster:Cluster"])).to.deep.equal(["aws:rds/cluster:Cluster"]);
    });
});
