import { policyDocument, PolicyDocument } from "../lib/iamDocuments";

/** What the VPC flow logs service may do: write to its own log group, nothing else. */
export function flowLogDeliveryPolicy(logGroupArn: string): PolicyDocument {
    return policyDocument({
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroupArn, `${logGroupArn}:*`],
    });
}
