/**
 * Config refusals as a table: one row per refused input (the stack and the keys it changes) and the
 * texts its message must contain, each its own test named by the row.
 */
import { expect } from "chai";
import { rejection } from "../support/config";

export type Refusal = readonly [title: string, stack: string, changes: Record<string, string | undefined>, ...texts: string[]];

export function itRefuses(rows: readonly Refusal[]): void {
    for (const [title, stack, changes, ...texts] of rows) {
        it(title, () => {
            const message = rejection(stack, changes);
            for (const text of texts) expect(message).to.include(text);
        });
    }
}
