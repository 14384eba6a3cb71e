/**
 * Canary for @pulumi/pulumi upgrades (issue 15): the offline engine (tools/offline/evaluate.ts) relies
 * on runtime internals, listed with their shapes in tools/offline/pulumiInternals.ts. If an upgrade
 * changes one, the first test fails and names it. The others prove the checker catches each kind of
 * change, and that the package stays pinned to the exact version installed.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { checkPulumiInternals, installedPulumi, PULUMI_INTERNALS, PulumiLoader } from "../../tools/offline/pulumiInternals";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, file), "utf8"));

/** The installed package with one member of one module replaced (or removed, with undefined). */
function changed(subpath: string, member: string, value: unknown): PulumiLoader {
    return (sub) => {
        const real = installedPulumi(sub) as Record<string, unknown>;
        return sub === subpath ? { ...real, [member]: value } : real;
    };
}

/** The installed package with MockMonitor's registerResource replaced. */
function monitorWith(registerResource: (...args: unknown[]) => unknown): PulumiLoader {
    return (sub) => {
        const real = installedPulumi(sub) as Record<string, unknown>;
        if (sub !== "runtime/mocks") return real;
        class MockMonitor {
            newUrn(_parent: string, _type: string, _name: string) { return ""; }
        }
        Object.assign(MockMonitor.prototype, { registerResource });
        return { ...real, MockMonitor };
    };
}

describe("@pulumi/pulumi runtime internals the offline engine relies on (tools/offline/pulumiInternals.ts)", () => {
    it("are all present, with the shape the engine expects, in the installed @pulumi/pulumi", () => {
        const problems = checkPulumiInternals(installedPulumi);
        expect(problems, `an upgrade of @pulumi/pulumi changed what tools/offline/evaluate.ts relies on:\n${problems.join("\n")}`).to.deep.equal([]);
    });

    it("names a missing function", () => {
        const problems = checkPulumiInternals(changed("runtime/rpc", "deserializeProperty", undefined));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(/^@pulumi\/pulumi internal runtime\/rpc deserializeProperty is missing \(used by evaluate\.ts deserialize/);
    });

    it("names an internal that is no longer a function, or takes fewer parameters than the engine passes", () => {
        const problems = checkPulumiInternals(changed("runtime/settings", "waitForRPCs", 42));
        expect(problems).to.deep.equal([`@pulumi/pulumi internal runtime/settings waitForRPCs is a number, not a function (used by ${PULUMI_INTERNALS.find((i) => i.name === "runtime/settings waitForRPCs")!.usedBy})`]);
        const runtime = installedPulumi("") as { runtime: Record<string, unknown> };
        const loader: PulumiLoader = (sub) => (sub === "" ? { ...runtime, runtime: { ...runtime.runtime, setMocks: (mocks: unknown) => mocks } } : installedPulumi(sub));
        expect(checkPulumiInternals(loader)).to.deep.equal([`@pulumi/pulumi internal @pulumi/pulumi runtime.setMocks takes 1 parameters, the engine passes 4 (used by ${PULUMI_INTERNALS.find((i) => i.name === "@pulumi/pulumi runtime.setMocks")!.usedBy})`]);
    });

    it("names a changed secret marker", () => {
        const problems = checkPulumiInternals(changed("runtime/rpc", "specialSecretSig", "something-else"));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.contain('runtime/rpc specialSecretSig is "something-else", the engine expects "1b47061264138c4ac30d75fd1eb44270"');
    });

    it("names a missing getter of the registration request", () => {
        const resourcePb = installedPulumi("proto/resource_pb") as { RegisterResourceRequest: { prototype: object } };
        const prototype = Object.create(resourcePb.RegisterResourceRequest.prototype, { getRetainondelete: { value: undefined } });
        const loader: PulumiLoader = (sub) => (sub === "proto/resource_pb"
            ? { ...resourcePb, RegisterResourceRequest: Object.assign(function RegisterResourceRequest() { /* fake */ }, resourcePb.RegisterResourceRequest, { prototype }) }
            : installedPulumi(sub));
        const problems = checkPulumiInternals(loader);
        expect(problems).to.have.length(1);
        expect(problems[0]).to.contain("proto/resource_pb RegisterResourceRequest.prototype.getRetainondelete is missing");
    });

    it("names a mock monitor that no longer computes URNs through this.newUrn (the engine's URNs would be silently lost)", () => {
        const problems = checkPulumiInternals(monitorWith(function registerResource(req: unknown, callback: unknown) { return [req, callback]; }));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.contain("MockMonitor.prototype.registerResource calls this.newUrn(parent, type, name) no longer computes the URN");
    });

    it("names a module that no longer loads, once per internal in it", () => {
        const loader: PulumiLoader = (sub) => {
            if (sub === "runtime/settings") throw new Error("Cannot find module '@pulumi/pulumi/runtime/settings'");
            return installedPulumi(sub);
        };
        expect(checkPulumiInternals(loader)).to.deep.equal([
            `@pulumi/pulumi internal runtime/settings waitForRPCs cannot be loaded: Cannot find module '@pulumi/pulumi/runtime/settings' (used by ${PULUMI_INTERNALS.find((i) => i.name === "runtime/settings waitForRPCs")!.usedBy})`,
        ]);
    });

    it("every @pulumi/pulumi module evaluate.ts requires by path has an entry", () => {
        const source = fs.readFileSync(path.join(PROJECT_DIR, "tools", "offline", "evaluate.ts"), "utf8");
        const required = [...source.matchAll(/require\("@pulumi\/pulumi\/([^"]+)"\)/g)].map((m) => m[1]);
        expect(required.length).to.be.greaterThan(0);
        for (const sub of required) expect(PULUMI_INTERNALS.some((i) => i.name.startsWith(`${sub} `)), sub).to.equal(true);
        const runtimeCalls = [...new Set([...source.matchAll(/pulumi\.runtime\.(\w+)/g)].map((m) => m[1]))];
        for (const name of runtimeCalls) expect(PULUMI_INTERNALS.some((i) => i.name === `@pulumi/pulumi runtime.${name}`), `pulumi.runtime.${name}`).to.equal(true);
    });

    it("@pulumi/pulumi is pinned to the exact version installed, in package.json and the lockfile", () => {
        const pinned = readJson("package.json").dependencies["@pulumi/pulumi"];
        expect(pinned, "package.json must pin @pulumi/pulumi exactly: npm install --save-exact @pulumi/pulumi@<version>").to.match(/^\d+\.\d+\.\d+$/);
        const lock = readJson("package-lock.json");
        expect(lock.packages[""].dependencies["@pulumi/pulumi"]).to.equal(pinned);
        expect(lock.packages["node_modules/@pulumi/pulumi"].version).to.equal(pinned);
        expect(readJson("node_modules/@pulumi/pulumi/package.json").version).to.equal(pinned);
    });
});
