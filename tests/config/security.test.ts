/**
 * Security config (issue 3): integration settings, Parameter Store values, guardrail switches, and
 * the payment gateway secrets that only come from `pulumi config set --secret`.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { parseStackConfig, StackConfigError } from "../../config";
import { isComplete, loadStackSecrets, SECRET_CONFIG_KEYS, stackSecretsProblems } from "../../config/secrets";
import { rawStackConfig, rejection } from "../support/config";
import { valueOf } from "../support/component";

const ALL_SECRET_KEYS = Object.values(SECRET_CONFIG_KEYS).flatMap((g) => Object.values(g) as string[]);

describe("security config: values per stack (§2.2.3, §4.1, §4.2.1)", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: Parameter Store defaults (no Redis, maintenance off, {} flags and limits, {} partner configs, no MuleSoft URL)`, () => {
            const cfg = parseStackConfig(rawStackConfig(stack));
            expect(cfg.parameters).to.deep.equal({ redisUrl: undefined, maintenanceMode: false, featureFlags: "{}", rateLimits: "{}" });
            expect(cfg.integrations.bankingPartnerConfigs).to.equal("{}");
            expect(cfg.integrations.mulesoftEndpoint).to.equal(undefined);
        });
        it(`${stack}: WAF rate limit defaults to 2000 requests per IP per 5 minutes`, () => {
            expect(parseStackConfig(rawStackConfig(stack)).guardrails.wafRateLimit).to.equal(2000);
        });
    }

    it("keeps the integration environments of §4.1 (sandbox/testing outside prod)", () => {
        expect(parseStackConfig(rawStackConfig("dev")).integrations).to.include({ razorpayEnvironment: "sandbox", juspayEnvironment: "testing", lmsEnvironment: "mock" });
        expect(parseStackConfig(rawStackConfig("prod")).integrations).to.include({ razorpayEnvironment: "production", juspayEnvironment: "production" });
    });

    it("JSON settings given as YAML maps or text are stored as canonical JSON", () => {
        const cfg = parseStackConfig(rawStackConfig("dev", { featureFlags: "{ \"upi\" : true }", rateLimits: "{\"perMinute\": 600}" }));
        expect(cfg.parameters.featureFlags).to.equal("{\"upi\":true}");
        expect(cfg.parameters.rateLimits).to.equal("{\"perMinute\":600}");
    });
});

describe("security config: rejections name the key and what is allowed", () => {
    for (const k of ["guardDutyEnabled", "awsConfigEnabled", "cloudTrailEnabled", "wafEnabled"]) {
        it(`prod refuses ${k} = false (§2.2.3, §4.1.3)`, () => {
            expect(rejection("prod", { [k]: "false" })).to.include(`fivestar-payments:${k} = false in environment "prod": must be true`);
        });
        it(`${k} must be a boolean`, () => {
            expect(rejection("dev", { [k]: "yes" })).to.include(`fivestar-payments:${k} = "yes": must be true or false`);
        });
        it(`${k} is required`, () => {
            expect(rejection("staging", { [k]: undefined })).to.include(`fivestar-payments:${k} is not set: required`);
        });
    }

    it("dev and staging may switch guardrails off", () => {
        expect(parseStackConfig(rawStackConfig("staging", { wafEnabled: "false" })).guardrails.waf).to.equal(false);
    });

    it("still refuses a production payment gateway outside prod (§4.1)", () => {
        expect(rejection("staging", { razorpayEnvironment: "production" })).to.include("fivestar-payments:razorpayEnvironment = \"production\" in environment \"staging\"");
    });

    it("wafRateLimit must be a whole number from 10 to 2000000000", () => {
        expect(rejection("prod", { wafRateLimit: "5" })).to.include("fivestar-payments:wafRateLimit = \"5\": must be at least 10");
        expect(rejection("prod", { wafRateLimit: "many" })).to.include("fivestar-payments:wafRateLimit = \"many\": must be a whole number");
    });

    it("redisUrl must be rediss:// (TLS) and carry no credentials", () => {
        expect(rejection("dev", { redisUrl: "redis://cache:6379" })).to.include("fivestar-payments:redisUrl = \"redis://cache:6379\": must be a rediss:// URL (TLS)");
        expect(rejection("dev", { redisUrl: "rediss://:token@cache:6379" })).to.include("fivestar-payments:redisUrl").and.include("no credentials");
        expect(parseStackConfig(rawStackConfig("dev", { redisUrl: "rediss://cache.internal:6379" })).parameters.redisUrl).to.equal("rediss://cache.internal:6379");
    });

    it("mulesoftEndpoint and lmsEndpoint must be https:// URLs without credentials", () => {
        expect(rejection("dev", { mulesoftEndpoint: "http://mule.example.com" })).to.include("fivestar-payments:mulesoftEndpoint = \"http://mule.example.com\": must be an https:// URL");
        expect(rejection("dev", { lmsEndpoint: "https://user:pw@lms.example.com" })).to.include("fivestar-payments:lmsEndpoint").and.include("no credentials");
    });

    for (const k of ["bankingPartnerConfigs", "featureFlags", "rateLimits"]) {
        it(`${k} must be a JSON object`, () => {
            expect(rejection("dev", { [k]: "[1,2]" })).to.include(`fivestar-payments:${k} = "[1,2]": must be a JSON object`);
            expect(rejection("dev", { [k]: "{oops" })).to.include(`fivestar-payments:${k} = "{oops": must be a JSON object`);
        });
    }
});

describe("payment gateway secrets (§4.2.2): config secrets only", () => {
    const config = (values: Record<string, string>) => (k: string) => values[k];

    it("reads the seven keys razorpayKeyId, razorpayKeySecret, razorpayWebhookSecret, juspayMerchantId, juspayApiKey, juspayWebhookUsername, juspayWebhookPassword", () => {
        expect(ALL_SECRET_KEYS).to.deep.equal(["razorpayKeyId", "razorpayKeySecret", "razorpayWebhookSecret",
            "juspayMerchantId", "juspayApiKey", "juspayWebhookUsername", "juspayWebhookPassword"]);
    });

    it("none set, or a whole gateway set, is fine", () => {
        expect(stackSecretsProblems(config({}))).to.deep.equal([]);
        expect(stackSecretsProblems(config({ razorpayKeyId: "a", razorpayKeySecret: "b", razorpayWebhookSecret: "c" }))).to.deep.equal([]);
    });

    it("a half-set gateway is refused, naming the missing keys", () => {
        const problems = stackSecretsProblems(config({ juspayMerchantId: "m", juspayApiKey: "k" }));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.include("fivestar-payments:juspayWebhookUsername, fivestar-payments:juspayWebhookPassword not set while other juspay keys are");
    });

    it("an empty value is refused (it would be a placeholder credential)", () => {
        const problems = stackSecretsProblems(config({ razorpayKeyId: " ", razorpayKeySecret: "b", razorpayWebhookSecret: "c" }));
        expect(problems).to.deep.equal([
            "fivestar-payments:razorpayKeyId is empty: set the real value with `pulumi config set --secret razorpayKeyId <value>` or remove the key",
        ]);
    });

    it("no committed stack file holds a gateway secret in plain text", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            const file = YAML.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "..", `Pulumi.${stack}.yaml`), "utf8")).config ?? {};
            for (const k of ALL_SECRET_KEYS) {
                const value = file[`fivestar-payments:${k}`];
                if (value !== undefined) expect(value, `${stack} ${k}`).to.have.property("secure");
            }
        }
    });

    describe("loadStackSecrets under the Pulumi runtime", () => {
        // setAllConfig replaces the whole config map: keep and restore what was there for other tests.
        let saved: Record<string, string>;
        let savedSecret: string[];
        before(() => {
            saved = pulumi.runtime.allConfig();
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const isSecret: (k: string) => boolean = require("@pulumi/pulumi/runtime/config").isConfigSecret;
            savedSecret = Object.keys(saved).filter((k) => isSecret(k));
        });
        after(() => pulumi.runtime.setAllConfig(saved, savedSecret));

        it("returns secret Outputs for set keys and undefined for unset ones", async () => {
            const razorpay = { "fivestar-payments:razorpayKeyId": "rzp_test_1", "fivestar-payments:razorpayKeySecret": "s", "fivestar-payments:razorpayWebhookSecret": "w" };
            pulumi.runtime.setAllConfig(razorpay, Object.keys(razorpay));
            const secrets = loadStackSecrets();
            expect(isComplete(secrets.razorpay)).to.equal(true);
            expect(isComplete(secrets.juspay)).to.equal(false);
            expect(secrets.juspay.apiKey).to.equal(undefined);
            expect(await pulumi.isSecret(secrets.razorpay.keyId!)).to.equal(true);
            expect(await valueOf(secrets.razorpay.keyId!)).to.equal("rzp_test_1");
        });

        it("throws a StackConfigError for a half-set gateway", () => {
            pulumi.runtime.setAllConfig({ "fivestar-payments:juspayApiKey": "k" }, ["fivestar-payments:juspayApiKey"]);
            expect(() => loadStackSecrets()).to.throw(StackConfigError, "fivestar-payments:juspayMerchantId");
        });
    });
});
