/**
 * Dev's mock LMS (§4.1.1): a small Lambda behind a function URL (mockLmsHandler.ts). The URL becomes
 * the stack's LMS endpoint (integrations/lms_endpoint and the containers' settings). It serves fixed
 * fake data only, and its reserved concurrency caps what an internet caller can make it cost
 * (§2.2.1's Lambda guard). Config refuses it in prod. Its type is in the security module: the
 * integration parameters (security phase of a phased rollout) point at it, so it comes first.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { lambdaArchive } from "./lambdaCode";
import { LambdaFunction } from "./lambdaFunction";

/** At most this many requests in flight: a fixture server needs no more, and abuse stays cheap. */
export const MOCK_LMS_RESERVED_CONCURRENCY = 5;

export type MockLmsArgs = Pick<StackScope, "environment" | "accountId" | "logRetentionDays" | "logsKmsKeyArn">;

export class MockLms extends pulumi.ComponentResource {
    /** https://<id>.lambda-url.<region>.on.aws (no trailing slash). */
    public readonly endpoint: pulumi.Output<string>;

    constructor(name: string, args: MockLmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:security:MockLms", name, {}, opts);
        if (args.environment === "prod") throw new Error("MockLms: refused in prod (§4.1.3: production uses the production LMS)");
        const fn = new LambdaFunction(`${name}-function`, {
            module: "security",
            functionName: names.mockLmsFunction(args.environment),
            roleName: names.mockLmsRole(args.environment),
            description: `Mock LMS for ${args.environment} (4.1.1): fixed fake data, no storage`,
            accountId: args.accountId,
            code: lambdaArchive("mockLmsHandler.ts"),
            timeoutSeconds: 5,
            memoryMb: 128,
            reservedConcurrency: MOCK_LMS_RESERVED_CONCURRENCY,
            logRetentionDays: args.logRetentionDays,
            logsKmsKeyArn: args.logsKmsKeyArn,
            protect: false,
        }, { parent: this });
        // The application calls the LMS without AWS signatures, so the URL is public (auth NONE); a
        // function URL with auth NONE also needs a resource policy that lets anyone invoke it.
        const permission = new aws.lambda.Permission(`${name}-public-url`, {
            function: fn.functionName,
            action: "lambda:InvokeFunctionUrl",
            principal: "*",
            functionUrlAuthType: "NONE",
            statementId: "PublicFunctionUrl",
        }, { parent: this });
        const url = new aws.lambda.FunctionUrl(`${name}-url`, {
            functionName: fn.functionName,
            authorizationType: "NONE",
        }, { parent: this, dependsOn: [permission] });
        this.endpoint = url.functionUrl.apply((u) => u.replace(/\/$/, ""));
        this.registerOutputs({ endpoint: this.endpoint });
    }
}
