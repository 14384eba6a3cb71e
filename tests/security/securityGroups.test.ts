import { expect } from "chai";
import { CONTAINER_PORTS } from "../../config/names";
import { SecurityGroups } from "../../security/securityGroups";
import { SECURITY_GROUP_DESCRIPTIONS, securityGroupRules } from "../../security/securityGroupRules";
import { construct, inAccount, valueOf } from "../support/component";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

// The exact §3.1.2 rules are asserted once per stack, on the real plan: tests/program/security.test.ts.
describe("security groups (§3.1.2)", () => {
    const build = () => construct(() => new SecurityGroups("sg", { environment: "staging", vpcId: "vpc-123" }, inAccount()));

    it("creates the four groups in the VPC, named <env>-fivestar-<purpose>-sg, with no inline rules and revokeRulesOnDelete", async () => {
        const built = await build();
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

    it("every rule is a rule resource for one port (fromPort = toPort), on a group of the component", async () => {
        const built = await build();
        const rules = [...built.ofType(INGRESS), ...built.ofType(EGRESS)];
        expect(rules).to.have.length(11);
        for (const r of rules) {
            expect(r.inputs.fromPort, r.name).to.equal(r.inputs.toPort);
            expect(String(r.inputs.securityGroupId), r.name).to.match(/^sg-(alb|ecs|rds|lambda)-id$/);
        }
    });

    it("exposes the four group ids", async () => {
        const built = await build();
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
