/**
 * The `npm run` commands a Markdown document shows, and what is wrong with them: a script package.json
 * does not have, an option the tool's parser does not accept, a concrete command line the parser refuses.
 * Pure: the scripts and the tools' option tables are passed in (tests/docs/commands.test.ts).
 */

/** One `npm run <script> ...` (or `npm test`) found in a document. */
export interface DocCommand {
    readonly file: string;
    readonly line: number;
    /** The command as written, up to the end of the shell command it is part of. */
    readonly text: string;
    /** The npm script; absent for `node build/<module>.js`. */
    readonly script?: string;
    /** The module run directly by `node build/<module>.js` (tools/plan, automation/cli...). */
    readonly module?: string;
    /** The arguments after `--`. */
    readonly args: readonly string[];
    /** Arguments written between the script and `--` (npm, not the tool, would read them). */
    readonly beforeSeparator: readonly string[];
}

/** What the docs test knows of a tool: the options it accepts (for a command line) and, optionally, its parser. */
export interface ToolOptions {
    /** The options accepted with these positionals (ops: per command). */
    readonly accepted: (positionals: readonly string[]) => readonly string[];
    /** The tool's own parser; throws on a command line it refuses. Run only on concrete command lines. */
    readonly parse?: (argv: readonly string[]) => unknown;
}

export interface Snippet {
    readonly line: number;
    readonly text: string;
}

/** Code-block lines (a trailing `\` joins the next line) and inline code spans, with their line numbers. */
export function codeSnippets(markdown: string): Snippet[] {
    const lines = markdown.split("\n");
    const snippets: Snippet[] = [];
    const prose: string[] = [];
    let fence: string | undefined;
    let pending: Snippet | undefined;
    for (const [i, line] of lines.entries()) {
        const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
        if (fence === undefined && marker) {
            fence = marker;
            prose.push("");
            continue;
        }
        if (fence !== undefined) {
            if (marker && marker.startsWith(fence) && line.trim() === marker) fence = undefined;
            else {
                const text = pending ? `${pending.text} ${line.trim()}` : line;
                const start = pending?.line ?? i + 1;
                pending = text.endsWith("\\") ? { line: start, text: text.slice(0, -1) } : undefined;
                if (!pending) snippets.push({ line: start, text });
            }
            prose.push("");
            continue;
        }
        prose.push(line);
    }
    const text = prose.join("\n");
    for (const m of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
        snippets.push({ line: text.slice(0, m.index).split("\n").length, text: m[2].replace(/\s*\n\s*/g, " ") });
    }
    return snippets.sort((a, b) => a.line - b.line);
}

/** Splits a shell command into words (quotes group, and are removed). */
export function shellWords(command: string): string[] {
    const words: string[] = [];
    for (const m of command.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
    return words;
}

/** The shell command that starts at `start`: up to `&&`, `||`, `;`, a spaced `|`, an unbalanced `)` or a comment. */
function commandAt(snippet: string, start: number): string {
    const rest = snippet.slice(start);
    const end = /\s*(&&|\|\||;|\s\|\s|\)(?!\S)|(^|\s)#)/.exec(rest);
    return (end ? rest.slice(0, end.index) : rest).trim();
}

/** Every `npm run <script>`, `npm run-script <script>` and `npm test` in a Markdown document. */
export function npmCommands(markdown: string, file: string): DocCommand[] {
    return commandsIn(codeSnippets(markdown), file);
}

/** Every line of a file that is all shell (a workflow's `run:` steps), as snippets. */
export function lineSnippets(text: string): Snippet[] {
    return text.split("\n").map((line, i) => ({ line: i + 1, text: line }));
}

/** The npm commands, and the `node build/<module>.js` commands, in some snippets of shell. */
export function commandsIn(snippets: readonly Snippet[], file: string): DocCommand[] {
    const commands: DocCommand[] = [];
    for (const snippet of snippets) {
        for (const m of snippet.text.matchAll(/\bnpm\s+(run|run-script|test|t)\b/g)) {
            const text = commandAt(snippet.text, m.index);
            const words = shellWords(text).slice(2);
            // npm's own options before the script name (`npm run -s plan`).
            while (m[1].startsWith("run") && words[0]?.startsWith("-")) words.shift();
            const script = m[1].startsWith("run") ? words.shift() : "test";
            if (script === undefined) continue;
            const separator = words.indexOf("--");
            commands.push({
                file, line: snippet.line, text, script,
                args: separator < 0 ? [] : words.slice(separator + 1),
                beforeSeparator: separator < 0 ? words : words.slice(0, separator),
            });
        }
        for (const m of snippet.text.matchAll(/\bnode\s+(?:\S*\/)?build\/(?:[\w-]+\/)*?((?:tools|automation)\/[\w/]+)\.js\b/g)) {
            const text = commandAt(snippet.text, m.index);
            commands.push({ file, line: snippet.line, text, module: m[1], args: shellWords(text).slice(2), beforeSeparator: [] });
        }
    }
    return commands;
}

/** The options a command line shows: `--name` or `-x`, also inside `[...]` (a usage synopsis). */
export function shownOptions(args: readonly string[]): string[] {
    return args.map((a) => a.replace(/^[[(]+|[\])]+$/g, "")).filter((a) => /^--?[A-Za-z]/.test(a));
}

/** Placeholders and alternatives (`<stack>`, `[revision]`, `up|rollback`, `...`) make a line a synopsis, not a command. */
export function isConcrete(args: readonly string[]): boolean {
    return !args.some((a) => /[<>[\]|${}]|\.\.\./.test(a));
}

/** The positionals of a command line (what is neither an option nor the value of one). */
function positionalsOf(args: readonly string[]): string[] {
    return args.filter((a, i) => !/^--?[A-Za-z]/.test(a) && !(i > 0 && /^--?[A-Za-z]/.test(args[i - 1])));
}

/**
 * What is wrong with the documented commands: a script package.json lacks, options given to npm
 * instead of the tool, an option the tool does not accept, a concrete command line its parser refuses,
 * options to a script whose tool the test has no table for. `toolOf` names the tool a script runs.
 */
export function commandProblems(
    commands: readonly DocCommand[],
    scripts: Readonly<Record<string, string>>,
    tools: Readonly<Record<string, ToolOptions>>,
    toolOf: (scriptCommand: string) => string | undefined,
): string[] {
    const problems: string[] = [];
    for (const c of commands) {
        const where = `${c.file}:${c.line}: \`${c.text}\``;
        if (c.script?.startsWith("<")) continue; // a synopsis: `npm run <script>`
        const command = c.script === undefined ? undefined : scripts[c.script];
        if (c.script !== undefined && command === undefined) {
            problems.push(`${where}: package.json has no script "${c.script}" (scripts: ${Object.keys(scripts).join(", ")})`);
            continue;
        }
        const npmOptions = shownOptions(c.beforeSeparator);
        if (npmOptions.length > 0) problems.push(`${where}: ${npmOptions.join(" ")} before \`--\` go to npm, not to the script (write \`npm run ${c.script} -- ${npmOptions.join(" ")}\`)`);
        const options = shownOptions(c.args);
        const toolName = c.module ?? toolOf(command ?? "");
        const tool = toolName === undefined ? undefined : tools[toolName];
        if (!tool) {
            const runs = c.script === undefined ? `node build/${c.module}.js` : `script "${c.script}" (${command})`;
            if (options.length > 0) problems.push(`${where}: ${runs} runs no tool whose options the docs test knows; export its parser's option table and register it`);
            continue;
        }
        const accepted = tool.accepted(positionalsOf(c.args));
        const unknown = options.filter((o) => !accepted.includes(o));
        for (const option of unknown) problems.push(`${where}: ${toolName} does not accept ${option} (it accepts ${accepted.join(", ")})`);
        // A bare `npm run <script>` in prose names the tool; only a command line with arguments is parsed.
        if (unknown.length === 0 && tool.parse && c.args.length > 0 && isConcrete(c.args)) {
            try {
                tool.parse(c.args);
            } catch (e) {
                const message = (e as Error).message;
                // An empty message is the parsers' "print the usage" (--help): accepted.
                if (message) problems.push(`${where}: ${toolName} refuses it: ${message}`);
            }
        }
    }
    return problems;
}

/** The URNs (`urn:pulumi:<stack>::...`) a document shows that the stack's identity snapshot does not have. */
export function unknownUrns(markdown: string, snapshotText: (stack: string) => string): string[] {
    return [...markdown.matchAll(/urn:pulumi:([\w-]+)::[^\s'"`]+/g)]
        .filter((m) => !snapshotText(m[1]).includes(`"urn":"${m[0]}"`))
        .map((m) => m[0]);
}
