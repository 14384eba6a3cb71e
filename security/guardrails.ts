/**
 * Account guardrails (§2.2.3, §4.1.3), each behind its own switch: GuardDuty, AWS Config,
 * CloudTrail and a WAFv2 web ACL for the ALB. Audit logs land in private, versioned, KMS-encrypted,
 * TLS-only buckets (PrivateBucket) that are protected in prod and log every access to them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import {
    AWS_CONFIG_MANAGED_POLICY, cloudTrailBucketStatements, cloudTrailLogsPolicy, configDeliveryPolicy,
    WAF_REDACTED_HEADERS, wafLogDeliveryPolicy, webAclRules, webAclVisibility,
} from "./guardrailPolicies";
import { PolicyStatement, serviceTrustPolicy } from "../lib/iamDocuments";
import { PrivateBucket, ServerAccessLogging } from "./privateBucket";
import { roleArnWhenReady } from "../lib/ready";
import { trailArn } from "./kmsPolicies";
import { encryptedLogGroup, logSettings } from "../network/logGroup";

export interface GuardrailSwitches {
    readonly guardDuty: boolean;
    readonly awsConfig: boolean;
    readonly cloudTrail: boolean;
    readonly waf: boolean;
}

export interface AccountGuardrailsArgs extends Pick<StackScope, "environment" | "deployment" | "accountId" | "region"> {
    /** cfg.guardrails: which pieces to create. */
    readonly switches: GuardrailSwitches;
    /** kms.logsKeyArn: audit buckets, CloudTrail, log groups. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** cfg.monitoring.logRetentionDays: the CloudTrail and WAF log groups (the buckets keep everything). */
    readonly logRetentionDays: number;
    /** cfg.protectStatefulResources: Pulumi protect on the audit buckets. */
    readonly protect: boolean;
    /** cfg.guardrails.wafRateLimit: requests per client IP per 5 minutes. */
    readonly wafRateLimit: number;
    /** The stack's S3 server access log bucket: who reads the audit buckets is recorded there (PCI DSS 10.2.1.3). */
    readonly serverAccessLogging: ServerAccessLogging;
    /**
     * The Config recorder also records IAM and other global resources (default true). Issue 17: false in a
     * recovery stack, whose account's primary recorder already does; AWS advises one region only, or every
     * global item is recorded (and billed) twice.
     */
    readonly recordGlobalResources?: boolean;
}

export class AccountGuardrails extends pulumi.ComponentResource {
    /** For the ALB's WebACL association; undefined when the WAF is off. */
    public readonly webAclArn: pulumi.Output<string | undefined>;
    public readonly guardDutyDetectorId: pulumi.Output<string | undefined>;
    public readonly cloudTrailBucketName: pulumi.Output<string | undefined>;
    /** The trail's CloudWatch Logs group (every region's management events): log metric filters read it. */
    public readonly cloudTrailLogGroupName: pulumi.Output<string | undefined>;
    private trailLogGroup?: aws.cloudwatch.LogGroup;
    public readonly configBucketName: pulumi.Output<string | undefined>;

    constructor(name: string, args: AccountGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:AccountGuardrails", name, {}, opts);
        const on = args.switches;

        const detector = on.guardDuty
            ? new aws.guardduty.Detector(`${name}-guardduty`, { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" }, this.guardrailOptions(args))
            : undefined;
        const configBucket = on.awsConfig ? this.awsConfig(name, args) : undefined;
        const trailBucket = on.cloudTrail ? this.cloudTrail(name, args) : undefined;
        const webAcl = on.waf ? this.waf(name, args) : undefined;

        this.webAclArn = webAcl ? webAcl.arn : pulumi.output(undefined);
        this.guardDutyDetectorId = detector ? detector.id : pulumi.output(undefined);
        this.cloudTrailBucketName = trailBucket ? trailBucket.bucketName : pulumi.output(undefined);
        this.configBucketName = configBucket ? configBucket.bucketName : pulumi.output(undefined);
        this.cloudTrailLogGroupName = this.trailLogGroup ? this.trailLogGroup.name : pulumi.output(undefined);
        this.registerOutputs({
            webAclArn: this.webAclArn,
            guardDutyDetectorId: this.guardDutyDetectorId,
            cloudTrailBucketName: this.cloudTrailBucketName,
            configBucketName: this.configBucketName,
        });
    }

    /**
     * Where the stack protects its stateful resources (prod), the trail, the detector and the Config recorder
     * are protected too: the DeploymentRole denies stopping or deleting them there (DenyGuardrailTeardown), so a
     * delete or replacement must stop at Pulumi, before it fails half-way with AccessDenied in AWS.
     */
    private guardrailOptions(args: AccountGuardrailsArgs): pulumi.CustomResourceOptions {
        return { parent: this, protect: args.protect };
    }

    /** An audit bucket: a PrivateBucket on the logs key, kept forever (no lifecycle). */
    private auditBucket(name: string, args: AccountGuardrailsArgs, purpose: "cloudtrail" | "config",
        grants: (bucketArn: string) => PolicyStatement[]): PrivateBucket {
        return new PrivateBucket(`${name}-${purpose}-bucket`, {
            bucketName: names.auditBucket(args.deployment ?? args.environment, args.accountId, purpose),
            encryption: { kmsKeyArn: args.logsKmsKeyArn },
            grants,
            serverAccessLogging: args.serverAccessLogging,
            protect: args.protect,
            // Built inline by this component before PrivateBucket existed: same names, so only the parent moves.
            formerParent: this,
        }, { parent: this });
    }

    private awsConfig(name: string, args: AccountGuardrailsArgs): PrivateBucket {
        const parent = { parent: this };
        const bucket = this.auditBucket(name, args, "config", () => []);
        const role = new aws.iam.Role(`${name}-config`, {
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("config.amazonaws.com", args.accountId)),
            description: `AWS Config recorder of ${args.environment}: reads resource configuration, writes to its bucket`,
        }, parent);
        const managed = new aws.iam.RolePolicyAttachment(`${name}-config-managed`, { role: role.name, policyArn: AWS_CONFIG_MANAGED_POLICY }, parent);
        const delivery = new aws.iam.RolePolicy(`${name}-config-delivery`, {
            role: role.name,
            policy: pulumi.all([bucket.bucketArn, args.logsKmsKeyArn]).apply(([b, k]) => JSON.stringify(configDeliveryPolicy(b, args.accountId, k))),
        }, parent);
        const recorder = new aws.cfg.Recorder(`${name}-config-recorder`, {
            name: names.configRecorder(args.deployment ?? args.environment),
            roleArn: roleArnWhenReady(role, [managed, delivery]),
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: args.recordGlobalResources ?? true },
        }, this.guardrailOptions(args));
        const channel = new aws.cfg.DeliveryChannel(`${name}-config-delivery`, {
            name: names.configRecorder(args.deployment ?? args.environment),
            s3BucketName: bucket.bucketName,
            s3KmsKeyArn: args.logsKmsKeyArn,
            snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        }, { ...this.guardrailOptions(args), dependsOn: [recorder, bucket.policy, delivery] });
        new aws.cfg.RecorderStatus(`${name}-config-recorder`, { name: recorder.name, isEnabled: true }, { ...this.guardrailOptions(args), dependsOn: [channel] });
        return bucket;
    }

    private cloudTrail(name: string, args: AccountGuardrailsArgs): PrivateBucket {
        const parent = { parent: this };
        const ctx = { environment: args.environment, accountId: args.accountId, region: args.region };
        const bucket = this.auditBucket(name, args, "cloudtrail", (arn) => cloudTrailBucketStatements(arn, args.accountId, trailArn(ctx)));
        const logGroup = encryptedLogGroup(`${name}-cloudtrail`, names.cloudTrailLogGroup(args.environment), logSettings(args), parent);
        this.trailLogGroup = logGroup;
        const role = new aws.iam.Role(`${name}-cloudtrail-logs`, {
            assumeRolePolicy: JSON.stringify(serviceTrustPolicy("cloudtrail.amazonaws.com", args.accountId)),
            description: `Lets the ${args.environment} trail write to ${names.cloudTrailLogGroup(args.environment)}`,
        }, parent);
        const delivery = new aws.iam.RolePolicy(`${name}-cloudtrail-logs`, {
            role: role.name,
            policy: logGroup.arn.apply((arn) => JSON.stringify(cloudTrailLogsPolicy(arn))),
        }, parent);
        new aws.cloudtrail.Trail(`${name}-cloudtrail`, {
            name: names.cloudTrail(args.environment),
            s3BucketName: bucket.bucketName,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            enableLogging: true,
            kmsKeyId: args.logsKmsKeyArn,
            cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
            cloudWatchLogsRoleArn: roleArnWhenReady(role, [delivery]),
        }, { ...this.guardrailOptions(args), dependsOn: [bucket.policy] });
        return bucket;
    }

    private waf(name: string, args: AccountGuardrailsArgs): aws.wafv2.WebAcl {
        const parent = { parent: this };
        const env = args.environment;
        const webAcl = new aws.wafv2.WebAcl(`${name}-web-acl`, {
            name: names.webAcl(env),
            description: `ALB protection of ${env}: AWS managed rules and a per-IP rate limit`,
            scope: "REGIONAL",
            defaultAction: { allow: {} },
            rules: webAclRules(env, args.wafRateLimit),
            visibilityConfig: webAclVisibility(env),
        }, parent);
        const logGroup = encryptedLogGroup(`${name}-waf-logs`, names.wafLogGroup(env), logSettings(args), parent);
        const delivery = new aws.cloudwatch.LogResourcePolicy(`${name}-waf-logs`, {
            policyName: `${env}-fivestar-waf-log-delivery`,
            policyDocument: JSON.stringify(wafLogDeliveryPolicy(env, args.accountId, args.region)),
        }, parent);
        new aws.wafv2.WebAclLoggingConfiguration(`${name}-waf-logs`, {
            resourceArn: webAcl.arn,
            logDestinationConfigs: [logGroup.arn],
            redactedFields: WAF_REDACTED_HEADERS.map((header) => ({ singleHeader: { name: header } })),
        }, { parent: this, dependsOn: [delivery] });
        return webAcl;
    }
}
