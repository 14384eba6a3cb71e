import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { DatabaseConnection } from "../../data/databaseConnection";
import { construct, inAccount, valueOf } from "../support/component";

const HOST = "staging-fivestar-payments-db.mock.rds.amazonaws.com";

describe("DatabaseConnection (§4.2: how applications reach the database)", () => {
    const build = () => construct(() => new DatabaseConnection("connection", {
        environment: "staging",
        secretId: "database-secret-id",
        secretArn: "arn:aws:secretsmanager:ap-south-1:123456789013:secret:fivestar/payments/staging/database",
        host: HOST,
        port: 5432,
        password: pulumi.secret("db-pass"),
    }, inAccount()));

    it("writes the database secret: username fivestar_app, the password, the host, port 5432, database fivestar_payments, as a secret", async () => {
        const built = await build();
        const version = built.one("aws:secretsmanager/secretVersion:SecretVersion", "connection-secret");
        expect(version.inputs.secretId).to.equal("database-secret-id");
        expect(JSON.parse(String(version.inputs.secretString))).to.deep.equal({
            username: "fivestar_app", password: "db-pass", host: HOST, port: 5432, database: "fivestar_payments",
        });
        expect(version.secretPaths).to.include("secretString");
    });

    it("app/database_url is postgresql://<rds host>:5432/fivestar_payments, a plain String with no credentials", async () => {
        const built = await build();
        const url = built.one("aws:ssm/parameter:Parameter", "connection-database-url");
        expect(url.inputs).to.include({
            name: "/fivestar/payments/staging/app/database_url",
            type: "String",
            value: `postgresql://${HOST}:5432/fivestar_payments`,
        });
        expect(String(url.inputs.value)).to.not.include("db-pass");
        expect(await valueOf(built.component.databaseUrlParameterName)).to.equal("/fivestar/payments/staging/app/database_url");
    });

    it("is a fivestar:data:DatabaseConnection that parents both records", async () => {
        const built = await build();
        const component = built.one("fivestar:data:DatabaseConnection", "connection");
        for (const r of built.resources.filter((x) => x.custom && x.type.startsWith("aws:"))) expect(r.parent).to.equal(component.urn);
    });
});
