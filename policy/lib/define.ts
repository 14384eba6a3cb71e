/**
 * How a rule is written: a pure check over one resource's properties (or over the whole stack)
 * that returns the problems it found. The wrappers below turn a check into the
 * ResourceValidationPolicy / StackValidationPolicy that @pulumi/policy serves, and attach the
 * Security Hub control (id in the description, severity, compliance framework, link).
 *
 * No rule sets an enforcement level: the pack default is mandatory and each stack's
 * `policy/config/<stack>.json` lowers the few that are waived there (see policy/README.md).
 */
import type {
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
    PolicyConfigSchema,
} from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import { Control } from "./controls";

/** The shape a rule reads: the resource's Args type from @pulumi/aws with every Input resolved. */
export type Props<Args> = Unwrap<NonNullable<Args>>;

export interface ResourceRuleSpec<P> {
    readonly name: string;
    readonly control: Control;
    /** What this rule checks, in our words (the control id is prefixed). */
    readonly description: string;
    /** Pulumi type tokens the rule applies to. */
    readonly types: readonly string[];
    readonly configSchema?: PolicyConfigSchema;
    /** Returns one message per problem; empty when the resource complies. */
    readonly check: (props: P, args: ResourceValidationArgs) => readonly string[];
}

export interface StackFinding {
    readonly message: string;
    /** The resource at fault; none when the stack as a whole lacks something. */
    readonly urn?: string;
}

export interface StackRuleSpec {
    readonly name: string;
    readonly control: Control;
    readonly description: string;
    readonly configSchema?: PolicyConfigSchema;
    readonly check: (resources: readonly PolicyResource[], args: StackValidationArgs) => readonly StackFinding[];
}

function metadata(name: string, control: Control, description: string) {
    return {
        name,
        description: `${control.id}: ${description}`,
        severity: control.severity,
        url: control.url,
        framework: { name: control.standard, version: "1.0.0", reference: control.id, specification: control.title },
        tags: [control.id],
    };
}

export function resourceRule<P>(spec: ResourceRuleSpec<P>): ResourceValidationPolicy {
    return {
        ...metadata(spec.name, spec.control, spec.description),
        ...(spec.configSchema ? { configSchema: spec.configSchema } : {}),
        validateResource: (args, reportViolation) => {
            if (!spec.types.includes(args.type)) return;
            for (const message of spec.check(args.props as P, args)) reportViolation(message);
        },
    };
}

export function stackRule(spec: StackRuleSpec): StackValidationPolicy {
    return {
        ...metadata(spec.name, spec.control, spec.description),
        ...(spec.configSchema ? { configSchema: spec.configSchema } : {}),
        validateStack: (args, reportViolation) => {
            for (const finding of spec.check(args.resources, args)) reportViolation(finding.message, finding.urn);
        },
    };
}

/** Resources of the given types, with their properties typed as the rule reads them. */
export function resourcesOf<P>(resources: readonly PolicyResource[], types: readonly string[]): (PolicyResource & { props: P })[] {
    return resources.filter((r) => types.includes(r.type)) as (PolicyResource & { props: P })[];
}

/** A one-message result when `failed`, else none: keeps single-condition checks to one line. */
export function when(failed: boolean, message: string): string[] {
    return failed ? [message] : [];
}
