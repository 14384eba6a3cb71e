/**
 * Lookups over an evaluated plan that pricing rules need: resources by type, by URN, by reference
 * (a service's task definition ARN, a replica's source database) and the region each one lands in.
 */
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import type { PlanIndex } from "./model";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The names a reference to a resource can carry: logical name, physical name, identifier, family. */
function namesOf(r: RegisteredResource): string[] {
    const i = r.inputs;
    return [r.name, i.name, i.identifier, i.family, i.clusterName].filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** Whether an ARN, id or name (optionally `family:revision`) refers to one of these names. */
export function refersTo(ref: string, names: readonly string[], logicalName: string): boolean {
    if (ref === `${logicalName}-id`) return true;
    return names.some((n) => ref === n || new RegExp(`[:/]${escape(n)}(:\\d+)?$`).test(ref));
}

export function indexPlan(plan: Pick<EvaluatedStack, "resources">, homeRegion: string): PlanIndex {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const ofType = (type: string) => plan.resources.filter((r) => r.type === type);
    return {
        resources: plan.resources,
        ofType,
        byUrn: (urn) => byUrn.get(urn),
        referenced(type, ref) {
            if (typeof ref !== "string" || ref.length === 0) return undefined;
            return ofType(type).find((r) => r.urn === ref || refersTo(ref, namesOf(r), r.name));
        },
        regionOf(r) {
            if (typeof r.inputs.region === "string") return r.inputs.region;
            const providerRegion = byUrn.get(r.provider)?.inputs.region;
            return typeof providerRegion === "string" ? providerRegion : homeRegion;
        },
    };
}

/**
 * The top-level component a resource belongs to, as "name (type)"; resources registered at the stack
 * root (providers) belong to "(stack)".
 */
export function topComponent(r: RegisteredResource, index: Pick<PlanIndex, "byUrn">): string {
    let current = r;
    for (let parent = index.byUrn(current.parent); parent; parent = index.byUrn(current.parent)) current = parent;
    return current === r || current.custom ? "(stack)" : `${current.name} (${current.type})`;
}
