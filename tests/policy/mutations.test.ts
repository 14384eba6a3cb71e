/**
 * Mutation test: deliberate misconfigurations of the real prod program, each of which must be
 * caught by exactly the rule written for it (and by no other rule, which keeps findings
 * attributable and the rules disjoint).
 *
 * Each mutation copies the prod plan, changes (or removes) one of the program's own resources and
 * runs the whole pack with prod's config. The unmutated plan is checked clean once, so a mutation
 * never passes because of a finding that was already there. (Compliant fixtures for each rule's
 * pass and fail cases are in tests/policy/cases/.)
 */
import { expect } from "chai";
import { PACK_ENFORCEMENT, POLICIES } from "../../policy/pack";
import type { RegisteredResource } from "../../lib/planRecord";
import { planOf } from "../support/plans";
import { formatViolations, runPack } from "./support/engine";
import { withInputs } from "./support/fixtures";
import { stackPackConfig } from "./support/packConfig";

interface Mutation {
    readonly title: string;
    /** The one rule that must report it. */
    readonly rule: string;
    readonly type: string;
    readonly where?: (r: RegisteredResource) => boolean;
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

const MUTATIONS: readonly Mutation[] = [
    { title: "a publicly accessible database", rule: "rds-2-no-public-access", type: RDS, where: isPrimary, mutate: set({ publiclyAccessible: true }) },
    { title: "unencrypted database storage", rule: "rds-3-storage-encrypted", type: RDS, where: isPrimary, mutate: set({ storageEncrypted: false }) },
    { title: "a single-AZ prod database", rule: "rds-5-multi-az", type: RDS, where: isPrimary, mutate: set({ multiAz: false }) },
    { title: "enhanced monitoring off", rule: "rds-6-enhanced-monitoring", type: RDS, where: isPrimary, mutate: set({ monitoringInterval: 0 }) },
    { title: "a read replica without deletion protection", rule: "rds-8-deletion-protection", type: RDS, where: isReplica, mutate: set({ deletionProtection: false }) },
    { title: "PostgreSQL logs not exported", rule: "rds-9-logs-exported", type: RDS, where: isPrimary, mutate: set({ enabledCloudwatchLogsExports: [] }) },
    { title: "automated backups off", rule: "rds-11-automatic-backups", type: RDS, where: isPrimary, mutate: set({ backupRetentionPeriod: 0 }) },
    { title: "minor version upgrades off", rule: "rds-13-auto-minor-version-upgrade", type: RDS, where: isPrimary, mutate: set({ autoMinorVersionUpgrade: false }) },
    { title: "snapshots without tags", rule: "rds-17-copy-tags-to-snapshots", type: RDS, where: isPrimary, mutate: set({ copyTagsToSnapshot: false }) },

    { title: "a rule in the default security group", rule: "ec2-2-default-sg-no-rules", type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", mutate: set({ ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] }) },
    { title: "the VPC flow log removed", rule: "ec2-6-vpc-flow-logs", type: "aws:ec2/flowLog:FlowLog", mutate: remove },
    { title: "a subnet handing out public IPs", rule: "ec2-15-no-public-ip-on-launch", type: "aws:ec2/subnet:Subnet", mutate: set({ mapPublicIpOnLaunch: true }) },
    { title: "the ALB's HTTPS rule moved to 8443", rule: "ec2-18-world-ingress-authorized-ports-only", type: INGRESS, where: worldIngress(443), mutate: set({ fromPort: 8443, toPort: 8443 }) },
    { title: "port 22 open to the world", rule: "ec2-19-no-world-access-high-risk-ports", type: INGRESS, where: worldIngress(443), mutate: set({ fromPort: 22, toPort: 22 }) },
    { title: "PostgreSQL open to the world", rule: "ec2-19-no-world-access-high-risk-ports", type: INGRESS, where: (r) => r.inputs.fromPort === 5432, mutate: set({ referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0" }) },

    { title: "tasks with public IPs", rule: "ecs-2-no-public-ip", type: "aws:ecs/service:Service", mutate: (r) => withInputs(r, { networkConfiguration: { ...input<object>(r, "networkConfiguration"), assignPublicIp: true } }) },
    { title: "a privileged container", rule: "ecs-4-not-privileged", type: TASK, mutate: container((c) => { c.privileged = true; }) },
    { title: "a writable root filesystem", rule: "ecs-5-read-only-root-fs", type: TASK, mutate: container((c) => { c.readonlyRootFilesystem = false; }) },
    { title: "a password in the environment", rule: "ecs-8-no-secrets-in-environment", type: TASK, mutate: container((c) => { c.environment = [...((c.environment as object[]) ?? []), { name: "DATABASE_PASSWORD", value: "hunter2" }]; }) },
    { title: "a container without log configuration", rule: "ecs-9-log-configuration", type: TASK, mutate: container((c) => { delete c.logConfiguration; }) },
    { title: "Container Insights off", rule: "ecs-12-container-insights", type: "aws:ecs/cluster:Cluster", mutate: set({ settings: [{ name: "containerInsights", value: "disabled" }] }) },

    { title: "a plain-HTTP listener forwarding to the services", rule: "elb-1-http-redirects-to-https", type: LISTENER, where: (r) => r.inputs.protocol === "HTTP", mutate: (r) => withInputs(r, { defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:ap-south-1:123456789014:targetgroup/internal-pe/1" }] }) },
    { title: "invalid headers passed through", rule: "elb-4-drop-invalid-headers", type: LB, mutate: set({ dropInvalidHeaderFields: false }) },
    { title: "ALB access logs off", rule: "elb-5-access-logs", type: LB, mutate: set({ accessLogs: undefined }) },
    { title: "ALB deletion protection off", rule: "elb-6-deletion-protection", type: LB, mutate: set({ enableDeletionProtection: false }) },
    { title: "desync mitigation in monitor mode", rule: "elb-12-desync-mitigation", type: LB, mutate: set({ desyncMitigationMode: "monitor" }) },
    { title: "an ALB in one subnet", rule: "elb-13-multiple-azs", type: LB, mutate: (r) => withInputs(r, { subnets: input<string[]>(r, "subnets").slice(0, 1) }) },
    { title: "the WAF association removed", rule: "elb-16-waf-web-acl", type: "aws:wafv2/webAclAssociation:WebAclAssociation", mutate: remove },
    { title: "an HTTPS listener on the 2016 TLS policy", rule: "elb-17-recommended-tls-policy", type: LISTENER, where: (r) => r.inputs.protocol === "HTTPS", mutate: set({ sslPolicy: "ELBSecurityPolicy-2016-08" }) },
    { title: "a listener downgraded to plain TCP", rule: "elb-18-secure-listener-protocol", type: LISTENER, where: (r) => r.inputs.protocol === "HTTPS", mutate: set({ protocol: "TCP" }) },

    { title: "KMS rotation off", rule: "kms-4-key-rotation", type: "aws:kms/key:Key", mutate: set({ enableKeyRotation: false }) },
    { title: "a single-region trail", rule: "cloudtrail-1-multi-region-trail", type: TRAIL, mutate: set({ isMultiRegionTrail: false }) },
    { title: "trail logs without KMS", rule: "cloudtrail-2-encrypted-at-rest", type: TRAIL, mutate: set({ kmsKeyId: undefined }) },
    { title: "trail log file validation off", rule: "cloudtrail-4-log-file-validation", type: TRAIL, mutate: set({ enableLogFileValidation: false }) },
    { title: "trail not delivered to CloudWatch Logs", rule: "cloudtrail-5-cloudwatch-logs", type: TRAIL, mutate: set({ cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined }) },
    { title: "GuardDuty suspended", rule: "guardduty-1-enabled", type: "aws:guardduty/detector:Detector", mutate: set({ enable: false }) },
    { title: "the Config recorder stopped", rule: "config-1-recorder-enabled", type: "aws:cfg/recorderStatus:RecorderStatus", mutate: set({ isEnabled: false }) },

    { title: "no PITR on a prod table", rule: "dynamodb-2-point-in-time-recovery", type: TABLE, mutate: set({ pointInTimeRecovery: { enabled: false } }) },
    { title: "a prod table without deletion protection", rule: "dynamodb-6-deletion-protection", type: TABLE, mutate: set({ deletionProtectionEnabled: false }) },
    { title: "a wildcard action in a role policy", rule: "iam-1-no-full-admin-actions", type: "aws:iam/rolePolicy:RolePolicy", mutate: allowing("*") },
    { title: "a whole-service action in a role policy", rule: "iam-21-no-service-wildcard-actions", type: "aws:iam/rolePolicy:RolePolicy", mutate: allowing("dynamodb:*") },
    {
        title: "a role people of an account may assume without MFA", rule: "iam-5-human-roles-require-mfa", type: "aws:iam/role:Role",
        mutate: set({ assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }] }) }),
    },
    { title: "an alarm that notifies nobody", rule: "cloudwatch-15-alarm-actions", type: "aws:cloudwatch/metricAlarm:MetricAlarm", mutate: set({ alarmActions: [] }) },
    { title: "a secret on the AWS managed key", rule: "secretsmanager-cmk-encryption", type: "aws:secretsmanager/secret:Secret", mutate: set({ kmsKeyId: undefined }) },
    { title: "the CloudTrail bucket's access logging removed", rule: "s3-9-server-access-logging", type: LOGGING, where: (r) => r.name === "guardrails-cloudtrail-bucket", mutate: remove },
    { title: "the ALB log bucket logging to itself", rule: "s3-9-server-access-logging", type: LOGGING, where: (r) => r.name === "compute-alb-access-logs", mutate: (r) => withInputs(r, { targetBucket: r.inputs.bucket }) },
    { title: "a bucket policy allowed to be public", rule: "s3-8-block-public-access", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", mutate: set({ blockPublicPolicy: false }) },
    {
        title: "a KMS-encrypted bucket moved to SSE-S3",
        rule: "s3-17-kms-encryption",
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        where: (r) => JSON.stringify(r.inputs.rules).includes("aws:kms"),
        mutate: set({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }),
    },
];

/** The program's own resource the mutation changes (the first of its type that `where` accepts). */
function targetOf(plan: readonly RegisteredResource[], m: Pick<Mutation, "type" | "where">): RegisteredResource {
    const target = plan.find((r) => r.type === m.type && (m.where?.(r) ?? true));
    if (!target) throw new Error(`the prod plan has no ${m.type}${m.where ? " that this mutation's where accepts" : ""}: a mutation changes the program's own resource`);
    return target;
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

    it("the unmutated prod plan is clean (no mutation passes on a finding already there)", async () => {
        const before = await run(prod);
        expect(before, formatViolations(before)).to.deep.equal([]);
    });

    for (const m of MUTATIONS) {
        it(`${m.title} -> ${m.rule}`, async () => {
            const target = targetOf(prod, m);
            const source = `the program's ${target.name}`;
            const mutated = prod.map((r) => (r.urn === target.urn ? m.mutate(r) : r)).filter((r): r is RegisteredResource => r !== null);
            const after = await run(mutated);
            const rules = [...new Set(after.map((v) => v.policy))];
            expect(rules, `after mutating ${source}:\n${formatViolations(after)}`).to.deep.equal([m.rule]);
            expect(after.every((v) => v.level === "mandatory"), "mandatory in prod").to.equal(true);
        });
    }
});
