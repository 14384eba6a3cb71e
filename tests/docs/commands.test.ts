/**
 * Docs that run (issue 15): every `npm run <script>` that README.md, the sub-READMEs and docs/*.md show
 * names a script of package.json, and every option it shows is accepted by that tool's parser — read
 * from the table the parser itself runs on (tools/flags.ts, automation/args.ts OPTIONS_OF). A concrete
 * command line (no placeholder) also goes through the parser whole.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { HELP_OPTIONS, OPTIONS_OF, parseArgs as parseOpsArgs } from "../../automation/args";
import { BOOTSTRAP_PLAN_FLAGS } from "../../tools/bootstrapPlan";
import { COST_FLAGS, parseArgs as parseCostArgs } from "../../tools/cost";
import { flagNames } from "../../tools/flags";
import { BENCH_FLAGS, parseBenchArgs } from "../../tools/bench/report";
import { BENCH_STEP_IDS } from "../../tools/bench/bench";
import { listStacks } from "../../config/stackFiles";
import { parseArgs as parsePlanArgs, PLAN_FLAGS } from "../../tools/plan";
import { parseArgs as parseCommentArgs, PR_COMMENT_FLAGS } from "../../tools/prComment";
import { parseArgs as parseSnapshotArgs, SNAPSHOT_FLAGS } from "../../tools/snapshot";
import { codeSnippets, commandProblems, commandsIn, DocCommand, lineSnippets, npmCommands, ToolOptions, unknownUrns } from "./docCommands";

/** Every tool's parser takes these (some tables list them, some parsers test them apart). */
const HELP = ["--help", "-h"];
const ROOT = path.resolve(__dirname, "..", "..", "..");
const STACKS = listStacks(ROOT);

/** Each tool, by the module its npm script runs. */
const TOOLS: Record<string, ToolOptions> = {
    "tools/plan": { accepted: () => flagNames(PLAN_FLAGS), parse: (argv) => parsePlanArgs(argv) },
    "tools/bootstrapPlan": { accepted: () => flagNames(BOOTSTRAP_PLAN_FLAGS), parse: (argv) => parsePlanArgs(argv, BOOTSTRAP_PLAN_FLAGS) },
    "tools/cost": { accepted: () => [...flagNames(COST_FLAGS), ...HELP], parse: parseCostArgs },
    "tools/snapshot": { accepted: () => flagNames(SNAPSHOT_FLAGS), parse: parseSnapshotArgs },
    "tools/bench/bench": { accepted: () => flagNames(BENCH_FLAGS), parse: (argv) => parseBenchArgs(argv, BENCH_STEP_IDS) },
    "tools/prComment": { accepted: () => flagNames(PR_COMMENT_FLAGS), parse: parseCommentArgs },
    "automation/cli": {
        // A placeholder command (`<command>`) may show any command's options.
        accepted: ([command]) => [...(OPTIONS_OF[command] ?? Object.values(OPTIONS_OF).flat()), ...HELP_OPTIONS],
        parse: (argv) => parseOpsArgs(argv, STACKS),
    },
};

/** The module a script runs: `node build/tools/plan.js` (or a .ts run directly) is tools/plan. */
const toolOf = (scriptCommand: string) => /\b((?:tools|automation)\/[\w/]+)\.[cm]?[jt]s\b/.exec(scriptCommand)?.[1];

/** README.md, every other tracked Markdown file outside node_modules, and docs/*.md. */
function documents(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const rel = path.join(dir, entry.name);
            if (entry.isDirectory() && !["node_modules", "build", ".git"].includes(entry.name) && !entry.name.startsWith(".")) walk(rel);
            else if (entry.isFile() && entry.name.endsWith(".md")) found.push(rel);
        }
    };
    walk(".");
    return found.map((f) => path.normalize(f)).sort();
}

const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const snapshotText = (stack: string) => fs.readFileSync(path.join(ROOT, "tests", "snapshots", `${stack}.identity.json`), "utf8");
const check = (commands: readonly DocCommand[]) => commandProblems(commands, scripts, TOOLS, toolOf);

describe("docs: every documented npm command runs as written", () => {
    const docs = documents();
    const commands = docs.flatMap((f) => npmCommands(fs.readFileSync(path.join(ROOT, f), "utf8"), f));

    it("reads README.md and the sub-READMEs, and finds their commands: every script exists and every option shown is accepted by its tool's parser", () => {
        expect(docs).to.include.members(["README.md", "tools/safety/README.md", "tools/cost/README.md", "automation/README.md", "bootstrap/README.md", "policy/README.md", path.normalize("docs/decisions.md")]);
        const scriptsShown = new Set(commands.map((c) => c.script));
        expect([...scriptsShown]).to.include.members(["plan", "plan:bootstrap", "cost", "snapshot", "ops", "test", "test:policy"]);
        // Every script exists and every option shown is accepted by its tool's parser.
        expect(check(commands)).to.deep.equal([]);
    });

    it("the workflows' npm and node build/ commands too (their options, and their scripts)", () => {
        const dir = path.join(ROOT, ".github", "workflows");
        const inWorkflows = fs.readdirSync(dir).filter((f) => f.endsWith(".yml"))
            .flatMap((f) => commandsIn(lineSnippets(fs.readFileSync(path.join(dir, f), "utf8")), `.github/workflows/${f}`));
        expect(inWorkflows.map((c) => c.module ?? c.script)).to.include.members(["plan", "ops", "tools/cost", "tools/prComment", "tools/plan"]);
        expect(check(inWorkflows)).to.deep.equal([]);
    });

    it("every resource URN the docs show is one the stack's plan has (tests/snapshots/<stack>.identity.json)", () => {
        const texts = docs.map((f) => fs.readFileSync(path.join(ROOT, f), "utf8"));
        expect(texts.filter((t) => /urn:pulumi:\w+::/.test(t)), "the safety README's --allow-removal example").to.have.length.above(0);
        expect(texts.flatMap((t) => unknownUrns(t, snapshotText))).to.deep.equal([]);
    });

    it("a command whose stdout is JSON (cost --json, plan --json -) is written `npm run -s` (npm's banner is not JSON)", () => {
        const toStdout = (c: DocCommand) => (c.script === "cost" && c.args.includes("--json")) || (c.script === "plan" && c.args[c.args.indexOf("--json") + 1] === "-");
        const shown = commands.filter(toStdout);
        expect(shown.map((c) => c.script)).to.include.members(["cost", "plan"]);
        expect(shown.filter((c) => !/^npm run (-s|--silent) /.test(c.text)).map((c) => `${c.file}:${c.line}: ${c.text}`)).to.deep.equal([]);
    });
});

describe("docs: the command check itself", () => {
    const doc = [
        "Run `npm run planx -- dev` first, not `npm run <script>`.",
        "```bash",
        "npm run plan -- prod --jsn out.json   # a typo",
        "npm run ops -- validate prod --confirm-prod",
        "npm run cost --json -- dev",
        "npm run snapshot -- \\",
        "  --update --allow-removal network-flow-logs",
        "npm run bench -- --fast",
        "npm run -s plan -- <stack> [--json <file>|-] && npm test",
        "```",
    ].join("\n");
    const problems = check(npmCommands(doc, "doc.md"));
    const about = (needle: string) => problems.filter((p) => p.includes(needle));

    // One problem per broken line, each for its reason, naming the tool.
    const cases: [string, string, RegExp | string][] = [
        ["an unknown script", "planx", /^doc\.md:1: .*package\.json has no script "planx"/],
        ["an unknown option, naming the tool", "--jsn",
            `doc.md:3: \`npm run plan -- prod --jsn out.json\`: tools/plan does not accept --jsn (it accepts ${flagNames(PLAN_FLAGS).join(", ")})`],
        ["an ops option checked per command", "validate prod --confirm-prod", /^doc\.md:4: .*automation\/cli does not accept --confirm-prod/],
        ["options given to npm instead of the tool", "--json before `--` go to npm", /^doc\.md:5: /],
        ["a concrete command line the tool's parser refuses, across a line continuation", "--allow-removal needs the URN of the resource", /^doc\.md:6: /],
    ];
    for (const [what, needle, expected] of cases) {
        it(`reports ${what}`, () => {
            expect(about(needle)).to.have.length(1);
            if (typeof expected === "string") expect(about(needle)[0]).to.equal(expected);
            else expect(about(needle)[0]).to.match(expected);
        });
    }

    it("reports options to a script whose tool it has no table for; accepts a synopsis with placeholders and the command after &&", () => {
        const withBench = commandProblems(npmCommands(doc, "doc.md"), { ...scripts, bench: "node build/tools/bench.js" }, TOOLS, toolOf);
        const bench = withBench.filter((p) => p.startsWith("doc.md:8:"));
        expect(bench).to.have.length(1);
        expect(bench[0]).to.include('script "bench" (node build/tools/bench.js) runs no tool whose options the docs test knows');
        // A synopsis with placeholders and the command after && are accepted: one problem on each other line.
        // Line 8: bench is either not a script of package.json or, once it is, a tool without an option table here.
        expect(problems.map((p) => Number(/^doc\.md:(\d+):/.exec(p)?.[1]))).to.deep.equal([1, 3, 4, 5, 6, 8]);
    });

    it("checks `node build/<tool>.js` commands against the same tables", () => {
        const shell = commandsIn(lineSnippets("node build/tools/cost.js dev --sav x.json\nnode build/tools/prComment.js dev --base main --diff d.txt --cost-base a.json"), "ci.yml");
        const problems = check(shell);
        expect(problems).to.have.length(2);
        expect(problems[0]).to.match(/^ci\.yml:1: `node build\/tools\/cost\.js dev --sav x\.json`: tools\/cost does not accept --sav \(it accepts .*--save/);
        expect(problems[1]).to.equal("ci.yml:2: `node build/tools/prComment.js dev --base main --diff d.txt --cost-base a.json`: tools/prComment refuses it: --cost-base and --cost-head go together");
    });

    it("reports a URN the stack's snapshot does not have (the old example's `...::tables-settlements`)", () => {
        const real = "urn:pulumi:prod::fivestar-payments::fivestar:data:PaymentTables$aws:dynamodb/table:Table::tables-transactions";
        const invented = "urn:pulumi:prod::fivestar-payments::fivestar:data:PaymentTables$aws:dynamodb/table:Table::tables-settlements";
        expect(unknownUrns(`\`--allow-removal '${real}'\` or '${invented}'`, snapshotText)).to.deep.equal([invented]);
    });

    it("finds code-block lines and inline code spans, with their lines", () => {
        expect(codeSnippets("a `x` b\n```\ny\n```\n`z\nw`").map((s) => [s.line, s.text])).to.deep.equal([[1, "x"], [3, "y"], [5, "z w"]]);
    });
});
