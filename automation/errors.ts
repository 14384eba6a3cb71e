/**
 * The two ways the delivery tool stops before doing anything, each with its own exit code so a
 * pipeline can tell "you called it wrong" (2) from "it refused to act on this stack" (3).
 */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

/** A safety check refused the operation: wrong account, prod without confirmation, nothing to roll back to. */
export class RefusedError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "RefusedError";
    }
}
