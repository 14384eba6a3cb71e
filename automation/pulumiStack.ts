/**
 * The Pulumi side of the tool behind one small interface, so everything that decides what to run is
 * tested without the Pulumi CLI. The adapter is the Automation API over this project's directory
 * (LocalWorkspace, the program in index.ts, the committed Pulumi.<stack>.yaml), and it only ever
 * SELECTS an existing stack: a stack is created deliberately, once, with `pulumi stack init`.
 *
 * Pulumi runs with the caller's own credentials; the program's provider assumes the DeploymentRole.
 * (Handing Pulumi an already-assumed DeploymentRole session would make the provider assume the role
 * from itself, which its trust policy does not allow.)
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { OpMap } from "./events";

export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly inputs: Readonly<Record<string, unknown>>;
}

export interface RunOptions {
    readonly onEvent: (event: EngineEvent) => void;
    /** Never an empty list (that would mean the whole stack); undefined for the whole stack. */
    readonly targets?: readonly string[];
    /** Also update resources that depend on the targets (used by rollback, never by phases). */
    readonly targetDependents?: boolean;
    readonly policyPacks?: readonly string[];
    /** Per-stack enforcement levels of those packs (see policyConfig.ts). */
    readonly policyPackConfigs?: readonly string[];
    readonly message?: string;
}

export interface StackOps {
    readonly name: string;
    preview(options: RunOptions): Promise<OpMap>;
    up(options: RunOptions): Promise<OpMap>;
    /** Output values (secrets included, decrypted by the backend). */
    outputs(): Promise<Record<string, unknown>>;
    /** The resources in the stack's current state. */
    stateResources(): Promise<StateResource[]>;
}

/** Defence in depth: an empty target list would make Pulumi update everything. */
export function targetFlags(options: RunOptions): { target?: string[]; targetDependents?: boolean } {
    if (options.targets === undefined) return {};
    if (options.targets.length === 0) throw new Error("refusing a targeted operation with no targets (Pulumi would run on the whole stack)");
    return { target: [...options.targets], targetDependents: options.targetDependents === true ? true : undefined };
}

/** Pure: the resources of an exported deployment (`pulumi stack export`). */
export function resourcesOfDeployment(deployment: unknown): StateResource[] {
    const resources = (deployment as { resources?: unknown[] } | undefined)?.resources ?? [];
    return resources.flatMap((r) => {
        const { urn, type, inputs } = r as { urn?: unknown; type?: unknown; inputs?: unknown };
        if (typeof urn !== "string" || typeof type !== "string") return [];
        return [{ urn, type, inputs: (inputs && typeof inputs === "object" ? inputs : {}) as Record<string, unknown> }];
    });
}

/**
 * The Automation API's CommandError message repeats the whole stdout (already streamed as progress);
 * keep what says why: the error's name, the exit code and the last lines of stderr.
 */
export function briefError(error: unknown, maxLines = 15): Error {
    const e = error as Error & { commandResult?: { stderr?: string; stdout?: string; code?: number } };
    const result = e?.commandResult;
    if (!result) return e instanceof Error ? e : new Error(String(error));
    if (e.name === "ConcurrentUpdateError") return new Error("another update of this stack is in progress; nothing was changed by this one");
    const lines = (result.stderr || result.stdout || "").split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
    return new Error(`${e.name} (exit ${result.code ?? "?"}): ${lines.slice(-maxLines).join("\n") || "no output"}`);
}

async function brief<T>(operation: Promise<T>): Promise<T> {
    try {
        return await operation;
    } catch (e) {
        throw briefError(e);
    }
}

/** Selects an existing stack of the project in `projectDir` through the Automation API. */
export async function selectStack(stackName: string, projectDir: string): Promise<StackOps> {
    // Loaded here, not at the top: the tests of everything else never start the Pulumi CLI.
    const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
    let stack;
    try {
        stack = await LocalWorkspace.selectStack({ stackName, workDir: projectDir });
    } catch (e) {
        throw new Error(`cannot select stack "${stackName}" in your Pulumi backend (${briefError(e, 3).message}); ` +
            `if it was never created, create it once with \`pulumi stack init ${stackName}\` — this tool never creates stacks`);
    }
    const common = (o: RunOptions) => ({
        onEvent: o.onEvent,
        ...targetFlags(o),
        policyPacks: o.policyPacks && o.policyPacks.length > 0 ? [...o.policyPacks] : undefined,
        policyPackConfigs: o.policyPackConfigs && o.policyPackConfigs.length > 0 ? [...o.policyPackConfigs] : undefined,
        message: o.message,
    });
    return {
        name: stackName,
        preview: async (o) => (await brief(stack.preview(common(o)))).changeSummary,
        up: async (o) => (await brief(stack.up(common(o)))).summary.resourceChanges ?? {},
        outputs: async () => Object.fromEntries(Object.entries(await stack.outputs()).map(([k, v]) => [k, v.value])),
        stateResources: async () => resourcesOfDeployment((await stack.exportStack()).deployment),
    };
}
