/**
 * The end of the offline plan: one summary line, then the placeholders the stack file still holds
 * (config/deployability.ts: `pulumi preview` accepts them, `pulumi up` refuses them), each with the
 * command that sets the real value.
 */
import { PROJECT_NAME, StackConfig } from "../../config";
import { placeholderProblems } from "../../config/deployability";
import { stackConfigOf } from "../cost";
import type { EvaluatedStack } from "./evaluate";
import { wrap } from "./fit";

/** How to set each key that can hold a placeholder (the value in <> is the operator's). */
export function setCommand(key: string, stack: string, cfg: StackConfig, problem: string): string | undefined {
    const on = `--stack ${stack}`;
    switch (key) {
        case "internalPeImageTag":
        case "customerPortalImageTag":
            return `pulumi config set ${key} <released tag> ${on}`;
        case "albCertificateArn":
            return `pulumi config set ${key} arn:aws:acm:${cfg.account.region}:${cfg.account.id}:certificate/<id> ${on}`;
        case "internalPeHostname":
            return `pulumi config set ${key} <internal-pe host name> ${on}`;
        case "alertEmails":
            return `pulumi config set --path '${key}[0]' oncall@<your-domain> ${on}`;
        case "customerPortalHostnames": {
            const host = /"([^"]+)"/.exec(problem)?.[1];
            const hosts = cfg.alb.routing.mode === "host" ? cfg.alb.routing.portalHostnames : [];
            const index = Math.max(0, host ? hosts.indexOf(host) : 0);
            return `pulumi config set --path '${key}[${index}]' <portal host name> ${on}`;
        }
        default:
            return undefined;
    }
}

/** The placeholder warnings of a stack's config, each with its command, wrapped to `width`. */
export function placeholderWarnings(stack: string, cfg: StackConfig, width: number): string[] {
    return placeholderProblems(cfg).map((problem) => {
        const key = new RegExp(`^${PROJECT_NAME}:(\\w+)`).exec(problem)?.[1] ?? "";
        const command = setCommand(key, stack, cfg, problem) ?? `(no set command known for "${key}": see config/keys/)`;
        return [...wrap(`  ! ${problem}`, width, "    "), `      ${command}`].join("\n");
    });
}

export function summaryOf(plan: EvaluatedStack): string {
    const custom = plan.resources.filter((r) => r.custom);
    const components = plan.resources.length - custom.length;
    const protectedCount = custom.filter((r) => r.protect).length;
    return `Resources: ${plan.resources.length} to create (${custom.length} cloud resources in ${components} components, ${protectedCount} protected)`;
}

export function planFooter(plan: EvaluatedStack, dir: string, overrides: Record<string, string>, width: number): string {
    const warnings = placeholderWarnings(plan.stack, stackConfigOf(plan.stack, dir, overrides), width);
    const lines = [summaryOf(plan)];
    if (warnings.length) lines.push(`Warnings: ${warnings.length} placeholder value(s) that \`pulumi up\` will refuse; set them first:`, ...warnings);
    return lines.join("\n");
}
