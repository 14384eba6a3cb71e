/**
 * Security and audit charges: KMS keys, Secrets Manager secrets (and their replicas), SSM parameters
 * (standard tier free), WAF (web ACL + rules + requests), GuardDuty (foundational sources), AWS
 * Config (configuration items), CloudTrail (first copy of management events free) and S3 storage of
 * the audit buckets.
 */
import type { RegisteredResource } from "../../../lib/planRecord";
import { ChargeSpec, charges, free, notPriced, PlanIndex, PricingRule } from "../model";
import { refersTo } from "../planIndex";
import { list, obj, str } from "./inputs";
import type { ResourceType } from "../../../lib/types";
import { RESOURCE_TYPES } from "../../../lib/types";

export const TRAIL = RESOURCE_TYPES.cloudtrailTrail;
/** Managed rule groups that carry a subscription and request fee on top of the rule price. */
const PAID_RULE_GROUPS = ["AWSManagedRulesBotControlRuleSet", "AWSManagedRulesATPRuleSet", "AWSManagedRulesACFPRuleSet"];

const kmsKey: PricingRule = (r) => charges([{ item: "customer managed key", quantity: 1, priceKey: "kms.keyMonth" }], [
    ...(r.inputs.enableKeyRotation === true ? ["automatic rotation adds $1/month per rotated backing key from the first rotation on (KMS pricing): not in this month's estimate"] : []),
    "API requests beyond the 20,000 a month free tier are not estimated",
    ...(str(r.inputs.customKeyStoreId) ? ["its custom key store (CloudHSM) is billed separately"] : []),
]);

/** A secret, and each replica of it (Secret `replicas`): every replica is billed as a secret in its own region (Secrets Manager pricing). */
const secret: PricingRule = (r) => charges([
    { item: "secret", quantity: 1, priceKey: "secretsmanager.secretMonth" },
    ...list(r.inputs.replicas).map((replica) => {
        const region = str(replica.region) ?? "(unset region)";
        return { item: `replica in ${region}`, quantity: 1, priceKey: "secretsmanager.secretMonth", region };
    }),
], ["API calls ($0.05 per 10,000) are not estimated"]);

const ssmParameter: PricingRule = (r) => {
    const tier = str(r.inputs.tier) ?? "Standard";
    return tier === "Standard" ? free("standard-tier parameters have no storage charge") : notPriced(`${tier} parameters are not in the price table`);
};

function wafRules(r: RegisteredResource): Record<string, unknown>[] {
    const rules = list(r.inputs.rules);
    if (rules.length > 0) return rules;
    try {
        return list(JSON.parse(str(r.inputs.ruleJson) ?? "[]"));
    } catch {
        return [];
    }
}

const webAcl: PricingRule = (r, ctx) => {
    const rules = wafRules(r);
    const paid = rules.map((rule) => str(obj(obj(rule.statement)?.managedRuleGroupStatement)?.name)).filter((n): n is string => n !== undefined && PAID_RULE_GROUPS.includes(n));
    const specs: ChargeSpec[] = [
        { item: "web ACL", quantity: 1, priceKey: "waf.webAclMonth" },
        { item: "rules", detail: `${rules.length}`, quantity: rules.length, priceKey: "waf.ruleMonth" },
        { item: "requests inspected", quantity: ctx.assumptions.requestsMillionsPerMonth, priceKey: "waf.requestMillion", assumptions: ["requestsMillionsPerMonth"] },
        ...paid.map((name) => ({ item: "paid managed rule group", detail: name, quantity: 1, priceKey: `waf.managedRuleGroupMonth.${name}` })),
    ];
    return charges(specs);
};

export const GUARDDUTY_DETECTOR = "aws:guardduty/detector:Detector";
export const GUARDDUTY_FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
const LAMBDA_FUNCTION = "aws:lambda/function:Function";

/**
 * A detector created without features turns on every optional protection plan except Runtime
 * Monitoring (GuardDuty API reference, CreateDetector: "When you don't specify any features, with an
 * exception to RUNTIME_MONITORING, all the optional features are enabled by default"). A
 * DetectorFeature resource (or the legacy datasources block) can turn one off.
 */
function featureStatus(detector: RegisteredResource, plan: PlanIndex, name: string): "ENABLED" | "DISABLED" {
    const feature = plan.ofType(GUARDDUTY_FEATURE).find((f) => str(f.inputs.name) === name && (plan.ofType(GUARDDUTY_DETECTOR).length === 1 || refersTo(str(f.inputs.detectorId) ?? "", [detector.name], detector.name)));
    if (feature) return str(feature.inputs.status) === "DISABLED" ? "DISABLED" : "ENABLED";
    if (name === "S3_DATA_EVENTS" && obj(obj(detector.inputs.datasources)?.s3Logs)?.enable === false) return "DISABLED";
    return name === "RUNTIME_MONITORING" ? "DISABLED" : "ENABLED";
}

const guardDuty: PricingRule = (r, ctx) => {
    if (r.inputs.enable === false) return free("detector disabled: nothing is analysed");
    const a = ctx.assumptions;
    const on = (name: string) => featureStatus(r, ctx.plan, name) === "ENABLED";
    const lambdas = ctx.plan.ofType(LAMBDA_FUNCTION).length;
    const auroraClusters = ctx.plan.ofType("aws:rds/cluster:Cluster").filter((c) => str(c.inputs.engine)?.startsWith("aurora")).length;
    const eksClusters = ctx.plan.ofType("aws:eks/cluster:Cluster").length;
    const specs: ChargeSpec[] = [
        { item: "CloudTrail management events analysed", quantity: a.cloudTrailEventsMillionsPerMonth, priceKey: "guardduty.cloudTrailEventMillion", assumptions: ["cloudTrailEventsMillionsPerMonth"] },
        { item: "VPC flow and DNS logs analysed", quantity: a.guardDutyLogGbPerMonth, priceKey: "guardduty.flowDnsLogGb", assumptions: ["guardDutyLogGbPerMonth"] },
        ...(on("S3_DATA_EVENTS") ? [{ item: "S3 Protection: S3 data events analysed", quantity: a.guardDutyS3DataEventsMillionsPerMonth, priceKey: "guardduty.s3DataEventMillion", assumptions: ["guardDutyS3DataEventsMillionsPerMonth" as const] }] : []),
        ...(on("LAMBDA_NETWORK_LOGS") && lambdas > 0
            ? [{ item: "Lambda Protection: network activity logs analysed", detail: `${lambdas} function${lambdas === 1 ? "" : "s"}`, quantity: a.guardDutyLambdaLogGbPerMonth, priceKey: "guardduty.lambdaNetworkLogGb", assumptions: ["guardDutyLambdaLogGbPerMonth" as const] }]
            : []),
        // Plans whose subject this stack does not create yet: priced (or reported) when it does.
        ...(on("RDS_LOGIN_EVENTS") && auroraClusters > 0 ? [{ item: "RDS Protection: Aurora login activity", quantity: auroraClusters, priceKey: "guardduty.rdsProtectionAuroraVcpuMonth" }] : []),
        ...(on("EKS_AUDIT_LOGS") && eksClusters > 0 ? [{ item: "EKS Protection: audit logs analysed", quantity: eksClusters, priceKey: "guardduty.eksAuditLogMillion" }] : []),
        ...(on("RUNTIME_MONITORING") ? [{ item: "Runtime Monitoring", quantity: 1, priceKey: "guardduty.runtimeMonitoringVcpuHour" }] : []),
    ];
    return charges(specs, [
        "protection plans on by default (CreateDetector: every optional feature but Runtime Monitoring): S3 Protection priced; " +
            "Lambda Protection priced when the stack has functions; RDS Protection monitors Aurora only (no charge for RDS for PostgreSQL); " +
            "EKS Protection and EBS Malware Protection have nothing to analyse without EKS clusters or EC2 instances",
        "the 30-day free trial is not deducted",
    ]);
};

/** A protection plan switched on or off: its charge is on the detector (or, for Runtime Monitoring, reported there). */
const guardDutyFeature: PricingRule = (r) =>
    free(`protection plan ${str(r.inputs.name) ?? "(unnamed)"} ${str(r.inputs.status) === "DISABLED" ? "switched off" : "switched on"}: its analysis is priced on the detector`);

const configRecorder: PricingRule = (r, ctx) => {
    const frequency = str(obj(r.inputs.recordingMode)?.recordingFrequency) ?? "CONTINUOUS";
    return charges([{
        item: "configuration items recorded", detail: frequency.toLowerCase(), quantity: ctx.assumptions.configItemsPerMonth,
        priceKey: frequency === "CONTINUOUS" ? "config.configurationItem" : `config.configurationItem.${frequency}`, assumptions: ["configItemsPerMonth"],
    }], ["Config rule evaluations are priced on their rules; delivered snapshots on the bucket"]);
};

const hasDataEvents = (r: RegisteredResource) =>
    list(r.inputs.eventSelectors).some((s) => list(s.dataResources).length > 0) ||
    list(r.inputs.advancedEventSelectors).some((s) => list(s.fieldSelectors).some((f) => f.field === "eventCategory" && list<unknown>(f.equals).includes("Data")));

const trail: PricingRule = (r, ctx) => {
    // The first trail's copy of management events is free; any further trail pays for its copy.
    const first = ctx.plan.ofType(TRAIL).sort((a, b) => a.urn.localeCompare(b.urn))[0];
    const specs: ChargeSpec[] = [
        ...(first.urn !== r.urn ? [{ item: "additional copy of management events", quantity: 1, priceKey: "cloudtrail.additionalManagementEvents100k" }] : []),
        ...(hasDataEvents(r) ? [{ item: "data events", quantity: 1, priceKey: "cloudtrail.dataEvents100k" }] : []),
        ...(list(r.inputs.insightSelectors).length > 0 ? [{ item: "CloudTrail Insights events", quantity: 1, priceKey: "cloudtrail.insightsEvents100k" }] : []),
    ];
    if (specs.length === 0) return free("the first copy of management events is free; its S3 bucket and CloudWatch log group are priced on their own lines");
    return charges(specs);
};

const bucket: PricingRule = (_r, ctx) => charges([
    { item: "S3 Standard storage", quantity: ctx.assumptions.s3GbPerBucket, priceKey: "s3.standardGbMonth", assumptions: ["s3GbPerBucket"] },
], ["requests and lifecycle transitions are not estimated"]);

export const securityRules: Record<string, PricingRule> = {
    "aws:kms/key:Key": kmsKey,
    "aws:kms/replicaKey:ReplicaKey": kmsKey,
    "aws:secretsmanager/secret:Secret": secret,
    "aws:ssm/parameter:Parameter": ssmParameter,
    "aws:wafv2/webAcl:WebAcl": webAcl,
    [GUARDDUTY_DETECTOR]: guardDuty,
    [GUARDDUTY_FEATURE]: guardDutyFeature,
    "aws:cfg/recorder:Recorder": configRecorder,
    [TRAIL]: trail,
    "aws:s3/bucket:Bucket": bucket,
    "aws:s3/bucketV2:BucketV2": bucket,
} satisfies Partial<Record<ResourceType, PricingRule>>;
