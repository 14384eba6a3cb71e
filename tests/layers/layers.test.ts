/**
 * Layers you can see (docs/decisions.md, "Issue 15: layers"): every relative import of every .ts file
 * of the repository, read with the TypeScript compiler's own pre-processor, runs downward.
 *
 *   lib → config → network → security → data → compute → monitoring → operations
 *       → the programs (index.ts, bootstrap/) → tools/, automation/ → tests/
 *
 * A file may import from its own folder group and from any lower one. Groups on the same rank
 * (index.ts and bootstrap/; tools/ and automation/) do not import each other. policy/ is its own
 * package, run by the Pulumi CLI from policy/: it imports nothing of the program, so it judges the
 * program without taking its expectations from it.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

/** Lowest first; a new top-level folder (or file at the root) must be placed here. */
export const LAYERS: readonly (readonly string[])[] = [
    ["lib"],
    ["config"],
    // Infrastructure, in the order prod rolls out (automation/phases.ts), operations last.
    ["network"], ["security"], ["data"], ["compute"], ["monitoring"], ["operations"],
    // The two Pulumi programs that compose it.
    ["index.ts", "bootstrap"],
    ["tools", "automation"],
    ["tests"],
];
/** Groups that import nothing of the project outside themselves (and that nothing imports). */
export const SELF_CONTAINED: readonly string[] = ["policy"];

const SKIPPED_DIRS = new Set(["node_modules", "build", "docker"]);

export interface ImportEdge {
    /** Importing file, relative to the root, e.g. "config/keys/data.ts". */
    readonly from: string;
    /** The import as written, e.g. "../../data/postgres". */
    readonly specifier: string;
    /** What it resolves to, relative to the root, without extension, e.g. "data/postgres". */
    readonly to: string;
}

/** Top-level folder of a path, or the file itself at the root ("index.ts"). */
export function groupOf(file: string): string {
    const [top, ...rest] = file.split("/");
    if (rest.length > 0 || /\.(ts|json)$/.test(top)) return top;
    // An import of a root folder (`../config` is config/index.ts) or of the root index.ts (`../index`).
    return top === "index" ? "index.ts" : top;
}

function rankOf(group: string): number | undefined {
    const rank = LAYERS.findIndex((groups) => groups.includes(group));
    return rank < 0 ? undefined : rank;
}

const layerName = (rank: number) => LAYERS[rank].join(" | ");

/** Every import that breaks the rule, as "<file> imports <specifier>: <why>". */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
    const problems: string[] = [];
    for (const { from, specifier, to } of edges) {
        const [a, b] = [groupOf(from), groupOf(to)];
        // Tests may import anything (the policy pack's rules included); only what they import is checked.
        if (a === b || a === "tests") continue;
        const at = `${from} imports "${specifier}"`;
        if (SELF_CONTAINED.includes(a) || SELF_CONTAINED.includes(b)) {
            problems.push(`${at}: ${SELF_CONTAINED.includes(a) ? a : b}/ is self-contained; nothing crosses its boundary`);
            continue;
        }
        const [ra, rb] = [rankOf(a), rankOf(b)];
        if (ra === undefined || rb === undefined) {
            problems.push(`${at}: ${ra === undefined ? a : b} is in no layer; place it in LAYERS (tests/layers/layers.test.ts)`);
        } else if (rb === ra) {
            problems.push(`${at}: ${a} and ${b} are on the same layer (${layerName(ra)}) and do not import each other; move what both need down`);
        } else if (rb > ra) {
            problems.push(`${at}: ${b} (${layerName(rb)}) is above ${a} (${layerName(ra)}); move what ${a} needs down`);
        }
    }
    return problems;
}

/** Every .ts file under `root` (relative paths), without node_modules, build output or docker contexts. */
export function sourceFiles(root: string, dir = ""): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(root, rel);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [rel] : [];
    });
}

/** The relative imports of each file: import, import type, export … from, import(), require(). */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
    return files.flatMap((from) => {
        const info = ts.preProcessFile(fs.readFileSync(path.join(root, from), "utf8"), true, true);
        return info.importedFiles
            .map((f) => f.fileName)
            .filter((specifier) => specifier.startsWith("."))
            .map((specifier) => ({ from, specifier, to: resolve(root, path.posix.join(path.posix.dirname(from), specifier)) }));
    });
}

/** The file an import names (`x` → x.ts or x/index.ts); as written when neither exists. */
function resolve(root: string, target: string): string {
    const normal = path.posix.normalize(target);
    return [`${normal}.ts`, `${normal}/index.ts`].find((f) => fs.existsSync(path.join(root, f))) ?? normal;
}

const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("layers: imports run downward (lib → config → infrastructure → programs → tools, automation)", () => {
    const files = sourceFiles(ROOT);
    const edges = importEdges(ROOT, files);

    it("no file imports from a layer above its own, from a peer, or across policy/'s boundary", () => {
        expect(layerViolations(edges)).to.deep.equal([]);
    });

    it("every group of the rule has files, and every file belongs to a group of the rule", () => {
        const groups = new Set(files.map(groupOf));
        for (const g of [...LAYERS.flat(), ...SELF_CONTAINED]) expect(groups, g).to.include(g);
        const placed = new Set([...LAYERS.flat(), ...SELF_CONTAINED]);
        expect([...groups].filter((g) => !placed.has(g))).to.deep.equal([]);
    });

    it("config imports nothing of the infrastructure; infrastructure nothing of tools or automation", () => {
        const from = (group: string) => edges.filter((e) => groupOf(e.from) === group).map((e) => groupOf(e.to));
        expect(from("config").filter((g) => g !== "config")).to.satisfy((gs: string[]) => gs.every((g) => g === "lib"));
        for (const infra of ["network", "security", "data", "compute", "monitoring", "operations"]) {
            expect(from(infra), infra).to.not.include.members(["tools", "automation", "index.ts", "bootstrap"]);
        }
    });
});

describe("layers: the check itself", () => {
    const edge = (from: string, specifier: string): ImportEdge =>
        ({ from, specifier, to: path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)) });

    it("names the file and the import of every back-edge of a broken graph", () => {
        expect(layerViolations([
            edge("config/keys/data.ts", "../../data/postgres"),
            edge("network/network.ts", "../security/iamDocuments"),
            edge("automation/offlinePlan.ts", "../tools/offline/evaluate"),
            edge("lib/urns.ts", "../config/names"),
            edge("security/kms.ts", "../index"),
            edge("compute/compute.ts", "../tests/support/component"),
        ])).to.deep.equal([
            `config/keys/data.ts imports "../../data/postgres": data (data) is above config (config); move what config needs down`,
            `network/network.ts imports "../security/iamDocuments": security (security) is above network (network); move what network needs down`,
            `automation/offlinePlan.ts imports "../tools/offline/evaluate": automation and tools are on the same layer (tools | automation) and do not import each other; move what both need down`,
            `lib/urns.ts imports "../config/names": config (config) is above lib (lib); move what lib needs down`,
            `security/kms.ts imports "../index": index.ts (index.ts | bootstrap) is above security (security); move what security needs down`,
            `compute/compute.ts imports "../tests/support/component": tests (tests) is above compute (compute); move what compute needs down`,
        ]);
    });

    it("refuses a folder in no layer and any import across policy/'s boundary, either way", () => {
        expect(layerViolations([
            edge("scripts/x.ts", "../lib/urns"),
            edge("policy/rules/rds.ts", "../../lib/postgres"),
            edge("tools/cost.ts", "../policy/lib/types"),
        ])).to.deep.equal([
            `scripts/x.ts imports "../lib/urns": scripts is in no layer; place it in LAYERS (tests/layers/layers.test.ts)`,
            `policy/rules/rds.ts imports "../../lib/postgres": policy/ is self-contained; nothing crosses its boundary`,
            `tools/cost.ts imports "../policy/lib/types": policy/ is self-contained; nothing crosses its boundary`,
        ]);
    });

    it("allows imports downward and inside a group", () => {
        expect(layerViolations([
            edge("compute/compute.ts", "../security/privateBucket"),
            edge("config/keys/data.ts", "../../lib/postgres"),
            edge("tools/plan.ts", "../config"),
            edge("index.ts", "./data/database"),
            edge("tests/lib/urns.test.ts", "../../tools/snapshot"),
            edge("policy/rules/rds.ts", "../lib/types"),
            edge("tools/cost/rules/data.ts", "../../offline/evaluate"),
        ])).to.deep.equal([]);
    });

    it("reads every import form from files on disk (import, import type, export from, import(), require())", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
        try {
            fs.mkdirSync(path.join(dir, "config", "keys"), { recursive: true });
            fs.mkdirSync(path.join(dir, "node_modules", "x"), { recursive: true });
            fs.writeFileSync(path.join(dir, "node_modules", "x", "index.ts"), `import "../../tools/y";\n`);
            fs.writeFileSync(path.join(dir, "config", "keys", "data.ts"), [
                `import * as pulumi from "@pulumi/pulumi";`,
                `import { a } from "../../data/postgres";`,
                `import type { B } from "../../monitoring/thresholds";`,
                `export { c } from "../../network/subnetPlan";`,
                `const d = require("../../tools/cost");`,
                `const e = import("../../automation/cli");`,
                `import { f } from "../names";`,
            ].join("\n"));
            const found = importEdges(dir, sourceFiles(dir));
            expect(found.map((e) => e.to)).to.deep.equal(["data/postgres", "monitoring/thresholds", "network/subnetPlan", "tools/cost", "automation/cli", "config/names"]);
            expect(layerViolations(found)).to.have.length(5);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
