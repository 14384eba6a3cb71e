/**
 * Pulumi.yaml must declare the same keys as the schema, so `pulumi config` (types, descriptions and
 * missing-key errors from the CLI) agrees with what the program validates.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { CONFIG_KEYS } from "../../config/schema";
import { SECRET_CONFIG_KEYS } from "../../config/secrets";
import { STACKS } from "../support/plans";

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

    const secretKeys: string[] = Object.values(SECRET_CONFIG_KEYS).flatMap((gateway) => Object.values(gateway));
    for (const stack of STACKS) {
        it(`Pulumi.${stack}.yaml sets every required key, only known keys, and secret keys only as secure: values`, () => {
            const file = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8"));
            const entries = Object.entries<unknown>(file.config).map(([k, v]) => [k.replace(/^fivestar-payments:/, ""), v] as const);
            const keys = entries.map(([k]) => k);
            for (const [name, spec] of Object.entries(CONFIG_KEYS)) if (spec.required) expect(keys, name).to.include(name);
            for (const [k, value] of entries) {
                if (secretKeys.includes(k)) expect(value, `${k} must be set with --secret`).to.have.property("secure");
                else expect(Object.keys(CONFIG_KEYS), `unknown key ${k}`).to.include(k);
            }
        });
    }
});
