/**
 * Mutation test: deliberate misconfigurations of the real prod program, each of which must be
 * caught by exactly the rule written for it (and by no other rule, which keeps findings
 * attributable and the rules disjoint).
 *
 * Each mutation copies the prod plan, changes one resource (or removes one) and runs the whole
 * pack with prod's config. The resource is the program's own when the plan has one of that type;
 * for types the program does not create yet (the compute module's ECS and ALB resources, alarms)
 * a compliant fixture bundle is added to the plan instead, and the mutation switches to the real
 * resource as soon as the module lands. Either way the unmutated stack must be clean first, so a
 * mutation never passes because of a finding that was already there.
 */
import { expect } from "chai";
import { PACK_ENFORCEMENT, POLICIES } from "../../policy/pack";
import type { RegisteredResource } from "../../lib/planRecord";
import { planOf } from "../support/plans";
import * as compliant from "./support/compliant";
import { formatViolations, runPack } from "./support/engine";
import { withInputs } from "./support/fixtures";
import { stackPackConfig } from "./support/packConfig";

interface Mutation {
    readonly title: string;
    /** The one rule that must report it. */
    readonly rule: string;
    readonly type: string;
    readonly where?: (r: RegisteredResource) => boolean;
    /** Compliant resources to add when the plan has no such resource (the target among them). */
    readonly fixture: () => RegisteredResource[];
    /** The changed resource, or null to remove it. */
    readonly mutate: (r: RegisteredResource) => RegisteredResource | null;
}

const set = (changes: Record<string, unknown>) => (r: RegisteredResource) => withInputs(r, changes);
const remove = () => null;
const input = <T>(r: RegisteredResource, key: string) => r.inputs[key] as T;

/** Changes the first container of a task definition (its JSON string). */
const container = (change: (c: Record<string, unknown>) => void) => (r: RegisteredResource) => {
    const containers = JSON.parse(input<string>(r, "containerDefinitions")) as Record<string, unknown>[];
    change(containers[0]);
    return withInputs(r, { containerDefinitions: JSON.stringify(containers) });
};

/** Appends an Allow statement to an identity policy document (a JSON string). */
const allowing = (action: string) => (r: RegisteredResource) => {
    const document = JSON.parse(input<string>(r, "policy")) as { Statement: unknown[] };
    document.Statement = [...[document.Statement].flat(), { Sid: "Mutation", Effect: "Allow", Action: action, Resource: "*" }];
    return withInputs(r, { policy: JSON.stringify(document) });
};

const isPrimary = (r: RegisteredResource) => r.inputs.replicateSourceDb === undefined;
const isReplica = (r: RegisteredResource) => r.inputs.replicateSourceDb !== undefined;
const worldIngress = (port: number) => (r: RegisteredResource) => r.inputs.cidrIpv4 === "0.0.0.0/0" && r.inputs.fromPort === port;

const RDS = "aws:rds/instance:Instance";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const TRAIL = "aws:cloudtrail/trail:Trail";
const TABLE = "aws:dynamodb/table:Table";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const one = (make: () => RegisteredResource) => () => [make()];
const loggingBundle = () => {
    const [source, logs] = [compliant.bucket("compute-alb-access-logs"), compliant.logBucket()];
    return [source, logs, compliant.loggingOf(source, logs)];
};

const MUTATIONS: readonly Mutation[] = [
    { title: "a publicly accessible database", rule: "rds-2-no-public-access", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ publiclyAccessible: true }) },
    { title: "unencrypted database storage", rule: "rds-3-storage-encrypted", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ storageEncrypted: false }) },
    { title: "a single-AZ prod database", rule: "rds-5-multi-az", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ multiAz: false }) },
    { title: "enhanced monitoring off", rule: "rds-6-enhanced-monitoring", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ monitoringInterval: 0 }) },
    { title: "a read replica without deletion protection", rule: "rds-8-deletion-protection", type: RDS, where: isReplica, fixture: one(compliant.rdsReplica), mutate: set({ deletionProtection: false }) },
    { title: "PostgreSQL logs not exported", rule: "rds-9-logs-exported", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ enabledCloudwatchLogsExports: [] }) },
    { title: "automated backups off", rule: "rds-11-automatic-backups", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ backupRetentionPeriod: 0 }) },
    { title: "minor version upgrades off", rule: "rds-13-auto-minor-version-upgrade", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ autoMinorVersionUpgrade: false }) },
    { title: "snapshots without tags", rule: "rds-17-copy-tags-to-snapshots", type: RDS, where: isPrimary, fixture: one(compliant.rdsPrimary), mutate: set({ copyTagsToSnapshot: false }) },

    { title: "a rule in the default security group", rule: "ec2-2-default-sg-no-rules", type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", fixture: one(compliant.defaultSecurityGroup), mutate: set({ ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] }) },
    { title: "the VPC flow log removed", rule: "ec2-6-vpc-flow-logs", type: "aws:ec2/flowLog:FlowLog", fixture: () => { const v = compliant.vpc(); return [compliant.flowLogOf(v), v]; }, mutate: remove },
    { title: "a subnet handing out public IPs", rule: "ec2-15-no-public-ip-on-launch", type: "aws:ec2/subnet:Subnet", fixture: one(compliant.privateSubnet), mutate: set({ mapPublicIpOnLaunch: true }) },
    { title: "the ALB's HTTPS rule moved to 8443", rule: "ec2-18-world-ingress-authorized-ports-only", type: INGRESS, where: worldIngress(443), fixture: one(() => compliant.worldIngressRule(443)), mutate: set({ fromPort: 8443, toPort: 8443 }) },
    { title: "port 22 open to the world", rule: "ec2-19-no-world-access-high-risk-ports", type: INGRESS, where: worldIngress(443), fixture: one(() => compliant.worldIngressRule(443)), mutate: set({ fromPort: 22, toPort: 22 }) },
    { title: "PostgreSQL open to the world", rule: "ec2-19-no-world-access-high-risk-ports", type: INGRESS, where: (r) => r.inputs.fromPort === 5432, fixture: one(compliant.internalIngressRule), mutate: set({ referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0" }) },

    { title: "tasks with public IPs", rule: "ecs-2-no-public-ip", type: "aws:ecs/service:Service", fixture: one(compliant.ecsService), mutate: (r) => withInputs(r, { networkConfiguration: { ...input<object>(r, "networkConfiguration"), assignPublicIp: true } }) },
    { title: "a privileged container", rule: "ecs-4-not-privileged", type: TASK, fixture: one(() => compliant.taskDefinition()), mutate: container((c) => { c.privileged = true; }) },
    { title: "a writable root filesystem", rule: "ecs-5-read-only-root-fs", type: TASK, fixture: one(() => compliant.taskDefinition()), mutate: container((c) => { c.readonlyRootFilesystem = false; }) },
    { title: "a password in the environment", rule: "ecs-8-no-secrets-in-environment", type: TASK, fixture: one(() => compliant.taskDefinition()), mutate: container((c) => { c.environment = [...((c.environment as object[]) ?? []), { name: "DATABASE_PASSWORD", value: "hunter2" }]; }) },
    { title: "a container without log configuration", rule: "ecs-9-log-configuration", type: TASK, fixture: one(() => compliant.taskDefinition()), mutate: container((c) => { delete c.logConfiguration; }) },
    { title: "Container Insights off", rule: "ecs-12-container-insights", type: "aws:ecs/cluster:Cluster", fixture: one(compliant.ecsCluster), mutate: set({ settings: [{ name: "containerInsights", value: "disabled" }] }) },

    { title: "a plain-HTTP listener forwarding to the services", rule: "elb-1-http-redirects-to-https", type: LISTENER, where: (r) => r.inputs.protocol === "HTTP", fixture: compliant.albBundle, mutate: (r) => withInputs(r, { defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:ap-south-1:123456789014:targetgroup/internal-pe/1" }] }) },
    { title: "invalid headers passed through", rule: "elb-4-drop-invalid-headers", type: LB, fixture: compliant.albBundle, mutate: set({ dropInvalidHeaderFields: false }) },
    { title: "ALB access logs off", rule: "elb-5-access-logs", type: LB, fixture: compliant.albBundle, mutate: set({ accessLogs: undefined }) },
    { title: "ALB deletion protection off", rule: "elb-6-deletion-protection", type: LB, fixture: compliant.albBundle, mutate: set({ enableDeletionProtection: false }) },
    { title: "desync mitigation in monitor mode", rule: "elb-12-desync-mitigation", type: LB, fixture: compliant.albBundle, mutate: set({ desyncMitigationMode: "monitor" }) },
    { title: "an ALB in one subnet", rule: "elb-13-multiple-azs", type: LB, fixture: compliant.albBundle, mutate: (r) => withInputs(r, { subnets: input<string[]>(r, "subnets").slice(0, 1) }) },
    { title: "the WAF association removed", rule: "elb-16-waf-web-acl", type: "aws:wafv2/webAclAssociation:WebAclAssociation", fixture: compliant.albBundle, mutate: remove },
    { title: "an HTTPS listener on the 2016 TLS policy", rule: "elb-17-recommended-tls-policy", type: LISTENER, where: (r) => r.inputs.protocol === "HTTPS", fixture: compliant.albBundle, mutate: set({ sslPolicy: "ELBSecurityPolicy-2016-08" }) },
    { title: "a listener downgraded to plain TCP", rule: "elb-18-secure-listener-protocol", type: LISTENER, where: (r) => r.inputs.protocol === "HTTPS", fixture: compliant.albBundle, mutate: set({ protocol: "TCP" }) },

    { title: "KMS rotation off", rule: "kms-4-key-rotation", type: "aws:kms/key:Key", fixture: one(compliant.kmsKey), mutate: set({ enableKeyRotation: false }) },
    { title: "a single-region trail", rule: "cloudtrail-1-multi-region-trail", type: TRAIL, fixture: one(compliant.trail), mutate: set({ isMultiRegionTrail: false }) },
    { title: "trail logs without KMS", rule: "cloudtrail-2-encrypted-at-rest", type: TRAIL, fixture: one(compliant.trail), mutate: set({ kmsKeyId: undefined }) },
    { title: "trail log file validation off", rule: "cloudtrail-4-log-file-validation", type: TRAIL, fixture: one(compliant.trail), mutate: set({ enableLogFileValidation: false }) },
    { title: "trail not delivered to CloudWatch Logs", rule: "cloudtrail-5-cloudwatch-logs", type: TRAIL, fixture: one(compliant.trail), mutate: set({ cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined }) },
    { title: "GuardDuty suspended", rule: "guardduty-1-enabled", type: "aws:guardduty/detector:Detector", fixture: one(compliant.detector), mutate: set({ enable: false }) },
    { title: "the Config recorder stopped", rule: "config-1-recorder-enabled", type: "aws:cfg/recorderStatus:RecorderStatus", fixture: () => compliant.configBundle(), mutate: set({ isEnabled: false }) },

    { title: "no PITR on a prod table", rule: "dynamodb-2-point-in-time-recovery", type: TABLE, fixture: one(compliant.table), mutate: set({ pointInTimeRecovery: { enabled: false } }) },
    { title: "a prod table without deletion protection", rule: "dynamodb-6-deletion-protection", type: TABLE, fixture: one(compliant.table), mutate: set({ deletionProtectionEnabled: false }) },
    { title: "a wildcard action in a role policy", rule: "iam-1-no-full-admin-actions", type: "aws:iam/rolePolicy:RolePolicy", fixture: one(() => compliant.rolePolicy()), mutate: allowing("*") },
    { title: "a whole-service action in a role policy", rule: "iam-21-no-service-wildcard-actions", type: "aws:iam/rolePolicy:RolePolicy", fixture: one(() => compliant.rolePolicy()), mutate: allowing("dynamodb:*") },
    {
        title: "a role people of an account may assume without MFA", rule: "iam-5-human-roles-require-mfa", type: "aws:iam/role:Role", fixture: one(() => compliant.role()),
        mutate: set({ assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }] }) }),
    },
    { title: "an alarm that notifies nobody", rule: "cloudwatch-15-alarm-actions", type: "aws:cloudwatch/metricAlarm:MetricAlarm", fixture: one(compliant.alarm), mutate: set({ alarmActions: [] }) },
    { title: "a secret on the AWS managed key", rule: "secretsmanager-cmk-encryption", type: "aws:secretsmanager/secret:Secret", fixture: one(compliant.secret), mutate: set({ kmsKeyId: undefined }) },
    { title: "the CloudTrail bucket's access logging removed", rule: "s3-9-server-access-logging", type: LOGGING, where: (r) => r.name === "guardrails-cloudtrail-bucket", fixture: loggingBundle, mutate: remove },
    { title: "the ALB log bucket logging to itself", rule: "s3-9-server-access-logging", type: LOGGING, where: (r) => r.name === "compute-alb-access-logs", fixture: loggingBundle, mutate: (r) => withInputs(r, { targetBucket: r.inputs.bucket }) },
    { title: "a bucket policy allowed to be public", rule: "s3-8-block-public-access", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", fixture: () => compliant.bucketBundle(), mutate: set({ blockPublicPolicy: false }) },
    {
        title: "a KMS-encrypted bucket moved to SSE-S3",
        rule: "s3-17-kms-encryption",
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        where: (r) => JSON.stringify(r.inputs.rules).includes("aws:kms"),
        fixture: () => compliant.bucketBundle(),
        mutate: set({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }),
    },
];

/** The stack to mutate and its target: the plan's own resource, or the fixture bundle added to the plan. */
function subjectOf(plan: readonly RegisteredResource[], m: Pick<Mutation, "type" | "where" | "fixture">) {
    const matches = (r: RegisteredResource) => r.type === m.type && (m.where?.(r) ?? true);
    const real = plan.find(matches);
    if (real) return { resources: plan, target: real, fromFixture: false };
    const bundle = m.fixture();
    const target = bundle.find(matches);
    if (!target) throw new Error(`the fixture for ${m.type} has no matching resource`);
    return { resources: [...plan, ...bundle], target, fromFixture: true };
}

describe("mutation test: misconfigurations of the prod program, each caught by exactly its rule", () => {
    let prod: RegisteredResource[];
    const config = stackPackConfig("prod");
    const run = (resources: readonly RegisteredResource[]) => runPack(POLICIES, resources, config, PACK_ENFORCEMENT);

    before(async () => {
        prod = (await planOf("prod")).resources;
    });

    it("has at least 20 mutations, and one for every rule", () => {
        expect(MUTATIONS.length).to.be.at.least(20);
        expect(POLICIES.map((p) => p.name).filter((name) => !MUTATIONS.some((m) => m.rule === name))).to.deep.equal([]);
    });

    for (const m of MUTATIONS) {
        it(`${m.title} -> ${m.rule}`, async () => {
            const { resources, target, fromFixture } = subjectOf(prod, m);
            const source = fromFixture ? `fixture ${target.name} (no ${m.type} in the prod plan yet)` : `the program's ${target.name}`;
            const before = await run(resources);
            expect(before, `before mutating ${source}:\n${formatViolations(before)}`).to.deep.equal([]);

            const mutated = resources.map((r) => (r.urn === target.urn ? m.mutate(r) : r)).filter((r): r is RegisteredResource => r !== null);
            const after = await run(mutated);
            const rules = [...new Set(after.map((v) => v.policy))];
            expect(rules, `after mutating ${source}:\n${formatViolations(after)}`).to.deep.equal([m.rule]);
            expect(after.every((v) => v.level === "mandatory"), "mandatory in prod").to.equal(true);
        });
    }
});
