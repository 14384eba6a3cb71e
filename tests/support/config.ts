/**
 * The committed stack files as raw config maps, for config tests that start from a real stack and
 * change one key.
 */
import { expect } from "chai";
import * as path from "path";
import { readStackConfig } from "../../config/stackFiles";
import { checkStackConfig, ConfigInput, PROJECT_NAME, StackConfigError } from "../../config";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");

/** Each committed stack file, parsed once per test run (the config tests start from one hundreds of times). */
const files = new Map<string, ReturnType<typeof readStackConfig>>();
function stackFile(stack: string): ReturnType<typeof readStackConfig> {
    if (!files.has(stack)) files.set(stack, readStackConfig(stack, PROJECT_DIR));
    return files.get(stack)!;
}

/** The stack's own keys, unqualified ("ecsCpu"), as the strings Pulumi hands the program. */
export function rawStackConfig(stack: string, changes: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    const file = stackFile(stack);
    const raw: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(file.config)) {
        if (key.startsWith(`${PROJECT_NAME}:`)) raw[key.slice(PROJECT_NAME.length + 1)] = value;
    }
    return { ...raw, ...changes };
}

/**
 * The stack's whole config input as the program receives it (every namespace, secret keys), with
 * `changes` applied: unqualified keys are this project's, undefined removes a key.
 */
export function stackInput(stack: string, changes: Record<string, string | undefined> = {}, secretKeys: readonly string[] = []): ConfigInput {
    const file = stackFile(stack);
    const config: Record<string, string> = { ...file.config };
    for (const [key, value] of Object.entries(changes)) {
        const qualified = key.includes(":") ? key : `${PROJECT_NAME}:${key}`;
        if (value === undefined) delete config[qualified];
        else config[qualified] = value;
    }
    return { stack, config, secretKeys: [...file.secretKeys, ...secretKeys] };
}

/** The message with which a stack's config, changed as given, is rejected (every check the program makes); fails if it is accepted. */
export function rejection(stack: string, changes: Record<string, string | undefined>): string {
    try {
        checkStackConfig(stackInput(stack, changes));
    } catch (e) {
        expect(e).to.be.instanceOf(StackConfigError);
        return (e as Error).message;
    }
    throw new Error(`config ${JSON.stringify(changes)} was accepted`);
}
