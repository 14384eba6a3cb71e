/**
 * Does one resource point at another? AWS provider v7 configures buckets, ALBs and VPCs through
 * separate resources (a public access block, a WAF association, a flow log) that name their
 * target in one property. Stack rules match them to their target here.
 *
 * During a real preview the target's id or ARN is usually unknown, so values cannot be compared;
 * the engine does pass, for every property, the resources its value came from. That is the
 * primary evidence. Without per-property information (a resource registered with a literal, or a
 * record of the program that lacks it) the resource's dependencies are used, then known values.
 */
import type { PolicyResource } from "@pulumi/policy";
import { known, UNKNOWN } from "./values";

/**
 * True when `source.props[property]` refers to `target`. `targetKeys` are the target properties
 * whose values identify it (e.g. ["bucket", "id"] for a bucket, ["arn"] for a load balancer);
 * `pick` extracts the comparable value when the property is an object (an ALB's
 * `accessLogs.bucket`).
 */
export function refersTo(source: PolicyResource, property: string, target: PolicyResource, targetKeys: readonly string[],
    pick: (value: unknown) => unknown = (value) => value): boolean {
    const fromProperty = source.propertyDependencies?.[property];
    if (fromProperty && fromProperty.length > 0) return fromProperty.some((d) => d.urn === target.urn);
    if (source.dependencies.some((d) => d.urn === target.urn)) return true;

    const value = known(() => pick(source.props[property]));
    return isKnownValue(value) && identifiedBy(value, target, targetKeys);
}

const isKnownValue = (value: unknown) => value !== UNKNOWN && value !== undefined && value !== null && value !== "";

/** Whether one of the target's identifying properties holds `value`. */
function identifiedBy(value: unknown, target: PolicyResource, targetKeys: readonly string[]): boolean {
    return targetKeys.some((key) => {
        const identifier = known(() => target.props[key] as unknown);
        return identifier !== UNKNOWN && identifier !== undefined && identifier === value;
    });
}

/** The resources among `candidates` whose `property` refers to `target`. */
export function referencing(candidates: readonly PolicyResource[], property: string, target: PolicyResource, targetKeys: readonly string[]): PolicyResource[] {
    return candidates.filter((c) => refersTo(c, property, target, targetKeys));
}

/**
 * Like `refersTo`, for a resource that names two resources of the same type (a bucket logging
 * configuration names its bucket and its target bucket): a dependency alone cannot tell which
 * property it came from, so a known value decides before the dependencies do.
 */
export function namesByValue(source: PolicyResource, property: string, target: PolicyResource, targetKeys: readonly string[]): boolean {
    const fromProperty = source.propertyDependencies?.[property];
    if (fromProperty && fromProperty.length > 0) return fromProperty.some((d) => d.urn === target.urn);
    const value = known(() => source.props[property]);
    if (isKnownValue(value)) return identifiedBy(value, target, targetKeys);
    return source.dependencies.some((d) => d.urn === target.urn);
}
