/** The pack's pure helpers (policy/lib/), each on its own. */
import type * as aws from "@pulumi/aws";
import { expect } from "chai";
import * as fc from "fast-check";
import { unknownCheckingProxy } from "@pulumi/policy";
import { parseContainerDefinitions, secretReason } from "../../policy/lib/containers";
import { controlUrl } from "../../policy/lib/controls";
import { admitsPort, admitsUnauthorizedPorts, highRiskPortsOpen, IngressPermission, ingressPermissions } from "../../policy/lib/ingress";
import { isFullWildcard, isServiceWildcard, parsePolicyDocument } from "../../policy/lib/policyDocument";
import { refersTo } from "../../policy/lib/references";
import { isProvided, known, UNKNOWN } from "../../policy/lib/values";
import { policyResources } from "./support/engine";
import { dependingOn, fixture, UNKNOWN_DURING_PREVIEW } from "./support/fixtures";

const world = (protocol: string, fromPort: number, toPort: number): IngressPermission => ({ protocol, fromPort, toPort, cidrs: ["0.0.0.0/0"] });

describe("policy lib", () => {
    describe("values: reading props at preview time", () => {
        const props = unknownCheckingProxy({ kmsKeyId: UNKNOWN_DURING_PREVIEW, empty: "", list: [] }) as Record<string, unknown>;

        it("known() returns UNKNOWN for a value the engine does not know yet, and rethrows anything else", () => {
            expect(known(() => props.kmsKeyId)).to.equal(UNKNOWN);
            expect(() => known(() => { throw new Error("boom"); })).to.throw("boom");
        });

        it("isProvided() counts an unknown value as set (it comes from another resource); absent, empty string and empty list are not", () => {
            expect([isProvided(() => props.kmsKeyId), isProvided(() => props.missing), isProvided(() => props.empty), isProvided(() => props.list)]).to.deep.equal([true, false, false, false]);
        });
    });

    describe("policyDocument", () => {
        it("reads Allow statements (a single Statement and Action in a JSON string, or an object), ignores Deny, marks Allow + NotAction as all but the list, reports non-JSON", () => {
            expect([
                parsePolicyDocument(JSON.stringify({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } })),
                parsePolicyDocument({ Statement: [{ Effect: "Deny", Action: "*" }, { Sid: "A", Effect: "Allow", Action: ["a:B"] }] }),
            ]).to.deep.equal([{ ok: true, grants: [{ actions: ["s3:GetObject"], allExcept: false, sid: undefined }] }, { ok: true, grants: [{ actions: ["a:B"], allExcept: false, sid: "A" }] }]);
            const notAction = parsePolicyDocument({ Statement: [{ Effect: "Allow", NotAction: "iam:*" }] });
            expect([notAction.ok && notAction.grants[0].allExcept, parsePolicyDocument("{").ok]).to.deep.equal([true, false]);
        });

        it("tells full wildcards from service wildcards from partial ones", () => {
            expect(["*", "*:*", "s3:*", "s3:Get*", "s3:GetObject"].map((a) => [isFullWildcard(a), isServiceWildcard(a)])).to.deep.equal([
                [true, false], [true, false], [false, true], [false, false], [false, false],
            ]);
        });
    });

    describe("ingress", () => {
        it("normalises the three v7 shapes to the same permission", () => {
            const inline = ingressPermissions("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "TCP", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
            const legacy = ingressPermissions("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] });
            const vpc = ingressPermissions("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" });
            expect(inline).to.deep.equal(legacy).and.to.deep.equal(vpc);
        });

        it("ignores egress rules of the legacy SecurityGroupRule", () => {
            expect(ingressPermissions("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })).to.deep.equal([]);
        });

        it("treats protocol -1 as every port and ICMP as none; lists the high-risk ports inside a range; finds nothing open to the world from a private range", () => {
            expect([admitsPort(world("-1", 0, 0), 3389), admitsPort(world("icmp", 0, 65535), 22)]).to.deep.equal([true, false]);
            expect(highRiskPortsOpen(world("tcp", 3000, 3400))).to.deep.equal([3000, 3306, 3389]);
            expect(highRiskPortsOpen({ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["10.0.0.0/8"] })).to.deep.equal([]);
        });

        it("partitions world-open TCP ranges: within 80/443, else EC2.19 if a high-risk port is inside, else EC2.18", () => {
            fc.assert(fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 2000 }), (from, width) => {
                const p = world("tcp", from, Math.min(65535, from + width));
                const authorizedOnly = !admitsUnauthorizedPorts(p);
                const ec2_19 = highRiskPortsOpen(p).length > 0;
                const ec2_18 = admitsUnauthorizedPorts(p) && !ec2_19;
                return [authorizedOnly, ec2_19, ec2_18].filter(Boolean).length === 1;
            }));
        });
    });

    describe("containers", () => {
        it("parses the JSON string of containerDefinitions, and rejects a JSON object that is not a list", () => {
            expect(parseContainerDefinitions('[{"name":"a"}]')).to.deep.equal({ ok: true, containers: [{ name: "a" }] });
            expect(parseContainerDefinitions('{"name":"a"}').ok).to.equal(false);
        });

        it("flags credential names case-insensitively, and accepts names that refer to a secret rather than hold it", () => {
            expect(["jwt_secret", "DATABASE_SECRET_ARN", "JWT_SECRET_PARAMETER", "RAZORPAY_KEY_ID", "LOG_LEVEL"].map((name) => secretReason({ name, value: "x" })))
                .to.deep.equal(["jwt_secret names a credential", undefined, undefined, undefined, undefined]);
        });
    });

    describe("references", () => {
        const bucket = fixture<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", "b", { bucket: "logs-bucket" });
        const block = (inputs: { bucket: string }, ...deps: typeof bucket[]) =>
            dependingOn(fixture<aws.s3.BucketPublicAccessBlockArgs>("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", inputs), ...deps);

        const cases: [string, ReturnType<typeof block>, boolean][] = [
            ["matches through the resource's dependencies", block({ bucket: "b-id" }, bucket), true],
            ["matches a literal value against the target's identifying property", block({ bucket: "logs-bucket" }), true],
            ["does not match an unknown value without dependencies", block({ bucket: UNKNOWN_DURING_PREVIEW }), false],
        ];
        for (const [what, pabRecord, matches] of cases) {
            it(what, () => {
                const [b, pab] = policyResources([bucket, pabRecord]);
                expect(refersTo(pab, "bucket", b, ["bucket"])).to.equal(matches);
            });
        }

        it("prefers per-property dependencies over the resource's other dependencies", () => {
            const other = fixture<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", "other", { bucket: "other-bucket" });
            const [b, o, pab] = policyResources([bucket, other, block({ bucket: "x" }, bucket, other)]);
            pab.propertyDependencies = { bucket: [o] };
            expect([refersTo(pab, "bucket", b, ["bucket"]), refersTo(pab, "bucket", o, ["bucket"])]).to.deep.equal([false, true]);
        });
    });

    describe("controls", () => {
        it("links a control to its Security Hub page", () => {
            expect(controlUrl("CloudTrail.2")).to.equal("https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2");
        });
    });
});
