/**
 * Building blocks of the config schema. Each module declares its keys in config/keys/<module>.ts
 * with `key()`: the Pulumi type (for Pulumi.yaml), a description, and a zod validator.
 */
import { z } from "zod";

export const PROJECT_NAME = "fivestar-payments";

export const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
/** An AWS region name; the messages show `example`. */
export const awsRegion = (example: string) =>
    z.string({ error: `must be an AWS region name such as ${example}` }).regex(AWS_REGION, `must be an AWS region name such as ${example}`);
export const iamRoleName = () =>
    z.string({ error: "must be an IAM role name" }).regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name (1-64 of letters, digits and +=,.@_-)");

export type PulumiConfigType = "string" | "integer" | "boolean" | "array";

export interface ConfigKeySpec<T = unknown> {
    readonly type: PulumiConfigType;
    readonly description: string;
    /** Required keys have no default and are declared in Pulumi.yaml; optional ones have a default here. */
    readonly schema: z.ZodType<T>;
    readonly required: boolean;
}

/** The parsed value types of a group of keys. */
export type ParsedKeys<T extends Record<string, ConfigKeySpec>> = { -readonly [K in keyof T]: T[K] extends ConfigKeySpec<infer V> ? V : never };

/** Pulumi hands every value to the program as a string; turn it into the type the key declares. */
function fromString(type: PulumiConfigType): (value: unknown) => unknown {
    return (value) => {
        if (typeof value !== "string") return value;
        const text = value.trim();
        switch (type) {
            case "integer":
                return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
            case "boolean":
                return text === "true" ? true : text === "false" ? false : value;
            case "array":
                try {
                    return JSON.parse(text);
                } catch {
                    return value;
                }
            default:
                return value;
        }
    };
}

export function key<S extends z.ZodType>(type: PulumiConfigType, description: string, schema: S): ConfigKeySpec<z.output<S>>;
export function key<S extends z.ZodType, D>(type: PulumiConfigType, description: string, schema: S, options: { default: D }): ConfigKeySpec<z.output<S> | D>;
export function key(type: PulumiConfigType, description: string, schema: z.ZodType, options?: { default: unknown }): ConfigKeySpec {
    const typed = z.preprocess(fromString(type), schema);
    if (!options) return { type, description, required: true, schema: typed };
    // An unset optional key (absent, or present as undefined) takes the default.
    const schemaWithDefault = options.default === undefined ? typed.optional() : typed.default(options.default as never);
    return { type, description, required: false, schema: schemaWithDefault };
}

export const int = (min: number, max: number) =>
    z.number({ error: `must be a whole number from ${min} to ${max}` })
        .int(`must be a whole number from ${min} to ${max}`)
        .min(min, `must be at least ${min}`)
        .max(max, `must be at most ${max}`);
export const bool = () => z.boolean({ error: "must be true or false" });
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `must be one of: ${values.join(", ")}` });

/** "fivestar-payments:ecsCpu": the name a user passes to `pulumi config set`. */
export const qualified = (name: string) => `${PROJECT_NAME}:${name}`;
export const show = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));
