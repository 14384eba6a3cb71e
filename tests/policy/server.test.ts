/**
 * The offline stand-in (support/engine.ts) against the real thing: the pack's index.ts served by
 * @pulumi/policy over gRPC, driven as the CLI drives it. Both must report the same violations for
 * a stack with advisories (dev) and for a prod stack with several misconfigurations, so the
 * offline tests say what `pulumi preview --policy-pack policy` would say.
 */
import { expect } from "chai";
import { PACK_ENFORCEMENT, PACK_NAME, POLICIES } from "../../policy/pack";
import type { RegisteredResource } from "../../lib/planRecord";
import { planOf } from "../support/plans";
import * as compliant from "./support/compliant";
import { enforcementLevel, PackConfig, policyConfig, runPack } from "./support/engine";
import { withInputs } from "./support/fixtures";
import { stackPackConfig } from "./support/packConfig";
import { Diagnostic, PolicyServer, ResolvedPolicyConfig } from "./support/policyServer";
import { previewOf } from "../support/plans";

/** What the CLI sends in Configure: every policy's level ("all" resolved) and properties (schema defaults applied). */
function resolved(config: PackConfig): Record<string, ResolvedPolicyConfig> {
    return Object.fromEntries(POLICIES.map((p) => [p.name, { level: enforcementLevel(p, config, PACK_ENFORCEMENT), properties: policyConfig(p, config) }]));
}

async function serverFindings(server: PolicyServer, resources: readonly RegisteredResource[], config: PackConfig): Promise<Diagnostic[]> {
    await server.configure(resolved(config));
    const perResource: Diagnostic[] = [];
    // The engine attributes a resource policy's diagnostics to the resource it asked about.
    for (const r of resources) perResource.push(...(await server.analyze(r)).map((d) => ({ ...d, urn: r.urn })));
    return [...perResource, ...(await server.analyzeStack(resources))];
}

const key = (v: { policy: string; level: string; urn?: string; message: string }) => `${v.level} ${v.policy} ${v.urn ?? "(stack)"} ${v.message}`;

/** The rule's own message: after the description for a violation; the reason for "can't run during preview". */
function serverMessage(d: Diagnostic): string {
    const cannotRun = /^can't run policy '[^']+' from policy pack '[^']+' during preview: (.*)$/s.exec(d.message);
    return cannotRun ? `can't run during preview: ${cannotRun[1]}` : d.message.split("\n").slice(1).join("\n");
}

async function compare(server: PolicyServer, resources: readonly RegisteredResource[], config: PackConfig) {
    const fromServer = (await serverFindings(server, resources, config)).map((d) => key({ ...d, message: serverMessage(d) })).sort();
    const offline = (await runPack(POLICIES, resources, config, PACK_ENFORCEMENT)).map(key).sort();
    return { fromServer, offline };
}

describe("policy pack served by @pulumi/policy (gRPC) agrees with the offline engine", function () {
    this.timeout(0);
    let server: PolicyServer;

    before(async () => {
        server = await PolicyServer.start();
    });
    after(() => server?.stop());

    it("serves exactly the rules of pack.ts under the pack's name; dev: the same advisories", async () => {
        const info = await server.info();
        expect({ name: info.name, policies: [...info.policies].sort() }).to.deep.equal({ name: PACK_NAME, policies: POLICIES.map((p) => p.name).sort() });
        // dev: the same advisories.
        const { fromServer, offline } = await compare(server, (await planOf("dev")).resources, stackPackConfig("dev"));
        expect(offline.length, "dev has advisories to compare").to.be.greaterThan(0);
        expect(fromServer).to.deep.equal(offline);
    });

    it("prod at its first preview (unknown outputs): the same verdicts and the same rules unable to run", async () => {
        const { fromServer, offline } = await compare(server, await previewOf("prod"), stackPackConfig("prod"));
        expect(offline.filter((k) => k.includes("can't run during preview")).length, "undecided rules to compare").to.be.greaterThan(0);
        expect(fromServer).to.deep.equal(offline);
    });

    it("prod with a public database, port 22 open, no flow log, a privileged container and a wildcard policy: the same violations", async () => {
        const prod = (await planOf("prod")).resources;
        const broken = prod
            .filter((r) => r.type !== "aws:ec2/flowLog:FlowLog")
            .map((r) => {
                if (r.type === "aws:rds/instance:Instance" && r.inputs.replicateSourceDb === undefined) return withInputs(r, { publiclyAccessible: true });
                if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && r.inputs.fromPort === 443) return withInputs(r, { fromPort: 22, toPort: 22 });
                return r;
            });
        const extra = [
            compliant.taskDefinition([{ ...compliant.internalPeContainer(), privileged: true }]),
            compliant.rolePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
        ];
        const { fromServer, offline } = await compare(server, [...broken, ...extra], stackPackConfig("prod"));
        expect(offline.length, "violations to compare").to.be.at.least(5);
        expect(fromServer).to.deep.equal(offline);
    });
});
