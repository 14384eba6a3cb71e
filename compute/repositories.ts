/**
 * ECR repositories `fivestar-internal-pe` and `fivestar-customer-portal` (§5.2.1): scan on push,
 * immutable tags (a tag is one image forever, so a rollback to a tag is exact), encrypted with the
 * general key, and a lifecycle policy that keeps a bounded number of images. The images are what a
 * rollback returns to: protected in prod and never force-deleted.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, ServiceName, SERVICES, StackScope } from "../config/names";
import { ecrLifecyclePolicy } from "./ecrLifecyclePolicy";

export interface ImageRepositoriesArgs extends Pick<StackScope, "protect"> {
    /** kms.generalKeyArn (§S1: the general key covers ECR). Changing it replaces the repositories. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** cfg.images.retainedImages */
    readonly retainedImages: number;
}

export class ImageRepositories extends pulumi.ComponentResource {
    /** `<account>.dkr.ecr.<region>.amazonaws.com/fivestar-<service>` */
    public readonly repositoryUrls: Record<ServiceName, pulumi.Output<string>>;
    /** For CI push permissions. */
    public readonly repositoryArns: Record<ServiceName, pulumi.Output<string>>;

    constructor(name: string, args: ImageRepositoriesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:ImageRepositories", name, {}, opts);
        const policy = JSON.stringify(ecrLifecyclePolicy(args.retainedImages));

        const repositories = Object.fromEntries(SERVICES.map((service) => {
            const repository = new aws.ecr.Repository(`${name}-${service}`, {
                name: names.ecrRepository(service),
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
                forceDelete: false,
            }, { parent: this, protect: args.protect });
            new aws.ecr.LifecyclePolicy(`${name}-${service}`, { repository: repository.name, policy }, { parent: this });
            return [service, repository];
        })) as Record<ServiceName, aws.ecr.Repository>;

        this.repositoryUrls = Object.fromEntries(SERVICES.map((s) => [s, repositories[s].repositoryUrl])) as Record<ServiceName, pulumi.Output<string>>;
        this.repositoryArns = Object.fromEntries(SERVICES.map((s) => [s, repositories[s].arn])) as Record<ServiceName, pulumi.Output<string>>;
        this.registerOutputs({ repositoryUrls: this.repositoryUrls, repositoryArns: this.repositoryArns });
    }
}
