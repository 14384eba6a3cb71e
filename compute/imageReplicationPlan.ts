/**
 * ECR registry replication to the recovery region (issue 17), as pure data: which repositories are
 * copied where, and what the role ECR uses to create the copies there may do.
 */
import { Environment } from "../config/names";
import { PolicyDocument, policyDocument } from "../lib/iamDocuments";

/** Every repository of this program is named `fivestar-<service>` (names.ecrRepository). */
export const REPOSITORY_PREFIX = "fivestar-";

/**
 * A repository creation template's prefix is a namespace: AWS appends "/" to it ("a prefix of prod
 * applies to prod/..."; API reference, CreateRepositoryCreationTemplate `prefix`), so "fivestar-" would
 * not match `fivestar-internal-pe`. ROOT applies to every repository ECR creates in that registry with no
 * more specific template; with `appliedFor` REPLICATION and the rule's PREFIX_MATCH filter, that is only
 * our replicated repositories.
 */
export const TEMPLATE_PREFIX = "ROOT";

/** The registry's one replication rule: our repositories, same account, to the recovery region. */
export function replicationRules(accountId: string, region: string) {
    return [{
        destinations: [{ region, registryId: accountId }],
        repositoryFilters: [{ filter: REPOSITORY_PREFIX, filterType: "PREFIX_MATCH" }],
    }];
}

/** The role ECR assumes to create a replicated repository from the template: account-wide, so it names the region it serves. */
export const templateRoleName = (env: Environment, region: string) => `${env}-fivestar-ecr-replication-${region}`;

/**
 * What ECR does with the template's role (User Guide, "Create a custom policy for repository creation
 * templates": ecr:CreateRepository, ecr:ReplicateImage, ecr:TagResource and kms:CreateGrant,
 * kms:RetireGrant, kms:DescribeKey), narrowed to our repositories in the recovery region and its key.
 * A template that sets a KMS key or tags needs this role; without one ECR cannot use the key.
 */
export function templateRolePolicy(accountId: string, region: string, kmsKeyArn: string): PolicyDocument {
    return policyDocument(
        {
            Sid: "CreateReplicatedRepositories",
            Effect: "Allow",
            Action: ["ecr:CreateRepository", "ecr:ReplicateImage", "ecr:TagResource"],
            Resource: `arn:aws:ecr:${region}:${accountId}:repository/${REPOSITORY_PREFIX}*`,
        },
        {
            Sid: "EncryptWithTheReplicaKey",
            Effect: "Allow",
            Action: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"],
            Resource: kmsKeyArn,
        },
    );
}

/**
 * The template role's trust: the ECR service principal, as the User Guide's "Create an IAM role for
 * repository creation templates" gives it. No aws:SourceAccount condition: that page does not say ECR
 * sends it, and a condition it does not send would stop replication silently; only principals of this
 * account can pass the role to a template (iam:PassRole), so another account cannot make ECR use it.
 */
export function templateRoleTrust(): PolicyDocument {
    return policyDocument({ Effect: "Allow", Principal: { Service: "ecr.amazonaws.com" }, Action: "sts:AssumeRole" });
}
