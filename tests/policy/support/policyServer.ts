/**
 * The pack as the Pulumi CLI runs it: `policy/index.ts` (compiled) started as its own process,
 * serving @pulumi/policy's analyzer over gRPC, driven with the same three calls the engine makes
 * (configure, analyze per resource, analyzeStack). Used to check that the offline stand-in in
 * engine.ts reports what the real server reports.
 *
 * The gRPC and protobuf modules are loaded from where @pulumi/policy loads them, so client and
 * server speak the same generated protocol.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import type { EnforcementLevel } from "@pulumi/policy";
import type { RegisteredResource } from "../../../lib/planRecord";
import { POLICY_DIR, PROJECT_DIR } from "./packConfig";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- generated protobuf classes are untyped */
const fromPolicy = (id: string) => require(require.resolve(id, { paths: [path.dirname(require.resolve("@pulumi/policy"))] }));
const grpc = fromPolicy("@grpc/grpc-js");
const rpc = fromPolicy("@pulumi/pulumi/proto/analyzer_grpc_pb");
const proto = fromPolicy("@pulumi/pulumi/proto/analyzer_pb");
const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb"))] }));

const LEVELS: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_CODES: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

export interface Diagnostic {
    readonly policy: string;
    readonly level: EnforcementLevel;
    /** Description, newline, the rule's message (how @pulumi/policy reports a violation). */
    readonly message: string;
    readonly urn?: string;
}

export interface ResolvedPolicyConfig {
    readonly level: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

function call<T>(client: any, method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => client[method](request, (err: Error | null, response: T) => (err ? reject(err) : resolve(response))));
}

function options(r: RegisteredResource): any {
    const o = new proto.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    o.setIgnorechangesList(r.ignoreChanges);
    o.setDeletebeforereplace(r.deleteBeforeReplace);
    o.setDeletebeforereplacedefined(true);
    o.setAdditionalsecretoutputsList(r.additionalSecretOutputs);
    if (r.parent) o.setParent(r.parent);
    return o;
}

function diagnostics(response: any): Diagnostic[] {
    return response.getDiagnosticsList().map((d: any) => ({
        policy: d.getPolicyname(),
        level: LEVELS[d.getEnforcementlevel()],
        message: d.getMessage(),
        urn: d.getUrn() || undefined,
    }));
}

export class PolicyServer {
    private constructor(private readonly child: ChildProcess, private readonly client: any) {}

    /** Starts `node build/policy/index.js` in policy/ (the pack reads its package.json) and connects. */
    static async start(): Promise<PolicyServer> {
        const child = spawn(process.execPath, [path.join(PROJECT_DIR, "build", "policy", "index.js")], { cwd: POLICY_DIR, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            let err = "";
            child.stdout?.on("data", (chunk: Buffer) => {
                out += chunk.toString();
                const line = out.split("\n")[0].trim();
                if (out.includes("\n") && /^\d+$/.test(line)) resolve(line);
            });
            child.stderr?.on("data", (chunk: Buffer) => { err += chunk.toString(); });
            child.on("exit", (code) => reject(new Error(`policy pack exited with ${code} before serving: ${err}`)));
        });
        return new PolicyServer(child, new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    /** GetAnalyzerInfo: the pack's name and its policies' names, as the CLI sees them. */
    async info(): Promise<{ name: string; policies: string[] }> {
        const info: any = await call(this.client, "getAnalyzerInfo", new (fromPolicy("google-protobuf/google/protobuf/empty_pb").Empty)());
        return { name: info.getName(), policies: info.getPoliciesList().map((p: any) => p.getName()) };
    }

    /** Configure: the CLI sends every policy's resolved level and properties. */
    async configure(config: Readonly<Record<string, ResolvedPolicyConfig>>): Promise<void> {
        const request = new proto.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [name, c] of Object.entries(config)) {
            const policyConfig = new proto.PolicyConfig();
            policyConfig.setEnforcementlevel(LEVEL_CODES[c.level]);
            policyConfig.setProperties(Struct.fromJavaScript(c.properties));
            map.set(name, policyConfig);
        }
        await call(this.client, "configure", request);
    }

    /** Analyze: one resource's inputs, as before its creation. */
    async analyze(r: RegisteredResource): Promise<Diagnostic[]> {
        const request = new proto.AnalyzeRequest();
        request.setType(r.type);
        request.setProperties(Struct.fromJavaScript(r.inputs));
        request.setUrn(r.urn);
        request.setName(r.name);
        request.setOptions(options(r));
        return diagnostics(await call(this.client, "analyze", request));
    }

    /** AnalyzeStack: every resource, with parents and dependencies. */
    async analyzeStack(resources: readonly RegisteredResource[]): Promise<Diagnostic[]> {
        const request = new proto.AnalyzeStackRequest();
        for (const r of resources) {
            const resource = new proto.AnalyzerResource();
            resource.setType(r.type);
            resource.setProperties(Struct.fromJavaScript(r.inputs));
            resource.setUrn(r.urn);
            resource.setName(r.name);
            resource.setOptions(options(r));
            if (r.parent) resource.setParent(r.parent);
            resource.setDependenciesList(r.dependencies);
            request.addResources(resource);
        }
        return diagnostics(await call(this.client, "analyzeStack", request));
    }
}
