/**
 * The price tables of the cost estimate: one JSON file per region (tools/cost/prices-<region>.json),
 * each price with its unit, its source and, when it was not found for the region, the basis of the
 * estimate. No price is typed into code: a charge names a price key, and a key the table does not
 * have makes that charge "not priced" instead of zero.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { projectDir } from "../../config/stackFiles";

const priceSchema = z.object({
    usd: z.number().nonnegative(),
    unit: z.string().min(1),
    source: z.string().min(1),
    /** Present when the price was not found for the region: how it was derived. */
    estimate: z.string().min(1).optional(),
    note: z.string().optional(),
});

const tableSchema = z.object({
    region: z.string().min(1),
    currency: z.literal("USD"),
    basis: z.string().min(1),
    takenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-11-24"),
    howTaken: z.string().min(1),
    sources: z.record(z.string(), z.object({ title: z.string().min(1), where: z.string().min(1), asOf: z.string().min(1) }).loose()),
    prices: z.record(z.string(), priceSchema),
    notFound: z.array(z.string()),
}).superRefine((table, ctx) => {
    for (const [key, price] of Object.entries(table.prices)) {
        if (!(price.source in table.sources)) {
            ctx.addIssue({ code: "custom", path: ["prices", key, "source"], message: `names source ${price.source}, which "sources" does not list` });
        }
    }
});

export type Price = z.infer<typeof priceSchema>;

export interface PriceTable {
    readonly region: string;
    readonly takenOn: string;
    readonly file: string;
    /** The price of a key, or undefined when the table does not have it. */
    price(key: string): Price | undefined;
}

/** Validates price-table JSON; errors name the file and the offending field. */
export function parsePriceTable(json: unknown, file: string): PriceTable {
    const parsed = tableSchema.safeParse(json);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
        throw new Error(`price table ${file} is invalid:\n  ${problems.join("\n  ")}`);
    }
    const data = parsed.data;
    return {
        region: data.region,
        takenOn: data.takenOn,
        file,
        price: (key) => (Object.prototype.hasOwnProperty.call(data.prices, key) ? data.prices[key] : undefined),
    };
}

export const priceFileName = (region: string) => `prices-${region}.json`;

/** The directory that holds the price tables, from the project root (works from build/ and from source). */
export const priceDir = (root = projectDir()) => path.join(root, "tools", "cost");

/** Reads the price table of a region, or undefined when there is none for it. */
export function readPriceTable(region: string, dir = priceDir()): PriceTable | undefined {
    const file = path.join(dir, priceFileName(region));
    if (!fs.existsSync(file)) return undefined;
    return parsePriceTable(JSON.parse(fs.readFileSync(file, "utf8")), path.relative(path.dirname(path.dirname(dir)), file));
}

/**
 * Price tables by region. A resource in a region without a table is priced with the home region's
 * table and its charges say so (a labelled estimate), because per-key prices rarely differ by much
 * and reporting nothing would hide a real cost.
 */
export interface PriceBook {
    readonly home: PriceTable;
    forRegion(region: string): { table: PriceTable; borrowed: boolean };
}

export function priceBook(home: PriceTable, others: readonly PriceTable[] = []): PriceBook {
    const byRegion = new Map([home, ...others].map((t) => [t.region, t]));
    return {
        home,
        forRegion(region) {
            const table = byRegion.get(region);
            return table ? { table, borrowed: false } : { table: home, borrowed: true };
        },
    };
}

/** The price book for a plan: the home region's table plus any other region's table that exists. */
export function loadPriceBook(homeRegion: string, otherRegions: readonly string[], dir = priceDir()): PriceBook {
    const home = readPriceTable(homeRegion, dir);
    if (!home) throw new Error(`no price table for the stack's region ${homeRegion}: add ${path.join(dir, priceFileName(homeRegion))}`);
    const others = otherRegions.filter((r) => r !== homeRegion).map((r) => readPriceTable(r, dir)).filter((t): t is PriceTable => t !== undefined);
    return priceBook(home, others);
}
