/** Where the committed identity snapshots live: tests/snapshots/<stack>.identity.json. */
import * as fs from "fs";
import * as path from "path";
import { IdentitySnapshot, parseSnapshot } from "./identity";

export const SNAPSHOT_DIR = path.join("tests", "snapshots");

export const snapshotPath = (stack: string) => path.join(SNAPSHOT_DIR, `${stack}.identity.json`);

/** The committed snapshot of a stack, or undefined when there is none yet. */
export function readSnapshot(projectDir: string, stack: string): IdentitySnapshot | undefined {
    const file = path.join(projectDir, snapshotPath(stack));
    return fs.existsSync(file) ? parseSnapshot(fs.readFileSync(file, "utf8")) : undefined;
}
