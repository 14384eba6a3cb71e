/**
 * Who may publish to the alert topic: CloudWatch alarms and AWS Budgets of this account only, and
 * nobody over plain HTTP.
 */
import { policyDocument, PolicyDocument } from "../lib/iamDocuments";

/** The AWS services that publish alerts: CloudWatch for alarms, Budgets for the cost budget (§2.2). */
export const ALERT_PUBLISHERS = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"] as const;

export function alertTopicPolicy(topicArn: string, accountId: string): PolicyDocument {
    return policyDocument(
        {
            Sid: "AlarmsAndBudgetsOfThisAccountPublish",
            Effect: "Allow",
            Principal: { Service: [...ALERT_PUBLISHERS] },
            Action: "sns:Publish",
            Resource: topicArn,
            // Confused-deputy guard: another account's alarm or budget cannot use this topic.
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    );
}
