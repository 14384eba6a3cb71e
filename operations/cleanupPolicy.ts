/**
 * IAM documents of staging's weekly cleanup (§2.2.2): what the function may do, scoped to this
 * account's region, the program's repositories and its own log group. Pure, tested.
 */
import { PolicyDocument, policyDocument } from "../lib/iamDocuments";
import type { StackScope } from "../config/names";

export interface CleanupPolicyContext extends Pick<StackScope, "accountId" | "region"> {
    readonly clusterName: string;
    readonly repositories: readonly string[];
    readonly logGroupName: string;
}

export function cleanupFunctionPolicy(c: CleanupPolicyContext): PolicyDocument {
    const arn = (service: string, resource: string) => `arn:aws:${service}:${c.region}:${c.accountId}:${resource}`;
    return policyDocument(
        {
            Sid: "ReadWhatIsInUse",
            Effect: "Allow",
            Action: ["ecs:ListServices", "ecs:ListTasks", "ecs:DescribeServices", "ecs:DescribeTasks"],
            Resource: "*",
            Condition: { ArnEquals: { "ecs:cluster": arn("ecs", `cluster/${c.clusterName}`) } },
        },
        // ListTaskDefinitions and DeregisterTaskDefinition support no resource-level scope
        // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html);
        // the function only deregisters revisions of the program's families (cleanupRules.ts), in this region.
        {
            Sid: "TaskDefinitionRevisions",
            Effect: "Allow",
            Action: ["ecs:ListTaskDefinitions", "ecs:DeregisterTaskDefinition"],
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": c.region } },
        },
        { Sid: "ListSnapshots", Effect: "Allow", Action: "rds:DescribeDBSnapshots", Resource: "*" },
        // Only manual snapshots can be deleted at all (automated ones belong to the instance's backup retention).
        { Sid: "DeleteManualSnapshots", Effect: "Allow", Action: "rds:DeleteDBSnapshot", Resource: arn("rds", "snapshot:*") },
        {
            Sid: "UntaggedImages",
            Effect: "Allow",
            Action: ["ecr:DescribeImages", "ecr:BatchGetImage", "ecr:BatchDeleteImage"],
            Resource: c.repositories.map((r) => arn("ecr", `repository/${r}`)),
        },
        {
            Sid: "OwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `${arn("logs", `log-group:${c.logGroupName}`)}:*`,
        },
    );
}

/** Lets EventBridge Scheduler invoke this one function. */
export function invokeFunctionPolicy(functionArn: string, sid = "InvokeCleanup"): PolicyDocument {
    return policyDocument({ Sid: sid, Effect: "Allow", Action: "lambda:InvokeFunction", Resource: functionArn });
}
