/**
 * Lambda code as a Pulumi asset, built from this repository's TypeScript sources at evaluation time:
 * each file is transpiled with `ts.transpileModule` (CommonJS, ES2022) and put in an AssetArchive under
 * its own base name, so `./cleanupRules` resolves inside the function as it does here. No closure
 * serialization: the function runs exactly the reviewed, tested source files.
 *
 * The sources are read from the project directory whether the program runs from TypeScript (Pulumi's
 * nodejs runtime, `__filename` ends in .ts) or from the compiled `build/` tree (the offline plan and
 * the tests), so the archive, and the function's code hash, is the same in both.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";

/** This file's folder in the sources: operations/ (also when running from build/operations/). */
const SOURCE_DIR = __filename.endsWith(".ts") ? __dirname : path.resolve(__dirname, "..", "..", "operations");

/** CommonJS JavaScript of one source file of operations/ (e.g. "cleanupRules.ts"). */
export function transpiledSource(file: string): string {
    const source = fs.readFileSync(path.join(SOURCE_DIR, file), "utf8");
    return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }, fileName: file }).outputText;
}

/**
 * An archive with `handler` as index.js (so the Lambda handler is `index.handler`) and each of `modules`
 * under its own name (.ts -> .js).
 */
export function lambdaArchive(handler: string, modules: readonly string[] = []): pulumi.asset.AssetArchive {
    const files: Record<string, pulumi.asset.Asset> = { "index.js": new pulumi.asset.StringAsset(transpiledSource(handler)) };
    for (const m of modules) files[m.replace(/\.ts$/, ".js")] = new pulumi.asset.StringAsset(transpiledSource(m));
    return new pulumi.asset.AssetArchive(files);
}
