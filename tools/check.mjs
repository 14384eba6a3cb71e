// `npm test`: typecheck, lint and every test (issue 15), the tests starting within seconds.
//
// 1. A second process starts at once (`check.mjs --types`): it builds the one TypeScript program
//    (4,700 files, most of them @pulumi/aws's declarations), typechecks it incrementally, and lints
//    every file with typescript-eslint reading that program's types (`parserOptions.programs`):
//    `tsc -b` and a type-aware `eslint .` each built the program again (18 s and 34 s of CPU).
// 2. Meanwhile, on the other core, every file of tsconfig.json is transpiled into build/ on its own
//    (`ts.transpileModule`, about 3 s): `isolatedModules` (tsconfig.json) makes the compiler refuse any
//    file whose JavaScript would need the other files, so this is the JavaScript `tsc` emits (compared
//    file by file: identical). mocha starts on that build.
// 3. The typecheck's and the lint's reports follow the tests'; the exit code fails if any of the three does.
//
// Plain JavaScript because it runs before anything is compiled.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const build = path.join(root, "build");
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.formatDiagnostic(d, formatHost)); },
});

/** The typecheck and the lint (`check.mjs --types`): the reports on stderr; the exit code says which failed (FAILED). */
async function typecheckAndLint() {
    const builder = ts.createIncrementalProgram({
        rootNames: config.fileNames, configFileParsingDiagnostics: config.errors,
        options: { ...config.options, noEmit: true, tsBuildInfoFile: path.join(build, ".tsbuildinfo", "check.json") },
    });
    builder.emit(); // with noEmit: only the build info, for the next run's incremental check
    const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(),
        ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()];
    if (diagnostics.length > 0) console.error(`\nTypecheck: ${diagnostics.length} error(s)\n${ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)}`);

    const { ESLint } = await import("eslint");
    const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parserOptions: { programs: [builder.getProgram()], project: null } } }] });
    const results = await eslint.lintFiles(["."]);
    const lintErrors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
    if (lintErrors > 0) console.error(`\nLint: ${lintErrors} problem(s)${(await eslint.loadFormatter("stylish")).format(results)}`);
    return (diagnostics.length > 0 ? FAILED.typecheck : 0) | (lintErrors > 0 ? FAILED.lint : 0);
}
const FAILED = { typecheck: 1, lint: 2 };

/** Writes a file unless it already holds exactly that text (an unchanged build keeps its times). */
function write(file, text) {
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
}

/** Transpiles every file into build/, with the JSON files the code imports (tsc copies those too) and source maps. */
function transpile() {
    const outputs = new Set();
    for (const source of config.fileNames) {
        const js = path.join(build, path.relative(root, source)).replace(/\.ts$/, ".js");
        const { outputText, sourceMapText } = ts.transpileModule(fs.readFileSync(source, "utf8"), {
            compilerOptions: config.options, fileName: path.relative(path.dirname(js), source),
        });
        write(js, outputText);
        if (sourceMapText) write(`${js}.map`, sourceMapText);
        outputs.add(js);
        for (const [, json] of outputText.matchAll(/require\("(\.{1,2}\/[^"]+\.json)"\)/g)) {
            write(path.resolve(path.dirname(js), json), fs.readFileSync(path.resolve(path.dirname(source), json), "utf8"));
        }
    }
    // A test file that was deleted or moved must not run from an old build.
    for (const entry of fs.readdirSync(path.join(build, "tests"), { recursive: true, withFileTypes: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (entry.isFile() && file.endsWith(".js") && !outputs.has(file)) fs.rmSync(file);
    }
}

/** Runs node with these arguments; resolves to its exit code, and to its stderr when `capture` is set. */
function run(args, capture) {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", capture ? "pipe" : "inherit"] });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk) => { stderr += chunk; });
    return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stderr })));
}

if (process.argv[2] === "--types") {
    process.exitCode = await typecheckAndLint();
} else {
    const types = run(["--max-semi-space-size=128", new URL(import.meta.url).pathname, "--types"], true);
    transpile();
    const tests = await run([path.join(root, "node_modules", "mocha", "bin", "mocha.js"), ...process.argv.slice(2)], false);
    const { code, stderr } = await types;
    // The reports and the verdict, after the tests' output (a crash of the typecheck exits 1: its stack is on stderr).
    process.stderr.write(stderr);
    const verdict = [code & FAILED.typecheck && "typecheck", code & FAILED.lint && "lint", tests.code !== 0 && "tests"].filter(Boolean);
    if (verdict.length > 0) console.error(`\nnpm test failed: ${verdict.join(", ")}`);
    process.exitCode = verdict.length > 0 ? 1 : 0;
}
