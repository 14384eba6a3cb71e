/**
 * Secrets Manager. FSBP has no control for the key a secret is encrypted with; this rule is the
 * AWS Config managed rule secretsmanager-using-cmk. With the AWS managed key
 * (aws/secretsmanager) every principal in the account with secretsmanager:GetSecretValue can
 * read the secret; a customer managed key adds its key policy as a second gate.
 */
import type * as aws from "@pulumi/aws";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, when } from "../lib/define";
import { SECRET } from "../lib/types";
import { isProvided, known } from "../lib/values";

type Secret = Props<aws.secretsmanager.SecretArgs>;

const AWS_MANAGED_KEY = /^(alias\/)?aws\/secretsmanager$/;

export const secretsPolicies = [
    resourceRule<Secret>({
        name: "secretsmanager-cmk-encryption",
        control: CONTROLS.SECRETSMANAGER_CMK,
        description: "Secrets are encrypted with a customer managed KMS key, not the AWS managed aws/secretsmanager key.",
        types: SECRET,
        check: (secret) => {
            const key = known(() => secret.kmsKeyId);
            const awsManaged = typeof key === "string" && AWS_MANAGED_KEY.test(key);
            return when(!isProvided(() => secret.kmsKeyId) || awsManaged,
                "the secret uses the AWS managed key aws/secretsmanager. Set kmsKeyId to a customer managed key.");
        },
    }),
];
