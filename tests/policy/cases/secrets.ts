import type { CaseTable } from "../support/cases";
import { secret } from "../support/compliant";
import { withInputs } from "../support/fixtures";

export const secretsCases: CaseTable = {
    "secretsmanager-cmk-encryption": {
        pass: [{ title: "a customer managed key", resources: [secret()] }, { title: "a customer managed key's alias", resources: [withInputs(secret(), { kmsKeyId: "alias/fivestar/prod/general" })] }],
        fail: [
            { title: "no kmsKeyId (AWS managed key)", resources: [withInputs(secret(), { kmsKeyId: undefined })], expect: /uses the AWS managed key/ },
            { title: "the AWS managed key named explicitly", resources: [withInputs(secret(), { kmsKeyId: "alias/aws/secretsmanager" })], expect: /uses the AWS managed key/ },
        ],
    },
};
