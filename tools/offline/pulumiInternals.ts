/**
 * Every @pulumi/pulumi runtime internal the offline engine (evaluate.ts, and config/input.ts under it)
 * relies on, with the shape it relies on. None of these is public API: an upgrade may rename or
 * reshape any of them, and the engine would then fail obscurely or, worse, record the wrong plan
 * (e.g. the mock's URNs instead of the engine's, if MockMonitor stopped calling `this.newUrn`).
 * @pulumi/pulumi is therefore pinned exactly (package.json), and tests/offline/pulumiInternals.test.ts
 * runs `checkPulumiInternals` against the installed package, so an upgrade that breaks one fails
 * there, naming the internal. Add an entry here whenever the engine touches a new internal.
 */

/** Loads a module path inside @pulumi/pulumi ("" is the package root), as `require` would. */
export type PulumiLoader = (subpath: string) => unknown;

interface Internal {
    /** How the engine refers to it, e.g. "runtime/rpc deserializeProperty". */
    readonly name: string;
    /** Who relies on it and for what. */
    readonly usedBy: string;
    /** What is wrong with it, or undefined. */
    readonly problem: (load: PulumiLoader) => string | undefined;
}

type Obj = Record<string, unknown>;

function member(load: PulumiLoader, subpath: string, path: readonly string[]): unknown {
    let value = load(subpath);
    for (const key of path) value = value !== null && (typeof value === "object" || typeof value === "function") ? (value as Obj)[key] : undefined;
    return value;
}

const isFunction = (v: unknown): v is (...args: unknown[]) => unknown => typeof v === "function";

function fn(subpath: string, path: readonly string[], usedBy: string, minArity = 0): Internal {
    return {
        name: `${subpath || "@pulumi/pulumi"} ${path.join(".")}`,
        usedBy,
        problem: (load) => {
            const v = member(load, subpath, path);
            if (!isFunction(v)) return `is ${v === undefined ? "missing" : `a ${typeof v}, not a function`}`;
            return v.length < minArity ? `takes ${v.length} parameters, the engine passes ${minArity}` : undefined;
        },
    };
}

function constant(subpath: string, key: string, expected: string, usedBy: string): Internal {
    return {
        name: `${subpath} ${key}`,
        usedBy,
        problem: (load) => {
            const v = member(load, subpath, [key]);
            return v === expected ? undefined : `is ${JSON.stringify(v)}, the engine expects "${expected}"`;
        },
    };
}

/** Methods a prototype must have (the getters of a protobuf message the engine reads). */
function methods(subpath: string, path: readonly string[], names: readonly string[], usedBy: string): Internal[] {
    return names.map((m) => fn(subpath, [...path, "prototype", m], usedBy));
}

const RECORD = "evaluate.ts recordRegistrations/record: reads every registration from the request";

/** Every internal, in the order evaluate.ts meets them. */
export const PULUMI_INTERNALS: readonly Internal[] = [
    fn("", ["runtime", "setAllConfig"], "evaluate.ts: hands the stack file's config and secret keys to the runtime", 2),
    fn("", ["runtime", "setMocks"], "evaluate.ts: installs the mocks as a preview (mocks, project, stack, preview)", 4),
    fn("", ["runtime", "getMonitor"], "evaluate.ts useEngineUrns and recordRegistrations: the mock monitor to wrap"),
    fn("runtime/mocks", ["MockMonitor", "prototype", "registerResource"], "evaluate.ts recordRegistrations: wrapped as (request, callback)", 2),
    fn("runtime/mocks", ["MockMonitor", "prototype", "newUrn"], "evaluate.ts useEngineUrns: replaced by the engine's URN (parent, type, name)", 3),
    {
        name: "runtime/mocks MockMonitor.prototype.registerResource calls this.newUrn(parent, type, name)",
        usedBy: "evaluate.ts useEngineUrns: without this call the override is silently ignored and the plan records the mock's URNs",
        problem: (load) => {
            const register = member(load, "runtime/mocks", ["MockMonitor", "prototype", "registerResource"]);
            return isFunction(register) && /this\.newUrn\(\s*req\.getParent\(\)\s*,\s*req\.getType\(\)\s*,\s*req\.getName\(\)\s*\)/.test(register.toString())
                ? undefined : "no longer computes the URN through this.newUrn(req.getParent(), req.getType(), req.getName())";
        },
    },
    fn("proto/resource_pb", ["RegisterResourceResponse", "prototype", "getUrn"], "evaluate.ts recordRegistrations: the URN of the registered resource"),
    ...methods("proto/resource_pb", ["RegisterResourceRequest"], [
        "getType", "getName", "getParent", "getProvider", "getCustom", "getProtect", "getRetainondelete", "getDeletebeforereplace",
        "getIgnorechangesList", "getDependenciesList", "getAdditionalsecretoutputsList", "getPropertydependenciesMap", "getObject", "getAliasesList",
    ], RECORD),
    fn("proto/resource_pb", ["RegisterResourceRequest", "PropertyDependencies", "prototype", "getUrnsList"], RECORD),
    ...methods("proto/alias_pb", ["Alias"], ["getUrn", "getSpec"], "evaluate.ts record: a resource's aliases"),
    ...methods("proto/alias_pb", ["Alias", "Spec"], ["getName", "getType", "getParenturn", "getNoparent"], "evaluate.ts record: a resource's aliases"),
    fn("runtime/rpc", ["deserializeProperty"], "evaluate.ts deserialize: turns recorded inputs back into values, keeping secret markers"),
    constant("runtime/rpc", "specialSigKey", "4dabf18193072939515e22adb298388d", "evaluate.ts SIG_KEY: recognises a secret marker"),
    constant("runtime/rpc", "specialSecretSig", "1b47061264138c4ac30d75fd1eb44270", "evaluate.ts SECRET_SIG: recognises a secret marker"),
    constant("runtime/rpc", "unknownValue", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "evaluate.ts UNKNOWN_INPUT: the marker of a value known only after create"),
    fn("", ["isUnknown"], "evaluate.ts unwrapSecrets: an unknown input", 1),
    fn("", ["isSecret"], "evaluate.ts resolveOutput: whether a stack output is secret", 1),
    {
        name: "@pulumi/pulumi Output.isKnown (a Promise<boolean> on every output)",
        usedBy: "evaluate.ts resolveOutput: a first preview's unknown output is recorded, not awaited forever",
        problem: (load) => {
            const output = member(load, "", ["output"]);
            if (!isFunction(output)) return "cannot be checked: pulumi.output is missing";
            const isKnown = (output(1) as Obj).isKnown;
            return isKnown instanceof Promise ? undefined : `is ${typeof isKnown}, not a Promise`;
        },
    },
    fn("runtime/settings", ["waitForRPCs"], "evaluate.ts waitForRegistrations: waits until every registration reached the mock monitor"),
    fn("runtime/config", ["isConfigSecret"], "config/input.ts: which config keys the runtime holds as secret", 1),
];

/** The problems of the installed (or a given) @pulumi/pulumi, each naming the internal; empty when all is as expected. */
export function checkPulumiInternals(load: PulumiLoader): string[] {
    const problems: string[] = [];
    for (const internal of PULUMI_INTERNALS) {
        let problem: string | undefined;
        try {
            problem = internal.problem(load);
        } catch (e) {
            problem = `cannot be loaded: ${(e as Error).message.split("\n")[0]}`;
        }
        if (problem) problems.push(`@pulumi/pulumi internal ${internal.name} ${problem} (used by ${internal.usedBy})`);
    }
    return problems;
}

/** Loads from the installed @pulumi/pulumi. */
export function installedPulumi(subpath: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(subpath ? `@pulumi/pulumi/${subpath}` : "@pulumi/pulumi");
}
