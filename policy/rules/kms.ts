/** KMS customer managed keys. */
import type * as aws from "@pulumi/aws";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, when } from "../lib/define";
import { KMS_KEY } from "../lib/types";

type Key = Props<aws.kms.KeyArgs>;

/** AWS rotates only symmetric encryption keys; asymmetric and HMAC keys cannot rotate. */
export function canRotate(key: Key): boolean {
    const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    const usage = key.keyUsage ?? "ENCRYPT_DECRYPT";
    return spec === "SYMMETRIC_DEFAULT" && usage === "ENCRYPT_DECRYPT";
}

export const kmsPolicies = [
    resourceRule<Key>({
        name: "kms-4-key-rotation",
        control: CONTROLS.KMS_4,
        description: "Symmetric customer managed KMS keys rotate their key material automatically.",
        types: KMS_KEY,
        check: (key) => when(canRotate(key) && key.enableKeyRotation !== true, "enableKeyRotation is not true. Set it to true (yearly rotation)."),
    }),
];
