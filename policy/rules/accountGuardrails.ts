/**
 * Account-level detective controls: CloudTrail, GuardDuty and AWS Config. "The account has X"
 * is a question about the whole stack, so CloudTrail.1, GuardDuty.1 and Config.1 are stack rules;
 * CloudTrail.2/4/5 check each trail.
 *
 * These rules see one stack: a detector, trail or recorder managed elsewhere (an organization
 * trail, a delegated GuardDuty administrator) is invisible here and must be waived in the stack's
 * config with the reason.
 */
import type * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, resourcesOf, stackRule, StackFinding, when } from "../lib/define";
import { CONFIG_DELIVERY_CHANNEL, CONFIG_RECORDER, CONFIG_RECORDER_STATUS, GUARDDUTY_DETECTOR, SERVICE_LINKED_ROLE, TRAIL } from "../lib/types";
import { isProvided, known, UNKNOWN } from "../lib/values";

type Trail = Props<aws.cloudtrail.TrailArgs>;
type Detector = Props<aws.guardduty.DetectorArgs>;
type Recorder = Props<aws.cfg.RecorderArgs>;
type RecorderStatus = Props<aws.cfg.RecorderStatusArgs>;

/** Whether a trail records read and write management events (the default when no selector is set). */
export function recordsAllManagementEvents(trail: Trail): boolean {
    const advanced = trail.advancedEventSelectors ?? [];
    if (advanced.length > 0) {
        return advanced.some((selector) => {
            const fields = selector.fieldSelectors ?? [];
            const management = fields.some((f) => f.field === "eventCategory" && (f.equals ?? []).includes("Management"));
            const readOnlyFilter = fields.some((f) => f.field === "readOnly");
            return management && !readOnlyFilter;
        });
    }
    const selectors = trail.eventSelectors ?? [];
    if (selectors.length === 0) return true;
    return selectors.some((s) => s.includeManagementEvents !== false && (s.readWriteType ?? "All") === "All");
}

export function hasMultiRegionTrail(resources: readonly PolicyResource[]): boolean {
    return resourcesOf<Trail>(resources, TRAIL).some((t) =>
        t.props.isMultiRegionTrail === true && t.props.enableLogging !== false && recordsAllManagementEvents(t.props));
}

/** AWS Config's service-linked role, which Config.1 expects the recorder to use. */
const SERVICE_LINKED_ROLE_ARN = /:role\/aws-service-role\/config\.amazonaws\.com\/AWSServiceRoleForConfig$/;

function usesServiceLinkedRole(recorder: PolicyResource & { props: Recorder }): boolean {
    const roleArn = known(() => recorder.props.roleArn);
    if (roleArn === UNKNOWN) return recorder.dependencies.some((d) => d.type === SERVICE_LINKED_ROLE);
    return SERVICE_LINKED_ROLE_ARN.test(roleArn ?? "");
}

export interface Config1Options {
    /** Security Hub's Config.1 parameter of the same name (default true). */
    readonly includeConfigServiceLinkedRoleCheck?: boolean;
}

export function configRecordingFindings(resources: readonly PolicyResource[], options: Config1Options): StackFinding[] {
    const recorders = resourcesOf<Recorder>(resources, [CONFIG_RECORDER]);
    const complete = recorders.filter((r) => r.props.recordingGroup?.allSupported !== false);
    const running = resourcesOf<RecorderStatus>(resources, [CONFIG_RECORDER_STATUS]).some((s) => s.props.isEnabled === true);
    const delivering = resources.some((r) => r.type === CONFIG_DELIVERY_CHANNEL);
    if (complete.length === 0) {
        return [{ message: "the account has no AWS Config recorder recording all supported resource types. Add aws.cfg.Recorder with recordingGroup.allSupported." }];
    }
    const findings: StackFinding[] = [];
    if (!running) findings.push({ message: "the AWS Config recorder is not started. Add aws.cfg.RecorderStatus with isEnabled: true." });
    if (!delivering) findings.push({ message: "the AWS Config recorder has no delivery channel. Add aws.cfg.DeliveryChannel." });
    if (options.includeConfigServiceLinkedRoleCheck !== false) {
        for (const r of complete.filter((c) => !usesServiceLinkedRole(c))) {
            findings.push({ message: `recorder ${r.name} does not use the service-linked role AWSServiceRoleForConfig.`, urn: r.urn });
        }
    }
    return findings;
}

export const accountGuardrailPolicies = [
    stackRule({
        name: "cloudtrail-1-multi-region-trail",
        control: CONTROLS.CLOUDTRAIL_1,
        description: "The account has a logging, multi-region CloudTrail trail that records read and write management events.",
        check: (resources) => (hasMultiRegionTrail(resources) ? [] : [{
            message: "no multi-region trail records management events. Add aws.cloudtrail.Trail with isMultiRegionTrail: true and enableLogging: true.",
        }]),
    }),
    resourceRule<Trail>({
        name: "cloudtrail-2-encrypted-at-rest",
        control: CONTROLS.CLOUDTRAIL_2,
        description: "CloudTrail log files are encrypted with a customer managed KMS key (SSE-KMS).",
        types: TRAIL,
        check: (trail) => when(!isProvided(() => trail.kmsKeyId), "kmsKeyId is not set: log files are only SSE-S3 encrypted. Set kmsKeyId to a customer managed key."),
    }),
    resourceRule<Trail>({
        name: "cloudtrail-4-log-file-validation",
        control: CONTROLS.CLOUDTRAIL_4,
        description: "CloudTrail writes digest files so tampering with delivered logs is detectable.",
        types: TRAIL,
        check: (trail) => when(trail.enableLogFileValidation !== true, "enableLogFileValidation is not true. Set it to true."),
    }),
    resourceRule<Trail>({
        name: "cloudtrail-5-cloudwatch-logs",
        control: CONTROLS.CLOUDTRAIL_5,
        description: "CloudTrail also delivers to CloudWatch Logs, where metric filters and alarms can watch it.",
        types: TRAIL,
        check: (trail) => when(!isProvided(() => trail.cloudWatchLogsGroupArn), "cloudWatchLogsGroupArn is not set. Deliver the trail to a log group (with cloudWatchLogsRoleArn)."),
    }),
    stackRule({
        name: "guardduty-1-enabled",
        control: CONTROLS.GUARDDUTY_1,
        description: "The account has an enabled GuardDuty detector in the stack's region.",
        check: (resources) => (resourcesOf<Detector>(resources, [GUARDDUTY_DETECTOR]).some((d) => d.props.enable !== false) ? [] : [{
            message: "no enabled GuardDuty detector. Add aws.guardduty.Detector with enable: true.",
        }]),
    }),
    stackRule({
        name: "config-1-recorder-enabled",
        control: CONTROLS.CONFIG_1,
        description: "AWS Config records all supported resources, is started and delivers; by default (includeConfigServiceLinkedRoleCheck) it records with its service-linked role.",
        configSchema: {
            properties: {
                includeConfigServiceLinkedRoleCheck: {
                    type: "boolean",
                    default: true,
                    description: "Require the recorder to use AWSServiceRoleForConfig (Security Hub's Config.1 parameter).",
                },
            },
        },
        check: (resources, args) => configRecordingFindings(resources, args.getConfig<Config1Options>()),
    }),
];
