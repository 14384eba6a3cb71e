/**
 * Names as the provider makes them. Under mocks nothing is auto-named, so a name that AWS will refuse
 * only shows up at the first real `pulumi preview`/`up`. This check computes, for every resource the
 * program does not name, the provider's auto-name (`<logical name>-` + 7 random characters) and
 * compares it, and every name the program does give, with the limits in namingRules.ts.
 */
import { type EvaluatedStack, type RegisteredResource, UNKNOWN_INPUT } from "../../../lib/planRecord";
import { NAMING_RULES, NAMING_RULES_FILE, NamingRule } from "./namingRules";

export interface PlanFinding {
    readonly check: string;
    readonly type: string;
    readonly name: string;
    readonly message: string;
}

export const AUTO_NAMING_CHECK = "auto-naming";

/** Providers and components are not cloud resources: nothing to name. */
export function isCloudResource(r: RegisteredResource): boolean {
    return r.custom && !r.type.startsWith("pulumi:providers:");
}

/** The name the provider would generate, with `x` for the random characters. */
export function providerAutoName(logicalName: string, rule: NonNullable<Extract<NamingRule, { kind: "named" }>["autoName"]>): string {
    return `${rule.fixedPrefix ?? ""}${logicalName}${rule.separator}${"x".repeat(rule.randomLength)}`;
}

export function checkAutoNaming(plan: Pick<EvaluatedStack, "resources">, rules: Readonly<Record<string, NamingRule>> = NAMING_RULES): PlanFinding[] {
    const findings: PlanFinding[] = [];
    const missingTypes = new Set<string>();
    for (const r of plan.resources.filter(isCloudResource)) {
        const finding = (message: string) => findings.push({ check: AUTO_NAMING_CHECK, type: r.type, name: r.name, message });
        const rule = rules[r.type];
        if (!rule) {
            if (!missingTypes.has(r.type)) {
                missingTypes.add(r.type);
                finding(`no naming rule for type ${r.type} (first: "${r.name}"): add an entry to ${NAMING_RULES_FILE} with the input that ` +
                    "names it, the provider's auto-name maximum and the AWS limit, each with its source (or unnamed(...) if it has no name)");
            }
            continue;
        }
        if (rule.kind === "unnamed") continue;

        const given = r.inputs[rule.property];
        const prefix = rule.prefix ? r.inputs[rule.prefix.property] : undefined;
        if (typeof given === "string" && given !== UNKNOWN_INPUT) {
            if (given.length > rule.awsMaxLength) {
                finding(`${rule.property} "${given}" is ${given.length} characters; AWS allows ${rule.awsMaxLength} (${rule.awsSource})`);
            }
        } else if (given !== undefined) {
            // Unknown until another resource exists: nothing to check offline.
        } else if (rule.prefix && typeof prefix === "string" && prefix !== UNKNOWN_INPUT) {
            if (prefix.length > rule.prefix.maxLength) {
                finding(`${rule.prefix.property} "${prefix}" is ${prefix.length} characters; at most ${rule.prefix.maxLength} (${rule.prefix.source})`);
            }
        } else if (rule.prefix && prefix !== undefined) {
            // An unknown prefix: nothing to check offline.
        } else if (rule.autoName === null) {
            finding(`no ${rule.property}: the provider does not auto-name ${r.type}, the program must set it`);
        } else {
            const generated = providerAutoName(r.name, rule.autoName);
            const limit = Math.min(rule.autoName.maxLength + (rule.autoName.fixedPrefix?.length ?? 0), rule.awsMaxLength);
            if (generated.length > limit) {
                const why = limit === rule.awsMaxLength ? `AWS allows ${limit} (${rule.awsSource})` : `the provider allows ${limit} (${rule.autoName.source})`;
                finding(`unnamed, so the provider names it "${generated}" (${generated.length} characters, x = random); ${why}: ` +
                    `give it a shorter logical name (with an alias), a ${rule.property}${rule.prefix ? ` or a ${rule.prefix.property}` : ""}`);
            }
        }
    }
    return findings;
}

export function renderFindings(findings: readonly PlanFinding[]): string {
    return findings.map((f) => `  [${f.check}] ${f.type} "${f.name}": ${f.message}`).join("\n");
}
