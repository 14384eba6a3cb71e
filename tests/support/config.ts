/**
 * The committed stack files as raw config maps, for config tests that start from a real stack and
 * change one key.
 */
import { expect } from "chai";
import * as path from "path";
import { readStackConfig } from "../../tools/offline/stackFiles";
import { parseStackConfig, PROJECT_NAME, StackConfigError } from "../../config";

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

/** The message with which a stack's config, changed as given, is rejected; fails if it is accepted. */
export function rejection(stack: string, changes: Record<string, string | undefined>): string {
    try {
        parseStackConfig(rawStackConfig(stack, changes));
    } catch (e) {
        expect(e).to.be.instanceOf(StackConfigError);
        return (e as Error).message;
    }
    throw new Error(`config ${JSON.stringify(changes)} was accepted`);
}
