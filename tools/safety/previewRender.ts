/**
 * The plan diff for people, in the shape of `pulumi preview`: one line per changed resource with its
 * operation (`+` create, `~` update, `+-` replace, `-` delete), type and name, the old => new value of
 * each changed input under it (secrets redacted), data-loss risks first, and the closing count line.
 * Lines fit `width` columns (long values are shortened, never wrapped).
 */
import { shortType } from "../../lib/types";
import { forceNewInputs, forcingEntry } from "./forceNew";
import { dataLossRisks, DiffedResource, PlanDiff, ResourceChange, UNKNOWN_AFTER_REPLACE, ValueChange } from "./planDiff";

export interface PreviewCounts {
    readonly create: number;
    readonly update: number;
    readonly replace: number;
    readonly delete: number;
    readonly unchanged: number;
}

export function countChanges(diff: PlanDiff, afterCount: number): PreviewCounts {
    const changes = [...diff.moved, ...diff.changed];
    const replace = changes.filter((c) => c.replacedBecause.length > 0).length;
    return {
        create: diff.added.length,
        update: changes.length - replace,
        replace,
        delete: diff.removed.length,
        unchanged: afterCount - diff.added.length - changes.length,
    };
}

export const summaryLine = (c: PreviewCounts) =>
    `Resources: ${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to delete, ${c.unchanged} unchanged`;

const REDACTED = "[secret]";

/** A value as one short line: JSON, its middle cut out beyond `max` characters (ARNs keep their tail). */
export function showValue(value: unknown, max: number): string {
    if (value === undefined) return "(none)";
    if (value === UNKNOWN_AFTER_REPLACE) return UNKNOWN_AFTER_REPLACE;
    const text = JSON.stringify(value);
    if (text.length <= max) return text;
    const keep = Math.max(4, Math.floor((max - 1) / 2));
    return `${text.slice(0, keep)}…${text.slice(text.length - keep)}`;
}

function valueLine(v: ValueChange, forcing: readonly string[], width: number): string {
    const room = Math.max(20, Math.floor((width - v.path.length - 40) / 2));
    const from = v.secret ? REDACTED : showValue(v.before, room);
    const to = v.secret ? REDACTED : showValue(v.after, room);
    const notes = [v.because ? `${v.because} replaced` : "", forcingEntry(forcing, v.path) ? "forces replacement" : ""].filter(Boolean);
    const line = `        ~ ${v.path}: ${from} => ${to}`;
    const why = notes.length ? `  [${notes.join("; ")}]` : "";
    return line.length + why.length <= width ? line + why : line;
}

const nameOf = (urn: string) => urn.split("::").pop() ?? urn;

export interface PreviewOptions {
    /** Columns to fit (default 160). */
    readonly width?: number;
    /** The two plans: lets the risks say which stateful resources sit in a replaced VPC or subnet. */
    readonly before?: readonly DiffedResource[];
    readonly after?: readonly DiffedResource[];
}

export function renderPreview(diff: PlanDiff, afterCount: number, options: PreviewOptions = {}): string {
    const width = options.width ?? 160;
    const risks = dataLossRisks(diff, options.before, options.after);
    const lines = [`Previewing update (${diff.stack}) against the saved plan:`, ""];
    if (risks.length) {
        lines.push(`!!! ${risks.length} deletion(s) or replacement(s) would lose stateful data !!!`);
        for (const r of risks) lines.push(`!!!   ${r}`.slice(0, width));
        lines.push("!!! Keep a moved resource with an `aliases` entry (npm run snapshot says how); a ForceNew input must not change.", "");
    }
    const unprotected = [...diff.moved, ...diff.changed].filter((c) => c.stateful && c.protect?.from === true && c.protect.to === false);
    for (const c of unprotected) lines.push(`!! UNPROTECTED ${nameOf(c.urn)} (protect true -> false)`);
    if (unprotected.length) lines.push("");

    type Row = { op: string; type: string; name: string; info: string; details: string[] };
    const rows: Row[] = [];
    const flag = (stateful: boolean) => (stateful ? " [stateful]" : "");
    for (const r of diff.added) rows.push({ op: "+", type: r.type, name: nameOf(r.urn), info: `create${flag(r.stateful)}`, details: [] });
    const describe = (c: ResourceChange): Row => {
        const replace = c.replacedBecause.length > 0;
        const keys = [...new Set(c.properties.map((p) => p.split(/[.[]/)[0]))];
        const info = [
            replace ? "replace" : "update",
            keys.length ? `[diff: ~${keys.join(",")}]` : "",
            c.provider ? "[provider changed]" : "",
            c.movedFrom ? `[moved from ${nameOf(c.movedFrom)}]` : "",
            flag(c.stateful).trim(),
        ].filter(Boolean).join(" ");
        const details = c.values.map((v) => valueLine(v, forceNewInputs(c.type), width));
        if (c.protect) details.push(`        ~ protect: ${c.protect.from} => ${c.protect.to}`);
        if (c.provider) details.push(`        ~ provider: ${nameOf(c.provider.from) || "(default)"} => ${nameOf(c.provider.to) || "(default)"}`);
        return { op: replace ? "+-" : "~", type: c.type, name: nameOf(c.urn), info, details };
    };
    // The changes this PR makes first, then what they cascade to (a replaced dependency's id).
    const cascaded = (c: ResourceChange) => (c.values.length > 0 && c.values.every((v) => v.because) ? 1 : 0);
    rows.push(...[...diff.moved, ...diff.changed].sort((a, b) => cascaded(a) - cascaded(b)).map(describe));
    for (const r of diff.removed) rows.push({ op: "-", type: r.type, name: nameOf(r.urn), info: `delete${flag(r.stateful)}`, details: [] });

    if (rows.length === 0) lines.push("No changes: same resources, inputs, options and outputs.");
    else {
        const typeWidth = Math.min(48, Math.max(4, ...rows.map((r) => shortType(r.type).length)));
        const nameWidth = Math.min(48, Math.max(4, ...rows.map((r) => r.name.length)));
        const cut = (s: string, n: number) => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);
        lines.push(`     ${"Type".padEnd(typeWidth)}  ${"Name".padEnd(nameWidth)}  Plan`);
        for (const r of rows) {
            const head = ` ${r.op.padEnd(3)} ${cut(shortType(r.type), typeWidth)}  ${cut(r.name, nameWidth)}  `;
            const info = r.info.length > width - head.length ? `${r.info.slice(0, width - head.length - 1)}…` : r.info;
            lines.push(`${head}${info}`.trimEnd());
            lines.push(...r.details);
        }
    }
    const o = diff.outputs;
    const outputs = [...o.added.map((k) => `  + ${k}`), ...o.removed.map((k) => `  - ${k}`), ...o.changed.map((k) => `  ~ ${k}`)];
    if (outputs.length) lines.push("", "Outputs:", ...outputs);
    lines.push("", summaryLine(countChanges(diff, afterCount)));
    return lines.join("\n");
}
