/**
 * `npm run plan -- <stack> --diagram <file>`: the architecture drawn from the plan records. The SVG
 * (laid out by Graphviz) is parsed as XML and every element the issue names is looked up in it, per
 * stack where the stacks differ (§3.1.1 NAT per AZ in prod only, §6.1.1 multi-AZ and replicas, §2.3
 * guardrails in staging and prod).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { renderSvg } from "../../tools/diagram/svg";
import { architectureOf, freeBlocks } from "../../tools/diagram/model";
import { toMermaid } from "../../tools/diagram/mermaid";
import { parseArgs } from "../../tools/plan";
import { planOf, runPlanCli, STACKS, StackName } from "../support/plans";
import { copyOf, find } from "../safety/fixtures";

interface Element { kind: string; id: string; title: string; text: string }

/** Every node, cluster and edge group of a Graphviz SVG, with its title and all its text. */
export function svgElements(svg: string): Element[] {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", htmlEntities: true, textNodeName: "#text" }).parse(svg);
    const found: Element[] = [];
    const textOf = (node: unknown): string[] => {
        if (node === null || node === undefined) return [];
        if (typeof node !== "object") return [String(node)];
        if (Array.isArray(node)) return node.flatMap(textOf);
        return Object.entries(node as Record<string, unknown>).filter(([k]) => !k.startsWith("@_") && k !== "title").flatMap(([, v]) => textOf(v));
    };
    const walk = (node: unknown) => {
        if (!node || typeof node !== "object") return;
        if (Array.isArray(node)) return node.forEach(walk);
        const obj = node as Record<string, unknown>;
        const cls = obj["@_class"];
        if (typeof cls === "string" && ["node", "cluster", "edge"].includes(cls)) {
            found.push({ kind: cls, id: String(obj["@_id"] ?? ""), title: textOf(obj.title).join(""), text: textOf(obj).join(" ") });
        }
        for (const [k, v] of Object.entries(obj)) if (!k.startsWith("@_")) walk(v);
    };
    walk(doc.svg);
    return found;
}

/** The spec's per-stack differences (§3.1.1, §5, §6.1.1, §2.3). */
const EXPECTED: Record<StackName, { nats: number; tasks: number; standby: boolean; replicas: number; guardrails: string[] }> = {
    dev: { nats: 1, tasks: 1, standby: false, replicas: 0, guardrails: ["CloudTrail"] },
    staging: { nats: 1, tasks: 2, standby: true, replicas: 0, guardrails: ["CloudTrail", "GuardDuty", "AWS Config", "WAF web ACL"] },
    prod: { nats: 2, tasks: 3, standby: true, replicas: 2, guardrails: ["CloudTrail", "GuardDuty", "AWS Config", "WAF web ACL"] },
};
const SUBNETS = [
    ["public", "a", "192.168.0.0/27"], ["public", "b", "192.168.0.32/27"],
    ["app", "a", "192.168.0.64/27"], ["app", "b", "192.168.0.96/27"],
    ["db", "a", "192.168.0.128/27"], ["db", "b", "192.168.0.160/27"],
] as const;

describe("diagram: the architecture SVG of each stack, parsed as XML", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            let elements: Element[];
            const nodes = (title: string) => elements.filter((e) => e.kind === "node" && e.text.includes(title));
            const edge = (from: string, to: string) => elements.filter((e) => e.kind === "edge" && e.title === `${from}->${to}`).map((e) => e.text.trim());
            before(async () => {
                elements = svgElements(await renderSvg((await planOf(stack)).evaluated));
            });

            it("the VPC with its CIDR, three tiers and the reserved block (§3.1.1)", () => {
                expect(elements.find((e) => e.id === "cluster_vpc")?.text).to.include("VPC 192.168.0.0/24");
                expect(["public", "app", "db"].map((t) => elements.find((e) => e.id === `cluster_tier_${t}`)?.text.includes(`${t} tier`))).to.deep.equal([true, true, true]);
                expect(nodes("Reserved (no subnet)").map((n) => n.text)).to.have.length(1).and.to.match(/192\.168\.0\.192\/26/);
            });

            it("each tier in both AZs, each subnet with its CIDR", () => {
                for (const [tier, az, cidr] of SUBNETS) {
                    const cluster = elements.find((e) => e.id === `cluster_network_${tier}_${az}`);
                    expect(cluster?.text, `${tier}-${az}`).to.include(`ap-south-1${az}`).and.to.include(cidr);
                }
            });

            it("internet gateway, NAT gateways per the stack, and the DynamoDB and S3 gateway endpoints", () => {
                expect(nodes("Internet gateway")).to.have.length(1);
                expect(nodes("NAT gateway")).to.have.length(EXPECTED[stack].nats);
                expect(nodes("Gateway endpoint").map((n) => n.text.split(" ").pop()).sort()).to.deep.equal(["dynamodb", "s3"]);
            });

            it("the ALB, both services with their ports and task counts, the database and the tables", () => {
                expect(nodes("Application load balancer")[0].text).to.include("HTTPS 443");
                const tasks = `${EXPECTED[stack].tasks} task${EXPECTED[stack].tasks === 1 ? "" : "s"}`;
                expect(nodes(`${stack}-internal-pe-service`)[0].text).to.include(`port 8080 · ${tasks}`);
                expect(nodes(`${stack}-customer-portal-service`)[0].text).to.include(`port 8443 · ${tasks}`);
                expect(nodes("RDS primary")[0].text).to.include(`${stack}-fivestar-payments-db`);
                expect(nodes("RDS standby")).to.have.length(EXPECTED[stack].standby ? 1 : 0);
                expect(nodes("RDS read replica")).to.have.length(EXPECTED[stack].replicas);
                expect(nodes("DynamoDB table").map((n) => n.text.match(/\S+-fivestar-[\w-]+/)?.[0]).sort())
                    .to.deep.equal([`${stack}-fivestar-transaction-queue`, `${stack}-fivestar-transactions`]);
            });

            it("a request can be followed from the internet to the database along labelled rule arrows (§3.1.2)", () => {
                expect(edge("internet", "network_igw")).to.have.length(1);
                expect(edge("internet", "compute_alb")).to.have.members(["tcp 443 (via IGW)", "tcp 80 (via IGW)"]);
                expect(edge("compute_alb", "compute_internal_pe")).to.deep.equal(["tcp 8080"]);
                expect(edge("compute_alb", "compute_customer_portal")).to.deep.equal(["tcp 8443"]);
                const replicas = EXPECTED[stack].replicas ? ` (and ${EXPECTED[stack].replicas} replicas)` : "";
                expect(edge("compute_internal_pe", "database_primary")).to.deep.equal([`tcp 5432${replicas}`]);
                expect(edge("compute_customer_portal", "database_primary")).to.deep.equal([`tcp 5432${replicas}`]);
                expect(edge("network_dynamodb_endpoint", `tables_transactions`)).to.have.length(1);
            });

            it("keys, secrets and guardrails in the side panel", () => {
                expect(elements.find((e) => e.id === "cluster_panel")?.text).to.include("Keys, secrets and guardrails");
                const panel = elements.find((e) => e.id === "panel")?.text ?? "";
                for (const key of ["database", "general", "logs"]) expect(panel).to.include(`alias/fivestar/${stack}/${key}`);
                for (const secret of ["database", "juspay", "razorpay"]) expect(panel).to.include(`fivestar/payments/${stack}/${secret}`);
                for (const g of ["CloudTrail", "GuardDuty", "AWS Config", "WAF web ACL"]) {
                    expect(panel.includes(g), g).to.equal(EXPECTED[stack].guardrails.includes(g));
                }
            });
        });
    }
});

describe("diagram: drawn from the plan records", () => {
    it("a changed record changes the drawing (a third NAT gateway, another CIDR)", async () => {
        const plan = copyOf((await planOf("dev")).evaluated);
        find(plan, "aws:ec2/subnet:Subnet", "network-db-b").inputs.cidrBlock = "192.168.0.224/27";
        const a = architectureOf(plan);
        expect(a.subnets.find((s) => s.name === "network-db-b")?.cidr).to.equal("192.168.0.224/27");
        expect(a.reserved).to.deep.equal(["192.168.0.160/27", "192.168.0.192/27"]);
    });

    it("refuses a plan without exactly one VPC, and a subnet whose name names no tier", async () => {
        const plan = copyOf((await planOf("dev")).evaluated);
        expect(() => architectureOf({ stack: "x", resources: plan.resources.filter((r) => r.type !== "aws:ec2/vpc:Vpc") })).to.throw("the plan of x has 0");
        find(plan, "aws:ec2/subnet:Subnet", "network-db-b").name = "network-misc-b";
        expect(() => architectureOf(plan)).to.throw("subnet network-misc-b: its name names no tier");
    });

    it("finds the free blocks of a CIDR as the fewest CIDRs", () => {
        expect(freeBlocks("192.168.0.0/24", ["192.168.0.0/26", "192.168.0.128/27"])).to.deep.equal(["192.168.0.64/26", "192.168.0.160/27", "192.168.0.192/26"]);
        expect(freeBlocks("10.0.0.0/28", ["10.0.0.0/28"])).to.deep.equal([]);
    });

    it("Mermaid: the same model as a flowchart with the VPC, subnets and rule arrows", async () => {
        const text = toMermaid(architectureOf((await planOf("prod")).evaluated));
        expect(text.split("\n")[0]).to.equal("flowchart TB");
        expect(text).to.include('subgraph vpc["VPC 192.168.0.0/24"]');
        expect(text).to.include('subgraph network_db_b["network-db-b · ap-south-1b · 192.168.0.160/27"]');
        expect(text).to.include('compute_alb ==>|"tcp 8080"| compute_internal_pe');
    });

    it("--diagram takes a .svg or .mmd file", () => {
        expect(parseArgs(["prod", "--diagram", "prod.svg"])).to.deep.include({ diagram: "prod.svg" });
        expect(() => parseArgs(["prod", "--diagram", "prod.png"])).to.throw("--diagram needs a file ending in .svg or .mmd");
        expect(() => parseArgs(["prod", "--diagram"])).to.throw("--diagram needs a file ending in .svg or .mmd");
    });

    it("npm run plan -- dev --diagram <file>.svg writes a well-formed SVG", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diagram-")), "dev.svg");
        const { code, stderr } = await runPlanCli(["dev", "--quiet", "--diagram", file]);
        expect(code, stderr).to.equal(0);
        expect(svgElements(fs.readFileSync(file, "utf8")).filter((e) => e.kind === "node").length).to.be.greaterThan(15);
    });
});
