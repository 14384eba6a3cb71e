/** CloudWatch metric alarms. */
import type * as aws from "@pulumi/aws";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, when } from "../lib/define";
import { METRIC_ALARM } from "../lib/types";
import { isProvided } from "../lib/values";

type Alarm = Props<aws.cloudwatch.MetricAlarmArgs>;

export const cloudwatchPolicies = [
    resourceRule<Alarm>({
        name: "cloudwatch-15-alarm-actions",
        control: CONTROLS.CLOUDWATCH_15,
        description: "Every alarm notifies someone when it goes to ALARM: actions are enabled and alarmActions is not empty.",
        types: METRIC_ALARM,
        check: (alarm) => [
            ...when(alarm.actionsEnabled === false, "actionsEnabled is false: the alarm changes state silently."),
            ...when(!isProvided(() => alarm.alarmActions), "alarmActions is empty: nobody is told when the alarm fires. Add the alert topic."),
        ],
    }),
];
