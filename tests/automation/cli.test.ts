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
    it("--help prints the usage and exits 0; bad usage exits 2 with the error and the usage", async () => {
        const [help, bad] = [await run(["--help"]), await run(["deploy", "dev"])];
        expect([help.code, help.out.startsWith("usage: npm run ops -- <command> <stack> [options]")]).to.deep.equal([0, true]);
        expect([bad.code, bad.err.split("\n")[0]]).to.deep.equal([2, 'error: unknown command "deploy" (commands: phases, debug, preview, up, validate, rollback, dr-failover, dr-plan)']);
    });

    for (const argv of [["up", "prod"], ["rollback", "prod", "internal-pe"], ["dr-failover", "prod"]]) {
        it(`${argv[0]} on prod without --confirm-prod exits 3 before asking AWS who the caller is`, async () => {
            const r = await run(argv);
            expect([r.code, r.err, r.out.includes("AWS:")]).to.deep.equal([3, `refused: ${argv[0]} on the production stack needs --confirm-prod (nothing was changed)`, false]);
        });
    }

    describe("disaster-recovery commands", () => {

        it("dr-failover and dr-plan refuse a stack that is not a recovery stack (never a restore over prod), before any AWS call", async () => {
            const results = [];
            for (const argv of [["dr-failover", "prod", "--confirm-prod"], ["dr-failover", "dev", "--dry-run"], ["dr-plan", "staging"]]) results.push(await run(argv));
            expect(results.map((r) => [r.code, r.out.includes("AWS:")])).to.deep.equal([[2, false], [2, false], [2, false]]);
            expect(results[0].err).to.equal('error: stack "prod" is not a disaster-recovery stack: Pulumi.prod.yaml does not set fivestar-payments:drMode (the recovery stack, e.g. prod-dr, sets it to standby or active)');
        });

        it("a restore time that is not ISO-8601 UTC is bad usage (exit 2)", async () => {
            const r = await run(["dr-failover", "prod", "--restore-time", "2026-11-30T18:00:00+05:30"]);
            expect([r.code, r.err.split("\n")[0]]).to.deep.equal([2, 'error: --restore-time must be "latest" or an ISO-8601 UTC time such as 2026-11-30T18:05:00Z, got "2026-11-30T18:00:00+05:30"']);
        });
    });
});
