/**
 * The DynamoDB tables of §4.1 and §7.1.1 as data: keys, indexes and TTL, each index with the access
 * pattern it serves. Attribute names here are the contract with the payments engine's code.
 *
 * Conventions: ids and timestamps are strings; timestamps are ISO-8601 UTC ("2026-03-01T10:15:30.123Z"),
 * so they sort by time as strings. TTL attributes are epoch seconds (DynamoDB's TTL format).
 * The ECS task role may use every index through its `table/<name>/index/*` grant (§7.1.1).
 */

export interface IndexDesign {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey?: string;
    /** ALL where the index answers the query itself; KEYS_ONLY where the caller goes on to the item anyway. */
    readonly projection: "ALL" | "KEYS_ONLY";
    /** The access pattern, as the application would phrase it. */
    readonly serves: string;
}

export interface TableDesign {
    readonly partitionKey: string;
    readonly sortKey?: string;
    /** What the table key itself serves. */
    readonly serves: string;
    readonly indexes: readonly IndexDesign[];
    /** Epoch-seconds attribute after which DynamoDB deletes the item; undefined keeps items forever. */
    readonly ttlAttribute?: string;
}

/**
 * `<env>-fivestar-transactions`: one item per payment transaction, kept for good (financial records;
 * no TTL). Status values are few, so `by-status` partitions are hot at high write rates; at the
 * engine's volumes adaptive capacity absorbs that, past ~1000 writes/s per status shard the key.
 */
export const TRANSACTIONS_TABLE: TableDesign = {
    partitionKey: "transactionId",
    serves: "read, create and update one transaction by its id (idempotent writes with a condition on transactionId)",
    indexes: [
        {
            name: "by-customer", partitionKey: "customerId", sortKey: "createdAt", projection: "ALL",
            serves: "a customer's transactions, newest first (customer payment portal history)",
        },
        {
            name: "by-loan-account", partitionKey: "loanAccountId", sortKey: "createdAt", projection: "ALL",
            serves: "a loan account's repayments in a time range (LMS posting and statements)",
        },
        {
            name: "by-status", partitionKey: "status", sortKey: "createdAt", projection: "ALL",
            serves: "transactions in a status within a time window, e.g. PENDING older than 15 minutes (reconciliation sweeps)",
        },
        {
            name: "by-gateway-reference", partitionKey: "gatewayReference", projection: "KEYS_ONLY",
            serves: "the transaction a RazorPay/JusPay webhook refers to by the gateway's order/payment id; sparse until the gateway answers",
        },
    ],
};

/**
 * `<env>-fivestar-transaction-queue`: work items (gateway calls, retries, LMS postings) waiting to be
 * processed. Workers set `expiresAt` when an item reaches a final state; TTL then removes it. TTL
 * deletion lags (up to days), so workers select by status, never by existence.
 */
export const TRANSACTION_QUEUE_TABLE: TableDesign = {
    partitionKey: "queueItemId",
    serves: "claim, update and complete one work item by its id (conditional update on status for a single owner)",
    indexes: [
        {
            name: "by-status-due", partitionKey: "status", sortKey: "dueAt", projection: "ALL",
            serves: "the next items to process: status = PENDING and dueAt <= now, oldest first",
        },
        {
            name: "by-transaction", partitionKey: "transactionId", sortKey: "dueAt", projection: "ALL",
            serves: "every work item of one transaction in order (support: why is this payment not settled)",
        },
    ],
    ttlAttribute: "expiresAt",
};

/**
 * Attribute definitions DynamoDB needs: exactly the key attributes of the table and its indexes
 * (it rejects definitions no key uses), all strings by the conventions above.
 */
export function keyAttributes(design: TableDesign): { name: string; type: "S" }[] {
    const keys = [design.partitionKey, design.sortKey, ...design.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    const unique = [...new Set(keys.filter((k): k is string => k !== undefined))];
    return unique.map((name) => ({ name, type: "S" }));
}

/** The key schema of an index in the provider's `keySchemas` form. */
export function indexKeySchema(index: IndexDesign): { attributeName: string; keyType: "HASH" | "RANGE" }[] {
    const hash = { attributeName: index.partitionKey, keyType: "HASH" as const };
    return index.sortKey ? [hash, { attributeName: index.sortKey, keyType: "RANGE" as const }] : [hash];
}
