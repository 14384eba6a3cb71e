/**
 * "All problems in one pass": every key is validated on its own, and every rule between keys runs
 * unless it reads a key whose own value was already refused (that key's error is reported instead of
 * a second, confusing one). A module's rules are a `collect(...)` of small checks, so one bad key only
 * skips the checks that read it, never its neighbours.
 */

/** Thrown when a check reads a key that failed its own validation; `collect` skips that check. */
class UnusableKey extends Error {
    constructor(key: string) {
        super(`config key ${key} failed validation`);
    }
}

/** The parsed values, where reading a key in `failed` throws UnusableKey (its check is then skipped). */
export function withoutFailedKeys<T extends object>(values: T, failed: ReadonlySet<string>): T {
    return new Proxy(values, {
        get(target, property, receiver) {
            if (typeof property === "string" && failed.has(property)) throw new UnusableKey(property);
            return Reflect.get(target, property, receiver);
        },
    });
}

/** A check: its problems, a single problem, or false/undefined when all is well. */
export type Check = () => readonly string[] | string | false | undefined;

/** Runs every check and returns all their problems; a check that reads a refused key is skipped. */
export function collect(...checks: Check[]): string[] {
    return checks.flatMap((check) => {
        try {
            const result = check();
            return typeof result === "string" ? [result] : result || [];
        } catch (e) {
            if (e instanceof UnusableKey) return [];
            throw e;
        }
    });
}
