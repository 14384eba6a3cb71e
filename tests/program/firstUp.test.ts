/**
 * Whole program, issue 13: what the first real `pulumi up` of each stack needs and mocks hide. Each
 * test fails on the program as it was before the fix it names.
 */
import { expect } from "chai";
import { dependencyClosure } from "../../tools/offline/checks/happensBefore";
import { providerAutoName } from "../../tools/offline/checks/autoNaming";
import { NAMING_RULES } from "../../tools/offline/checks/namingRules";
import { RDS_INSTANCE_REPLACING_INPUTS } from "../../data/finalSnapshot";
import { Plan, planOf, STACKS } from "../support/plans";

const TG = "aws:lb/targetGroup:TargetGroup";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const SERVICE = "aws:ecs/service:Service";

const waitsFor = (plan: Plan, consumer: { urn: string }) =>
    dependencyClosure(new Map(plan.resources.map((r) => [r.urn, r])), consumer.urn);

describe("whole program: the first real up (issue 13)", () => {
    for (const stack of STACKS) {
        describe(stack, () => {
            it("fault 1: target groups are auto-named within AWS's 32 characters and keep their first URN by alias", async () => {
                const plan = await planOf(stack);
                const rule = NAMING_RULES[TG];
                if (rule.kind !== "named" || !rule.autoName) throw new Error("target groups are auto-named");
                const groups = plan.ofType(TG);
                expect(groups.map((g) => g.name).sort()).to.deep.equal(["customer-portal-tg", "internal-pe-tg"]);
                for (const g of groups) {
                    // No fixed name: a replacement gets a new random suffix and never collides with the old group.
                    expect(g.inputs).not.to.have.property("name");
                    expect(providerAutoName(g.name, rule.autoName).length, g.name).to.be.at.most(32);
                    const alb = plan.byUrn(g.parent);
                    expect(alb?.type).to.equal("fivestar:compute:PublicLoadBalancer");
                    expect(g.aliases).to.deep.include({ name: `${alb?.name}-${g.name.replace(/-tg$/, "")}`, parentUrn: g.parent });
                }
            });

            it("fault 3: task definitions and services wait for the database secret's value and every policy of their roles", async () => {
                const plan = await planOf(stack);
                const part = (type: string, name: string) => plan.one(type, name).urn;
                const executionPolicies = [
                    part("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "ecs-roles-execution-managed"),
                    part("aws:iam/rolePolicy:RolePolicy", "ecs-roles-execution-secrets"),
                ];
                const taskPolicy = part("aws:iam/rolePolicy:RolePolicy", "ecs-roles-task-access");
                const secretValue = part("aws:secretsmanager/secretVersion:SecretVersion", "database-connection-secret");
                for (const service of ["internal-pe", "customer-portal"]) {
                    for (const type of [TASK_DEFINITION, SERVICE]) {
                        const deps = waitsFor(plan, plan.one(type, `compute-${service}`));
                        for (const urn of executionPolicies) expect(deps.has(urn), `${type} ${service} waits for ${urn}`).to.equal(true);
                        if (service === "internal-pe") {
                            expect(deps.has(taskPolicy), `${type} ${service} waits for the task role's policy`).to.equal(true);
                            expect(deps.has(secretValue), `${type} ${service} waits for the database secret's value`).to.equal(true);
                        }
                    }
                }
            });
        });
    }

    it("fault 9: dev stops and starts on weekdays only, 20:00 and 08:00 IST (§2.2.1 after business hours)", async () => {
        const plan = await planOf("dev");
        const expected = { stop: "cron(0 20 ? * MON-FRI *)", start: "cron(0 8 ? * MON-FRI *)" };
        for (const action of ["stop", "start"] as const) {
            const db = plan.one("aws:scheduler/schedule:Schedule", `compute-after-hours-db-${action}`).inputs;
            expect(db).to.include({ scheduleExpression: expected[action], scheduleExpressionTimezone: "Asia/Kolkata" });
            for (const service of ["internal-pe", "customer-portal"]) {
                const scaled = plan.one("aws:appautoscaling/scheduledAction:ScheduledAction", `compute-after-hours-${service}-${action}`).inputs;
                expect(scaled).to.include({ schedule: expected[action], timezone: "Asia/Kolkata" });
            }
        }
    });

    it("fault 10: prod's final snapshot name ends in a random suffix kept in state and redrawn whenever the instance is replaced", async () => {
        const plan = await planOf("prod");
        const primary = plan.one("aws:rds/instance:Instance", "database-primary");
        const suffix = plan.one("random:index/randomId:RandomId", "database-final-snapshot");
        expect(primary.propertyDependencies.finalSnapshotIdentifier).to.deep.equal([suffix.urn]);
        // The mock's RandomId hex is "mock<logical name>".
        expect(primary.inputs.finalSnapshotIdentifier).to.equal("prod-fivestar-payments-db-final-mockdatabase-final-snapshot");
        expect(suffix.protect).to.equal(true);
        // Every input of the primary that forces a replacement is a keeper, with the same value.
        const keepers = suffix.inputs.keepers as Record<string, string>;
        const replacing = Object.keys(primary.inputs).filter((k) => RDS_INSTANCE_REPLACING_INPUTS.includes(k));
        expect(replacing).to.include.members(["identifier", "engine", "kmsKeyId", "dbName", "username", "storageEncrypted"]);
        for (const key of replacing) expect(keepers[key], key).to.equal(String(primary.inputs[key]));
        expect(Object.keys(keepers).sort()).to.deep.equal([...replacing].sort());
    });

    for (const stack of ["dev", "staging"] as const) {
        it(`fault 10: ${stack} takes no final snapshot, so it needs no suffix`, async () => {
            expect((await planOf(stack)).ofType("random:index/randomId:RandomId")).to.deep.equal([]);
        });
    }
});
