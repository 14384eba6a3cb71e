/**
 * Where the project is and which stacks it has (one Pulumi.<stack>.yaml each). Only fs and path, so a
 * tool's `--help` can list the stacks without loading the YAML and config modules (issue 15).
 */
import * as fs from "fs";
import * as path from "path";

export function projectDir(): string {
    // build/config/*.js and config/*.ts both sit below the project: walk up to Pulumi.yaml.
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
        const up = path.dirname(dir);
        if (up === dir) throw new Error(`Pulumi.yaml not found above ${__dirname}`);
        dir = up;
    }
    return dir;
}

export function listStacks(dir = projectDir()): string[] {
    return fs.readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}
