/**
 * Evaluations of the program in child processes, because the Pulumi runtime that evaluates it is a
 * process-wide singleton. Shared by the snapshot, cost and delivery tools and the whole-program tests.
 *
 * The processes are workers (build/tools/offline/worker.js) that stay up and take one job after
 * another: loading @pulumi/pulumi and @pulumi/aws is about 2 s of every plan, and the tests make some
 * forty plans (issue 15). An idle worker holds nothing open, so a tool or a test run exits as if it
 * had none.
 */
import { ChildProcess, fork } from "child_process";
import * as os from "os";
import * as path from "path";
import { CHECKS_FAILED_EXIT_CODE, type EvaluatedStack, type RegisteredResource } from "./planRecord";

/** The config as the Pulumi CLI hands it to a program (every namespace, qualified keys, the secret ones listed). */
export interface CliConfigInput {
    readonly stack: string;
    readonly config: Readonly<Record<string, string>>;
    readonly secretKeys: readonly string[];
}

/** What a worker can do: run the plan tool with arguments, evaluate a first preview, run the program as the CLI would. */
export type PlanJob =
    | { readonly kind: "cli"; readonly argv: readonly string[] }
    | { readonly kind: "preview"; readonly stack: string }
    | { readonly kind: "program"; readonly input: CliConfigInput; readonly preview: boolean };

export type PlanJobResult =
    | { readonly kind: "cli"; readonly code: number; readonly stdout: string; readonly stderr: string }
    | { readonly kind: "preview"; readonly resources: RegisteredResource[] }
    | { readonly kind: "program"; readonly registered: number; readonly error?: string };

type ResultOf<K extends PlanJob["kind"]> = Extract<PlanJobResult, { kind: K }>;

interface Pending {
    readonly job: PlanJob;
    resolve(result: PlanJobResult): void;
    reject(error: Error): void;
}
interface Worker {
    readonly child: ChildProcess;
    stderr: string;
    pending?: Pending;
}

const WORKER = path.join(__dirname, "..", "tools", "offline", "worker.js");
// One per two cores: a worker shares the machine with mocha and the typecheck (`npm test`), and on two
// cores one worker made the whole run faster than two (38-39 s against 40-42 s, `npm test` clean).
const MAX_WORKERS = Math.max(1, Math.floor(os.availableParallelism() / 2));
const workers: Worker[] = [];
const queue: Pending[] = [];

/** Runs a job on the next free worker (starting one if fewer than MAX_WORKERS run). */
export function runJob<K extends PlanJob["kind"]>(job: Extract<PlanJob, { kind: K }>): Promise<ResultOf<K>> {
    return new Promise<PlanJobResult>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
    }) as Promise<ResultOf<K>>;
}

function dispatch(): void {
    while (queue.length > 0) {
        const worker = workers.find((w) => !w.pending) ?? (workers.length < MAX_WORKERS ? start() : undefined);
        if (!worker) return;
        worker.pending = queue.shift()!;
        hold(worker.child, true);
        worker.child.send(worker.pending.job);
    }
}

function start(): Worker {
    const child = fork(WORKER, [], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const worker: Worker = { child, stderr: "" };
    const retire = () => {
        if (workers.includes(worker)) workers.splice(workers.indexOf(worker), 1);
    };
    child.stderr!.on("data", (chunk: Buffer) => { worker.stderr = (worker.stderr + chunk.toString()).slice(-4000); });
    (child.stderr as unknown as { unref(): void }).unref();
    child.on("message", (message: { result?: PlanJobResult; error?: string; recycle: boolean }) => {
        const pending = worker.pending!;
        worker.pending = undefined;
        hold(child, false);
        if (message.recycle) {
            retire();
            child.disconnect(); // the worker exits on its own (tools/offline/worker.ts)
        }
        if (message.error !== undefined) pending.reject(new Error(`the plan worker failed: ${message.error}`));
        else pending.resolve(message.result!);
        dispatch();
    });
    child.on("exit", (code) => {
        retire();
        if (worker.pending) worker.pending.reject(new Error(`the plan worker exited (${code}) during a job: ${worker.stderr.trim()}`));
        worker.pending = undefined;
        dispatch();
    });
    workers.push(worker);
    return worker;
}

/** Ends every worker and waits until they are gone (the test run's end: so their CPU is counted as the run's). */
export async function stopWorkers(): Promise<void> {
    await Promise.all(workers.map((w) => new Promise((resolve) => {
        w.child.once("exit", resolve);
        w.child.disconnect();
    })));
}

/** A busy worker keeps this process alive; an idle one does not. */
function hold(child: ChildProcess, busy: boolean): void {
    if (busy) {
        child.ref();
        child.channel?.ref();
    } else {
        child.unref();
        child.channel?.unref();
    }
}

/** A plan that failed: the program or its config threw (the JSON the plan tool writes on failure). */
export interface FailedPlan {
    readonly stack: string;
    readonly error: string;
    readonly registeredBeforeFailure: number;
    readonly exitCode: number;
    readonly stderr: string;
}

/**
 * `npm run plan -- <stack> --json - --show-secrets [--set ...]` on a worker: resolves with the evaluated
 * stack or the failure the plan reported; rejects only if the tool wrote no plan.
 */
export async function runPlanProcess(stack: string, overrides: Readonly<Record<string, string>> = {}): Promise<EvaluatedStack | FailedPlan> {
    // --show-secrets: the JSON goes only to the caller (the worker captures stdout), and the leak audit needs the values.
    const { code, stdout, stderr } = await runJob({ kind: "cli", argv: [stack, "--json", "-", "--show-secrets", ...Object.entries(overrides).flatMap(([k, v]) => ["--set", `${k}=${v}`])] });
    let json: Record<string, unknown>;
    try {
        json = JSON.parse(stdout);
    } catch {
        throw new Error(`the offline plan of stack "${stack}" wrote no plan: ${stderr.trim()}`);
    }
    if (json.error !== undefined) return { ...json, exitCode: code, stderr } as unknown as FailedPlan;
    // Exit 4: evaluated, but a plan check failed; the caller runs the checks itself.
    if (code !== 0 && code !== CHECKS_FAILED_EXIT_CODE) throw new Error(`the offline plan of stack "${stack}" failed: ${stderr.trim()}`);
    return json as unknown as EvaluatedStack;
}

/** The evaluated stack; rejects with the plan's own error message when it failed. */
export async function planInChildProcess(stack: string, overrides: Readonly<Record<string, string>> = {}): Promise<EvaluatedStack> {
    const result = await runPlanProcess(stack, overrides);
    if ("error" in result) throw new Error(`the offline plan of stack "${stack}" failed: ${result.error}`);
    return result;
}
