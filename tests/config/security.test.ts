/**
 * Security config (issue 3): integration settings, Parameter Store values, guardrail switches, and
 * the payment gateway secrets that only come from `pulumi config set --secret`.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig, StackConfigError } from "../../config";
import { isComplete, loadStackSecrets, SECRET_CONFIG_KEYS, stackSecretsProblems } from "../../config/secrets";
import { rawStackConfig } from "../support/config";
import { itRefuses, Refusal } from "./fixtures";
import { valueOf } from "../support/component";

const ALL_SECRET_KEYS = Object.values(SECRET_CONFIG_KEYS).flatMap((g) => Object.values(g) as string[]);

describe("security config: values per stack (§2.2.3, §4.1, §4.2.1)", () => {
    it("Parameter Store defaults (no Redis, maintenance off, {} flags, limits and partner configs, no MuleSoft URL) and a WAF limit of 2000 per IP per 5 minutes in every stack", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            const cfg = parseStackConfig(rawStackConfig(stack));
            expect(cfg.parameters, stack).to.deep.equal({ redisUrl: undefined, maintenanceMode: false, featureFlags: "{}", rateLimits: "{}" });
            expect([cfg.integrations.bankingPartnerConfigs, cfg.integrations.mulesoftEndpoint, cfg.guardrails.wafRateLimit], stack).to.deep.equal(["{}", undefined, 2000]);
        }
    });

    it("JSON settings given as YAML maps or text are stored as canonical JSON; a rediss:// URL is taken; dev and staging may switch guardrails off", () => {
        const cfg = parseStackConfig(rawStackConfig("dev", { featureFlags: "{ \"upi\" : true }", rateLimits: "{\"perMinute\": 600}", redisUrl: "rediss://cache.internal:6379" }));
        expect([cfg.parameters.featureFlags, cfg.parameters.rateLimits, cfg.parameters.redisUrl]).to.deep.equal(["{\"upi\":true}", "{\"perMinute\":600}", "rediss://cache.internal:6379"]);
        expect(parseStackConfig(rawStackConfig("staging", { wafEnabled: "false" })).guardrails.waf).to.equal(false);
    });
});

describe("security config: rejections name the key and what is allowed", () => {
    itRefuses([
        ...["guardDutyEnabled", "awsConfigEnabled", "cloudTrailEnabled", "wafEnabled"].flatMap((k): Refusal[] => [
            [`prod refuses ${k} = false (§2.2.3, §4.1.3)`, "prod", { [k]: "false" }, `fivestar-payments:${k} = false in environment "prod": must be true`],
            [`${k} must be a boolean`, "dev", { [k]: "yes" }, `fivestar-payments:${k} = "yes": must be true or false`],
            [`${k} is required`, "staging", { [k]: undefined }, `fivestar-payments:${k} is not set: required`],
        ]),
        ["wafRateLimit below 10", "prod", { wafRateLimit: "5" }, "fivestar-payments:wafRateLimit = \"5\": must be at least 10"],
        ["wafRateLimit not a number", "prod", { wafRateLimit: "many" }, "fivestar-payments:wafRateLimit = \"many\": must be a whole number"],
        ["redisUrl without TLS", "dev", { redisUrl: "redis://cache:6379" }, "fivestar-payments:redisUrl = \"redis://cache:6379\": must be a rediss:// URL (TLS)"],
        ["redisUrl with credentials", "dev", { redisUrl: "rediss://:token@cache:6379" }, "fivestar-payments:redisUrl", "no credentials"],
        ["mulesoftEndpoint over http://", "dev", { mulesoftEndpoint: "http://mule.example.com" }, "fivestar-payments:mulesoftEndpoint = \"http://mule.example.com\": must be an https:// URL"],
        ["lmsEndpoint with credentials", "dev", { lmsEndpoint: "https://user:pw@lms.example.com" }, "fivestar-payments:lmsEndpoint", "no credentials"],
        ...["bankingPartnerConfigs", "featureFlags", "rateLimits"].flatMap((k): Refusal[] => [
            [`${k} as a JSON list`, "dev", { [k]: "[1,2]" }, `fivestar-payments:${k} = "[1,2]": must be a JSON object`],
            [`${k} not JSON`, "dev", { [k]: "{oops" }, `fivestar-payments:${k} = "{oops": must be a JSON object`],
        ]),
    ]);
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
