/**
 * Security and audit charges: KMS keys, Secrets Manager secrets (and their replicas), SSM parameters
 * (standard tier free), WAF (web ACL + rules + requests), GuardDuty (foundational sources), AWS
 * Config (configuration items), CloudTrail (first copy of management events free) and S3 storage of
 * the audit buckets.
 */
import type { RegisteredResource } from "../../../lib/planRecord";
import { ChargeSpec, charges, free, notPriced, PricingRule } from "../model";
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

const secret: PricingRule = (r) => {
    const replicas = list(r.inputs.replicas).length;
    return charges([{ item: "secret", ...(replicas > 0 ? { detail: `+ ${replicas} replica${replicas === 1 ? "" : "s"}` } : {}), quantity: 1 + replicas, priceKey: "secretsmanager.secretMonth" }],
        ["API calls ($0.05 per 10,000) are not estimated"]);
};

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
        { item: "requests inspected", quantity: ctx.assumptions.costRequestsMillionsPerMonth, priceKey: "waf.requestMillion", assumptions: ["costRequestsMillionsPerMonth"] },
        ...paid.map((name) => ({ item: "paid managed rule group", detail: name, quantity: 1, priceKey: `waf.managedRuleGroupMonth.${name}` })),
    ];
    return charges(specs);
};

const guardDuty: PricingRule = (r, ctx) => {
    if (r.inputs.enable === false) return free("detector disabled: nothing is analysed");
    const a = ctx.assumptions;
    return charges([
        { item: "CloudTrail management events analysed", quantity: a.costCloudTrailEventsMillionsPerMonth, priceKey: "guardduty.cloudTrailEventMillion", assumptions: ["costCloudTrailEventsMillionsPerMonth"] },
        { item: "VPC flow and DNS logs analysed", quantity: a.costGuardDutyLogGbPerMonth, priceKey: "guardduty.flowDnsLogGb", assumptions: ["costGuardDutyLogGbPerMonth"] },
    ], ["protection plans (S3, EKS, runtime, malware) are detector features: each is priced, or reported not priced, on its own resource", "the 30-day free trial is not deducted"]);
};

const configRecorder: PricingRule = (r, ctx) => {
    const frequency = str(obj(r.inputs.recordingMode)?.recordingFrequency) ?? "CONTINUOUS";
    return charges([{
        item: "configuration items recorded", detail: frequency.toLowerCase(), quantity: ctx.assumptions.costConfigItemsPerMonth,
        priceKey: frequency === "CONTINUOUS" ? "config.configurationItem" : `config.configurationItem.${frequency}`, assumptions: ["costConfigItemsPerMonth"],
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
    { item: "S3 Standard storage", quantity: ctx.assumptions.costS3GbPerBucket, priceKey: "s3.standardGbMonth", assumptions: ["costS3GbPerBucket"] },
], ["requests and lifecycle transitions are not estimated"]);

export const securityRules: Record<string, PricingRule> = {
    "aws:kms/key:Key": kmsKey,
    "aws:kms/replicaKey:ReplicaKey": kmsKey,
    "aws:secretsmanager/secret:Secret": secret,
    "aws:ssm/parameter:Parameter": ssmParameter,
    "aws:wafv2/webAcl:WebAcl": webAcl,
    "aws:guardduty/detector:Detector": guardDuty,
    "aws:cfg/recorder:Recorder": configRecorder,
    [TRAIL]: trail,
    "aws:s3/bucket:Bucket": bucket,
    "aws:s3/bucketV2:BucketV2": bucket,
} satisfies Partial<Record<ResourceType, PricingRule>>;
