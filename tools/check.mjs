// `npm test`: typecheck, lint and every test, with one TypeScript program (issue 15).
//
// `tsc -b` and a type-aware `eslint .` each built the whole program (4,700 files, most of them
// @pulumi/aws's declarations): 18 s and 34 s of CPU. Here the program is built once (incrementally,
// from build/.tsbuildinfo/all.json as `tsc -b` keeps it), emitted into build/, and then mocha starts on
// the emitted build while this process typechecks and lints on the other core, the linter reading
// the types from the same program (typescript-eslint `parserOptions.programs`). The exit code fails
// if the typecheck, the lint or a test does; their reports follow the tests'.
//
// Plain JavaScript because it runs before anything is compiled.
import { spawn } from "node:child_process";
import path from "node:path";
import ts from "typescript";
import { ESLint } from "eslint";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const mochaArgs = process.argv.slice(2);

const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.formatDiagnostic(d, formatHost)); },
});
const builder = ts.createIncrementalProgram({ rootNames: config.fileNames, options: config.options, configFileParsingDiagnostics: config.errors });
const emitted = builder.emit();

const mocha = spawn(process.execPath, [path.join(root, "node_modules", "mocha", "bin", "mocha.js"), ...mochaArgs], { cwd: root, stdio: "inherit" });
const testsDone = new Promise((resolve) => mocha.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));

const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics(), ...emitted.diagnostics];
const typecheck = diagnostics.length === 0 ? "" : ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost);

const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parserOptions: { programs: [builder.getProgram()], project: null } } }] });
const results = await eslint.lintFiles(["."]);
const lintErrors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const lint = lintErrors === 0 ? "" : (await eslint.loadFormatter("stylish")).format(results);

const tests = await testsDone;
if (typecheck) console.error(`\nTypecheck: ${diagnostics.length} error(s)\n${typecheck}`);
if (lint) console.error(`\nLint: ${lintErrors} problem(s)${lint}`);
const failed = [typecheck && "typecheck", lint && "lint", tests !== 0 && "tests"].filter(Boolean);
if (failed.length > 0) console.error(`\nnpm test failed: ${failed.join(", ")}`);
process.exitCode = failed.length > 0 ? 1 : 0;
