/**
 * Sets one config value in a Pulumi.<stack>.yaml the way `pulumi config set` would, but keeping the
 * file's comments and layout (the stack files are documented line by line), so the change a rollback
 * leaves behind is a one-line diff to review and commit.
 */
import * as fs from "fs";
import * as YAML from "yaml";
import { RefusedError } from "../errors";

export interface ConfigEdit {
    readonly text: string;
    /** The value before the edit; undefined when the key was not set. */
    readonly previous?: string;
}

/** Pure: the stack file text with `config.<qualifiedKey>` set to `value` (a plain string). */
export function withConfigValue(text: string, qualifiedKey: string, value: string): ConfigEdit {
    const doc = YAML.parseDocument(text);
    if (doc.errors.length > 0) throw new Error(`the stack file is not valid YAML: ${doc.errors[0].message}`);
    const current = doc.getIn(["config", qualifiedKey]);
    if (current !== undefined && typeof current === "object") {
        throw new RefusedError(`${qualifiedKey} is not a plain value in the stack file (a secret?); refusing to overwrite it`);
    }
    doc.setIn(["config", qualifiedKey], value);
    return { text: doc.toString(), previous: current === undefined ? undefined : String(current) };
}

export function setStackConfigValue(file: string, qualifiedKey: string, value: string): ConfigEdit {
    const edit = withConfigValue(fs.readFileSync(file, "utf8"), qualifiedKey, value);
    fs.writeFileSync(file, edit.text);
    return edit;
}
