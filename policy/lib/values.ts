/**
 * Reading resource properties the way the policy engine hands them over.
 *
 * During `pulumi preview` a property computed from another resource (a key ARN, a bucket id) is
 * unknown, and @pulumi/policy throws `UnknownValueError` the moment a policy reads it; the engine
 * then reports "can't run policy during preview" instead of a verdict. A rule that only needs to
 * know that a value *will* be set (an encryption key, an alarm action) reads it through `known`
 * and treats UNKNOWN as set, so it still gives a verdict at preview time.
 */
import { UnknownValueError } from "@pulumi/policy";

export const UNKNOWN: unique symbol = Symbol("unknown until the resource it comes from exists");
export type Known<T> = T | typeof UNKNOWN;

/** The value `get` reads, or UNKNOWN where the engine does not know it yet. */
export function known<T>(get: () => T): Known<T> {
    try {
        return get();
    } catch (e) {
        if (e instanceof UnknownValueError) return UNKNOWN;
        throw e;
    }
}

/** True when the value is set to something non-empty, or will be (unknown during preview). */
export function isProvided(get: () => unknown): boolean {
    const value = known(get);
    if (value === UNKNOWN) return true;
    if (value === undefined || value === null || value === "") return false;
    return !Array.isArray(value) || value.length > 0;
}
