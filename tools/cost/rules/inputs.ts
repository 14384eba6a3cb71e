/**
 * Small readers for planned resource inputs: under mocks every input is plain JSON, but its type is
 * only what the program passed, so rules read through these instead of casting.
 */
export const num = (v: unknown): number | undefined => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
    return undefined;
};

export const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

export const list = <T = Record<string, unknown>>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export const obj = (v: unknown): Record<string, unknown> | undefined =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A number for a human: at most three decimals, no trailing zeros. */
export const fmt = (n: number) => String(Math.round(n * 1000) / 1000);
