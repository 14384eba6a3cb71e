/**
 * Lays the architecture out with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz, pinned in
 * package.json: the WASM ships inside the npm package, so it runs offline) and writes SVG or Mermaid.
 */
import * as fs from "fs";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { architectureOf, DiagramPlan } from "./model";
import { toDot } from "./dot";
import { toMermaid } from "./mermaid";

export async function renderSvg(plan: DiagramPlan): Promise<string> {
    const graphviz = await Graphviz.load();
    return graphviz.dot(toDot(architectureOf(plan)), "svg");
}

/** Writes the diagram of a plan to `file`: SVG for .svg, Mermaid for .mmd (anything else is refused). */
export async function writeDiagram(plan: DiagramPlan, file: string): Promise<void> {
    if (file.endsWith(".svg")) fs.writeFileSync(file, await renderSvg(plan));
    else if (file.endsWith(".mmd")) fs.writeFileSync(file, toMermaid(architectureOf(plan)));
    else throw new Error(`--diagram ${file}: the file must end in .svg (SVG) or .mmd (Mermaid)`);
}
