import type { CaseTable } from "../support/cases";
import { alarm } from "../support/compliant";
import { withInputs } from "../support/fixtures";

export const cloudwatchCases: CaseTable = {
    "cloudwatch-15-alarm-actions": {
        pass: [{ title: "notifies the alert topic", resources: [alarm()] }, { title: "actionsEnabled unset (default true)", resources: [withInputs(alarm(), { actionsEnabled: undefined })] }],
        fail: [
            { title: "no alarmActions", resources: [withInputs(alarm(), { alarmActions: undefined })], expect: /alarmActions is empty/ },
            { title: "an empty alarmActions", resources: [withInputs(alarm(), { alarmActions: [] })], expect: /alarmActions is empty/ },
            { title: "actions disabled", resources: [withInputs(alarm(), { actionsEnabled: false })], expect: /actionsEnabled is false/ },
        ],
    },
};
