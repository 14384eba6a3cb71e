import { expect } from "chai";
import { CONTAINER_PORTS } from "../../config/names";
import { SecurityGroups } from "../../security/securityGroups";
import { SECURITY_GROUP_DESCRIPTIONS, securityGroupRules } from "../../security/securityGroupRules";
import { construct, inAccount, valueOf } from "../support/component";
import type { RegisteredResource } from "../../lib/planRecord";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** What a recorded rule opens, in the terms of §3.1.2: the group ids are the mocks' "<logical name>-id". */
interface Opened { group: string; direction: "ingress" | "egress"; protocol: string; port?: number; peer: string }

function opened(r: RegisteredResource, direction: "ingress" | "egress"): Opened {
    const i = r.inputs;
    const groupOf = (id: unknown) => String(id).replace(/^sg-/, "").replace(/-id$/, "");
    expect(i.fromPort, `${r.name} fromPort = toPort`).to.equal(i.toPort);
    return {
        group: groupOf(i.securityGroupId),
        direction,
        protocol: String(i.ipProtocol),
        ...(i.fromPort === undefined ? {} : { port: Number(i.fromPort) }),
        peer: i.referencedSecurityGroupId !== undefined ? groupOf(i.referencedSecurityGroupId) : String(i.cidrIpv4),
    };
}

describe("security groups (§3.1.2)", () => {
    async function build() {
        const built = await construct(() => new SecurityGroups("sg", { environment: "staging", vpcId: "vpc-123" }, inAccount()));
        const rules = [...built.ofType(INGRESS).map((r) => opened(r, "ingress")), ...built.ofType(EGRESS).map((r) => opened(r, "egress"))];
        return { built, rules };
    }
    const rule = (group: string, direction: "ingress" | "egress", protocol: string, peer: string, port?: number): Opened =>
        ({ group, direction, protocol, ...(port === undefined ? {} : { port }), peer });

    it("creates the four groups in the VPC, named <env>-fivestar-<purpose>-sg, with no inline rules and revokeRulesOnDelete", async () => {
        const { built } = await build();
        expect(built.ofType(SG).map((r) => r.name)).to.have.members(["sg-alb", "sg-ecs", "sg-rds", "sg-lambda"]);
        for (const purpose of ["alb", "ecs", "rds", "lambda"]) {
            const sg = built.one(SG, `sg-${purpose}`);
            expect(sg.inputs.vpcId).to.equal("vpc-123");
            expect(sg.inputs.name).to.equal(`staging-fivestar-${purpose}-sg`);
            expect(sg.inputs.revokeRulesOnDelete).to.equal(true);
            // No inline rules: the provider then strips AWS's default allow-all egress, and rule resources own every rule.
            expect(sg.inputs).to.not.have.property("ingress");
            expect(sg.inputs).to.not.have.property("egress");
        }
    });

    it("opens exactly the §3.1.2 rules and no other: ALB 443/80 in from the world, all out to ECS; ECS 8080/8443 in from the ALB, 5432 out to RDS, 443 out; RDS 5432 in from ECS and Lambda, no egress; Lambda no ingress, 443 and 5432 out", async () => {
        const { rules } = await build();
        const tcp = (group: string, direction: "ingress" | "egress", peer: string, port: number) => rule(group, direction, "tcp", peer, port);
        expect(rules).to.have.deep.members([
            tcp("alb", "ingress", "0.0.0.0/0", 443), tcp("alb", "ingress", "0.0.0.0/0", 80), rule("alb", "egress", "-1", "ecs"),
            tcp("ecs", "ingress", "alb", 8080), tcp("ecs", "ingress", "alb", 8443), tcp("ecs", "egress", "rds", 5432), tcp("ecs", "egress", "0.0.0.0/0", 443),
            tcp("rds", "ingress", "ecs", 5432), tcp("rds", "ingress", "lambda", 5432),
            tcp("lambda", "egress", "0.0.0.0/0", 443), tcp("lambda", "egress", "rds", 5432),
        ]);
    });

    it("exposes the four group ids", async () => {
        const { built } = await build();
        const c = built.component;
        expect(await Promise.all([c.albSecurityGroupId, c.ecsSecurityGroupId, c.rdsSecurityGroupId, c.lambdaSecurityGroupId].map(valueOf)))
            .to.deep.equal(["sg-alb-id", "sg-ecs-id", "sg-rds-id", "sg-lambda-id"]);
    });
});

describe("security group rules as data (§3.1.2, §5.1)", () => {
    it("the ECS ingress ports are the services' container ports: internal-pe 8080, customer-portal 8443 (no port 80)", () => {
        expect(CONTAINER_PORTS).to.deep.equal({ "internal-pe": 8080, "customer-portal": 8443 });
    });

    it("a port no service listens on is not opened, and a shared port opens once", () => {
        const ports = securityGroupRules({ a: 9000, b: 9000 }).filter((r) => r.group === "ecs" && r.direction === "ingress").map((r) => r.port);
        expect(ports).to.deep.equal([9000]);
    });

    it("rule keys (part of the logical names) are unique", () => {
        const keys = securityGroupRules().map((r) => r.key);
        expect(new Set(keys).size).to.equal(keys.length);
    });

    it("rule descriptions use only characters EC2 accepts in a rule description", () => {
        for (const r of securityGroupRules()) expect(r.description, r.key).to.match(/^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]{1,255}$/);
    });

    it("group descriptions (immutable: a change replaces the group) use only characters EC2 accepts", () => {
        for (const d of Object.values(SECURITY_GROUP_DESCRIPTIONS)) expect(d).to.match(/^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/);
    });
});
