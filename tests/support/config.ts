/**
 * The committed stack files as raw config maps, for config tests that start from a real stack and
 * change one key.
 */
import * as path from "path";
import { readStackConfig } from "../../tools/offline/stackFiles";
import { PROJECT_NAME } from "../../config";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");

/** The stack's own keys, unqualified ("ecsCpu"), as the strings Pulumi hands the program. */
export function rawStackConfig(stack: string, changes: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    const file = readStackConfig(stack, PROJECT_DIR);
    const raw: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(file.config)) {
        if (key.startsWith(`${PROJECT_NAME}:`)) raw[key.slice(PROJECT_NAME.length + 1)] = value;
    }
    return { ...raw, ...changes };
}
