/**
 * The identity snapshots: `npm run snapshot -- [--update] [--allow-removal <urn>]... [stack...]`.
 *
 * Without --update it checks each stack's program against tests/snapshots/<stack>.identity.json and
 * prints the URNs added and removed. With --update it rewrites the files, but refuses to drop the URN
 * of a stateful resource (it would be deleted by `pulumi up`) unless an alias keeps it or the URN is
 * named with --allow-removal. Then nothing is written at all.
 * Exit codes: 0 up to date / written, 1 stale, refused or a plan failed, 2 bad usage.
 */
import * as fs from "fs";
import * as path from "path";
import {
    compareIdentity, decideUpdate, formatSnapshot, IdentityChange, IdentitySnapshot, isUnchanged, removalMessage,
    snapshotOf, staleMessage, unusedAllowances, updateCommand,
} from "./safety/identity";
import { planInChildProcess } from "../lib/planProcess";
import { readSnapshot, snapshotPath } from "./safety/snapshotFiles";
import { parseUrn } from "../lib/urns";
import { listStacks, projectDir } from "../config/stackFiles";
import { runMain } from "../lib/exit";
import { Flags, HELP_FLAGS, parseFlags, usageExit } from "./flags";

export interface SnapshotArgs {
    readonly update: boolean;
    readonly allowRemovals: string[];
    readonly stacks: string[];
}

const USAGE = `usage: npm run snapshot -- [--update] [--allow-removal <urn>]... [stack...]
  (no option)            check every stack (or those named) against tests/snapshots/<stack>.identity.json
  --update               rewrite the snapshots from the program; refuses to drop a stateful resource's URN
  --allow-removal <urn>  with --update: accept that this stateful resource is deleted with its data (repeatable;
                         single-quote the URN, it contains $)`;

type MutableSnapshotArgs = { -readonly [K in keyof SnapshotArgs]: SnapshotArgs[K] };

/** The options of `npm run snapshot`. */
export const SNAPSHOT_FLAGS: Flags<MutableSnapshotArgs> = {
    ...HELP_FLAGS,
    "--update": { apply: (args) => { args.update = true; } },
    "--allow-removal": {
        value: "<urn>",
        apply: (args, urn) => {
            if (!urn || !urn.startsWith("urn:pulumi:")) throw new Error(`--allow-removal needs the URN of the resource, got ${urn === undefined ? "nothing" : `"${urn}"`}`);
            args.allowRemovals.push(urn);
        },
    },
};

export function parseArgs(argv: readonly string[]): SnapshotArgs {
    const args: MutableSnapshotArgs = { update: false, allowRemovals: [], stacks: [] };
    parseFlags(argv, SNAPSHOT_FLAGS, args, (arg) => args.stacks.push(arg));
    if (args.allowRemovals.length > 0 && !args.update) throw new Error("--allow-removal only applies with --update");
    return args;
}

interface StackResult {
    readonly stack: string;
    readonly file: string;
    readonly before?: IdentitySnapshot;
    readonly after: IdentitySnapshot;
    readonly change?: IdentityChange;
}

async function evaluate(stacks: readonly string[], dir: string): Promise<StackResult[]> {
    return Promise.all(stacks.map(async (stack) => {
        const plan = await planInChildProcess(stack);
        const before = readSnapshot(dir, stack);
        return { stack, file: snapshotPath(stack), before, after: snapshotOf(plan), change: before && compareIdentity(before, plan.resources) };
    }));
}

function check(results: readonly StackResult[]): number {
    let failed = false;
    for (const r of results) {
        if (!r.before || !r.change) {
            console.log(`${r.stack}: no snapshot at ${r.file}. Create it with \`${updateCommand([r.stack])}\` and commit it.`);
            failed = true;
        } else if (isUnchanged(r.change)) {
            console.log(`${r.stack}: up to date (${r.after.resources.length} resources)`);
        } else {
            console.log(staleMessage(r.before, r.change, r.file));
            for (const removal of r.change.statefulRemovals) console.log(removalMessage(removal, r.before));
            failed = true;
        }
    }
    return failed ? 1 : 0;
}

function update(results: readonly StackResult[], allowRemovals: ReadonlySet<string>, dir: string): number {
    const decisions = results.map((r) => (r.change ? decideUpdate(r.change, allowRemovals) : { refused: [], allowed: [] }));
    const refused = results.flatMap((r, i) => decisions[i].refused.map((removal) => removalMessage(removal, r.before!)));
    const unused = unusedAllowances(allowRemovals, decisions);
    if (refused.length > 0 || unused.length > 0) {
        for (const message of refused) console.error(message);
        for (const urn of unused) {
            console.error(`--allow-removal ${urn}: no stateful resource with that URN is removed from the snapshot of stack ${parseUrn(urn).stack}` +
                " (copy the URN from the message above, in single quotes: it contains $).");
        }
        console.error("Nothing was written.");
        return 1;
    }
    for (const [i, r] of results.entries()) {
        const text = formatSnapshot(r.after);
        const file = path.join(dir, r.file);
        if (r.before && fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) {
            console.log(`${r.stack}: unchanged (${r.after.resources.length} resources)`);
            continue;
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        const c = r.change;
        const summary = c ? `+${c.added.length} -${c.removed.length}${c.aliased.length ? `, ${c.aliased.length} kept by aliases` : ""}` : "new";
        console.log(`${r.stack}: wrote ${r.file} (${r.after.resources.length} resources; ${summary})`);
        for (const allowed of decisions[i].allowed) console.log(`  deletion accepted by --allow-removal: ${allowed.removed.urn}`);
    }
    return 0;
}

async function main(argv: readonly string[]): Promise<number> {
    let args: SnapshotArgs;
    const dir = projectDir();
    const known = listStacks(dir);
    try {
        args = parseArgs(argv);
        const unknown = args.stacks.filter((s) => !known.includes(s));
        if (unknown.length) throw new Error(`no stack ${unknown.join(", ")}; stacks: ${known.join(", ")}`);
    } catch (e) {
        return usageExit(e, USAGE);
    }
    const results = await evaluate(args.stacks.length ? args.stacks : known, dir);
    return args.update ? update(results, new Set(args.allowRemovals), dir) : check(results);
}

runMain(module, main, (e) => (e as Error).message ?? e);
