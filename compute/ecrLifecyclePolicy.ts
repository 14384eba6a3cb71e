/**
 * ECR lifecycle policy: keep the newest N images of a repository, expire the rest. One rule over every
 * image (tagged or not), so the count is a hard bound; N comes from config and must cover every tag a
 * rollback may return to (tags are immutable, so an expired tag cannot come back).
 */
export interface EcrLifecyclePolicy {
    rules: {
        rulePriority: number;
        description: string;
        selection: { tagStatus: "any"; countType: "imageCountMoreThan"; countNumber: number };
        action: { type: "expire" };
    }[];
}

export function ecrLifecyclePolicy(retainedImages: number): EcrLifecyclePolicy {
    if (!Number.isInteger(retainedImages) || retainedImages < 1) throw new Error(`retainedImages must be a positive whole number, got ${retainedImages}`);
    return {
        rules: [{
            rulePriority: 1,
            description: `Keep the newest ${retainedImages} images; older ones expire`,
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: retainedImages },
            action: { type: "expire" },
        }],
    };
}
