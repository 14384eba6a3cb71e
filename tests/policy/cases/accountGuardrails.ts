import type { CaseTable } from "../support/cases";
import { configBundle, detector, trail } from "../support/compliant";
import { dependingOn, fixture, UNKNOWN_DURING_PREVIEW, withInputs } from "../support/fixtures";

const [recorder, status, delivery] = configBundle();
const changedTrail = (changes: Record<string, unknown>) => [withInputs(trail(), changes)];
const serviceLinkedRole = fixture("aws:iam/serviceLinkedRole:ServiceLinkedRole", "config-slr", { awsServiceName: "config.amazonaws.com" });
const customRole = configBundle("arn:aws:iam::123456789014:role/guardrails-config");

export const accountGuardrailCases: CaseTable = {
    "cloudtrail-1-multi-region-trail": {
        pass: [
            { title: "a logging multi-region trail", resources: [trail()] },
            { title: "event selectors for all management events", resources: changedTrail({ eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] }) },
            { title: "an advanced selector for management events", resources: changedTrail({ advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }] }) },
        ],
        fail: [
            { title: "no trail", resources: [], expect: /no multi-region trail/ },
            { title: "a single-region trail", resources: changedTrail({ isMultiRegionTrail: false }), expect: /no multi-region trail/ },
            { title: "logging stopped", resources: changedTrail({ enableLogging: false }), expect: /no multi-region trail/ },
            { title: "write-only management events", resources: changedTrail({ eventSelectors: [{ readWriteType: "WriteOnly" }] }), expect: /no multi-region trail/ },
            { title: "an advanced selector for read-only events", resources: changedTrail({ advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "readOnly", equals: ["true"] }] }] }), expect: /no multi-region trail/ },
        ],
    },
    "cloudtrail-2-encrypted-at-rest": {
        pass: [{ title: "kmsKeyId set", resources: [trail()] }],
        fail: [{ title: "no kmsKeyId", resources: changedTrail({ kmsKeyId: undefined }), expect: /kmsKeyId is not set/ }],
    },
    "cloudtrail-4-log-file-validation": {
        pass: [{ title: "validation on", resources: [trail()] }],
        fail: [{ title: "validation unset (default off)", resources: changedTrail({ enableLogFileValidation: undefined }), expect: /enableLogFileValidation is not true/ }],
    },
    "cloudtrail-5-cloudwatch-logs": {
        pass: [{ title: "delivered to a log group", resources: [trail()] }],
        fail: [{ title: "no log group", resources: changedTrail({ cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined }), expect: /cloudWatchLogsGroupArn is not set/ }],
    },
    "guardduty-1-enabled": {
        pass: [{ title: "an enabled detector", resources: [detector()] }, { title: "enable unset (default true)", resources: [withInputs(detector(), { enable: undefined })] }],
        fail: [
            { title: "no detector", resources: [], expect: /no enabled GuardDuty detector/ },
            { title: "a suspended detector", resources: [withInputs(detector(), { enable: false })], expect: /no enabled GuardDuty detector/ },
        ],
    },
    "config-1-recorder-enabled": {
        pass: [
            { title: "recording everything with the service-linked role, started, delivering", resources: configBundle() },
            {
                title: "at preview, the role of an aws.iam.ServiceLinkedRole in the stack",
                resources: [serviceLinkedRole, dependingOn(withInputs(recorder, { roleArn: UNKNOWN_DURING_PREVIEW }), serviceLinkedRole), status, delivery],
            },
            { title: "a custom role where the check is off in config", resources: customRole, config: { "config-1-recorder-enabled": { includeConfigServiceLinkedRoleCheck: false } } },
        ],
        fail: [
            { title: "no recorder", resources: [], expect: /no AWS Config recorder recording all supported/ },
            { title: "a recorder limited to some types", resources: [withInputs(recorder, { recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } }), status, delivery], expect: /no AWS Config recorder recording all supported/ },
            { title: "a stopped recorder", resources: [recorder, withInputs(status, { isEnabled: false }), delivery], expect: /recorder is not started/ },
            { title: "no delivery channel", resources: [recorder, status], expect: /no delivery channel/ },
            { title: "a custom role (Security Hub's default check)", resources: customRole, expect: /does not use the service-linked role/ },
            { title: "at preview, a role created in the stack that is not the service-linked one", resources: [withInputs(recorder, { roleArn: UNKNOWN_DURING_PREVIEW }), status, delivery], expect: /does not use the service-linked role/ },
        ],
    },
};
