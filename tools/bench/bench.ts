/**
 * `npm run bench -- [--runs N] [--markdown] [--only <step,...>]`: how long the project's feedback loops
 * take, measured in one run side by side with the floor, the typecheck of a one-resource Pulumi program
 * (tools/bench/floor/). Every figure is printed with its ratio to the floor's typecheck, so the table
 * means the same on a faster or a busier machine; issue 15's targets are stated as such ratios.
 *
 * Each step runs N times (default 3), round after round (so a burst of load from elsewhere spreads
 * over every step instead of one), and the median is reported, with the CPU time of every process the
 * step started (user + system, from bash's `times`). It deletes build/ for the clean steps and leaves
 * a complete build behind. Not a test: nothing here has a time limit, and it fails only if a command does.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectDir as findProjectDir } from "../../config/projectFiles";
import { BenchArgs, childCpuSeconds, Measured, meets, median, parseBenchArgs, renderTable, Target } from "./report";

interface Step {
    readonly id: string;
    readonly what: string;
    /** Run before each measured run, not timed (e.g. delete build/, or a first plan that compiles). */
    readonly prepare?: string;
    readonly command: string;
    readonly target?: Target;
}

const STACKS = ["dev", "staging", "prod"];

const FLOOR: Step = {
    id: "floor", what: "floor: typecheck of a one-resource program (tsc -p tools/bench/tsconfig.floor.json)",
    prepare: "rm -rf build/bench-floor", command: "tsc -p tools/bench/tsconfig.floor.json",
};

const STEPS: readonly Step[] = [
    { id: "test", what: "npm test from a clean build/ (typecheck + lint + every test)", prepare: "rm -rf build", command: "npm test", target: { floorTimes: 6 } },
    { id: "tsc-clean", what: "typecheck, sources and tests, clean build/ (tsc -b)", prepare: "rm -rf build", command: "tsc -b" },
    { id: "tsc-noop", what: "typecheck again, nothing changed (tsc -b)", prepare: "tsc -b", command: "tsc -b" },
    { id: "tsc-touched", what: "typecheck after touching index.ts (tsc -b, incremental)", prepare: "touch index.ts", command: "tsc -b" },
    { id: "lint", what: "lint (eslint .)", command: "eslint ." },
    { id: "mocha", what: "every test, built (mocha)", command: "mocha" },
    ...STACKS.map((stack): Step => ({
        id: `plan-${stack}`, what: `npm run plan -- ${stack}, warm (second run, nothing changed)`,
        prepare: `npm run plan -- ${stack}`, command: `npm run plan -- ${stack}`, target: { floorTimes: 1 },
    })),
    { id: "ops-help", what: "npm run ops -- --help, built", prepare: "tsc -b tsconfig.src.json", command: "npm run ops -- --help", target: { seconds: 1 } },
    { id: "cli-help", what: "node build/automation/cli.js --help", prepare: "tsc -b tsconfig.src.json", command: "node build/automation/cli.js --help", target: { seconds: 1 } },
];

/** The step ids `--only` takes. */
export const BENCH_STEP_IDS: readonly string[] = STEPS.map((s) => s.id);

const USAGE = `usage: npm run bench -- [--runs N] [--markdown] [--only <step>,...]
  --runs N      run every step N times and report the median (default 3)
  --markdown    print the table as Markdown (the README's performance table)
  --only ids    run only these steps (and the floor): ${STEPS.map((s) => s.id).join(", ")}`;

function bash(script: string, cwd: string): { status: number; stdout: string; seconds: number } {
    const start = process.hrtime.bigint();
    const result = spawnSync("bash", ["-c", script], {
        cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, PATH: `${path.join(cwd, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.error) throw result.error;
    return { status: result.status ?? 1, stdout: result.stdout, seconds };
}

function failure(step: Step, phase: string, status: number, log: string): Error {
    const tail = fs.readFileSync(log, "utf8").trimEnd().split("\n").slice(-30).join("\n");
    return new Error(`bench step "${step.id}": \`${phase}\` exited ${status}; the last lines of its output (${log}):\n${tail}`);
}

/** Runs a step once: its preparation (untimed), then its command (timed; wall clock and CPU). */
function runOnce(step: Step, cwd: string, logDir: string): { wall: number; cpu: number } {
    const log = path.join(logDir, `${step.id}.log`);
    fs.writeFileSync(log, "");
    if (step.prepare) {
        const prepared = bash(`{ ${step.prepare}; } >> '${log}' 2>&1`, cwd);
        if (prepared.status !== 0) throw failure(step, step.prepare, prepared.status, log);
    }
    const run = bash(`{ ${step.command}; } >> '${log}' 2>&1; rc=$?; times; exit $rc`, cwd);
    if (run.status !== 0) throw failure(step, step.command, run.status, log);
    return { wall: run.seconds, cpu: childCpuSeconds(run.stdout) };
}

function main(argv: readonly string[]): number {
    let args: BenchArgs;
    try {
        args = parseBenchArgs(argv, STEPS.map((s) => s.id));
    } catch (e) {
        console.error(`error: ${(e as Error).message}\n${USAGE}`);
        return 2;
    }
    const cwd = findProjectDir();
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
    const steps = [FLOOR, ...STEPS.filter((s) => args.only.length === 0 || args.only.includes(s.id))];
    const results = new Map(steps.map((s) => [s.id, { wall: [] as number[], cpu: [] as number[] }]));
    console.error(`bench: ${steps.length} steps × ${args.runs} run(s) on ${os.cpus().length} CPUs (load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}); logs in ${logDir}`);
    for (let run = 1; run <= args.runs; run++) {
        for (const step of steps) {
            const { wall, cpu } = runOnce(step, cwd, logDir);
            results.get(step.id)!.wall.push(wall);
            results.get(step.id)!.cpu.push(cpu);
            console.error(`  run ${run}/${args.runs}  ${step.id.padEnd(12)} ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU`);
        }
    }
    const measured = steps.map((s): Measured => ({ id: s.id, what: s.what, target: s.target, ...results.get(s.id)! }));
    const [floor, ...rest] = measured;
    console.log(renderTable(floor, rest, args.markdown));
    console.log(`\n${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? "unknown CPU"}, Node.js ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; median of ${args.runs} run(s).`);
    const missed = rest.filter((m) => meets(m, median(floor.wall)) === false);
    if (missed.length > 0) console.log(`Targets missed: ${missed.map((m) => m.id).join(", ")}`);
    return 0;
}

if (require.main === module) {
    try {
        process.exitCode = main(process.argv.slice(2));
    } catch (e) {
        console.error((e as Error).message);
        process.exitCode = 1;
    }
}
