/**
 * The end of the offline plan: one summary line, then the placeholders the stack file still holds
 * (config/deployability.ts: `pulumi preview` accepts them, `pulumi up` refuses them), each with the
 * command that sets the real value.
 */
import type { StackConfig } from "../../config";
import { placeholders } from "../../config/deployability";
import { stackConfigOf } from "../cost";
import type { EvaluatedStack } from "../../lib/planRecord";
import { wrap } from "./fit";

/** The placeholder warnings of a stack's config, each with its command, wrapped to `width`. */
export function placeholderWarnings(stack: string, cfg: StackConfig, width: number): string[] {
    return placeholders(cfg).map(({ message, setCommand }) => [...wrap(`  ! ${message}`, width, "    "), `      ${setCommand} --stack ${stack}`].join("\n"));
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
