/**
 * The post-deployment checks of §11, as data: which checks exist, which module each needs deployed,
 * and which stack outputs each reads. The checks themselves are in ecs.ts, rds.ts and health.ts.
 */
import type { HealthRoute } from "../../config/albRouting";
import { SERVICES } from "../../config/names";
import { PHASE_MODULES, PhaseModule } from "../phases";

export const CHECK_NAMES = ["rds", "ecs", "health"] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** The module whose deployment makes a check meaningful (its phase is the first one it runs after). */
export const CHECK_MODULE: Readonly<Record<CheckName, PhaseModule>> = Object.freeze({ rds: "data", ecs: "compute", health: "compute" });

/** The checks whose module is in `deployed`, in a fixed order. */
export function checksFor(deployed: ReadonlySet<PhaseModule>): CheckName[] {
    return CHECK_NAMES.filter((c) => deployed.has(CHECK_MODULE[c]));
}

/** Every check: what `validate <stack>` runs. */
export const ALL_CHECKS: readonly CheckName[] = checksFor(new Set(PHASE_MODULES));

export interface CheckRow {
    /** "ECS service", "RDS instance", "health". */
    readonly check: string;
    /** What was checked: a service name, an instance identifier, a URL. */
    readonly target: string;
    readonly ok: boolean;
    /** What was seen: "running 3/3", "available", "HTTP 200 in 45 ms", or why it failed. */
    readonly detail: string;
}

/** The stack outputs the checks read (exported by index.ts). */
export interface ValidationOutputs {
    readonly clusterName?: string;
    /** Service key ("internal-pe") → ECS service name. */
    readonly serviceNames?: Readonly<Record<string, string>>;
    readonly dbInstanceIdentifier?: string;
    readonly dbReplicaIdentifiers?: readonly string[];
    readonly albDnsName?: string;
    /** Where each service's health is checked through the ALB (config/albRouting.ts). */
    readonly healthRoutes?: readonly HealthRoute[];
    /** A recovery stack's mode (issue 17): "standby" runs 0 tasks by design. */
    readonly drMode?: "standby" | "active";
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isHealthRoute = (v: unknown): v is HealthRoute => {
    const r = v as Partial<HealthRoute> | null;
    return typeof r === "object" && r !== null && SERVICES.includes(r.service as never) && isString(r.host) && isString(r.path) && r.path.startsWith("/");
};

/** Pure: picks the outputs the checks need, ignoring any of the wrong shape (they read as missing). */
export function validationOutputs(outputs: Readonly<Record<string, unknown>>): ValidationOutputs {
    const serviceNames = outputs.serviceNames;
    const replicas = outputs.dbReplicaIdentifiers;
    const routes = outputs.healthRoutes;
    return {
        clusterName: isString(outputs.clusterName) ? outputs.clusterName : undefined,
        serviceNames: serviceNames && typeof serviceNames === "object" && !Array.isArray(serviceNames) && Object.values(serviceNames).every(isString)
            ? (serviceNames as Record<string, string>) : undefined,
        dbInstanceIdentifier: isString(outputs.dbInstanceIdentifier) ? outputs.dbInstanceIdentifier : undefined,
        dbReplicaIdentifiers: Array.isArray(replicas) && replicas.every(isString) ? replicas : undefined,
        albDnsName: isString(outputs.albDnsName) ? outputs.albDnsName : undefined,
        healthRoutes: Array.isArray(routes) && routes.every(isHealthRoute) ? routes : undefined,
        drMode: outputs.drMode === "standby" || outputs.drMode === "active" ? outputs.drMode : undefined,
    };
}

/** A failed row for a check that cannot run because its stack output is missing. */
export function missingOutput(check: string, output: string): CheckRow {
    return { check, target: `stack output ${output}`, ok: false, detail: "missing (not exported, or not deployed yet)" };
}

/** The §11 table: one row per check, a status column, and a final verdict line. */
export function renderTable(rows: readonly CheckRow[]): string {
    const header = ["CHECK", "TARGET", "STATUS", "DETAIL"];
    const cells = rows.map((r) => [r.check, r.target, r.ok ? "PASS" : "FAIL", r.detail]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join("  ");
    const failed = rows.filter((r) => !r.ok).length;
    const verdict = rows.length === 0 ? "no checks ran" : failed === 0 ? `all ${rows.length} checks passed` : `${failed} of ${rows.length} checks FAILED`;
    return [line(header), ...cells.map(line), verdict].join("\n");
}
