/**
 * Values the committed stack files carry as placeholders until operators have the real ones: the
 * guide names no domain or certificate, and no image has been released yet. `pulumi preview` and the
 * offline plan accept them (so reviewers see the whole plan); `pulumi up` refuses them up front, naming
 * the keys, instead of failing half-way through on AWS (a listener without a certificate, a service
 * whose image does not exist). The alert addresses too (issue 13, fault 5): staging and prod also refuse
 * `up` with no subscriber at all; dev, and every preview, warn.
 */
import * as pulumi from "@pulumi/pulumi";
import { qualified } from "./keyHelpers";
import type { StackConfig } from "./index";
import { StackConfigError } from "./index";
import { previewRoleProblems } from "./previewRole";

/** The image tag a stack file holds before the first release. */
export const UNRELEASED_IMAGE_TAG = "unreleased";
/** The certificate id of the placeholder ACM ARN (all zeros). */
export const PLACEHOLDER_CERTIFICATE_ID = "00000000-0000-0000-0000-000000000000";
/** RFC 2606 reserves .example: no real portal lives there. */
const RESERVED_DOMAIN = /\.example$/;

export function placeholderProblems(cfg: StackConfig): string[] {
    const problems: string[] = [];
    const tagKeys = { "internal-pe": "internalPeImageTag", "customer-portal": "customerPortalImageTag" } as const;
    for (const [service, key] of Object.entries(tagKeys) as [keyof typeof tagKeys, string][]) {
        if (cfg.images.tags[service] === UNRELEASED_IMAGE_TAG) {
            problems.push(`${qualified(key)} = "${UNRELEASED_IMAGE_TAG}": set the released image tag of ${service} (for a release: pulumi config set ${key} <tag>)`);
        }
    }
    if (cfg.alb.certificateArn.endsWith(`/${PLACEHOLDER_CERTIFICATE_ID}`)) {
        problems.push(`${qualified("albCertificateArn")} is the placeholder certificate: set the ARN of the ACM certificate for the ALB's domain`);
    }
    const peHost = cfg.alb.internalPeHostname;
    if (peHost === undefined) {
        problems.push(`${qualified("internalPeHostname")} is not set: set the host name internal-pe is reached at (the certificate must cover it); §11 validation checks its /health there`);
    } else if (RESERVED_DOMAIN.test(peHost)) {
        problems.push(`${qualified("internalPeHostname")} = "${peHost}", a reserved example domain: set internal-pe's real host name`);
    }
    if (cfg.alb.routing.mode === "host") {
        for (const host of cfg.alb.routing.portalHostnames.filter((h) => RESERVED_DOMAIN.test(h))) {
            problems.push(`${qualified("customerPortalHostnames")} contains "${host}", a reserved example domain: set the portal's real host name`);
        }
    }
    for (const email of cfg.monitoring.alertEmails.filter((e) => RESERVED_DOMAIN.test(e.split("@")[1] ?? ""))) {
        problems.push(`${qualified("alertEmails")} contains "${email}", a reserved example domain: set the addresses that get the alarms and budget alerts ` +
            "(pulumi config set --path 'alertEmails[0]' oncall@<your-domain>)");
    }
    return problems;
}

/** Environments whose alarms and budget alerts must reach someone before `pulumi up` may run (issue 13, fault 5). */
export const SUBSCRIBERS_REQUIRED: readonly string[] = ["staging", "prod"];

/** No subscriber on the alert topic: every §12.2.1 alarm and budget alert would reach nobody. */
export function missingSubscriber(cfg: StackConfig): string | undefined {
    if (cfg.monitoring.alertEmails.length > 0) return undefined;
    return `${qualified("alertEmails")} is empty: the alert topic has no subscriber, so alarms and budget alerts reach nobody; ` +
        "set at least one address (pulumi config set --path 'alertEmails[0]' oncall@<your-domain>)";
}

/** Throws before any resource is registered when a real deployment would use a placeholder or the preview role. */
export function assertDeployable(cfg: StackConfig, isPreview: boolean, warn: (message: string) => void = (m) => pulumi.log.warn(m)): void {
    const noSubscriber = missingSubscriber(cfg);
    const subscriberRequired = SUBSCRIBERS_REQUIRED.includes(cfg.environment);
    if (noSubscriber && (isPreview || !subscriberRequired)) warn(noSubscriber);
    if (isPreview) return;
    const roleProblems = previewRoleProblems(cfg, isPreview);
    const problems = [...placeholderProblems(cfg), ...(noSubscriber && subscriberRequired ? [noSubscriber] : [])];
    if (roleProblems.length + problems.length === 0) return;
    throw new StackConfigError([
        ...(roleProblems.length > 0 ? ["`pulumi up` refused: the provider would assume the preview role", ...roleProblems] : []),
        ...(problems.length > 0 ? ["`pulumi up` refused: the stack file still holds placeholders", ...problems] : []),
    ]);
}
