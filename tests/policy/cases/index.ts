import type { CaseTable } from "../support/cases";
import { accountGuardrailCases } from "./accountGuardrails";
import { cloudwatchCases } from "./cloudwatch";
import { dynamodbCases } from "./dynamodb";
import { ec2Cases } from "./ec2";
import { ecsCases } from "./ecs";
import { elbCases } from "./elb";
import { iamCases } from "./iam";
import { kmsCases } from "./kms";
import { rdsCases } from "./rds";
import { s3Cases } from "./s3";
import { secretsCases } from "./secrets";

/** Passing and failing fixtures of every rule, by rule name. */
export const CASES: CaseTable = {
    ...rdsCases,
    ...ec2Cases,
    ...ecsCases,
    ...elbCases,
    ...kmsCases,
    ...accountGuardrailCases,
    ...dynamodbCases,
    ...iamCases,
    ...cloudwatchCases,
    ...secretsCases,
    ...s3Cases,
};
