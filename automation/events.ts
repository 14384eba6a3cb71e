/**
 * Turning the Pulumi engine's event stream into terminal progress, and the final change summary.
 * Pure: the CLI feeds every event of a preview/up through `progressLine` and prints what it returns.
 */
import type { EngineEvent, OpType } from "@pulumi/pulumi/automation";
import { shortType } from "../lib/types";

export type OpMap = Partial<Record<OpType, number>>;

const OP_SYMBOL: Partial<Record<OpType, string>> = {
    create: "+", update: "~", delete: "-", replace: "+-", "create-replacement": "++", "delete-replaced": "--",
    read: ">", import: "=", "import-replacement": "=>", refresh: "~r", discard: "<", "discard-replaced": "<<",
};

/** The last segment of a URN: the resource's logical name. */
function nameOf(urn: string): string {
    return urn.split("::").slice(3).join("::") || urn;
}

/**
 * One line of progress for an engine event, or undefined for events not worth a line (unchanged
 * resources, debug output). Planning events (preview) say what would happen; others what happens.
 */
export function progressLine(event: EngineEvent): string | undefined {
    if (event.resourcePreEvent) {
        const { metadata, planning } = event.resourcePreEvent;
        if (metadata.op === "same") return undefined;
        const verb = planning ? "would" : "doing";
        return `  ${OP_SYMBOL[metadata.op] ?? "?"} ${verb} ${metadata.op} ${shortType(metadata.type)} ${nameOf(metadata.urn)}`;
    }
    if (event.resOutputsEvent) {
        const { metadata, planning } = event.resOutputsEvent;
        if (planning || metadata.op === "same") return undefined;
        return `  ✓ ${metadata.op} done ${shortType(metadata.type)} ${nameOf(metadata.urn)}`;
    }
    if (event.resOpFailedEvent) {
        const { metadata } = event.resOpFailedEvent;
        return `  ✗ ${metadata.op} FAILED ${shortType(metadata.type)} ${nameOf(metadata.urn)}`;
    }
    if (event.diagnosticEvent) {
        const { severity, message, urn } = event.diagnosticEvent;
        if (severity !== "error" && severity !== "warning") return undefined;
        const where = urn ? ` ${nameOf(urn)}` : "";
        return `  ${severity}${where}: ${message.trim()}`;
    }
    if (event.policyEvent) {
        const { policyName, policyPackName, enforcementLevel, message, resourceUrn } = event.policyEvent;
        return `  policy ${enforcementLevel} ${policyPackName}/${policyName}${resourceUrn ? ` ${nameOf(resourceUrn)}` : ""}: ${message.trim()}`;
    }
    return undefined;
}

const SUMMARY_ORDER: OpType[] = ["create", "update", "replace", "delete", "import", "read", "same"];

/** "2 create, 1 update, 40 same"; "no changes" when nothing but `same`. */
export function changeSummary(changes: OpMap): string {
    const entries = Object.entries(changes).filter(([, n]) => (n ?? 0) > 0) as [OpType, number][];
    if (entries.every(([op]) => op === "same")) {
        const same = changes.same ?? 0;
        return same > 0 ? `no changes (${same} unchanged)` : "no changes";
    }
    const rank = (op: OpType) => (SUMMARY_ORDER.includes(op) ? SUMMARY_ORDER.indexOf(op) : SUMMARY_ORDER.length);
    return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([op, n]) => `${n} ${op}`).join(", ");
}
