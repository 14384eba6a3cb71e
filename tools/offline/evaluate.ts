/**
 * Evaluates the real program (index.ts, compiled) for one stack under Pulumi mocks and records every
 * resource registration with the options that decide its identity and safety: type, name, parent,
 * provider, protect, aliases, dependencies and inputs (with which inputs are secret).
 *
 * The Pulumi runtime is a process-wide singleton: one evaluation at a time per process, with fresh
 * project modules each (tools/offline/worker.ts).
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { checkStackConfig, PROJECT_NAME } from "../../config";
import { awsMocks, firstPreviewMocks } from "./mocks";
import { readStackConfig } from "../../config/stackFiles";
import { EvaluatedStack, RegisteredResource, StackOutput, UNKNOWN_INPUT } from "../../lib/planRecord";
import { providerUrnOf, urnFor } from "../../lib/urns";
import type { CliConfigInput } from "../../lib/planProcess";

export class ProgramError extends Error {
    constructor(message: string, public readonly registeredBeforeFailure: number) {
        super(message);
    }
}

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Unwraps the runtime's secret markers, collecting the paths they were found at. */
function unwrapSecrets(value: unknown, at: string, secretPaths: string[]): unknown {
    if (pulumi.isUnknown(value)) return UNKNOWN_INPUT;
    if (Array.isArray(value)) return value.map((v, i) => unwrapSecrets(v, `${at}[${i}]`, secretPaths));
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) {
            secretPaths.push(at);
            return unwrapSecrets(obj.value, at, []);
        }
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, unwrapSecrets(v, at ? `${at}.${k}` : k, secretPaths)]));
    }
    return value;
}

// The request object of the resource monitor's gRPC API (only the getters used here).
interface RegisterRequest {
    getType(): string; getName(): string; getParent(): string; getProvider(): string; getCustom(): boolean;
    getProtect(): boolean; getRetainondelete(): boolean | undefined; getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[]; getDependenciesList(): string[]; getAdditionalsecretoutputsList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (deps: { getUrnsList(): string[] }, key: string) => void): void };
    getObject(): { toJavaScript(): Record<string, unknown> };
    getAliasesList(): { getUrn(): string; getSpec(): { getName(): string; getType(): string; getParenturn(): string; getNoparent(): boolean } | undefined }[];
}
interface RegisterResponse { getUrn(): string }
type Callback = (err: unknown, response?: RegisterResponse) => void;

export interface EvaluateOptions {
    readonly projectDir: string;
    readonly overrides?: Record<string, string>;
    /** Evaluate as a stack's first preview (computed outputs unknown, see `firstPreviewMocks`). */
    readonly firstPreview?: boolean;
    /** The compiled program to run; default `<projectDir>/build/index.js` (bootstrap: build/bootstrap/index.js). */
    readonly entry?: string;
}

/**
 * Runs `work` with stack traces off. Pulumi's runtime records `new Error().stack` for every promise it
 * makes (runtime/debuggable.js, for its promise-leak report): a third of a plan's CPU (issue 15: the
 * tests' plan jobs took 20.5 s of CPU with them, 13.6 s without). Plans report errors by message.
 */
export async function withoutStackTraces<T>(work: () => Promise<T>): Promise<T> {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return await work();
    } finally {
        Error.stackTraceLimit = limit;
    }
}

export function evaluateStack(stack: string, options: EvaluateOptions): Promise<EvaluatedStack> {
    return withoutStackTraces(() => evaluate(stack, options));
}

async function evaluate(stack: string, options: EvaluateOptions): Promise<EvaluatedStack> {
    const file = readStackConfig(stack, options.projectDir, options.overrides);
    // The program checks the same config itself; checked here first as well, because only the file shows
    // what the program cannot see (a value written as a YAML number), and all problems are reported at once.
    if (file.project === PROJECT_NAME) {
        try {
            checkStackConfig(file);
        } catch (e) {
            throw new ProgramError((e as Error).message, 0);
        }
    }
    const { program, resources } = await runUnderMocks(file.project, stack, file.config, file.secretKeys, {
        preview: true, firstPreview: options.firstPreview, entry: options.entry ?? path.join(options.projectDir, "build", "index.js"),
    });
    const outputs: Record<string, StackOutput> = {};
    for (const [key, value] of Object.entries(program)) outputs[key] = await resolveOutput(value);
    await waitForRegistrations();
    resources.sort((a, b) => a.urn.localeCompare(b.urn));
    return { project: file.project, stack, resources, outputs };
}

/**
 * The program as the Pulumi CLI runs it: config and secret keys arrive through the runtime
 * (PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS), with no stack file to read and no check before the
 * program's own. Shows that index.ts itself refuses bad config before registering anything.
 */
export function evaluateAsCli(input: CliConfigInput, preview: boolean, projectDir: string): Promise<{ registered: number; error?: string }> {
    return withoutStackTraces(async () => {
        try {
            const { resources } = await runUnderMocks(PROJECT_NAME, input.stack, input.config, input.secretKeys, { preview, entry: path.join(projectDir, "build", "index.js") });
            return { registered: resources.length };
        } catch (e) {
            if (!(e instanceof ProgramError)) throw e;
            return { registered: e.registeredBeforeFailure, error: e.message };
        }
    });
}

/**
 * Runs the compiled program (`entry`) under mocks, with this config handed over through the runtime as
 * the CLI hands it, recording every registration; a failure is a ProgramError that says how many
 * resources were registered before it.
 */
async function runUnderMocks(project: string, stack: string, config: Readonly<Record<string, string>>, secretKeys: readonly string[],
    options: { preview: boolean; firstPreview?: boolean; entry: string }): Promise<{ program: Record<string, unknown>; resources: RegisteredResource[] }> {
    pulumi.runtime.setAllConfig({ ...config }, [...secretKeys]);
    const account = { accountId: config[`${project}:awsAccountId`] ?? "000000000000", region: config[`${project}:region`] ?? "ap-south-1" };
    await pulumi.runtime.setMocks(options.firstPreview ? firstPreviewMocks(account) : awsMocks(account), project, stack, options.preview);
    useEngineUrns(project, stack);
    const resources = recordRegistrations();
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const program: Record<string, unknown> = require(options.entry);
        await waitForRegistrations();
        return { program, resources };
    } catch (e) {
        throw new ProgramError((e as Error).message, resources.length);
    }
}

/**
 * The mock monitor of @pulumi/pulumi prefixes a child's type with its parent's own type only
 * (`Parent$Child`), while the engine prefixes the parent's whole qualified type
 * (`Grandparent$Parent$Child`: pulumi/pulumi `Deployment.generateURN`, "use the full qualified
 * type"). The identity snapshots and the alias checks must see the URNs `pulumi up` sees, so the
 * mock's URNs are replaced by the engine's. Call after `setMocks`.
 */
export function useEngineUrns(project: string, stack: string): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as { newUrn(parent: string, type: string, name: string): string };
    monitor.newUrn = (parent, type, name) => urnFor(stack, project, type, name, parent);
}

/**
 * Wraps the current (mock) resource monitor so every registration is appended to the returned list.
 * Call after `setMocks`.
 */
export function recordRegistrations(): RegisteredResource[] {
    const resources: RegisteredResource[] = [];
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, cb: Callback): unknown };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: RegisterRequest, callback: Callback) => register(req, (err, response) => {
        if (!err && response) resources.push(record(req, response.getUrn()));
        callback(err, response);
    });
    return resources;
}

function record(req: RegisterRequest, urn: string): RegisteredResource {
    const secretPaths: string[] = [];
    const raw = req.getObject().toJavaScript();
    // Re-deserialize through the runtime so secrets, assets and resource references read as values.
    const inputs = unwrapSecrets(deserialize(raw), "", secretPaths) as Record<string, unknown>;
    return {
        urn,
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        provider: providerUrnOf(req.getProvider()),
        custom: req.getCustom(),
        protect: req.getProtect() === true,
        retainOnDelete: req.getRetainondelete() === true,
        deleteBeforeReplace: req.getDeletebeforereplace(),
        ignoreChanges: req.getIgnorechangesList(),
        aliases: req.getAliasesList().map((a) => {
            const spec = a.getSpec();
            if (!spec) return { urn: a.getUrn() };
            return { name: spec.getName() || undefined, type: spec.getType() || undefined, parentUrn: spec.getParenturn() || undefined, noParent: spec.getNoparent() || undefined };
        }),
        dependencies: req.getDependenciesList(),
        propertyDependencies: propertyDependencies(req),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        inputs,
        secretPaths,
    };
}

function propertyDependencies(req: RegisterRequest): Record<string, string[]> {
    const byProperty: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => { byProperty[key] = deps.getUrnsList(); });
    return Object.fromEntries(Object.entries(byProperty).sort(([a], [b]) => a.localeCompare(b)));
}

function deserialize(raw: Record<string, unknown>): unknown {
    // The runtime's own deserializer keeps secret markers as { sig, value }.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rpc = require("@pulumi/pulumi/runtime/rpc");
    return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined).map(([k, v]) => [k, rpc.deserializeProperty(v)]));
}

export async function waitForRegistrations(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require("@pulumi/pulumi/runtime/settings");
    await settings.waitForRPCs();
}

async function resolveOutput(value: unknown): Promise<StackOutput> {
    const output = pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>;
    const secret = await pulumi.isSecret(output);
    // apply never runs on an unknown value (a first preview): record the marker instead of waiting.
    if (!(await (output as unknown as { isKnown: Promise<boolean> }).isKnown)) return { value: UNKNOWN_INPUT, secret };
    const resolved = await new Promise<unknown>((resolve) => output.apply((v) => { resolve(v); return v; }));
    return { value: resolved, secret };
}
