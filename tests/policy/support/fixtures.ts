/**
 * Fixture resources for policy tests, in the same record the offline plan produces. Inputs are
 * typed with the resource's own @pulumi/aws v7 Args, so a fixture with a misspelt or removed
 * property does not compile: the rules are tested against the real property names.
 *
 *   const db = fixture<aws.rds.InstanceArgs>("aws:rds/instance:Instance", "db", { publiclyAccessible: true });
 */
import type { Unwrap } from "@pulumi/pulumi";
import { RegisteredResource, UNKNOWN_INPUT } from "../../../lib/planRecord";
import { blankRecord } from "../../support/records";

export const FIXTURE_STACK = "fixture";

/**
 * The value the policy engine gives a property that is unknown during `pulumi preview` (computed
 * from a resource not created yet). @pulumi/policy keeps it internal; its proxy throws
 * UnknownValueError when a rule reads a property holding it. Put it in a fixture's inputs to see
 * what a rule does at preview time.
 */
export const UNKNOWN_DURING_PREVIEW = UNKNOWN_INPUT;

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${FIXTURE_STACK}::fivestar-payments::${type}::${name}`;
}

export function fixture<Args>(type: string, name: string, inputs: Unwrap<NonNullable<Args>>, extra: Partial<RegisteredResource> = {}): RegisteredResource {
    return { ...blankRecord(urnOf(type, name), type, name), inputs: inputs as Record<string, unknown>, ...extra };
}

/** A copy of a resource with some inputs replaced (undefined removes an input). */
export function withInputs(resource: RegisteredResource, changes: Record<string, unknown>): RegisteredResource {
    const inputs: Record<string, unknown> = { ...structuredClone(resource.inputs), ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete inputs[key];
    return { ...resource, inputs };
}

/** `resource` declared as depending on `targets` (how the offline plan records a reference). */
export function dependingOn(resource: RegisteredResource, ...targets: RegisteredResource[]): RegisteredResource {
    return { ...resource, dependencies: [...resource.dependencies, ...targets.map((t) => t.urn)] };
}
