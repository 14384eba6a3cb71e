/** DynamoDB tables (the transaction ledger and queue). */
import type * as aws from "@pulumi/aws";
import { CONTROLS } from "../lib/controls";
import { Props, resourceRule, when } from "../lib/define";
import { DYNAMODB_TABLE } from "../lib/types";

type Table = Props<aws.dynamodb.TableArgs>;

export const dynamodbPolicies = [
    resourceRule<Table>({
        name: "dynamodb-2-point-in-time-recovery",
        control: CONTROLS.DYNAMODB_2,
        description: "DynamoDB tables have point-in-time recovery (restore to any second of the last 35 days).",
        types: DYNAMODB_TABLE,
        check: (table) => when(table.pointInTimeRecovery?.enabled !== true, "pointInTimeRecovery is not enabled. Set pointInTimeRecovery: { enabled: true }."),
    }),
    resourceRule<Table>({
        name: "dynamodb-6-deletion-protection",
        control: CONTROLS.DYNAMODB_6,
        description: "DynamoDB tables have deletion protection.",
        types: DYNAMODB_TABLE,
        check: (table) => when(table.deletionProtectionEnabled !== true, "deletionProtectionEnabled is not true. Set it to true."),
    }),
];
