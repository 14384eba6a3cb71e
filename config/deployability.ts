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
const SET_FIRST_ALERT_EMAIL = "pulumi config set --path 'alertEmails[0]' oncall@<your-domain>";

/** A placeholder in a stack file: what is wrong, and the command (without `--stack`) that sets the real value. */
export interface Placeholder {
    readonly message: string;
    readonly setCommand: string;
}

export function placeholders(cfg: StackConfig): Placeholder[] {
    const found: Placeholder[] = [];
    const tagKeys = { "internal-pe": "internalPeImageTag", "customer-portal": "customerPortalImageTag" } as const;
    for (const [service, key] of Object.entries(tagKeys) as [keyof typeof tagKeys, string][]) {
        if (cfg.images.tags[service] === UNRELEASED_IMAGE_TAG) {
            found.push({
                message: `${qualified(key)} = "${UNRELEASED_IMAGE_TAG}": set the released image tag of ${service} (for a release: pulumi config set ${key} <tag>)`,
                setCommand: `pulumi config set ${key} <released tag>`,
            });
        }
    }
    if (cfg.alb.certificateArn.endsWith(`/${PLACEHOLDER_CERTIFICATE_ID}`)) {
        found.push({
            message: `${qualified("albCertificateArn")} is the placeholder certificate: set the ARN of the ACM certificate for the ALB's domain`,
            setCommand: `pulumi config set albCertificateArn arn:aws:acm:${cfg.account.region}:${cfg.account.id}:certificate/<id>`,
        });
    }
    const peHost = cfg.alb.internalPeHostname;
    const setPeHost = "pulumi config set internalPeHostname <internal-pe host name>";
    if (peHost === undefined) {
        found.push({
            message: `${qualified("internalPeHostname")} is not set: set the host name internal-pe is reached at (the certificate must cover it); §11 validation checks its /health there`,
            setCommand: setPeHost,
        });
    } else if (RESERVED_DOMAIN.test(peHost)) {
        found.push({ message: `${qualified("internalPeHostname")} = "${peHost}", a reserved example domain: set internal-pe's real host name`, setCommand: setPeHost });
    }
    if (cfg.alb.routing.mode === "host") {
        cfg.alb.routing.portalHostnames.forEach((host, index) => {
            if (!RESERVED_DOMAIN.test(host)) return;
            found.push({
                message: `${qualified("customerPortalHostnames")} contains "${host}", a reserved example domain: set the portal's real host name`,
                setCommand: `pulumi config set --path 'customerPortalHostnames[${index}]' <portal host name>`,
            });
        });
    }
    cfg.monitoring.alertEmails.forEach((email, index) => {
        if (!RESERVED_DOMAIN.test(email.split("@")[1] ?? "")) return;
        const setCommand = `pulumi config set --path 'alertEmails[${index}]' oncall@<your-domain>`;
        found.push({
            message: `${qualified("alertEmails")} contains "${email}", a reserved example domain: set the addresses that get the alarms and budget alerts (${SET_FIRST_ALERT_EMAIL})`,
            setCommand,
        });
    });
    return found;
}

/** The placeholders' messages, as `pulumi up` reports them. */
export function placeholderProblems(cfg: StackConfig): string[] {
    return placeholders(cfg).map((p) => p.message);
}

/** Environments whose alarms and budget alerts must reach someone before `pulumi up` may run (issue 13, fault 5). */
export const SUBSCRIBERS_REQUIRED: readonly string[] = ["staging", "prod"];

/** No subscriber on the alert topic: every §12.2.1 alarm and budget alert would reach nobody. */
export function missingSubscriber(cfg: StackConfig): string | undefined {
    if (cfg.monitoring.alertEmails.length > 0) return undefined;
    return `${qualified("alertEmails")} is empty: the alert topic has no subscriber, so alarms and budget alerts reach nobody; ` +
        `set at least one address (${SET_FIRST_ALERT_EMAIL})`;
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
