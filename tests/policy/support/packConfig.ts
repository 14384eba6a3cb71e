/** The committed per-stack pack configs (policy/config/<stack>.json), as the CLI reads them. */
import * as fs from "fs";
import * as path from "path";
import type { PackConfig } from "./engine";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..", "..");
export const POLICY_DIR = path.join(PROJECT_DIR, "policy");

export function packConfigPath(stack: string): string {
    return path.join(POLICY_DIR, "config", `${stack}.json`);
}

export function stackPackConfig(stack: string): PackConfig {
    return JSON.parse(fs.readFileSync(packConfigPath(stack), "utf8")) as PackConfig;
}

/** One line per deviation from the pack's defaults: "<policy>: advisory" or "<policy>: <property>: <value>". */
export function deviations(config: PackConfig): string[] {
    return Object.entries(config)
        .filter(([policy]) => policy !== "all")
        .flatMap(([policy, entry]) => {
            if (typeof entry === "string") return [`${policy}: ${entry}`];
            return Object.entries(entry).map(([key, value]) => (key === "enforcementLevel" ? `${policy}: ${String(value)}` : `${policy}: ${key}: ${JSON.stringify(value)}`));
        })
        .sort();
}
