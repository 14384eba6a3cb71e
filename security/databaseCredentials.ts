/**
 * The master password of the payments database (§4.2.2 "password: <generated>"), generated once
 * and kept only in Pulumi state (encrypted) and the database secret.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { names } from "../config/names";

/** Long enough to resist offline guessing; RDS accepts up to 128 characters for PostgreSQL (we stay well below). */
export const DB_PASSWORD_LENGTH = 40;
/**
 * Printable ASCII punctuation RDS allows in a master password: no "/", "@", '"', "'" or space
 * (RDS refuses the first three and the space; the quote would break naive shell and SQL quoting).
 */
export const DB_PASSWORD_SPECIALS = "!#$%&*()-_=+[]{}<>:?.,~^";

export interface DatabaseCredentialsArgs {
    /** cfg.protectStatefulResources: a replaced password would rotate the live master password. */
    readonly protect: boolean;
}

export class DatabaseCredentials extends pulumi.ComponentResource {
    /** Secret. For RDS `password` and the database secret only. */
    public readonly password: pulumi.Output<string>;
    /** names.dbUsername ("fivestar_app", §4.2.2). */
    public readonly username: pulumi.Output<string>;

    constructor(name: string, args: DatabaseCredentialsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:DatabaseCredentials", name, {}, opts);
        const password = new random.RandomPassword(`${name}-password`, {
            length: DB_PASSWORD_LENGTH,
            special: true,
            overrideSpecial: DB_PASSWORD_SPECIALS,
            minLower: 2,
            minUpper: 2,
            minNumeric: 2,
            minSpecial: 2,
        }, { parent: this, protect: args.protect });

        this.password = pulumi.secret(password.result);
        this.username = pulumi.output(names.dbUsername);
        this.registerOutputs({ password: this.password, username: this.username });
    }
}
