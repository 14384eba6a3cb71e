// `npm test`: typecheck, lint and every test (issue 15), the tests starting within seconds.
//
// 1. Every file of tsconfig.json is transpiled into build/ on its own (`ts.transpileModule`, about 3 s):
//    `isolatedModules` (tsconfig.json) makes the compiler refuse any file whose JavaScript would need
//    the other files, so this is the JavaScript `tsc` emits (compared file by file: identical).
// 2. mocha starts on that build while this process, on the other core, builds the one TypeScript
//    program (4,700 files, most of them @pulumi/aws's declarations), typechecks it incrementally, and
//    lints every file with typescript-eslint reading that program's types (`parserOptions.programs`):
//    `tsc -b` and a type-aware `eslint .` each built the program again (18 s and 34 s of CPU).
// 3. The typecheck's and the lint's reports follow the tests'; the exit code fails if any of the three does.
//
// Plain JavaScript because it runs before anything is compiled.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ESLint } from "eslint";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const build = path.join(root, "build");
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.formatDiagnostic(d, formatHost)); },
});

/** Writes a file unless it already holds exactly that text (an unchanged build keeps its times). */
function write(file, text) {
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
}

// 1. Transpile, with the JSON files the code imports (tsc copies those too) and source maps.
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

// 2. The tests, beside the typecheck and the lint.
const mocha = spawn(process.execPath, [path.join(root, "node_modules", "mocha", "bin", "mocha.js"), ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
const testsDone = new Promise((resolve) => mocha.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));

const builder = ts.createIncrementalProgram({
    rootNames: config.fileNames, configFileParsingDiagnostics: config.errors,
    options: { ...config.options, noEmit: true, tsBuildInfoFile: path.join(build, ".tsbuildinfo", "check.json") },
});
builder.emit(); // with noEmit: only the build info, for the next run's incremental check
const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()];
const typecheck = diagnostics.length === 0 ? "" : ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost);

const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parserOptions: { programs: [builder.getProgram()], project: null } } }] });
const results = await eslint.lintFiles(["."]);
const lintErrors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const lint = lintErrors === 0 ? "" : (await eslint.loadFormatter("stylish")).format(results);

// 3. Reports and the verdict.
const tests = await testsDone;
if (typecheck) console.error(`\nTypecheck: ${diagnostics.length} error(s)\n${typecheck}`);
if (lint) console.error(`\nLint: ${lintErrors} problem(s)${lint}`);
const failed = [typecheck && "typecheck", lint && "lint", tests !== 0 && "tests"].filter(Boolean);
if (failed.length > 0) console.error(`\nnpm test failed: ${failed.join(", ")}`);
process.exitCode = failed.length > 0 ? 1 : 0;
