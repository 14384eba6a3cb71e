import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { policyPackConfigsFor } from "../../automation/policyConfig";

const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("delivery tool: per-stack policy pack config", () => {
    it("passes <pack>/config/<stack>.json for each pack that has one", () => {
        const present = new Set(["policy/config/prod.json"]);
        expect(policyPackConfigsFor(["policy", "other-pack"], "prod", (f) => present.has(f))).to.deep.equal(["policy/config/prod.json"]);
        expect(policyPackConfigsFor(["policy"], "dev", (f) => present.has(f))).to.deep.equal([]);
        expect(policyPackConfigsFor([], "prod", () => true)).to.deep.equal([]);
    });

    it("the project's pack has a config file for every stack", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            expect(policyPackConfigsFor([path.join(ROOT, "policy")], stack)).to.deep.equal([path.join(ROOT, "policy", "config", `${stack}.json`)]);
            expect(fs.existsSync(path.join(ROOT, "policy", "config", `${stack}.json`))).to.equal(true);
        }
    });
});
