/**
 * Trust and permission policies of the PreviewRole: the read-only role a pull request's
 * `pulumi preview` runs under (issue 14), as pure functions.
 *
 * Who: only GitHub Actions' OIDC principal (token.actions.githubusercontent.com) for this one
 * repository (aud = sts.amazonaws.com), with one of two subjects: its pull-request runs
 * (repo:<owner>/<repo>:pull_request) and deploy.yml's prod preview before the approval gate, which
 * runs on main in the environment `preview` (repo:<owner>/<repo>:environment:preview); and sessions
 * of the PreviewRole itself: the preview job gets a PreviewRole session from OIDC and
 * the program's provider then assumes the role named by `previewRoleName` (config/previewRole.ts),
 * so the provider never holds more than this role even if the job had other credentials. A role
 * may assume itself only when its trust policy says so explicitly
 * (https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/);
 * it is written as the account root with `aws:PrincipalArn` = the role, because IAM refuses a trust
 * policy naming a role that does not exist yet (the role's own ARN at CreateRole).
 *
 * What: a refresh-less `pulumi preview` reads nothing from AWS beyond the provider's STS calls
 * (the program has no data-source invokes); the reads below let a reviewer also `--refresh` against
 * metadata. Metadata only: Describe/Get/List of the services the program deploys, never a value or
 * data: no secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, s3:GetObject/ListBucket,
 * log events, DynamoDB items, Lambda code, ECR image layers, X-Ray traces, WAF sampled requests,
 * CloudTrail event lookups. tests/security/previewRole.test.ts checks every action against the
 * DeploymentRole's (a subset of its services and actions, and no write).
 */
import { denyOutsideRegions } from "./crossAccountPolicies";
import { accountRoot, PolicyDocument, policyDocument } from "../lib/iamDocuments";
import type { StackScope } from "../config/names";

/** The GitHub Actions OIDC issuer (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services). */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** The GitHub environment of deploy.yml's read-only prod preview before the approval gate. */
export const PREVIEW_ENVIRONMENT = "preview";
/**
 * The OIDC subjects that may preview, in GitHub's default sub claim format
 * (https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims): pull_request
 * runs of `repository` ("owner/name") and jobs in its `preview` environment.
 */
export const previewSubjects = (repository: string) => [`repo:${repository}:pull_request`, `repo:${repository}:environment:${PREVIEW_ENVIRONMENT}`];
export const githubOidcProviderArn = (accountId: string) => `arn:aws:iam::${accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;

export interface PreviewTrust extends Pick<StackScope, "accountId"> {
    /** The GitHub repository ("owner/name") whose pull requests may preview. */
    readonly githubRepository: string;
    readonly previewRoleName: string;
}

export function previewTrustPolicy(t: PreviewTrust): PolicyDocument {
    return policyDocument(
        {
            Sid: "GitHubPreviewsOfThisRepository",
            Effect: "Allow",
            Principal: { Federated: githubOidcProviderArn(t.accountId) },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: previewSubjects(t.githubRepository) },
            },
        },
        {
            Sid: "ItsOwnSessionsForTheProvider",
            Effect: "Allow",
            Principal: { AWS: accountRoot(t.accountId) },
            Action: "sts:AssumeRole",
            Condition: { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${t.accountId}:role/${t.previewRoleName}` } },
        },
    );
}

/**
 * Read actions per service, metadata only (see the header for what is left out and why). Every
 * service here is one the DeploymentRole deploys; every action is a Describe/Get/List/View.
 */
export const PREVIEW_READ_ACTIONS: readonly string[] = [
    "ec2:Describe*",
    "elasticloadbalancing:Describe*",
    "acm:DescribeCertificate", "acm:ListCertificates", "acm:ListTagsForCertificate",
    "ecs:Describe*", "ecs:List*",
    "application-autoscaling:Describe*", "application-autoscaling:ListTagsForResource",
    "lambda:GetFunctionConfiguration", "lambda:GetPolicy", "lambda:GetFunctionCodeSigningConfig", "lambda:ListVersionsByFunction", "lambda:ListTags",
    "lambda:ListFunctions",
    "rds:Describe*", "rds:ListTagsForResource",
    "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive", "dynamodb:DescribeKinesisStreamingDestination",
    "dynamodb:ListTables", "dynamodb:ListTagsOfResource", "dynamodb:GetResourcePolicy",
    "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListKeys", "kms:ListResourceTags",
    "logs:DescribeLogGroups", "logs:DescribeMetricFilters", "logs:DescribeSubscriptionFilters", "logs:ListTagsForResource", "logs:ListTagsLogGroup",
    "cloudwatch:Describe*", "cloudwatch:GetDashboard", "cloudwatch:ListDashboards", "cloudwatch:ListTagsForResource",
    "sns:GetTopicAttributes", "sns:GetSubscriptionAttributes", "sns:ListTopics", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource",
    "events:Describe*", "events:List*",
    "budgets:ViewBudget", "budgets:ListTagsForResource",
    "guardduty:GetDetector", "guardduty:ListDetectors", "guardduty:ListTagsForResource",
    "config:Describe*", "config:ListTagsForResource",
    "cloudtrail:DescribeTrails", "cloudtrail:GetTrail", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors", "cloudtrail:GetInsightSelectors",
    "cloudtrail:ListTags",
    "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:GetLoggingConfiguration", "wafv2:ListWebACLs", "wafv2:ListResourcesForWebACL",
    "wafv2:ListTagsForResource",
    "xray:GetEncryptionConfig", "xray:GetGroup", "xray:GetGroups", "xray:GetSamplingRules", "xray:ListTagsForResource",
    "s3:GetBucket*", "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration", "s3:ListAllMyBuckets",
    "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:ListSecrets", "secretsmanager:ListSecretVersionIds",
    "ssm:DescribeParameters", "ssm:ListTagsForResource",
    "ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy", "ecr:ListTagsForResource",
];

/** IAM reads of the program's roles and of the AWS managed policies it attaches. */
export const PREVIEW_IAM_READ_ACTIONS: readonly string[] = [
    "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags", "iam:ListInstanceProfilesForRole",
    "iam:GetPolicy", "iam:GetPolicyVersion",
];

export interface PreviewPermissions extends Pick<StackScope, "accountId" | "region"> {
    readonly additionalRegions: readonly string[];
    readonly previewRoleName: string;
}

export function previewRolePolicy(p: PreviewPermissions): PolicyDocument {
    return policyDocument(
        { Sid: "ReadMetadata", Effect: "Allow", Action: [...PREVIEW_READ_ACTIONS], Resource: "*" },
        {
            Sid: "ReadProgramRoles",
            Effect: "Allow",
            Action: [...PREVIEW_IAM_READ_ACTIONS],
            Resource: [`arn:aws:iam::${p.accountId}:role/*`, "arn:aws:iam::aws:policy/*"],
        },
        // The provider assumes the role named by previewRoleName from the job's PreviewRole session.
        { Sid: "AssumeItselfForTheProvider", Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${p.accountId}:role/${p.previewRoleName}` },
        denyOutsideRegions([p.region, ...p.additionalRegions]),
    );
}
