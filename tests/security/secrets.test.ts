import { expect } from "chai";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { Environment } from "../../config/names";
import { StackSecrets } from "../../config/secrets";
import { DatabaseCredentials, DB_PASSWORD_SPECIALS } from "../../security/databaseCredentials";
import { AppSecrets, AppSecretsArgs } from "../../security/secrets";
import { secretRecoveryWindowDays } from "../../security/secretValues";
import { construct, inAccount, valueOf } from "../support/component";

const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
const PASSWORD = "random:index/randomPassword:RandomPassword";
const DATABASE_KEY = "arn:aws:kms:ap-south-1:123456789012:key/database";
const GENERAL_KEY = "arn:aws:kms:ap-south-1:123456789012:key/general";

const NONE: StackSecrets = {
    razorpay: { keyId: undefined, keySecret: undefined, webhookSecret: undefined },
    juspay: { merchantId: undefined, apiKey: undefined, webhookUsername: undefined, webhookPassword: undefined },
};
const ALL: StackSecrets = {
    razorpay: { keyId: pulumi.secret("rzp_test_1"), keySecret: pulumi.secret("rzp-secret"), webhookSecret: pulumi.secret("rzp-webhook") },
    juspay: { merchantId: pulumi.secret("merchant-1"), apiKey: pulumi.secret("jp-key"), webhookUsername: pulumi.secret("jp-user"), webhookPassword: pulumi.secret("jp-pass") },
};

function args(environment: Environment, overrides: Partial<AppSecretsArgs> = {}): AppSecretsArgs {
    return {
        environment,
        databaseKmsKeyArn: DATABASE_KEY,
        generalKmsKeyArn: GENERAL_KEY,
        integrations: NONE,
        protect: environment === "prod",
        ...overrides,
    };
}

describe("DatabaseCredentials (§4.2.2 password: <generated>)", () => {
    it("generates a long random password from characters RDS accepts (no / @ \" ' or space); a secret output; username is fivestar_app", async () => {
        const built = await construct(() => new DatabaseCredentials("db-credentials", { protect: false }, inAccount()));
        const pw = built.one(PASSWORD, "db-credentials-password");
        expect(pw.inputs.length).to.be.at.least(32);
        expect(pw.inputs.special).to.equal(true);
        expect(pw.inputs.overrideSpecial).to.equal(DB_PASSWORD_SPECIALS);
        for (const banned of ["/", "@", "\"", "'", " "]) expect(DB_PASSWORD_SPECIALS, banned).to.not.include(banned);
        expect(await pulumi.isSecret(built.component.password)).to.equal(true);
        expect(await valueOf(built.component.password)).to.equal("mock-password-db-credentials-password");
        expect(await valueOf(built.component.username)).to.equal("fivestar_app");
    });

    it("is protected in prod (a new password would rotate the live master password)", async () => {
        const prod = await construct(() => new DatabaseCredentials("db-credentials", { protect: true }, inAccount()));
        expect(prod.one(PASSWORD, "db-credentials-password").protect).to.equal(true);
        const dev = await construct(() => new DatabaseCredentials("db-credentials", { protect: false }, inAccount()));
        expect(dev.one(PASSWORD, "db-credentials-password").protect).to.equal(false);
    });

    it("the password uses the random provider handed to the component (default providers are disabled)", async () => {
        const built = await construct(() => new DatabaseCredentials("db-credentials", { protect: false }, {
            providers: { aws: new aws.Provider("test-account", { region: "ap-south-1" }), random: new random.Provider("test-random") },
        }));
        const provider = built.one("pulumi:providers:random", "test-random");
        expect(built.one(PASSWORD, "db-credentials-password").provider).to.equal(provider.urn);
    });
});

describe("AppSecrets (§4.2.2)", () => {
    // Once: each stack's own secret names on its real plan are tests/program/security.test.ts.
    it("prod: secrets fivestar/payments/prod/database under the database key, /razorpay and /juspay under the general key", async () => {
        const built = await construct(() => new AppSecrets("secrets", args("prod"), inAccount()));
        expect(built.ofType(SECRET).map((x) => [x.name, x.inputs.name, x.inputs.kmsKeyId])).to.have.deep.members([
            ["secrets-database", "fivestar/payments/prod/database", DATABASE_KEY],
            ["secrets-razorpay", "fivestar/payments/prod/razorpay", GENERAL_KEY],
            ["secrets-juspay", "fivestar/payments/prod/juspay", GENERAL_KEY],
        ]);
    });

    it("the database secret is created without a value (the data layer writes it once the endpoint exists); integration secrets with nothing set in config exist empty: no version, no placeholder value", async () => {
        const built = await construct(() => new AppSecrets("secrets", args("dev"), inAccount()));
        expect(built.ofType(VERSION).map((v) => v.name)).to.deep.equal([]);
        expect(await valueOf(built.component.databaseSecretId)).to.equal("secrets-database-id");
        expect(built.one(SECRET, "secrets-razorpay").inputs.description).to.include("key_id, key_secret, webhook_secret");
        expect(built.one(SECRET, "secrets-juspay").inputs.description).to.include("merchant_id, api_key, webhook_username, webhook_password");
    });

    it("a gateway with only some values set gets no version either (config validation refuses that case earlier)", async () => {
        const partial: StackSecrets = { ...NONE, razorpay: { ...NONE.razorpay, keyId: pulumi.secret("rzp_test_1") } };
        const built = await construct(() => new AppSecrets("secrets", args("dev", { integrations: partial }), inAccount()));
        expect(built.ofType(VERSION).map((v) => v.name)).to.deep.equal([]);
    });

    it("integration secrets with every value set get the §4.2.2 fields, as secrets; the outputs are only the secret ARNs, none secret or holding a value", async () => {
        const built = await construct(() => new AppSecrets("secrets", args("prod", { integrations: ALL }), inAccount()));
        const razorpay = built.one(VERSION, "secrets-razorpay");
        expect(JSON.parse(String(razorpay.inputs.secretString))).to.deep.equal({ key_id: "rzp_test_1", key_secret: "rzp-secret", webhook_secret: "rzp-webhook" });
        expect(razorpay.secretPaths).to.include("secretString");
        const juspay = built.one(VERSION, "secrets-juspay");
        expect(JSON.parse(String(juspay.inputs.secretString))).to.deep.equal({
            merchant_id: "merchant-1", api_key: "jp-key", webhook_username: "jp-user", webhook_password: "jp-pass",
        });
        expect(juspay.secretPaths).to.include("secretString");
        // The component outputs only the secret ARNs, none of them secret or holding a value.
        for (const arn of [built.component.databaseSecretArn, built.component.razorpaySecretArn, built.component.juspaySecretArn]) {
            expect(await pulumi.isSecret(arn)).to.equal(false);
            expect(await valueOf(arn)).to.match(/^arn:aws:secretsmanager:.*fivestar\/payments\/prod\/(database|razorpay|juspay)$/);
        }
    });

    it("prod: secrets protected with a 30-day recovery window; elsewhere 7 days, unprotected", async () => {
        expect(secretRecoveryWindowDays(true)).to.equal(30);
        expect(secretRecoveryWindowDays(false)).to.equal(7);
        const prod = await construct(() => new AppSecrets("secrets", args("prod"), inAccount()));
        const dev = await construct(() => new AppSecrets("secrets", args("dev"), inAccount()));
        for (const which of ["database", "razorpay", "juspay"]) {
            expect(prod.one(SECRET, `secrets-${which}`).inputs.recoveryWindowInDays).to.equal(30);
            expect(prod.one(SECRET, `secrets-${which}`).protect).to.equal(true);
            expect(dev.one(SECRET, `secrets-${which}`).inputs.recoveryWindowInDays).to.equal(7);
            expect(dev.one(SECRET, `secrets-${which}`).protect).to.equal(false);
        }
    });
});

describe("AppSecrets replicas (issue 17)", () => {
    const REPLICA = { region: "ap-south-2", databaseKmsKeyArn: "arn:aws:kms:ap-south-2:123456789012:key/replica-database", generalKmsKeyArn: "arn:aws:kms:ap-south-2:123456789012:key/replica-general" };
    it("each secret replicates to ap-south-2: the database secret under the replica database key, the integrations under the replica general key", async () => {
        const built = await construct(() => new AppSecrets("app-secrets-replicated", args("prod", { replica: REPLICA }), inAccount()));
        const replicas = Object.fromEntries(built.ofType(SECRET).map((s) => [s.name, s.inputs.replicas]));
        expect(replicas).to.deep.equal({
            "app-secrets-replicated-database": [{ region: "ap-south-2", kmsKeyId: REPLICA.databaseKmsKeyArn }],
            "app-secrets-replicated-razorpay": [{ region: "ap-south-2", kmsKeyId: REPLICA.generalKmsKeyArn }],
            "app-secrets-replicated-juspay": [{ region: "ap-south-2", kmsKeyId: REPLICA.generalKmsKeyArn }],
        });
    });
    it("without a replica, no secret has replicas", async () => {
        const built = await construct(() => new AppSecrets("app-secrets-single", args("staging"), inAccount()));
        for (const s of built.ofType(SECRET)) expect(s.inputs, s.name).not.to.have.property("replicas");
    });
});
