/**
 * Pulumi.yaml must declare the same keys as the schema, so `pulumi config` (types, descriptions and
 * missing-key errors from the CLI) agrees with what the program validates.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { CONFIG_KEYS } from "../../config/schema";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const project = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));

describe("Pulumi.yaml", () => {
    it("names the project fivestar-payments on the nodejs runtime, with a description", () => {
        expect(project.name).to.equal("fivestar-payments");
        expect(project.runtime.name).to.equal("nodejs");
        expect(project.description).to.be.a("string").with.length.greaterThan(20);
    });

    it("disables default providers, so nothing can land in an account by ambient credentials", () => {
        expect(project.config["pulumi:disable-default-providers"]).to.deep.equal({ value: ["*"] });
    });

    it("declares every required schema key with the schema's type and description", () => {
        for (const [name, spec] of Object.entries(CONFIG_KEYS).filter(([, s]) => s.required)) {
            expect(project.config[name], name).to.include({ type: spec.type, description: spec.description });
        }
    });

    it("declares nothing the schema does not know, and no optional key (the CLI would make it required)", () => {
        const declared = Object.keys(project.config).filter((k) => !k.includes(":"));
        const required = Object.entries(CONFIG_KEYS).filter(([, s]) => s.required).map(([k]) => k);
        expect(declared.sort()).to.deep.equal(required.sort());
    });

    // Each stack file sets every required key, only known keys, and secrets only as secure: values: checkStackConfig
    // accepts every committed stack file (input.test.ts "every stack file is in the table and agrees with it").
});
