/**
 * The stack config schema: every key this program reads, gathered from one file per module
 * (config/keys/<module>.ts). This table is the single source: the loader validates against it, any
 * other key of the project (bar the secret keys of config/secretKeys.ts) is refused as unknown
 * (config/input.ts), and a test checks that Pulumi.yaml declares the same keys with the same types
 * and descriptions.
 *
 * Keys are flat so that an error can name the exact key to pass to `pulumi config set`.
 */
import { ParsedKeys } from "./keyHelpers";
import { COMPUTE_KEYS } from "./keys/compute";
import { DATA_KEYS } from "./keys/data";
import { DR_KEYS } from "./keys/dr";
import { FOUNDATION_KEYS } from "./keys/foundation";
import { MONITORING_KEYS } from "./keys/monitoring";
import { OPERATIONS_KEYS } from "./keys/operations";
import { SECURITY_KEYS } from "./keys/security";

export const CONFIG_KEYS = {
    ...FOUNDATION_KEYS,
    ...SECURITY_KEYS,
    ...DATA_KEYS,
    ...COMPUTE_KEYS,
    ...MONITORING_KEYS,
    ...OPERATIONS_KEYS,
    ...DR_KEYS,
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type RawConfig = ParsedKeys<typeof CONFIG_KEYS>;
