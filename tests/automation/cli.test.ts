/**
 * The CLI entry point: exit codes, and that refusals happen before any credential or cloud call.
 */
import { expect } from "chai";
import { main } from "../../automation/cli";

/** Runs main() with console output captured. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const { log, error } = console;
    console.log = (...a: unknown[]) => void out.push(a.join(" "));
    console.error = (...a: unknown[]) => void err.push(a.join(" "));
    try {
        const code = await main(argv);
        return { code, out: out.join("\n"), err: err.join("\n") };
    } finally {
        console.log = log;
        console.error = error;
    }
}

describe("delivery tool: the CLI", () => {
    it("--help prints the usage and exits 0", async () => {
        const r = await run(["--help"]);
        expect([r.code, r.out.startsWith("usage: npm run ops -- <command> <stack> [options]")]).to.deep.equal([0, true]);
    });

    it("bad usage exits 2 with the error and the usage", async () => {
        const r = await run(["deploy", "dev"]);
        expect([r.code, r.err.split("\n")[0]]).to.deep.equal([2, 'error: unknown command "deploy" (commands: phases, debug, preview, up, validate, rollback, dr-failover, dr-plan)']);
    });

    it("up on prod without --confirm-prod exits 3 before asking AWS who the caller is", async () => {
        const r = await run(["up", "prod"]);
        expect([r.code, r.err, r.out.includes("AWS:")]).to.deep.equal([3, "refused: up on the production stack needs --confirm-prod (nothing was changed)", false]);
    });

    it("rollback on prod without --confirm-prod exits 3 the same way", async () => {
        const r = await run(["rollback", "prod", "internal-pe"]);
        expect([r.code, r.err]).to.deep.equal([3, "refused: rollback on the production stack needs --confirm-prod (nothing was changed)"]);
    });
});
