/**
 * Two stacks in one AWS account (issue 17: prod and its recovery stack prod-dr) must never claim the same
 * physical name: the second `pulumi up` would fail with "already exists", or worse, adopt-by-accident
 * later. A resource's physical identity is its name (the input NAMING_RULES names) in its scope:
 * account-wide for IAM, S3 (bucket names are even global), Budgets and CloudWatch dashboards; the
 * region of its provider for everything else. Per-region singletons (a GuardDuty detector, a Config
 * recorder and delivery channel) and per-account ones (the password policy) collide by type alone.
 * Auto-named resources get a random suffix and never collide.
 */
import type { EvaluatedStack, RegisteredResource } from "../../lib/planRecord";
import { NAMING_RULES } from "../offline/checks/namingRules";

/** Types whose names are unique in the account (or, for S3, in all of AWS), whatever the region. */
export const ACCOUNT_WIDE_TYPES: readonly string[] = [
    "aws:iam/role:Role", "aws:iam/policy:Policy", "aws:iam/group:Group", "aws:iam/user:User", "aws:iam/instanceProfile:InstanceProfile",
    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2", "aws:budgets/budget:Budget",
    // CloudWatch dashboards are global: one list per account, whatever the console's region (PutDashboard).
    "aws:cloudwatch/dashboard:Dashboard",
];

/** At most one per account and region (GuardDuty CreateDetector; Config allows one recorder and one delivery channel per region). */
export const REGION_SINGLETON_TYPES: readonly string[] = [
    "aws:guardduty/detector:Detector", "aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel", "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
];

export interface PhysicalIdentity {
    /** "account" or the region. */
    readonly scope: string;
    readonly type: string;
    readonly name: string;
    /** The logical name in its stack, for the message. */
    readonly logical: string;
}

/** The region of a resource: its provider's `region` input. */
export function regionOf(plan: EvaluatedStack, r: RegisteredResource): string {
    const provider = plan.resources.find((p) => p.urn === r.provider);
    return String(provider?.inputs.region ?? "");
}

/** Every physical name a plan claims, with its scope. */
export function physicalIdentities(plan: EvaluatedStack): PhysicalIdentity[] {
    const out: PhysicalIdentity[] = [];
    for (const r of plan.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
        const scope = ACCOUNT_WIDE_TYPES.includes(r.type) ? "account" : regionOf(plan, r);
        if (REGION_SINGLETON_TYPES.includes(r.type)) {
            out.push({ scope, type: r.type, name: "(one per account and region)", logical: r.name });
            continue;
        }
        const rule = NAMING_RULES[r.type];
        const name = rule?.kind === "named" ? r.inputs[rule.property] : undefined;
        if (typeof name === "string") out.push({ scope, type: r.type, name, logical: r.name });
    }
    return out;
}

/** Names both plans claim in the same scope: each one would fail (or fight) on the second stack's `up`. */
export function nameCollisions(a: EvaluatedStack, b: EvaluatedStack): string[] {
    const key = (i: PhysicalIdentity) => `${i.scope}|${i.type}|${i.name}`;
    const claimed = new Map(physicalIdentities(a).map((i) => [key(i), i]));
    return physicalIdentities(b).filter((i) => claimed.has(key(i))).map((i) =>
        `${i.type} "${i.name}" (${i.scope}): ${a.stack} ${claimed.get(key(i))?.logical} and ${b.stack} ${i.logical}`);
}
