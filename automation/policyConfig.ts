/**
 * A policy pack's enforcement levels differ per stack (policy/config/<stack>.json: mandatory in prod,
 * documented advisories elsewhere). Without that file every rule is mandatory, so the tool passes the
 * stack's config file of each pack that has one, exactly as the PR preview workflow does.
 */
import * as fs from "fs";
import * as path from "path";

export function policyPackConfigsFor(packs: readonly string[], stack: string, exists: (file: string) => boolean = fs.existsSync): string[] {
    return packs.map((pack) => path.join(pack, "config", `${stack}.json`)).filter((file) => exists(file));
}
