/**
 * Command-line options as data. Each tool's parser is driven by its own table (`Flags`), so the set of
 * options a tool accepts is exactly the keys of that table; the docs test (tests/docs/commands.test.ts)
 * reads the same tables to check every option the README and sub-READMEs show.
 */

/** One option: whether it takes a value (the placeholder, e.g. "<file>") and what it does to the parsed arguments. */
export interface Flag<A> {
    /** The placeholder of the value the option takes; absent for a switch. */
    readonly value?: string;
    readonly apply: (args: A, value: string | undefined) => void;
}

export type Flags<A> = Readonly<Record<string, Flag<A>>>;

const help: Flag<unknown> = {
    // The parsers signal "print the usage" with an Error whose message is empty.
    apply: () => {
        throw new Error("");
    },
};

/** `--help` and `-h`, which every tool accepts. */
export const HELP_FLAGS: Flags<unknown> = { "--help": help, "-h": help };

/** The options of a table, as the docs show them (also of a list of `{ flag }` entries, the shape of a usage-text table). */
export function flagNames(flags: Flags<never> | readonly { readonly flag: string }[]): string[] {
    return Array.isArray(flags) ? flags.map((f: { readonly flag: string }) => f.flag) : Object.keys(flags);
}

/**
 * Parses `argv` with `flags`: an option of the table takes the next argument as its value if it has one;
 * any other argument starting with "-" is refused; every other argument goes to `positional`.
 */
export function parseFlags<A>(argv: readonly string[], flags: Flags<A>, args: A, positional: (arg: string) => void): A {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const flag = Object.hasOwn(flags, arg) ? flags[arg] : undefined;
        if (flag) flag.apply(args, flag.value === undefined ? undefined : argv[++i]);
        else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
        else positional(arg);
    }
    return args;
}

/** Prints what a parser threw with the usage text (the usage alone for --help); the exit code: 2, or 0 for --help. */
export function usageExit(e: unknown, usage: string): number {
    const message = (e as Error).message;
    console.error(message ? `error: ${message}\n${usage}` : usage);
    return message ? 2 : 0;
}
