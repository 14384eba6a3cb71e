import type { CaseTable } from "../support/cases";
import { table } from "../support/compliant";
import { withInputs } from "../support/fixtures";

export const dynamodbCases: CaseTable = {
    "dynamodb-2-point-in-time-recovery": {
        pass: [{ title: "PITR on", resources: [table()] }],
        fail: [
            { title: "PITR off", resources: [withInputs(table(), { pointInTimeRecovery: { enabled: false } })], expect: /pointInTimeRecovery is not enabled/ },
            { title: "PITR unset", resources: [withInputs(table(), { pointInTimeRecovery: undefined })], expect: /pointInTimeRecovery/ },
        ],
    },
    "dynamodb-6-deletion-protection": {
        pass: [{ title: "deletion protection on", resources: [table()] }],
        fail: [{ title: "deletion protection off", resources: [withInputs(table(), { deletionProtectionEnabled: false })], expect: /deletionProtectionEnabled is not true/ }],
    },
};
