/**
 * Turns an evaluated stack into the human-readable plan: resources grouped under the component that
 * owns them, with counts per type and the key sizing of each resource.
 */
import { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { keySummary } from "./keyFields";
import { cut, DEFAULT_WIDTH } from "./fit";
import { shortType } from "../../lib/types";

export { shortType };

function countByType(resources: readonly RegisteredResource[]): string {
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts.entries()].map(([type, n]) => `${n} ${type.split(":").pop()}`).join(", ");
}

/** Providers first, then components in the order they are deployed (§1.2 phases), then anything else. */
const MODULE_ORDER = ["providers", "network", "security", "data", "compute", "monitoring"];
function byDeploymentOrder(a: RegisteredResource, b: RegisteredResource): number {
    const rank = (r: RegisteredResource) => {
        const i = MODULE_ORDER.indexOf(r.type.split(":")[1]);
        return i < 0 ? MODULE_ORDER.length : i;
    };
    return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** The plan as text; lines longer than `width` are cut with "…" (Infinity: everything, as `--wide`). */
export function renderPlan(plan: EvaluatedStack, width: number = DEFAULT_WIDTH): string {
    const byParent = new Map<string, RegisteredResource[]>();
    for (const r of plan.resources) byParent.set(r.parent, [...(byParent.get(r.parent) ?? []), r]);
    const descendants = (urn: string): RegisteredResource[] =>
        (byParent.get(urn) ?? []).flatMap((child) => [child, ...descendants(child.urn)]);

    const lines: string[] = [];
    const account = plan.outputs.accountId?.value ?? "?";
    const region = plan.outputs.region?.value ?? "?";
    lines.push(`Offline plan: stack "${plan.stack}" of ${plan.project} (account ${account}, ${region})`);
    lines.push(`Evaluated under mocks: no cloud calls, no credentials. ${plan.resources.length} resources would be created.`);
    lines.push("");

    const typeWidth = Math.max(...plan.resources.map((r) => shortType(r.type).length));
    const nameWidth = Math.max(...plan.resources.map((r) => r.name.length));
    const render = (r: RegisteredResource, depth: number) => {
        const pad = "  ".repeat(depth);
        if (!r.custom) {
            const inside = descendants(r.urn);
            lines.push(`${pad}${r.name} (${r.type}): ${inside.length} resource${inside.length === 1 ? "" : "s"} [${countByType(inside.filter((d) => d.custom))}]`);
            for (const child of byParent.get(r.urn) ?? []) render(child, depth + 1);
            return;
        }
        const flags = [r.protect ? "protected" : ""].filter(Boolean).join(" ");
        lines.push(`${pad}+ ${shortType(r.type).padEnd(typeWidth)}  ${r.name.padEnd(nameWidth)}  ${keySummary(r.type, r.inputs)}${flags ? `  [${flags}]` : ""}`.trimEnd());
    };
    for (const root of [...(byParent.get("") ?? [])].sort(byDeploymentOrder)) render(root, 0);

    lines.push("");
    lines.push("Stack outputs:");
    for (const [key, output] of Object.entries(plan.outputs)) {
        lines.push(`  ${key} = ${output.secret ? "[secret]" : JSON.stringify(output.value)}`);
    }
    return lines.map((line) => cut(line, width)).join("\n");
}
