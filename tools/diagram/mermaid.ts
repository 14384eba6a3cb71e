/**
 * The architecture as a Mermaid flowchart (GitHub renders it in a PR comment or a Markdown file):
 * the same model as the SVG, with subgraphs for the VPC, tiers and subnets.
 */
import { Architecture, Node, TIERS } from "./model";

const text = (s: string) => s.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
const SHAPE: Record<Node["kind"], [string, string]> = {
    internet: ["((", "))"], gateway: ["[", "]"], endpoint: ["[", "]"], alb: ["[", "]"], service: ["[", "]"],
    database: ["[(", ")]"], table: ["[(", ")]"], group: ["[", "]"],
};

function node(n: Node, indent: string): string {
    const [open, close] = SHAPE[n.kind];
    const [title, ...rest] = n.lines.filter(Boolean);
    return `${indent}${n.id}${open}"<b>${text(title)}</b><br/>${rest.map(text).join("<br/>")}"${close}`;
}

export function toMermaid(a: Architecture): string {
    const out = ["flowchart TB"];
    for (const n of a.outside) out.push(node(n, "  "));
    out.push(`  subgraph vpc["VPC ${a.vpc.cidr}"]`);
    for (const tier of TIERS) {
        out.push(`    subgraph tier_${tier}["${tier} tier"]`);
        out.push("      direction LR");
        for (const s of a.subnets.filter((x) => x.tier === tier)) {
            out.push(`      subgraph ${s.id}["${s.name} · ${s.az} · ${s.cidr}"]`);
            if (s.nodes.length === 0) out.push(`        ${s.id}_cidr["${s.cidr}"]`);
            for (const n of s.nodes) out.push(node(n, "        "));
            out.push("      end");
        }
        for (const n of a.tierNodes[tier]) out.push(node(n, "      "));
        out.push("    end");
    }
    for (const n of a.vpcNodes) out.push(node(n, "    "));
    a.reserved.forEach((r, i) => out.push(`    reserved_${i}["Reserved (no subnet)<br/>${r}"]`));
    out.push("  end");
    out.push(`  subgraph panel["Keys, secrets and guardrails"]`);
    a.panel.forEach((p, i) => out.push(`    panel_${i}["<b>${text(p.title)}</b><br/>${(p.items.length ? p.items : ["(none)"]).map(text).join("<br/>")}"]`));
    out.push("  end");
    for (const e of a.edges) {
        const arrow = e.kind === "rule" ? "==>" : "-.->";
        out.push(`  ${e.from} ${arrow}${e.label ? `|"${text(e.label)}"|` : ""} ${e.to}`);
    }
    return out.join("\n") + "\n";
}
