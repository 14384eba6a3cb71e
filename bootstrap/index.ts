/**
 * Bootstrap of one account's cross-account roles (§2.3.1); see bootstrap/README.md.
 */
import { loadBootstrapConfig } from "./config";
import { bootstrapProgram } from "./program";

const roles = bootstrapProgram(loadBootstrapConfig());

export const deploymentRoleArn = roles.deploymentRoleArn;
export const monitoringRoleArn = roles.monitoringRoleArn;
export const previewRoleArn = roles.previewRoleArn;
