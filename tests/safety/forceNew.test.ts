/**
 * The ForceNew data (tools/safety/forceNew.json): every resource type the program registers has an
 * entry with its source, so the plan diff can say which changes replace a resource.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { FORCE_NEW, forcingEntry, typesWithoutForceNew } from "../../tools/safety/forceNew";
import { planOf, STACKS } from "../support/plans";

/** The input names of a Pulumi type's Args interface, read from the installed SDK's declaration file. */
function sdkInputs(type: string): Set<string> | undefined {
    const [pkg, mod, name] = type.split(":");
    const [module, file] = mod.split("/");
    const dts = path.join(__dirname, "../../../node_modules/@pulumi", pkg, module === "index" ? "" : module, `${file}.d.ts`);
    if (!fs.existsSync(dts)) return undefined;
    const text = fs.readFileSync(dts, "utf8");
    const at = text.indexOf(`export interface ${name}Args {`);
    if (at < 0) return undefined;
    const body = text.slice(at, text.indexOf("\n}", at));
    return new Set([...body.matchAll(/^ {4}([A-Za-z0-9]+)\??:/gm)].map((m) => m[1]));
}

/** ForceNew names whose top-level input the installed SDK does not have (a TF name not mapped to Pulumi's). */
function unknownInputs(type: string, forceNew: readonly string[]): string[] {
    const inputs = sdkInputs(type);
    if (!inputs) return [`(no ${type}Args in the installed SDK)`];
    return [...new Set(forceNew.map((f) => f.split(".")[0]))].filter((f) => !inputs.has(f));
}

describe("safety: ForceNew data for every resource type", () => {
    it("every custom resource type of every stack has an entry (a missing one is named)", async () => {
        const types = (await Promise.all(STACKS.map(planOf))).flatMap((p) => p.resources.filter((r) => r.custom).map((r) => r.type));
        expect(typesWithoutForceNew(types)).to.deep.equal([]);
    });

    it("names a type that has no entry (the check can fail)", () => {
        expect(typesWithoutForceNew(["aws:ec2/vpc:Vpc", "aws:sqs/queue:Queue", "aws:sqs/queue:Queue"])).to.deep.equal(["aws:sqs/queue:Queue"]);
    });

    it("each entry names its Terraform resource and source file, and lists camelCase inputs (nested as block.attribute)", () => {
        for (const [type, entry] of Object.entries(FORCE_NEW)) {
            expect(entry.terraform, type).to.match(/^(aws_|random_|\(provider)/);
            expect(entry.source, type).to.match(/\.go|provider/);
            for (const input of entry.forceNew) expect(input, type).to.match(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/);
        }
    });

    it("the VPC, subnet and DB subnet group entries (checked against the provider source) say what replaces them", () => {
        expect(FORCE_NEW["aws:ec2/vpc:Vpc"].forceNew).to.include("cidrBlock");
        expect(FORCE_NEW["aws:ec2/subnet:Subnet"].forceNew).to.include.members(["cidrBlock", "vpcId", "availabilityZone"]);
        expect(FORCE_NEW["aws:rds/subnetGroup:SubnetGroup"].forceNew).to.deep.equal(["name", "namePrefix"]);
    });

    it("every provider resource entry records the commit it was read at (the pulumi provider configs are not schema data)", () => {
        const unread = Object.entries(FORCE_NEW).filter(([type, e]) => !type.startsWith("pulumi:providers:") && !/^2026-\d\d-\d\d, commit [0-9a-f]{12}$/.test(e.read ?? ""));
        expect(unread.map(([type]) => type)).to.deep.equal([]);
    });

    it("matches a changed path to the ForceNew entry it hits: top level, inside a block, nested entries and their block", () => {
        const forcing = ["name", "volumes", "s3Import.bucketName", "destinationOptions.fileFormat"];
        expect(forcingEntry(forcing, "name")).to.equal("name");
        expect(forcingEntry(forcing, "volumes[0].efsVolumeConfiguration.fileSystemId")).to.equal("volumes");
        expect(forcingEntry(forcing, "s3Import[0].bucketName")).to.equal("s3Import.bucketName");
        expect(forcingEntry(forcing, "s3Import")).to.equal("s3Import.bucketName");
        expect(forcingEntry(forcing, "destinationOptions.fileFormat")).to.equal("destinationOptions.fileFormat");
    });

    it("does not match inputs that only share a prefix or sit beside a nested entry (the check can fail)", () => {
        const forcing = ["name", "s3Import.bucketName"];
        expect(forcingEntry(forcing, "namePrefix")).to.equal(undefined);
        expect(forcingEntry(forcing, "s3Import.ingestionRole")).to.equal(undefined);
        expect(forcingEntry(forcing, "tags.Name")).to.equal(undefined);
        expect(forcingEntry([], "name")).to.equal(undefined);
    });

    it("the entries corrected against the source keep their conditional replacements as notes", () => {
        expect(FORCE_NEW["aws:ec2/eip:Eip"].forceNew).to.not.include("customerOwnedIpv4Pool");
        expect(FORCE_NEW["aws:cfg/recorderStatus:RecorderStatus"].forceNew).to.deep.equal([]);
        expect(FORCE_NEW["aws:ecr/lifecyclePolicy:LifecyclePolicy"].forceNew).to.deep.equal(["policy", "repository"]);
        expect(FORCE_NEW["aws:ssm/parameter:Parameter"].note).to.match(/Advanced to Standard/);
        expect(FORCE_NEW["aws:ec2/vpcEndpoint:VpcEndpoint"].note).to.match(/privateDnsEnabled/);
    });

    it("every ForceNew name is an input of the installed @pulumi SDK (Pulumi names, not Terraform ones)", () => {
        const wrong = Object.entries(FORCE_NEW).filter(([type]) => !type.startsWith("pulumi:providers:"))
            .map(([type, e]) => [type, unknownInputs(type, e.forceNew)] as const).filter(([, bad]) => bad.length > 0);
        expect(wrong).to.deep.equal([]);
    });

    it("names a Terraform name that Pulumi renames (the check can fail)", () => {
        expect(unknownInputs("aws:sns/topicSubscription:TopicSubscription", ["topicArn", "endpoint"])).to.deep.equal(["topicArn"]);
        expect(unknownInputs("aws:sns/topicSubscription:TopicSubscription", ["topic", "endpoint"])).to.deep.equal([]);
    });
});
