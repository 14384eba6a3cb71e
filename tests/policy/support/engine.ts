/**
 * An offline stand-in for the Pulumi engine's policy analyzer: runs the pack's rules over the
 * resources of an offline plan (or fixtures) the way `pulumi preview --policy-pack` would, with
 * no CLI, no gRPC server and no cloud.
 *
 * What it reproduces from @pulumi/policy's server: resource policies get the resource's inputs
 * behind the same unknown-checking proxy, its URN, name, options and provider; stack policies get
 * every resource with parent and dependencies resolved to objects; each policy's config is the
 * stack's pack config for it (with the policy's schema defaults) minus the enforcement level; and
 * the level is resolved as the CLI does: the policy's own entry, else "all", else the policy's
 * level, else the pack's. What it cannot reproduce: per-property dependencies (the offline plan
 * records dependencies per resource, so rules fall back to those) and preview's unknown values
 * (the plan's mocks resolve everything).
 */
import {
    EnforcementLevel,
    Policies,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
    unknownCheckingProxy,
    UnknownValueError,
} from "@pulumi/policy";
import type { RegisteredResource } from "../../../lib/planRecord";

/** The JSON of `--policy-pack-config`: policy name (or "all") -> level, or { enforcementLevel, ...properties }. */
export type PackConfig = Readonly<Record<string, EnforcementLevel | Readonly<Record<string, unknown>>>>;

export interface Violation {
    readonly policy: string;
    readonly level: EnforcementLevel;
    readonly message: string;
    /** The resource at fault; undefined for a stack-wide finding. */
    readonly urn?: string;
    /** The resource's logical name, or "(stack)". */
    readonly resource: string;
    /**
     * The rule read a value unknown at preview and could not decide; the engine reports this as
     * an advisory "can't run policy ... during preview", and `pulumi up` runs the rule for real.
     */
    readonly couldNotRun?: true;
}

const NOT_APPLICABLE = Symbol("not applicable");

function levelIn(entry: PackConfig[string] | undefined): EnforcementLevel | undefined {
    if (entry === undefined) return undefined;
    if (typeof entry === "string") return entry;
    return entry.enforcementLevel as EnforcementLevel | undefined;
}

/** The CLI's order: the policy's own config entry, then "all", then the policy's level, then the pack's. */
export function enforcementLevel(policy: { name: string; enforcementLevel?: EnforcementLevel }, config: PackConfig, packLevel: EnforcementLevel): EnforcementLevel {
    return levelIn(config[policy.name]) ?? levelIn(config.all) ?? policy.enforcementLevel ?? packLevel;
}

/** What `args.getConfig()` returns: schema defaults overlaid with the stack's properties, without the level. */
export function policyConfig(policy: ResourceValidationPolicy | StackValidationPolicy, config: PackConfig): Record<string, unknown> {
    const defaults = Object.fromEntries(
        Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => schema.default !== undefined)
            .map(([key, schema]) => [key, schema.default]),
    );
    const entry = config[policy.name];
    const properties = typeof entry === "object" ? Object.fromEntries(Object.entries(entry).filter(([key]) => key !== "enforcementLevel")) : {};
    return { ...defaults, ...properties };
}

function options(r: RegisteredResource) {
    return {
        protect: r.protect,
        ignoreChanges: r.ignoreChanges,
        deleteBeforeReplace: r.deleteBeforeReplace,
        aliases: r.aliases.map((a) => a.urn ?? a.name ?? "").filter(Boolean),
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: r.additionalSecretOutputs,
        ...(r.parent ? { parent: r.parent } : {}),
    };
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
    return (resourceClass as { __pulumiType?: string }).__pulumiType === type;
}

function notApplicable(): never {
    throw NOT_APPLICABLE;
}

export function resourceArgs(r: RegisteredResource, all: readonly RegisteredResource[], config: Record<string, unknown>): ResourceValidationArgs {
    const props = unknownCheckingProxy(r.inputs) as Record<string, unknown>;
    const provider = all.find((p) => p.urn === r.provider);
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: options(r),
        ...(provider ? { provider: { type: provider.type, props: provider.inputs, urn: provider.urn, name: provider.name } } : {}),
        stackTags: new Map(),
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => config as T,
        notApplicable,
    };
}

/** The stack as a stack policy sees it: parent and dependencies are the resource objects. */
export function policyResources(all: readonly RegisteredResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const resources = all.map((r) => {
        const props = unknownCheckingProxy(r.inputs) as Record<string, unknown>;
        const resource: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: options(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls) => isTypeOf(r.type, cls),
            asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    all.forEach((r, i) => {
        const resource = resources[i];
        if (r.parent && byUrn.has(r.parent)) resource.parent = byUrn.get(r.parent);
        resource.dependencies = r.dependencies.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    });
    return resources;
}

const isStackPolicy = (p: Policies[number]): p is StackValidationPolicy => "validateStack" in p;

/** Messages one resource policy reports for one resource. */
export async function validateResource(policy: ResourceValidationPolicy, r: RegisteredResource, config: PackConfig = {}, all: readonly RegisteredResource[] = [r]): Promise<string[]> {
    const messages: string[] = [];
    const validations = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        try {
            await validate(resourceArgs(r, all, policyConfig(policy, config)), (message) => messages.push(message));
        } catch (e) {
            if (e !== NOT_APPLICABLE) throw e;
        }
    }
    return messages;
}

/** Findings one stack policy reports for a whole stack. */
export async function validateStack(policy: StackValidationPolicy, all: readonly RegisteredResource[], config: PackConfig = {}): Promise<{ message: string; urn?: string }[]> {
    const findings: { message: string; urn?: string }[] = [];
    const args = {
        resources: policyResources(all),
        stackTags: new Map<string, string>(),
        getConfig: <T extends object>() => policyConfig(policy, config) as T,
        notApplicable,
    };
    try {
        await policy.validateStack(args, (message, urn) => findings.push({ message, urn }));
    } catch (e) {
        if (e !== NOT_APPLICABLE) throw e;
    }
    return findings;
}

/** Runs `validate`; a value unknown at preview becomes the engine's advisory "can't run" instead. */
async function orCouldNotRun(policy: string, urn: string | undefined, resource: string, validate: () => Promise<Violation[]>): Promise<Violation[]> {
    try {
        return await validate();
    } catch (e) {
        if (!(e instanceof UnknownValueError)) throw e;
        return [{ policy, level: "advisory", message: `can't run during preview: ${(e as Error).message}`, urn, resource, couldNotRun: true }];
    }
}

/** Every violation the pack reports for a stack's resources under one stack's pack config. */
export async function runPack(policies: Policies, all: readonly RegisteredResource[], config: PackConfig, packLevel: EnforcementLevel): Promise<Violation[]> {
    const nameOf = (urn?: string) => (urn ? all.find((r) => r.urn === urn)?.name ?? urn : "(stack)");
    const violations: Violation[] = [];
    for (const policy of policies) {
        const level = enforcementLevel(policy, config, packLevel);
        if (level === "disabled") continue;
        if (isStackPolicy(policy)) {
            violations.push(...await orCouldNotRun(policy.name, undefined, "(stack)", async () => (await validateStack(policy, all, config))
                .map((f) => ({ policy: policy.name, level, message: f.message, urn: f.urn, resource: nameOf(f.urn) }))));
            continue;
        }
        for (const r of all) {
            violations.push(...await orCouldNotRun(policy.name, r.urn, r.name, async () => (await validateResource(policy, r, config, all))
                .map((message) => ({ policy: policy.name, level, message, urn: r.urn, resource: r.name }))));
        }
    }
    return violations;
}

/** One line per violation, aligned, for assertion messages and reports. */
export function formatViolations(violations: readonly Violation[]): string {
    if (violations.length === 0) return "  (none)";
    const policyWidth = Math.max(...violations.map((v) => v.policy.length));
    const resourceWidth = Math.max(...violations.map((v) => v.resource.length));
    return violations
        .map((v) => `  ${v.level.padEnd(9)} ${v.policy.padEnd(policyWidth)}  ${v.resource.padEnd(resourceWidth)}  ${v.message}`)
        .join("\n");
}
