import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ENVIRONMENTS, Environment } from "../../config/names";
import { AppParameters, AppParametersArgs } from "../../security/parameters";
import { databaseUrl, parameterPlan, UNSET_PARAMETER_VALUE } from "../../security/parameterPlan";
import { construct, inAccount, valueOf } from "../support/component";

const PARAMETER = "aws:ssm/parameter:Parameter";
const PASSWORD = "random:index/randomPassword:RandomPassword";
const GENERAL_KEY = "arn:aws:kms:ap-south-1:123456789012:key/general";

/** §4.1 External Integrations per environment. */
const INTEGRATIONS = {
    dev: { razorpay: "sandbox", juspay: "testing", lms: "mock" },
    staging: { razorpay: "sandbox", juspay: "testing", lms: "staging" },
    prod: { razorpay: "production", juspay: "production", lms: "production" },
} as const;

function args(environment: Environment, overrides: Partial<AppParametersArgs> = {}): AppParametersArgs {
    return {
        environment,
        integrationEnvironments: INTEGRATIONS[environment],
        kmsKeyArn: GENERAL_KEY,
        bankingPartnerConfigs: "{}",
        maintenanceMode: false,
        featureFlags: "{}",
        rateLimits: "{}",
        ...overrides,
    };
}

// The §4.2.1 table itself (every name and type) is asserted once per stack on the real plan: tests/program/security.test.ts.
describe("AppParameters (§4.2.1)", () => {
    it("SecureStrings are encrypted with the general CMK and their values are secret; Strings carry no key; outputs the prefix and the parameter ARNs, not their values, app/database_url not among them (the data layer writes it)", async () => {
        const built = await construct(() => new AppParameters("parameters", args("prod"), inAccount()));
        for (const p of built.ofType(PARAMETER)) {
            if (p.inputs.type === "SecureString") {
                expect(p.inputs.keyId, String(p.inputs.name)).to.equal(GENERAL_KEY);
                expect(p.secretPaths, String(p.inputs.name)).to.include("value");
            } else {
                expect(p.inputs, String(p.inputs.name)).to.not.have.property("keyId");
            }
        }
        expect(await valueOf(built.component.parameterPrefix)).to.equal("/fivestar/payments/prod");
        const arns = await valueOf(built.component.parameterArns);
        expect(Object.keys(arns)).to.have.members(built.ofType(PARAMETER).map((p) => String(p.inputs.name).replace("/fivestar/payments/prod/", "")));
        expect(Object.keys(arns)).to.include.members(["app/jwt_secret_key", "integrations/lms_endpoint", "features/rate_limits"]);
        expect(Object.keys(arns)).to.not.include("app/database_url");
        expect(await valueOf(built.component.jwtSecretKeyParameterArn)).to.equal(arns["app/jwt_secret_key"]);
        expect(await pulumi.isSecret(built.component.parameterArns)).to.equal(false);
    });

    it("app/jwt_secret_key is a generated random value of at least 256 bits (RFC 7518 §3.2: an HS256 key at least the hash size), never a fixed string; unset optional values become 'unset'", async () => {
        const built = await construct(() => new AppParameters("parameters", args("dev"), inAccount()));
        const jwt = built.one(PASSWORD, "parameters-jwt-secret-key");
        // At least letters and digits (upper, lower and numeric are on unless turned off): log2(62) bits a character.
        expect(Number(jwt.inputs.length) * Math.log2(62)).to.be.at.least(256);
        for (const off of ["upper", "lower", "numeric"]) expect(jwt.inputs[off], off).to.not.equal(false);
        expect(built.one(PARAMETER, "parameters-app-jwt-secret-key").inputs.value).to.equal("mock-password-parameters-jwt-secret-key");
        // Unset optional values become "unset" (SSM refuses empty values).
        for (const k of ["app-redis-url", "app-razorpay-key-id", "app-juspay-merchant-id", "integrations-lms-endpoint", "integrations-mulesoft-endpoint"]) {
            expect(built.one(PARAMETER, `parameters-${k}`).inputs.value, k).to.equal("unset");
        }
    });

    it("the JWT key uses the random provider and the parameters the AWS provider handed to the component", async () => {
        const built = await construct(() => new AppParameters("parameters", args("dev"), {
            providers: { aws: new aws.Provider("test-account", { region: "ap-south-1" }), random: new random.Provider("test-random") },
        }));
        expect(built.one(PASSWORD, "parameters-jwt-secret-key").provider).to.equal(built.one("pulumi:providers:random", "test-random").urn);
        const awsProvider = built.one("pulumi:providers:aws", "test-account").urn;
        for (const p of built.ofType(PARAMETER)) expect(p.provider, p.name).to.equal(awsProvider);
    });

    it("values from stack config land in their parameters", async () => {
        const built = await construct(() => new AppParameters("parameters", args("prod", {
            redisUrl: "rediss://cache.example.internal:6379",
            razorpayKeyId: pulumi.secret("rzp_live_1"),
            juspayMerchantId: pulumi.secret("merchant-1"),
            lmsEndpoint: "https://lms.example.com",
            mulesoftEndpoint: "https://mule.example.com",
            bankingPartnerConfigs: "{\"hdfc\":{\"enabled\":true}}",
            maintenanceMode: true,
            featureFlags: "{\"upi\":true}",
            rateLimits: "{\"perMinute\":600}",
        }), inAccount()));
        const value = (k: string) => built.one(PARAMETER, `parameters-${k}`).inputs.value;
        expect(value("app-redis-url")).to.equal("rediss://cache.example.internal:6379");
        expect(value("app-razorpay-key-id")).to.equal("rzp_live_1");
        expect(value("app-juspay-merchant-id")).to.equal("merchant-1");
        expect(value("integrations-lms-endpoint")).to.equal("https://lms.example.com");
        expect(value("integrations-mulesoft-endpoint")).to.equal("https://mule.example.com");
        expect(value("integrations-banking-partner-configs")).to.equal("{\"hdfc\":{\"enabled\":true}}");
        expect(value("features-maintenance-mode")).to.equal("true");
        expect(value("features-feature-flags")).to.equal("{\"upi\":true}");
        expect(value("features-rate-limits")).to.equal("{\"perMinute\":600}");
    });
});

describe("integration parameters (§4.1 External Integrations, §4.2.1 integrations/)", () => {
    /** The guide's environments and the gateway endpoints they imply. */
    const WANT = {
        dev: { razorpay_environment: "sandbox", razorpay_endpoint: "https://api.razorpay.com", juspay_environment: "testing", juspay_endpoint: "https://sandbox.juspay.in", lms_environment: "mock" },
        staging: { razorpay_environment: "sandbox", razorpay_endpoint: "https://api.razorpay.com", juspay_environment: "testing", juspay_endpoint: "https://sandbox.juspay.in", lms_environment: "staging" },
        prod: { razorpay_environment: "production", razorpay_endpoint: "https://api.razorpay.com", juspay_environment: "production", juspay_endpoint: "https://api.juspay.in", lms_environment: "production" },
    } as const;
    for (const env of ENVIRONMENTS) {
        it(`${env}: /fivestar/payments/${env}/integrations/ holds the environment and endpoint of each integration`, async () => {
            const built = await construct(() => new AppParameters("parameters", args(env, { lmsEndpoint: env === "dev" ? "https://mock.example" : undefined }), inAccount()));
            const value = (k: string) => built.ofType(PARAMETER).find((p) => p.inputs.name === `/fivestar/payments/${env}/integrations/${k}`)?.inputs.value;
            for (const [k, v] of Object.entries(WANT[env])) expect(value(k), k).to.equal(v);
            expect(value("lms_endpoint")).to.equal(env === "dev" ? "https://mock.example" : UNSET_PARAMETER_VALUE);
        });
    }
});

describe("parameter plan (§4.2.1)", () => {
    it("every parameter is named /fivestar/payments/<env>/<group>/<key> and every group is app, integrations or features", () => {
        const plan = parameterPlan("dev", { integrationEnvironments: INTEGRATIONS.dev, jwtSecretKey: "y", bankingPartnerConfigs: "{}", maintenanceMode: false, featureFlags: "{}", rateLimits: "{}" });
        for (const p of plan) expect(p.name).to.equal(`/fivestar/payments/dev/${p.group}/${p.key}`);
        expect(new Set(plan.map((p) => p.group))).to.deep.equal(new Set(["app", "integrations", "features"]));
    });

    it("databaseUrl builds postgresql://<host>:5432/fivestar_payments", () => {
        expect(databaseUrl("db.example")).to.equal("postgresql://db.example:5432/fivestar_payments");
    });
});
