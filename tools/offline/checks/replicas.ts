/**
 * Replicas over the whole plan (issue 17): every copy of payment data the plan keeps in another region
 * (a DynamoDB table's or a secret's `replicas`, an ECR replication destination) stays in India (RBI 2018
 * directive), is in another region than its source, and is encrypted with a customer-managed key given
 * explicitly; a table replica keeps point-in-time recovery, and its table streams new and old images (global
 * tables version 2019.11.21 replicate through the stream). Mocks accept any of these; AWS or the
 * regulator would not.
 */
import { INDIA_REGIONS } from "../../../config/keys/data";
import type { EvaluatedStack, RegisteredResource } from "../../../lib/planRecord";
import { PlanFinding } from "./autoNaming";

export const REPLICAS_CHECK = "replicas";

type Entry = Record<string, unknown>;
const entries = (value: unknown): Entry[] => (Array.isArray(value) ? value.filter((v): v is Entry => typeof v === "object" && v !== null) : []);
const given = (value: unknown) => typeof value === "string" && value !== "";

export function checkReplicas(plan: Pick<EvaluatedStack, "resources">): PlanFinding[] {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const regionOf = (r: RegisteredResource) => String(byUrn.get(r.provider)?.inputs.region ?? "");
    const findings: PlanFinding[] = [];
    const problem = (r: RegisteredResource, message: string) => findings.push({ check: REPLICAS_CHECK, type: r.type, name: r.name, message });
    const place = (r: RegisteredResource, what: string, region: unknown) => {
        const source = regionOf(r);
        if (!(INDIA_REGIONS as readonly string[]).includes(String(region))) {
            problem(r, `${what} in ${String(region)}: copies of payment data stay in India (${INDIA_REGIONS.join(", ")}; RBI 2018 directive)`);
        } else if (region === source) {
            problem(r, `${what} in ${String(region)}, the source's own region: a regional outage takes both`);
        }
    };

    for (const r of plan.resources) {
        if (r.type === "aws:dynamodb/table:Table" && entries(r.inputs.replicas).length > 0) {
            for (const replica of entries(r.inputs.replicas)) {
                const what = `replica ${String(replica.regionName)}`;
                place(r, what, replica.regionName);
                if (!given(replica.kmsKeyArn)) problem(r, `${what} has no kmsKeyArn: it would be encrypted with an AWS-owned key, not a customer-managed key of its region`);
                if (replica.pointInTimeRecovery !== true) problem(r, `${what} without pointInTimeRecovery: a bad write replicates, and the copy must be restorable on its own`);
            }
            if (r.inputs.streamEnabled !== true || r.inputs.streamViewType !== "NEW_AND_OLD_IMAGES") {
                problem(r, "has replicas without streamEnabled and streamViewType NEW_AND_OLD_IMAGES, which global tables (2019.11.21) replicate through");
            }
        }
        if (r.type === "aws:secretsmanager/secret:Secret") {
            for (const replica of entries(r.inputs.replicas)) {
                const what = `replica ${String(replica.region)}`;
                place(r, what, replica.region);
                if (!given(replica.kmsKeyId)) problem(r, `${what} has no kmsKeyId: it would use aws/secretsmanager, not a customer-managed key of its region`);
            }
        }
        if (r.type === "aws:ecr/replicationConfiguration:ReplicationConfiguration") {
            const rules = entries((r.inputs.replicationConfiguration as Entry | undefined)?.rules);
            for (const destination of rules.flatMap((rule) => entries(rule.destinations))) place(r, "destination", destination.region);
        }
    }
    return findings;
}
