/**
 * Fivestar Payments Engine infrastructure: one program, three stacks (dev, staging, prod), each in
 * its own AWS account. This file only wires components together and exports the stack outputs;
 * every decision lives in config/ (what) and the component folders (how).
 */
import * as aws from "@pulumi/aws";
import { loadStackConfig } from "./config";
import { deploymentProviderArgs } from "./config/provider";
import { Network } from "./network/network";

// Validate all config before the first resource is registered.
const cfg = loadStackConfig();

const provider = new aws.Provider("deployment-account", deploymentProviderArgs(cfg));
const inAccount = { providers: { aws: provider } };

const network = new Network("network", {
    environment: cfg.environment,
    accountId: cfg.account.id,
    region: cfg.account.region,
    vpcCidr: cfg.network.vpcCidr,
    subnetPlan: cfg.network.subnetPlan,
    natGatewayPerAz: cfg.network.natGatewayPerAz,
    flowLogs: { retentionDays: cfg.monitoring.logRetentionDays },
}, inAccount);

export const environment = cfg.environment;
export const accountId = cfg.account.id;
export const region = cfg.account.region;
export const vpcId = network.vpcId;
export const publicSubnetIds = network.publicSubnetIds;
export const appSubnetIds = network.appSubnetIds;
export const dbSubnetIds = network.dbSubnetIds;
export const dbSubnetGroupName = network.dbSubnetGroupName;
