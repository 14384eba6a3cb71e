/**
 * Exit a command-line tool with a code, but only after everything written to stdout and stderr has
 * been handed to the OS. `process.exit` right after a large write to a pipe cuts the output at the
 * pipe buffer (64 KiB), which breaks `npm run plan -- prod --json - | jq`.
 */
export function exitWhenFlushed(code: number): void {
    let pending = 2;
    const done = () => {
        if (--pending === 0) process.exit(code);
    };
    process.stdout.write("", done);
    process.stderr.write("", done);
}

/** Runs a command-line tool's `main` when `entry` is the module node started, and exits with its code once flushed. */
export function runMain(entry: NodeModule, main: (argv: readonly string[]) => Promise<number>, crash: (e: unknown) => unknown = (e) => e): void {
    if (require.main !== entry) return;
    main(process.argv.slice(2)).then(exitWhenFlushed, (e) => {
        console.error(crash(e));
        process.exit(1);
    });
}
