/**
 * The floor of `npm run bench`: the smallest real Pulumi program (one AWS resource through an
 * explicit provider), typechecked with the project's compiler options. Every figure the bench prints
 * is divided by this program's typecheck, so the ratios hold on a faster or a busier machine.
 */
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("floor", { region: "ap-south-1" });
const bucket = new aws.s3.Bucket("floor", {}, { provider });

export const bucketName = bucket.bucket;
