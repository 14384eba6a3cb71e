/**
 * No secret leaks: no stack output and no non-secret input carries a value the program marked
 * secret, over the whole graph of each stack; and no stack file holds a secret key in plain text.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { SECRET_CONFIG_KEYS } from "../../config/secrets";
import type { EvaluatedStack } from "../../lib/planRecord";
import { collectSecrets, findLeaks, leaksMessage, MIN_SECRET_LENGTH, plainSecretConfig, SecretValue, stringLeaves } from "../../tools/safety/secretLeaks";
import { planOf, runPlan, STACKS } from "../support/plans";
import { redactSecrets } from "../../tools/offline/redact";
import { copyOf, EditablePlan, find } from "./fixtures";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const PROJECT = "fivestar-payments";
const PARAMETER = "aws:ssm/parameter:Parameter";
const DB_PASSWORD = "mock-password-db-credentials-password";

/** Every config key the program reads with getSecret (config/secrets.ts). */
const SECRET_KEYS: string[] = Object.values(SECRET_CONFIG_KEYS).flatMap((keys) => Object.values(keys) as string[]);
/** A distinctive value per secret key, so the search can follow each one through the program. */
const PROBES: Record<string, string> = Object.fromEntries(SECRET_KEYS.map((k) => [k, `leak-probe-${k}`]));
const probeSecrets: SecretValue[] = Object.entries(PROBES).map(([key, value]) => ({ value, source: `config ${key} (getSecret)` }));

const leaksOf = (plan: EvaluatedStack, known: SecretValue[] = []) => findLeaks(plan, collectSecrets(plan, known));

describe("safety: no secret leaks in the real stacks", () => {
    for (const stack of STACKS) {
        it(`${stack}: no output or plain input carries a secret (database password, JWT key)`, async () => {
            const plan = (await planOf(stack)).evaluated;
            const leaks = leaksOf(plan);
            if (leaks.length) throw new Error(leaksMessage(stack, leaks));
        });

        it(`${stack}: the search has the generated secrets to look for`, async () => {
            const values = collectSecrets((await planOf(stack)).evaluated).map((s) => s.value);
            expect(values).to.include.members([DB_PASSWORD, "mock-password-app-parameters-jwt-secret-key"]);
        });

        it(`${stack}: Pulumi.${stack}.yaml holds no plain value for a key read with getSecret`, () => {
            const doc = YAML.parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8"));
            expect(plainSecretConfig(doc, PROJECT, SECRET_KEYS)).to.deep.equal([]);
        });
    }

    describe("prod with every integration secret set", () => {
        const probed = async () => {
            const result = await runPlan("prod", PROBES);
            if ("error" in result) throw new Error(`prod did not plan with the secret keys set: ${result.error}`);
            return result;
        };

        it("each secret reaches the program as a secret input (so the search below proves something)", async () => {
            const plan = await probed();
            const secretInputs = collectSecrets(plan).map((s) => s.value).join("\n");
            for (const value of Object.values(PROBES)) expect(secretInputs, value).to.include(value);
        });

        it("no output or plain input carries one", async () => {
            const leaks = leaksOf(await probed(), probeSecrets);
            if (leaks.length) throw new Error(leaksMessage("prod (secrets set)", leaks));
        });
    });
});

describe("safety: secret leaks caught on copies of the real prod plan", () => {
    let prod: EditablePlan;
    beforeEach(async () => {
        prod = copyOf((await planOf("prod")).evaluated);
    });

    it("the database password in a plain (String) SSM parameter is a leak", () => {
        const redis = find(prod, PARAMETER, "app-parameters-app-redis-url");
        expect(redis.inputs.type).to.equal("String");
        redis.inputs.value = `redis://user:${DB_PASSWORD}@cache:6379`;
        expect(leaksOf(prod)).to.deep.equal([{
            where: `${redis.urn} input value`,
            source: `${find(prod, "random:index/randomPassword:RandomPassword", "db-credentials-password").urn} output result`,
        }]);
    });

    it("the same value in a SecureString parameter is not", () => {
        const jwt = find(prod, PARAMETER, "app-parameters-app-jwt-secret-key");
        expect(jwt.inputs.type).to.equal("SecureString");
        jwt.inputs.value = DB_PASSWORD;
        expect(leaksOf(prod)).to.deep.equal([]);
    });

    it("a secret in a nested plain input (a tag) is a leak, reported with its path", () => {
        const vpc = find(prod, "aws:ec2/vpc:Vpc", "network-vpc");
        vpc.inputs.tags = { Name: "vpc", Debug: `jwt=mock-password-app-parameters-jwt-secret-key` };
        expect(leaksOf(prod).map((l) => l.where)).to.deep.equal([`${vpc.urn} input tags.Debug`]);
    });

    it("a stack output carrying a secret in plain is a leak; the same output marked secret is not", () => {
        prod.outputs = { ...prod.outputs, dbPassword: { value: DB_PASSWORD, secret: false } };
        expect(leaksOf(prod).map((l) => l.where)).to.deep.equal(["stack output dbPassword"]);
        prod.outputs = { ...prod.outputs, dbPassword: { value: DB_PASSWORD, secret: true } };
        expect(leaksOf(prod)).to.deep.equal([]);
    });

    it("a secret stack output is itself searched for elsewhere", () => {
        prod.outputs = { ...prod.outputs, signingKey: { value: "an-exported-signing-key", secret: true }, note: { value: "key=an-exported-signing-key", secret: false } };
        expect(leaksOf(prod)).to.deep.equal([{ where: "stack output note", source: "stack output signingKey (secret)" }]);
    });

    it("a config secret read in plain (known value) is found wherever it lands", () => {
        find(prod, "aws:iam/role:Role", "ecs-roles-task").inputs.description = "leak-probe-razorpayKeySecret";
        expect(leaksOf(prod, probeSecrets).map((l) => l.source)).to.deep.equal(["config razorpayKeySecret (getSecret)"]);
    });

    it(`values shorter than ${MIN_SECRET_LENGTH} characters are not searched ("false", "{}" are secret in every SSM parameter)`, () => {
        const values = collectSecrets(prod).map((s) => s.value);
        expect(values.filter((v) => v.length < MIN_SECRET_LENGTH)).to.deep.equal([]);
        expect(values).to.not.include("false");
    });

    it("the failure message names the place, the secret's origin and the fix", () => {
        const message = leaksMessage("prod", [{ where: "urn:x input value", source: "urn:y output result" }]);
        expect(message).to.equal([
            "1 secret value(s) reach plain text in stack prod:",
            "  urn:x input value\n    carries the secret from urn:y output result",
            "Pass the value as a secret (pulumi.secret / an Output from getSecret) or leave it out.",
        ].join("\n"));
    });
});

describe("safety: secret helpers", () => {
    it("lists every string with its path in the secretPaths notation", () => {
        expect(stringLeaves({ a: { b: ["x", 1, { c: "y" }] }, d: "z" })).to.deep.equal([
            { path: "a.b[0]", value: "x" }, { path: "a.b[2].c", value: "y" }, { path: "d", value: "z" },
        ]);
    });

    it("flags a secret key with a plain value in a stack file, qualified or not; secure: values pass", () => {
        const doc = { config: {
            "fivestar-payments:razorpayKeySecret": "rzp_live_abc",
            juspayApiKey: "jp-key",
            "fivestar-payments:juspayWebhookPassword": { secure: "AAABAxyz" },
        } };
        expect(plainSecretConfig(doc, PROJECT, SECRET_KEYS)).to.deep.equal(["fivestar-payments:razorpayKeySecret", "juspayApiKey"]);
    });

    it("a stack file without config has nothing to flag", () => {
        expect(plainSecretConfig(null, PROJECT, SECRET_KEYS)).to.deep.equal([]);
    });
});

describe("safety: the offline plan's JSON shows no secret (tools/offline/redact.ts)", () => {
    it("every input at a secret path and every secret output becomes [secret]; nothing else changes", async () => {
        const prod = copyOf((await planOf("prod")).evaluated);
        const version = prod.resources.find((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion")!;
        version.inputs = { secretString: "s3cr3t", nested: { list: ["plain", "hidden"] } };
        version.secretPaths = ["secretString", "nested.list[1]"];
        const outputs = { ...prod.outputs, token: { value: "t0ken", secret: true } };
        const redacted = redactSecrets({ ...prod, outputs });
        const after = redacted.resources.find((r) => r.urn === version.urn)!;
        expect(after.inputs).to.deep.equal({ secretString: "[secret]", nested: { list: ["plain", "[secret]"] } });
        expect(redacted.outputs.token).to.deep.equal({ value: "[secret]", secret: true });
        expect(redacted.outputs.vpcId).to.deep.equal(prod.outputs.vpcId);
        expect(JSON.stringify(redacted)).to.not.include("s3cr3t").and.not.include("t0ken");
    });
});
