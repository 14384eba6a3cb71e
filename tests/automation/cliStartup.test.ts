/**
 * `npm run ops -- --help` answers without loading the AWS SDK, the Pulumi runtime or the program's config
 * (issue 15): automation/cli.ts imports them where a command needs them. Checked by what a fresh process
 * has loaded, not by time.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as path from "path";

const CLI = path.resolve(__dirname, "..", "..", "automation", "cli.js");

function modulesLoadedBy(argv: readonly string[]): string[] {
    const script = `require(${JSON.stringify(CLI)}).main(${JSON.stringify(argv)}).then(() => process.stdout.write("\\n" + JSON.stringify(Object.keys(require.cache))))`;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(out.trim().split("\n").pop()!);
}

describe("ops CLI start-up (automation/cli.ts)", () => {
    for (const argv of [["--help"], ["deploy", "prod"]]) {
        it(`${argv.join(" ")} (${argv[0] === "--help" ? "help" : "a usage error"}) loads no package from node_modules and none of the program's config`, () => {
            const loaded = modulesLoadedBy(argv);
            expect(loaded.some((m) => m.endsWith(path.join("automation", "args.js"))), "the usage text comes from args.js").to.equal(true);
            expect(loaded.filter((m) => m.includes(`${path.sep}node_modules${path.sep}`) || m.includes(path.join("build", "config", "index.js")))).to.deep.equal([]);
        });
    }
});
