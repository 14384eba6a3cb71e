/**
 * The records that tell applications how to reach the database (§4.2): the value of the database
 * secret (username, password, host, port, database) and the `app/database_url` parameter. They need
 * the RDS endpoint, so they belong to the data layer: the prod rollout creates them in the data phase,
 * after the instance, while the secret itself (name, key, recovery window) is created with the
 * security layer.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { databaseUrl } from "../security/parameterPlan";
import { after } from "../lib/ready";
import { databaseSecretDocument } from "../security/secretValues";

export interface DatabaseConnectionArgs extends Pick<StackScope, "environment"> {
    /** AppSecrets.databaseSecretId: the `fivestar/payments/<env>/database` secret to write. */
    readonly secretId: pulumi.Input<string>;
    /** AppSecrets.databaseSecretArn: handed on as `databaseSecretArn` once the value is written. */
    readonly secretArn: pulumi.Input<string>;
    /** Database.address: the RDS host name, no port. */
    readonly host: pulumi.Input<string>;
    /** 5432 (§4.2.2). */
    readonly port: number;
    /** DatabaseCredentials.password (secret). */
    readonly password: pulumi.Input<string>;
}

export class DatabaseConnection extends pulumi.ComponentResource {
    /**
     * The database secret's ARN, resolving once its value is written: give consumers (task definitions)
     * this, never the secret's own ARN, so they wait for the value (RDS comes 10-40 minutes after the secret).
     */
    public readonly databaseSecretArn: pulumi.Output<string>;
    /** `/fivestar/payments/<env>/app/database_url`. */
    public readonly databaseUrlParameterName: pulumi.Output<string>;

    constructor(name: string, args: DatabaseConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:data:DatabaseConnection", name, {}, opts);
        const document = pulumi.all([args.host, args.password])
            .apply(([host, password]) => JSON.stringify(databaseSecretDocument({ host, password, port: args.port })));
        const version = new aws.secretsmanager.SecretVersion(`${name}-secret`, { secretId: args.secretId, secretString: pulumi.secret(document) }, { parent: this });
        this.databaseSecretArn = after(args.secretArn, [version]);

        // No credentials in the URL: applications take them from the secret.
        const parameter = new aws.ssm.Parameter(`${name}-database-url`, {
            name: `${names.parameterPrefix(args.environment)}/app/database_url`,
            type: "String",
            value: pulumi.output(args.host).apply((host) => databaseUrl(host, args.port)),
            description: "PostgreSQL URL of the payments database, no credentials (see the database secret)",
        }, { parent: this });

        this.databaseUrlParameterName = parameter.name;
        this.registerOutputs({ databaseUrlParameterName: this.databaseUrlParameterName, databaseSecretArn: this.databaseSecretArn });
    }
}
