/**
 * The architecture as Graphviz DOT, laid out by Graphviz itself (tools/diagram/svg.ts): clusters for
 * the VPC, its tiers and subnets, nodes for what runs there, labelled arrows for security-group rules
 * (solid) and routes or data paths (dashed), and a side panel of keys, secrets and guardrails.
 */
import { Architecture, Node, TIERS } from "./model";

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const quoted = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const STYLE: Record<Node["kind"], string> = {
    internet: 'shape=ellipse style=filled fillcolor="#e8f0fe" color="#1a73e8"',
    gateway: 'shape=box style="rounded,filled" fillcolor="#fef7e0" color="#e37400"',
    endpoint: 'shape=box style="rounded,filled" fillcolor="#e6f4ea" color="#188038"',
    alb: 'shape=box style="rounded,filled" fillcolor="#f3e8fd" color="#8430ce" penwidth=2',
    service: 'shape=box style="rounded,filled" fillcolor="#fce8e6" color="#d93025" penwidth=2',
    database: 'shape=cylinder style=filled fillcolor="#e8f0fe" color="#1967d2" penwidth=2',
    table: 'shape=cylinder style=filled fillcolor="#e6f4ea" color="#137333"',
    group: 'shape=box style="dashed" color="#5f6368"',
};

function node(n: Node, indent: string): string {
    const [title, ...rest] = n.lines;
    const label = [`<B>${html(title)}</B>`, ...rest.filter(Boolean).map(html)].join("<BR/>");
    return `${indent}${quoted(n.id)} [id=${quoted(n.id)} label=<${label}> ${STYLE[n.kind]}];`;
}

/** The row of every node: 0 internet, 1 internet gateway, 2 public tier, 3 app tier, 4-5 data; endpoints and tables beside the data. */
function rowsOf(a: Architecture): Map<string, number> {
    const rank = new Map<string, number>();
    const TIER_ROW = { public: 2, app: 3, db: 4 } as const;
    for (const n of a.outside) rank.set(n.id, n.kind === "internet" ? 0 : n.kind === "gateway" ? 1 : 5);
    for (const tier of TIERS) {
        for (const n of a.tierNodes[tier]) rank.set(n.id, TIER_ROW[tier] + (tier === "db" && n.lines[0] !== "RDS primary" ? 1 : 0));
        for (const s of a.subnets.filter((x) => x.tier === tier)) {
            rank.set(`${s.id}_cidr`, TIER_ROW[tier]);
            for (const n of s.nodes) rank.set(n.id, TIER_ROW[tier] + (tier === "db" ? 1 : 0));
        }
    }
    for (const n of a.vpcNodes) rank.set(n.id, 5);
    for (const r of a.reserved) rank.set(`reserved_${r}`, 5);
    rank.set("panel", 2);
    return rank;
}

export function toDot(a: Architecture): string {
    const out: string[] = [
        `digraph ${quoted(`${a.stack} architecture`)} {`,
        '  graph [rankdir=TB fontname="Helvetica" fontsize=12 newrank=true nodesep=0.35 ranksep=0.55 compound=true];',
        '  node [fontname="Helvetica" fontsize=11 margin="0.12,0.06"];',
        '  edge [fontname="Helvetica" fontsize=10 color="#3c4043" fontcolor="#202124"];',
        `  labelloc=t; label=<<B>Stack ${html(a.stack)}: architecture from the offline plan</B>>;`,
    ];
    for (const n of a.outside) out.push(node(n, "  "));
    out.push(`  subgraph cluster_vpc { id="cluster_vpc" label=<<B>VPC ${html(a.vpc.cidr)}</B>> style="rounded" color="#1a73e8" penwidth=2;`);
    for (const tier of TIERS) {
        out.push(`    subgraph cluster_tier_${tier} { id="cluster_tier_${tier}" label=<<B>${tier} tier</B>> style="rounded,filled" fillcolor="#f8f9fa" color="#9aa0a6";`);
        for (const s of a.subnets.filter((x) => x.tier === tier)) {
            out.push(`      subgraph cluster_${s.id} { id="cluster_${s.id}" label=<${html(s.name)} · ${html(s.az)}<BR/><B>${html(s.cidr)}</B>> style="rounded,dashed" color="#5f6368";`);
            out.push(`        ${quoted(`${s.id}_cidr`)} [shape=plaintext label=${quoted(s.cidr)} fontcolor="#5f6368"];`);
            for (const n of s.nodes) out.push(node(n, "        "));
            out.push("      }");
        }
        for (const n of a.tierNodes[tier]) out.push(node(n, "      "));
        out.push("    }");
    }
    for (const n of a.vpcNodes) out.push(node(n, "    "));
    for (const r of a.reserved) {
        out.push(`    ${quoted(`reserved_${r}`)} [id=${quoted(`reserved_${r}`)} shape=box style="dashed" color="#9aa0a6" fontcolor="#5f6368" label=<<B>Reserved (no subnet)</B><BR/>${html(r)}>];`);
    }
    out.push("  }");

    const panel = a.panel.map((p) => `<TR><TD ALIGN="LEFT" BGCOLOR="#e8eaed"><B>${html(p.title)}</B></TD></TR>` +
        (p.items.length ? p.items : ["(none)"]).map((i) => `<TR><TD ALIGN="LEFT">${html(i)}</TD></TR>`).join("")).join("");
    out.push(`  subgraph cluster_panel { id="cluster_panel" label=<<B>Keys, secrets and guardrails</B>> style="rounded" color="#5f6368";`);
    out.push(`    panel [id="panel" shape=plaintext label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">${panel}</TABLE>>];`);
    out.push("  }");

    // Rows in reading order, so a request reads top to bottom: internet, gateway, public, app, data.
    const rank = rowsOf(a);
    const rows = new Map<number, string[]>();
    for (const [id, r] of rank) rows.set(r, [...(rows.get(r) ?? []), id]);
    for (const r of [...rows.keys()].sort((x, y) => x - y)) out.push(`  { rank=same; ${rows.get(r)!.map(quoted).join("; ")}; }`);
    const sorted = [...rows.keys()].sort((x, y) => x - y);
    for (let i = 1; i < sorted.length; i++) out.push(`  ${quoted(rows.get(sorted[i - 1])![0])} -> ${quoted(rows.get(sorted[i])![0])} [style=invis weight=10];`);

    for (const e of a.edges) {
        const style = e.kind === "rule" ? 'penwidth=1.6 color="#d93025"' : 'style=dashed color="#5f6368"';
        // Arrows back up (a route to the NAT, the NAT to the IGW) do not bend the rows.
        const upward = (rank.get(e.from) ?? 0) >= (rank.get(e.to) ?? 0) ? " constraint=false" : "";
        out.push(`  ${quoted(e.from)} -> ${quoted(e.to)} [${style}${upward}${e.label ? ` label=${quoted(e.label)}` : ""}];`);
    }
    out.push("}");
    return out.join("\n");
}
