/** The arguments of `npm run snapshot`. */
import { expect } from "chai";
import { shellQuoted } from "../../tools/safety/identity";
import { parseArgs } from "../../tools/snapshot";

const URN = "urn:pulumi:prod::fivestar-payments::fivestar:network:Network$aws:cloudwatch/logGroup:LogGroup::network-flow-logs";

describe("safety: npm run snapshot arguments", () => {
    it("checks every stack by default", () => {
        expect(parseArgs([])).to.deep.equal({ update: false, allowRemovals: [], stacks: [] });
    });

    it("updates named stacks with explicit removals", () => {
        expect(parseArgs(["--update", "prod", "--allow-removal", URN, "dev"])).to.deep.equal({ update: true, allowRemovals: [URN], stacks: ["prod", "dev"] });
    });

    it("--allow-removal needs a URN and --update", () => {
        expect(() => parseArgs(["--update", "--allow-removal", "network-flow-logs"])).to.throw('--allow-removal needs the URN of the resource, got "network-flow-logs"');
        expect(() => parseArgs(["--update", "--allow-removal"])).to.throw("--allow-removal needs the URN of the resource, got nothing");
        expect(() => parseArgs(["--allow-removal", URN])).to.throw("--allow-removal only applies with --update");
    });

    it("refuses unknown options", () => {
        expect(() => parseArgs(["--force"])).to.throw("unknown option --force");
    });
});

describe("safety: URNs on a command line", () => {
    it("are single-quoted, since they contain $ (and a quote inside is escaped)", () => {
        expect(shellQuoted(URN)).to.equal(`'${URN}'`);
        expect(shellQuoted("a'b")).to.equal("'a'\\''b'");
    });
});
