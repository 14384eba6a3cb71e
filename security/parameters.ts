/**
 * The §4.2.1 Parameter Store hierarchy of an environment: plain settings as String, anything
 * secret as SecureString under the general CMK, the JWT signing key generated here.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { Environment, names } from "../config/names";
import { parameterPlan, ParameterValues } from "./parameterPlan";

/** 64 alphanumerics: about 380 bits, well above the 256 an HMAC-SHA256 key needs. */
const JWT_SECRET_LENGTH = 64;

export interface AppParametersArgs extends Omit<ParameterValues, "jwtSecretKey"> {
    /** cfg.environment: /fivestar/payments/<env>/... */
    readonly environment: Environment;
    /** kms.generalKeyArn: encrypts the SecureStrings. */
    readonly kmsKeyArn: pulumi.Input<string>;
}

export class AppParameters extends pulumi.ComponentResource {
    /** /fivestar/payments/<env> */
    public readonly parameterPrefix: pulumi.Output<string>;
    /** Parameter ARN by "<group>/<key>", e.g. "app/jwt_secret_key" (for container `secrets`). */
    public readonly parameterArns: pulumi.Output<Record<string, string>>;
    public readonly jwtSecretKeyParameterArn: pulumi.Output<string>;

    constructor(name: string, args: AppParametersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:AppParameters", name, {}, opts);
        const jwt = new random.RandomPassword(`${name}-jwt-secret-key`, { length: JWT_SECRET_LENGTH, special: false }, { parent: this });

        const arns: Record<string, pulumi.Output<string>> = {};
        for (const p of parameterPlan(args.environment, { ...args, jwtSecretKey: jwt.result })) {
            const secure = p.type === "SecureString";
            const parameter = new aws.ssm.Parameter(`${name}-${p.group}-${p.key.replace(/_/g, "-")}`, {
                name: p.name,
                type: p.type,
                tier: "Standard",
                value: secure ? pulumi.secret(p.value) : p.value,
                keyId: secure ? args.kmsKeyArn : undefined,
                description: p.description,
            }, { parent: this });
            arns[`${p.group}/${p.key}`] = parameter.arn;
        }

        this.parameterPrefix = pulumi.output(names.parameterPrefix(args.environment));
        this.parameterArns = pulumi.output(arns);
        this.jwtSecretKeyParameterArn = arns["app/jwt_secret_key"];
        this.registerOutputs({ parameterPrefix: this.parameterPrefix, parameterArns: this.parameterArns });
    }
}
