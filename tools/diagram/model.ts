/**
 * The architecture of one stack, read from its offline plan records (never drawn by hand): the VPC and
 * its subnets per tier and AZ, the free (reserved) space, gateways and endpoints, the workloads in
 * each tier, the security-group rules between them and a side panel of keys, secrets and guardrails.
 * The SVG (Graphviz) and Mermaid renderings are both drawn from this one model.
 *
 * References between records are the offline mocks' physical ids (`<logical name>-id`) and ARNs
 * (ending in the logical name or the `name` input), see tools/offline/mocks.ts.
 */
import { Address4 } from "ip-address";

/** The part of a plan record the diagram reads. */
export interface DiagramResource {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
}

export interface DiagramPlan {
    readonly stack: string;
    readonly resources: readonly DiagramResource[];
}

export type Tier = "public" | "app" | "db";
export const TIERS: readonly Tier[] = ["public", "app", "db"];

export interface Node {
    /** Stable graph id (the logical name, made safe). */
    readonly id: string;
    /** First line: what it is; further lines: its sizing. */
    readonly lines: readonly string[];
    readonly kind: "internet" | "gateway" | "endpoint" | "alb" | "service" | "database" | "table" | "group";
}

export interface Subnet {
    readonly id: string;
    readonly name: string;
    readonly tier: Tier;
    readonly az: string;
    readonly cidr: string;
    /** Nodes placed in this subnet (one AZ only: a NAT gateway, a read replica, the standby). */
    readonly nodes: Node[];
}

export interface Edge {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    /** A security-group rule (solid) or a route / data path (dashed). */
    readonly kind: "rule" | "route";
}

export interface Architecture {
    readonly stack: string;
    readonly vpc: { readonly id: string; readonly cidr: string };
    readonly subnets: Subnet[];
    /** Space of the VPC no subnet uses (the reserved block). */
    readonly reserved: string[];
    /** Nodes spanning both AZs of a tier (the ALB, the ECS services, a multi-AZ primary). */
    readonly tierNodes: Record<Tier, Node[]>;
    /** Inside the VPC but in no subnet (gateway endpoints, security groups without members). */
    readonly vpcNodes: Node[];
    /** Outside the VPC: the internet, the internet gateway, regional services (DynamoDB). */
    readonly outside: Node[];
    readonly edges: Edge[];
    readonly panel: { readonly title: string; readonly items: string[] }[];
}

const safeId = (name: string) => name.replace(/[^A-Za-z0-9_]/g, "_");
const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The record a mock id or ARN points at (of the given type where names repeat across types). */
function referenced(value: unknown, type: string | undefined, records: readonly DiagramResource[]): DiagramResource | undefined {
    const text = str(value);
    if (!text) return undefined;
    const name = text.endsWith("-id") ? text.slice(0, -3) : text.split(/[:/]/).pop() ?? "";
    const found = records.filter((r) => [r.name, r.inputs.name, r.inputs.identifier].includes(name) && (!type || r.type === type));
    return found.length === 1 ? found[0] : found.find((r) => r.name === name);
}

/** The IPv4 ranges of `outer` no `inner` CIDR covers, as the fewest CIDR blocks. */
export function freeBlocks(outer: string, inner: readonly string[]): string[] {
    const range = (cidr: string) => {
        const a = new Address4(cidr);
        return [a.startAddress().bigInt(), a.endAddress().bigInt()] as const;
    };
    const [start, end] = range(outer);
    const used = inner.map(range).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const gaps: [bigint, bigint][] = [];
    let next = start;
    for (const [s, e] of used) {
        if (s > next) gaps.push([next, s - 1n]);
        if (e + 1n > next) next = e + 1n;
    }
    if (next <= end) gaps.push([next, end]);
    const blocks: string[] = [];
    for (const [first, e] of gaps) {
        let s = first;
        while (s <= e) {
            let size = 1n;
            while (s % (size * 2n) === 0n && s + size * 2n - 1n <= e) size *= 2n;
            blocks.push(`${Address4.fromBigInt(s).address}/${32 - (size.toString(2).length - 1)}`);
            s += size;
        }
    }
    return blocks;
}

const TIER_OF: Record<string, Tier> = { public: "public", app: "app", db: "db", data: "db", private: "app" };

export function architectureOf(plan: DiagramPlan): Architecture {
    const all = plan.resources;
    const ofType = (t: string) => all.filter((r) => r.type === t);
    const ref = (v: unknown, type?: string) => referenced(v, type, all);
    const SUBNET = "aws:ec2/subnet:Subnet", SG = "aws:ec2/securityGroup:SecurityGroup", NAT = "aws:ec2/natGateway:NatGateway";

    const vpcs = ofType("aws:ec2/vpc:Vpc");
    if (vpcs.length !== 1) throw new Error(`the diagram draws one VPC; the plan of ${plan.stack} has ${vpcs.length}`);
    const vpc = { id: safeId(vpcs[0].name), cidr: str(vpcs[0].inputs.cidrBlock) };

    const subnets: Subnet[] = ofType("aws:ec2/subnet:Subnet").map((r) => {
        const word = Object.keys(TIER_OF).find((w) => r.name.split(/[-_]/).includes(w));
        if (!word) throw new Error(`subnet ${r.name}: its name names no tier (${Object.keys(TIER_OF).join(", ")})`);
        return { id: safeId(r.name), name: r.name, tier: TIER_OF[word], az: str(r.inputs.availabilityZone), cidr: str(r.inputs.cidrBlock), nodes: [] };
    }).sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || a.az.localeCompare(b.az));
    const subnetOf = (v: unknown) => subnets.find((s) => s.id === safeId(ref(v, SUBNET)?.name ?? ""));
    const subnetIn = (tier: Tier, az: string) => subnets.find((s) => s.tier === tier && s.az === az);

    const tierNodes: Record<Tier, Node[]> = { public: [], app: [], db: [] };
    const vpcNodes: Node[] = [];
    const edges: Edge[] = [];
    const internet: Node = { id: "internet", lines: ["Internet", "clients and payment gateways"], kind: "internet" };
    const outside: Node[] = [internet];

    for (const igw of ofType("aws:ec2/internetGateway:InternetGateway")) {
        outside.push({ id: safeId(igw.name), lines: ["Internet gateway", igw.name], kind: "gateway" });
        edges.push({ from: internet.id, to: safeId(igw.name), label: "", kind: "route" });
    }
    for (const nat of ofType("aws:ec2/natGateway:NatGateway")) {
        const subnet = subnetOf(nat.inputs.subnetId);
        const node: Node = { id: safeId(nat.name), lines: ["NAT gateway", `${nat.name} (${str(nat.inputs.connectivityType) || "public"})`], kind: "gateway" };
        (subnet ? subnet.nodes : vpcNodes).push(node);
    }
    // Routes to the internet: public subnets through the IGW, private ones through their NAT.
    for (const assoc of ofType("aws:ec2/routeTableAssociation:RouteTableAssociation")) {
        const subnet = subnetOf(assoc.inputs.subnetId);
        const table = ref(assoc.inputs.routeTableId, "aws:ec2/routeTable:RouteTable");
        for (const route of list(table?.inputs.routes) as Record<string, unknown>[]) {
            const nat = ref(route.natGatewayId, NAT);
            if (subnet && nat) edges.push({ from: `${subnet.id}_egress`, to: safeId(nat.name), label: `${str(route.cidrBlock)} route`, kind: "route" });
        }
    }
    for (const nat of ofType("aws:ec2/natGateway:NatGateway")) {
        const igw = ofType("aws:ec2/internetGateway:InternetGateway")[0];
        if (igw) edges.push({ from: safeId(nat.name), to: safeId(igw.name), label: "", kind: "route" });
    }

    const tables = ofType("aws:dynamodb/table:Table");
    for (const t of tables) {
        const keys = [str(t.inputs.hashKey), str(t.inputs.rangeKey)].filter(Boolean).join(" + ");
        outside.push({ id: safeId(t.name), lines: ["DynamoDB table", str(t.inputs.name) || t.name, `${keys} · ${str(t.inputs.billingMode)}`], kind: "table" });
    }
    for (const e of ofType("aws:ec2/vpcEndpoint:VpcEndpoint")) {
        const service = str(e.inputs.serviceName).split(".").pop() ?? "";
        vpcNodes.push({ id: safeId(e.name), lines: [`${str(e.inputs.vpcEndpointType)} endpoint`, service], kind: "endpoint" });
        if (service === "dynamodb") for (const t of tables) edges.push({ from: safeId(e.name), to: safeId(t.name), label: "", kind: "route" });
    }

    // Workloads and the security groups they are in.
    const members = new Map<string, { node: Node; ports: number[] }[]>();
    const join = (groups: unknown, node: Node, ports: number[]) => {
        for (const g of list(groups)) {
            const sg = ref(g, SG);
            if (sg) members.set(sg.name, [...(members.get(sg.name) ?? []), { node, ports }]);
        }
    };
    for (const lb of ofType("aws:lb/loadBalancer:LoadBalancer")) {
        const listeners = ofType("aws:lb/listener:Listener").filter((l) => ref(l.inputs.loadBalancerArn, lb.type) === lb || str(l.inputs.loadBalancerArn).endsWith(`:${str(lb.inputs.name)}`));
        const node: Node = {
            id: safeId(lb.name),
            lines: [`Application load balancer${lb.inputs.internal ? " (internal)" : ""}`, str(lb.inputs.name), listeners.map((l) => `${str(l.inputs.protocol)} ${num(l.inputs.port)}`).join(" · ")],
            kind: "alb",
        };
        const tier = subnetOf(list(lb.inputs.subnets)[0])?.tier ?? "public";
        tierNodes[tier].push(node);
        join(lb.inputs.securityGroups, node, listeners.map((l) => num(l.inputs.port) ?? 0));
    }
    for (const svc of ofType("aws:ecs/service:Service")) {
        const network = (svc.inputs.networkConfiguration ?? {}) as Record<string, unknown>;
        const lbs = list(svc.inputs.loadBalancers) as Record<string, unknown>[];
        const ports = lbs.map((l) => num(l.containerPort) ?? 0);
        const node: Node = {
            id: safeId(svc.name),
            lines: ["ECS Fargate service", str(svc.inputs.name), `port ${ports.join(", ")} · ${num(svc.inputs.desiredCount) ?? "?"} task${svc.inputs.desiredCount === 1 ? "" : "s"}`],
            kind: "service",
        };
        const tier = subnetOf(list(network.subnets)[0])?.tier ?? "app";
        tierNodes[tier].push(node);
        join(network.securityGroups, node, ports);
    }
    for (const db of ofType("aws:rds/instance:Instance")) {
        const source = ref(db.inputs.replicateSourceDb, "aws:rds/instance:Instance");
        const engine = `${str(db.inputs.engine) || str(source?.inputs.engine)} ${str(db.inputs.engineVersion) || str(source?.inputs.engineVersion)}`.trim();
        const node: Node = {
            id: safeId(db.name),
            lines: [source || db.inputs.replicateSourceDb ? "RDS read replica" : "RDS primary", str(db.inputs.identifier), `${str(db.inputs.instanceClass)} · ${engine}`],
            kind: "database",
        };
        const az = str(db.inputs.availabilityZone);
        const placed = az ? subnetIn("db", az) : undefined;
        (placed ? placed.nodes : tierNodes.db).push(node);
        join(db.inputs.vpcSecurityGroupIds, node, [num(db.inputs.port) ?? 5432]);
        if (source || db.inputs.replicateSourceDb) {
            edges.push({ from: safeId(source?.name ?? ""), to: node.id, label: "async replication", kind: "route" });
        } else if (db.inputs.multiAz === true) {
            const standby: Node = { id: `${node.id}_standby`, lines: ["RDS standby (multi-AZ)", `${str(db.inputs.identifier)}`, "synchronous, other AZ"], kind: "database" };
            tierNodes.db.push(standby);
            edges.push({ from: node.id, to: standby.id, label: "sync replication", kind: "route" });
        }
    }

    // Security-group rules: ingress from a CIDR or another group, drawn between the members.
    const portLabel = (r: Record<string, unknown>) => {
        const protocol = str(r.ipProtocol);
        if (protocol === "-1") return "all traffic";
        const from = num(r.fromPort), to = num(r.toPort);
        return `${protocol} ${from === to ? from : `${from}-${to}`}`;
    };
    const inPorts = (r: Record<string, unknown>, ports: number[]) => str(r.ipProtocol) === "-1" || ports.some((p) => p >= (num(r.fromPort) ?? 0) && p <= (num(r.toPort) ?? 65535));
    const endpointOf = (group: DiagramResource | undefined, rule: Record<string, unknown>, side: "target" | "source"): Node[] => {
        if (!group) return [];
        const inside = members.get(group.name) ?? [];
        if (inside.length === 0) {
            const id = safeId(group.name);
            if (!vpcNodes.some((n) => n.id === id)) vpcNodes.push({ id, lines: ["Security group (no members)", str(group.inputs.name) || group.name], kind: "group" });
            return [vpcNodes.find((n) => n.id === id)!];
        }
        const matching = side === "target" ? inside.filter((m) => inPorts(rule, m.ports)) : inside;
        return (matching.length ? matching : inside).map((m) => m.node);
    };
    for (const rule of ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
        const r = rule.inputs;
        let targets = endpointOf(ref(r.securityGroupId, SG), r, "target");
        let also = "";
        // One arrow to a database primary stands for its replicas in the same group (same rule).
        const primary = targets.find((t) => t.kind === "database" && t.lines[0] === "RDS primary");
        if (primary && targets.length > 1) {
            also = ` (and ${targets.length - 1} replica${targets.length > 2 ? "s" : ""})`;
            targets = [primary];
        }
        const sources = r.cidrIpv4 === "0.0.0.0/0" ? [internet] : endpointOf(ref(r.referencedSecurityGroupId, SG), r, "source");
        const via = r.cidrIpv4 === "0.0.0.0/0" ? " (via IGW)" : "";
        for (const s of sources) for (const t of targets) edges.push({ from: s.id, to: t.id, label: `${portLabel(r)}${via}${also}`, kind: "rule" });
    }
    // Egress to the internet (through the NATs) is listed on the private tier's egress node.
    for (const rule of ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")) {
        const r = rule.inputs;
        if (r.cidrIpv4 !== "0.0.0.0/0") continue;
        for (const s of endpointOf(ref(r.securityGroupId, SG), r, "source")) {
            const tier = TIERS.find((t) => tierNodes[t].includes(s)) ?? "app";
            const egress = `${tier}_egress`;
            if (!tierNodes[tier].some((n) => n.id === egress)) tierNodes[tier].push({ id: egress, lines: ["Egress to the internet", "through the NAT of its AZ"], kind: "gateway" });
            if (s.kind !== "group") edges.push({ from: s.id, to: egress, label: `out ${portLabel(r)}`, kind: "rule" });
        }
    }
    // Route edges from "<subnet>_egress" collapse onto the tier's egress node.
    const routed = edges.filter((e) => e.from.endsWith("_egress") && !TIERS.some((t) => e.from === `${t}_egress`));
    for (const e of routed) {
        const subnet = subnets.find((s) => `${s.id}_egress` === e.from)!;
        const egress = `${subnet.tier}_egress`;
        edges.splice(edges.indexOf(e), 1);
        if (tierNodes[subnet.tier].some((n) => n.id === egress)) edges.push({ ...e, from: egress, label: `${e.label} (${subnet.az})` });
    }
    // Services reach DynamoDB through the gateway endpoint.
    for (const e of ofType("aws:ec2/vpcEndpoint:VpcEndpoint").filter((x) => str(x.inputs.serviceName).endsWith(".dynamodb"))) {
        for (const s of tierNodes.app.filter((n) => n.kind === "service")) edges.push({ from: s.id, to: safeId(e.name), label: "", kind: "route" });
    }

    const panel = [
        { title: "KMS keys (customer-managed)", items: ofType("aws:kms/alias:Alias").map((a) => str(a.inputs.name)) },
        { title: "Secrets (Secrets Manager)", items: ofType("aws:secretsmanager/secret:Secret").map((s) => str(s.inputs.name) || s.name) },
        {
            title: "Guardrails",
            items: [
                ...ofType("aws:cloudtrail/trail:Trail").map((t) => `CloudTrail ${str(t.inputs.name)}${t.inputs.isMultiRegionTrail ? " (all regions)" : ""}`),
                ...ofType("aws:guardduty/detector:Detector").map(() => "GuardDuty detector"),
                ...ofType("aws:cfg/recorder:Recorder").map((c) => `AWS Config recorder ${str(c.inputs.name)}`),
                ...ofType("aws:wafv2/webAcl:WebAcl").map((w) => `WAF web ACL ${str(w.inputs.name)} on the ALB`),
                ...ofType("aws:ec2/flowLog:FlowLog").map((f) => `VPC flow logs (${str(f.inputs.trafficType)})`),
            ],
        },
    ];
    return { stack: plan.stack, vpc, subnets, reserved: freeBlocks(vpc.cidr, subnets.map((s) => s.cidr)), tierNodes, vpcNodes, outside, edges, panel };
}
