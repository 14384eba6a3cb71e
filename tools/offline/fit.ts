/**
 * Output that fits a terminal: the plan and cost tables are cut to a width (160 columns by default;
 * `--wide` prints everything). A cut cell or line ends in "…" so nothing is silently dropped.
 */
export const DEFAULT_WIDTH = 160;

/** Characters as a terminal counts them (code points, not UTF-16 units). */
export const columns = (s: string) => [...s].length;

export function cut(text: string, width: number): string {
    const chars = [...text];
    return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/**
 * Lays out rows as aligned columns of at most `width` characters: while too wide, the widest of the
 * `shrinkable` columns gives up a character (its cells cut with "…"). `right` columns align right.
 */
export function fitColumns(rows: readonly string[][], width: number, shrinkable: readonly number[], right: ReadonlySet<number> = new Set(), gap = 2): string[] {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => columns(r[i]))));
    const total = () => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
    while (total() > width) {
        const widest = shrinkable.filter((i) => widths[i] > 8).sort((a, b) => widths[b] - widths[a])[0];
        if (widest === undefined) break;
        widths[widest]--;
    }
    return rows.map((r) => r.map((cell, i) => {
        const c = cut(cell, widths[i]);
        const pad = " ".repeat(Math.max(0, widths[i] - columns(c)));
        return right.has(i) ? pad + c : c + pad;
    }).join(" ".repeat(gap)).trimEnd());
}

/** Wraps text at spaces to lines of at most `width` characters, continuation lines indented. */
export function wrap(text: string, width: number, indent: string): string[] {
    const lines: string[] = [];
    const lead = /^ */.exec(text)![0];
    let line = lead;
    for (const word of text.slice(lead.length).split(" ")) {
        const next = line.trim() ? `${line} ${word}` : `${line}${word}`;
        if (line.trim() && columns(next) > width) {
            lines.push(line);
            line = `${indent}${word}`;
        } else line = next;
    }
    return [...lines, line];
}
