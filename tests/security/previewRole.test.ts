/**
 * The PreviewRole (issue 14): trusted only by this repository's pull-request runs through GitHub
 * OIDC, and read-only: every right it has is a metadata read the DeploymentRole also has, on a
 * service the DeploymentRole deploys, and none reads a secret or data.
 */
import { expect } from "chai";
import { deploymentRolePolicy } from "../../security/crossAccountPolicies";
import { PolicyDocument, PolicyStatement } from "../../lib/iamDocuments";
import { previewRolePolicy, previewTrustPolicy } from "../../security/previewRolePolicies";
import { wildcardMatch } from "../../tools/iam/evaluator";

const PROD = "123456789014";
const REPOSITORY = "test-org/test-repo";
const REGIONS = { region: "ap-south-1", additionalRegions: ["ap-south-2"] };
const deploy = deploymentRolePolicy({
    accountId: PROD, ...REGIONS, lockGuardrails: true,
    bootstrapRoleArns: ["DeploymentRole", "MonitoringRole", "PreviewRole"].map((r) => `arn:aws:iam::${PROD}:role/${r}`),
});
const preview = previewRolePolicy({ accountId: PROD, ...REGIONS, previewRoleName: "PreviewRole" });

/** Reads that return a value or data, not metadata: never granted to a preview. */
const DATA_READS = [
    "secretsmanager:GetSecretValue", "secretsmanager:GetRandomPassword", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
    "ssm:GetParameterHistory", "kms:Decrypt", "kms:GenerateDataKey", "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "logs:GetLogEvents",
    "logs:FilterLogEvents", "logs:StartQuery", "logs:GetQueryResults", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
    "lambda:GetFunction", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:GetAuthorizationToken", "xray:BatchGetTraces", "xray:GetTraceSummaries",
    "wafv2:GetSampledRequests", "cloudtrail:LookupEvents", "rds:DownloadDBLogFilePortion", "ec2:GetPasswordData",
];
const READ_VERB = /^[a-z0-9-]+:(Describe|Get|List|View)[A-Za-z]*\*?$/;
/** The sts:AssumeRole a PreviewRole session needs on the role itself, so the provider can assume it. */
const SELF_ASSUME = "AssumeItselfForTheProvider";

const actionsOf = (s: PolicyStatement) => [s.Action].flat();
/** IAM action patterns match case-insensitively. */
const matches = (pattern: string, action: string) => wildcardMatch(pattern, action, true);
const serviceOf = (action: string) => action.split(":")[0];

/** Every way `candidate` grants more than a read-only subset of `deployer`; [] when it is one. */
function previewRightsProblems(candidate: PolicyDocument, deployer: PolicyDocument, roleArn: string): string[] {
    const problems: string[] = [];
    const deployAllows = deployer.Statement.filter((s) => s.Effect === "Allow").flatMap(actionsOf);
    const deployServices = new Set(deployAllows.map(serviceOf));
    for (const s of candidate.Statement.filter((st) => st.Effect === "Allow")) {
        if (!("Action" in s) || (s as { NotAction?: unknown }).NotAction !== undefined) problems.push(`${s.Sid}: NotAction`);
        if (s.Sid === SELF_ASSUME) {
            if (JSON.stringify([actionsOf(s), s.Resource]) !== JSON.stringify([["sts:AssumeRole"], roleArn])) problems.push(`${s.Sid}: more than sts:AssumeRole on itself`);
            continue;
        }
        for (const action of actionsOf(s)) {
            if (!READ_VERB.test(action)) problems.push(`${action}: not a Describe/Get/List/View action`);
            for (const data of DATA_READS.filter((d) => matches(action, d))) problems.push(`${action}: reads data (${data})`);
            if (!deployServices.has(serviceOf(action))) problems.push(`${action}: a service the DeploymentRole does not deploy`);
            else if (!deployAllows.some((d) => matches(d, action))) problems.push(`${action}: not granted to the DeploymentRole either`);
        }
    }
    return problems;
}

describe("PreviewRole trust (issue 14: pull requests and the prod preview of this repository, through GitHub OIDC, only)", () => {
    const trust = previewTrustPolicy({ accountId: PROD, githubRepository: REPOSITORY, previewRoleName: "PreviewRole" });

    it("trusts GitHub's OIDC provider of the account for the exact pull_request and environment:preview subjects and the STS audience (no wildcard); otherwise only its own sessions (the provider re-assumes it), no session tags", () => {
        expect(trust.Statement).to.deep.equal([{
            Sid: "GitHubPreviewsOfThisRepository",
            Effect: "Allow",
            Principal: { Federated: `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com` },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": ["repo:test-org/test-repo:pull_request", "repo:test-org/test-repo:environment:preview"] } },
        }, {
            Sid: "ItsOwnSessionsForTheProvider", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: "sts:AssumeRole",
            Condition: { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${PROD}:role/PreviewRole` } },
        }]);
    });
});

describe("PreviewRole permissions against the DeploymentRole's (issue 14: read-only)", () => {
    const roleArn = `arn:aws:iam::${PROD}:role/PreviewRole`;

    it("every right is a metadata read, on a service the DeploymentRole deploys, that the DeploymentRole also has; no write, no data read; every region but the stack's denied, like the DeploymentRole's", () => {
        expect(previewRightsProblems(preview, deploy, roleArn)).to.deep.equal([]);
        // It is denied every region but the stack's, like the DeploymentRole.
        const deny = (doc: PolicyDocument) => doc.Statement.find((s) => s.Sid === "DenyOutsideRegion");
        expect(deny(preview)).to.deep.equal(deny(deploy));
    });

    it("the check catches a write, a data read, a wildcard over secrets, a foreign service, more than the deployer has, and a wider self-assume", () => {
        const broken: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [
                ...preview.Statement.filter((s) => s.Sid !== SELF_ASSUME),
                { Sid: "Broken", Effect: "Allow", Action: ["s3:PutObject", "ssm:GetParameter", "secretsmanager:Get*", "organizations:ListAccounts", "iam:ListUsers"], Resource: "*" },
                { Sid: SELF_ASSUME, Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" },
            ],
        };
        expect(previewRightsProblems(broken, deploy, roleArn)).to.deep.equal([
            "s3:PutObject: not a Describe/Get/List/View action",
            "ssm:GetParameter: reads data (ssm:GetParameter)",
            "secretsmanager:Get*: reads data (secretsmanager:GetSecretValue)",
            "secretsmanager:Get*: reads data (secretsmanager:GetRandomPassword)",
            "organizations:ListAccounts: a service the DeploymentRole does not deploy",
            "iam:ListUsers: not granted to the DeploymentRole either",
            `${SELF_ASSUME}: more than sts:AssumeRole on itself`,
        ]);
    });
});
