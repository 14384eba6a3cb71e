import type { CaseTable } from "../support/cases";
import { kmsKey } from "../support/compliant";
import { withInputs } from "../support/fixtures";

export const kmsCases: CaseTable = {
    "kms-4-key-rotation": {
        pass: [
            { title: "a rotating symmetric key", resources: [kmsKey()] },
            { title: "an asymmetric signing key (cannot rotate)", resources: [withInputs(kmsKey(), { enableKeyRotation: undefined, customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })] },
        ],
        fail: [
            { title: "enableKeyRotation: false", resources: [withInputs(kmsKey(), { enableKeyRotation: false })], expect: /enableKeyRotation is not true/ },
            { title: "unset (default false)", resources: [withInputs(kmsKey(), { enableKeyRotation: undefined })], expect: /enableKeyRotation/ },
        ],
    },
};
