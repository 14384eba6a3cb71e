/**
 * §10 rollback through Pulumi: the choice of revision (previous vs given, none available, unknown
 * service), the stack file edit, the targets, and the targeted up. ECS is mocked with
 * aws-sdk-client-mock; Pulumi is a recording StackOps.
 */
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RefusedError, UsageError } from "../../automation/errors";
import { OpMap } from "../../automation/events";
import { RunOptions, StackOps, StateResource } from "../../automation/pulumiStack";
import {
    checkRequested, checkService, chooseGiven, choosePrevious, containerImage, parseRequestedRevision, parseTaskDefinition, splitImage,
} from "../../automation/rollback/revisions";
import { applyRollback, planRollback, RollbackPlan } from "../../automation/rollback/rollback";
import { withConfigValue } from "../../automation/rollback/stackFile";
import { rollbackTargets } from "../../automation/rollback/targets";
import { loadStackFacts } from "../../automation/stackFacts";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const FAMILY = "prod-fivestar-internal-pe";
const REPO = "123456789014.dkr.ecr.ap-south-1.amazonaws.com/fivestar-internal-pe";
const ARN = (family: string, revision: number) => `arn:aws:ecs:ap-south-1:123456789014:task-definition/${family}:${revision}`;
const rev = (revision: number, tag: string) => ({ revision, image: `${REPO}:${tag}` });

const TASK_URN = "urn:pulumi:prod::fivestar-payments::fivestar:compute:FargateService$aws:ecs/taskDefinition:TaskDefinition::internal-pe";
const SERVICE_URN = "urn:pulumi:prod::fivestar-payments::fivestar:compute:FargateService$aws:ecs/service:Service::internal-pe";
const STATE: StateResource[] = [
    { urn: TASK_URN, type: "aws:ecs/taskDefinition:TaskDefinition", inputs: { family: FAMILY } },
    { urn: SERVICE_URN, type: "aws:ecs/service:Service", inputs: { name: "prod-internal-pe-service" } },
    { urn: "urn:pulumi:prod::fivestar-payments::fivestar:compute:FargateService$aws:ecs/taskDefinition:TaskDefinition::customer-portal", type: "aws:ecs/taskDefinition:TaskDefinition", inputs: { family: "prod-fivestar-customer-portal" } },
];

/** A StackOps that records the updates it is asked for. */
class RecordingStack implements StackOps {
    readonly name = "prod";
    readonly ups: RunOptions[] = [];
    constructor(private readonly outputValues: Record<string, unknown>, private readonly state: StateResource[], private readonly failUp = false) {}
    async preview(): Promise<OpMap> {
        throw new Error("a rollback never previews");
    }
    async up(options: RunOptions): Promise<OpMap> {
        this.ups.push(options);
        if (this.failUp) throw new Error("update failed: CannotPullContainerError");
        return { "create-replacement": 1, update: 1 };
    }
    async outputs() {
        return this.outputValues;
    }
    async stateResources() {
        return this.state;
    }
}

const OUTPUTS = {
    clusterName: "prod-fivestar-payments",
    serviceNames: { "internal-pe": "prod-internal-pe-service", "customer-portal": "prod-customer-portal-service" },
    taskDefinitionFamilies: { "internal-pe": FAMILY, "customer-portal": "prod-fivestar-customer-portal" },
};

describe("delivery tool: rollback (§10)", () => {
    describe("choosing the revision (pure)", () => {
        it("previous: the newest earlier revision with a different image, skipping config-only revisions", () => {
            expect(choosePrevious(rev(12, "1.5.0"), [rev(9, "1.4.1"), rev(11, "1.5.0"), rev(10, "1.4.2")], FAMILY))
                .to.deep.equal({ revision: 10, image: `${REPO}:1.4.2`, tag: "1.4.2" });
        });

        it("previous never picks a newer revision than the one running", () => {
            expect(choosePrevious(rev(12, "1.5.0"), [rev(13, "1.6.0"), rev(11, "1.4.9")], FAMILY).revision).to.equal(11);
        });

        it("given: a revision number, family:n or the task definition ARN", () => {
            expect([parseRequestedRevision("7", FAMILY), parseRequestedRevision(`${FAMILY}:8`, FAMILY), parseRequestedRevision(ARN(FAMILY, 9), FAMILY)]).to.deep.equal([7, 8, 9]);
        });

        const refusals: [string, () => unknown, typeof RefusedError | typeof UsageError, string][] = [
            ["none available: the first revision of a family has nothing before it", () => choosePrevious(rev(1, "1.0.0"), [], FAMILY), RefusedError,
                `nothing to roll back to: ${FAMILY}:1 runs ${REPO}:1.0.0 and there is no earlier revision`],
            ["none available: every earlier revision runs the same image", () => choosePrevious(rev(3, "1.0.0"), [rev(2, "1.0.0"), rev(1, "1.0.0")], FAMILY), RefusedError, "revisions 2, 1 all run 1.0.0"],
            ["given: a revision of another family is refused", () => parseRequestedRevision(ARN("prod-fivestar-customer-portal", 4), FAMILY), RefusedError,
                `is of family prod-fivestar-customer-portal, but the service's family is ${FAMILY}`],
            ["given: something that is no revision is a usage error", () => parseRequestedRevision("latest", FAMILY), UsageError, 'revision "latest": give a revision number'],
            ["given: a revision that does not exist is refused, listing those that do", () => checkRequested(rev(12, "1.5.0"), 4, [12, 11, 10], FAMILY), RefusedError,
                `${FAMILY}:4 does not exist (revisions: 10, 11, 12)`],
            ["given: the revision already running is refused", () => checkRequested(rev(12, "1.5.0"), 12, [12, 11], FAMILY), RefusedError, "is the revision the service already runs"],
            ["an image pinned by digest cannot become a config tag", () => chooseGiven(rev(12, "1.5.0"), { revision: 9, image: `${REPO}@sha256:abc` }, FAMILY), RefusedError, "has no tag to set in stack config"],
            ["an image from another repository cannot be expressed by a tag", () => chooseGiven(rev(12, "1.5.0"), { revision: 9, image: "public.ecr.aws/other/app:1.0" }, FAMILY), RefusedError,
                "a tag alone cannot express that rollback"],
            ["unknown service is a usage error naming the services", () => checkService("payments-api"), UsageError, 'unknown service "payments-api": services are internal-pe, customer-portal'],
        ];
        for (const [what, call, error, message] of refusals) {
            it(what, () => {
                expect(call).to.throw(error, message);
            });
        }

        it("given: its image tag is what the rollback sets", () => {
            expect(chooseGiven(rev(12, "1.5.0"), rev(9, "1.4.1"), FAMILY)).to.deep.equal({ revision: 9, image: `${REPO}:1.4.1`, tag: "1.4.1" });
        });

        it("reads task definition references and images", () => {
            expect([parseTaskDefinition(ARN(FAMILY, 12)), parseTaskDefinition("not-a-revision"), splitImage("registry:5000/app"), splitImage("registry:5000/app:2.0")]).to.deep.equal([
                { family: FAMILY, revision: 12 }, undefined, { repository: "registry:5000/app" }, { repository: "registry:5000/app", tag: "2.0" },
            ]);
        });

        it("the service's container is the one named like the service", () => {
            expect(containerImage([{ name: "xray", image: "xray:1" }, { name: "internal-pe", image: `${REPO}:1.5.0` }], "internal-pe", "td")).to.equal(`${REPO}:1.5.0`);
        });
    });

    describe("the stack file edit", () => {
        const original = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8");

        it("changes one line and keeps every other, comments included: the new value as Pulumi will read it", () => {
            const edit = withConfigValue(original, "fivestar-payments:internalPeImageTag", "1.4.2");
            const before = original.split("\n");
            const after = edit.text.split("\n");
            expect({
                removed: before.filter((l) => !after.includes(l) && !l.includes("internalPeImageTag")),
                added: after.filter((l) => !before.includes(l)),
            }).to.deep.equal({ removed: [], added: ["  fivestar-payments:internalPeImageTag: 1.4.2"] });
        });

        it("returns the previous value; refuses to overwrite a secret", () => {
            const once = withConfigValue(original, "fivestar-payments:internalPeImageTag", "1.5.0").text;
            expect(withConfigValue(once, "fivestar-payments:internalPeImageTag", "1.4.2").previous).to.equal("1.5.0");
            const text = "config:\n  fivestar-payments:internalPeImageTag:\n    secure: v1:abc\n";
            expect(() => withConfigValue(text, "fivestar-payments:internalPeImageTag", "1.4.2")).to.throw(RefusedError, "not a plain value");
        });
    });

    it("the targets: exactly the service's task definition and ECS service; refused when the state does not hold them", () => {
        expect(rollbackTargets(STATE, FAMILY, "prod-internal-pe-service")).to.deep.equal([TASK_URN, SERVICE_URN]);
        expect(() => rollbackTargets(STATE.slice(0, 1), FAMILY, "prod-internal-pe-service")).to.throw(RefusedError, 'has 0 ECS services with name "prod-internal-pe-service"');
    });

    describe("planning against ECS (mocked)", () => {
        const ecs = new ECSClient({ region: "ap-south-1" });
        const ecsMock = mockClient(ecs);
        const images: Record<number, string> = { 12: "1.5.0", 11: "1.5.0", 10: "1.4.2", 9: "1.4.1" };

        beforeEach(() => {
            ecsMock.reset();
            ecsMock.on(DescribeServicesCommand, { cluster: "prod-fivestar-payments", services: ["prod-internal-pe-service"] }).resolves({
                services: [{ serviceName: "prod-internal-pe-service", status: "ACTIVE", taskDefinition: ARN(FAMILY, 12), deployments: [{ status: "PRIMARY", taskDefinition: ARN(FAMILY, 12) }] }],
            });
            // Pulumi deregisters replaced task definitions: the older revisions are INACTIVE, listed over two pages.
            ecsMock.on(ListTaskDefinitionsCommand, { status: "ACTIVE" }).resolves({ taskDefinitionArns: [ARN(FAMILY, 12), ARN(`${FAMILY}-debug`, 3)] });
            ecsMock.on(ListTaskDefinitionsCommand, { status: "INACTIVE", nextToken: undefined }).resolves({ taskDefinitionArns: [ARN(FAMILY, 11), ARN(FAMILY, 10)], nextToken: "page-2" });
            ecsMock.on(ListTaskDefinitionsCommand, { status: "INACTIVE", nextToken: "page-2" }).resolves({ taskDefinitionArns: [ARN(FAMILY, 9)] });
            ecsMock.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
                const revision = Number(input.taskDefinition.split(":").pop());
                return { taskDefinition: { family: FAMILY, revision, containerDefinitions: [{ name: "internal-pe", image: `${REPO}:${images[revision]}` }] } };
            });
        });

        const plan = (revision?: string) => planRollback(loadStackFacts("prod", PROJECT_DIR), "internal-pe", revision, new RecordingStack(OUTPUTS, STATE), ecs);

        it("without a revision: returns to the previous image (revision 10), read from deregistered revisions; targets the two resources found in the state", async () => {
            const p = await plan();
            expect([p.current.revision, p.choice.revision, p.choice.tag, p.configKey, p.targets]).to.deep.equal([12, 10, "1.4.2", "internalPeImageTag", [TASK_URN, SERVICE_URN]]);
        });

        it("with a revision: that revision's image", async () => {
            expect((await plan("9")).choice.tag).to.equal("1.4.1");
        });

        it("refused: a revision of the look-alike family, and a service running another family", async () => {
            expect(await plan(ARN(`${FAMILY}-debug`, 3)).catch((e) => e)).to.be.instanceOf(RefusedError);
            ecsMock.on(DescribeServicesCommand).resolves({ services: [{ serviceName: "prod-internal-pe-service", status: "ACTIVE", taskDefinition: ARN("something-else", 2) }] });
            expect(await plan().catch((e) => e)).to.be.instanceOf(RefusedError).with.property("message").that.includes(`expected family ${FAMILY}`);
        });
    });

    describe("applying it through Pulumi", () => {
        let projectDir: string;
        const facts = loadStackFacts("prod", PROJECT_DIR);
        const rollbackPlan: RollbackPlan = {
            service: "internal-pe", cluster: "prod-fivestar-payments", serviceName: "prod-internal-pe-service", family: FAMILY,
            current: rev(12, "1.5.0"), choice: { revision: 10, image: `${REPO}:1.4.2`, tag: "1.4.2" }, configKey: "internalPeImageTag", targets: [TASK_URN, SERVICE_URN],
        };
        const run = (stack: RecordingStack, validated = true) => applyRollback(facts, rollbackPlan, {
            projectDir, stack, onEvent: () => undefined, log: () => undefined, summarize: () => "", settleAndValidate: async () => validated,
        });

        beforeEach(() => {
            projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "rollback-"));
            fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), path.join(projectDir, "Pulumi.prod.yaml"));
        });
        afterEach(() => fs.rmSync(projectDir, { recursive: true, force: true }));

        it("sets the image tag in Pulumi.prod.yaml and runs one up targeted at exactly the task definition and the service", async () => {
            const stack = new RecordingStack(OUTPUTS, STATE);
            await run(stack);
            expect(fs.readFileSync(path.join(projectDir, "Pulumi.prod.yaml"), "utf8")).to.match(/^ {2}fivestar-payments:internalPeImageTag: 1\.4\.2$/m);
            expect(stack.ups.map((u) => [u.targets, u.message])).to.deep.equal([[[TASK_URN, SERVICE_URN], `rollback internal-pe to 1.4.2 (${FAMILY}:10)`]]);
        });

        it("succeeds only if the stack validates afterwards; a failed up is reported as a failure", async () => {
            expect([(await run(new RecordingStack(OUTPUTS, STATE), true)).ok, (await run(new RecordingStack(OUTPUTS, STATE), false)).ok, (await run(new RecordingStack(OUTPUTS, STATE, true))).ok])
                .to.deep.equal([true, false, false]);
        });
    });
});
