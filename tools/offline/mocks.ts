/**
 * What the mocked AWS answers for a new resource: its inputs plus the outputs a real provider would
 * compute (id, ARN, endpoints), shaped like the real ones so policies and wiring read naturally.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResourceType } from "../../lib/types";

export interface MockAccount {
    readonly accountId: string;
    readonly region: string;
}

type State = Record<string, unknown>;

function service(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/** Outputs that only the cloud knows, per resource type. */
const COMPUTED: Record<string, (name: string, inputs: State, account: MockAccount) => State> = {
    "aws:rds/instance:Instance": (name, inputs, a) => {
        const id = String(inputs.identifier ?? name);
        const address = `${id}.mock.${a.region}.rds.amazonaws.com`;
        return { address, endpoint: `${address}:5432`, port: 5432, resourceId: `db-${id}`, arn: `arn:aws:rds:${a.region}:${a.accountId}:db:${id}` };
    },
    "aws:lb/loadBalancer:LoadBalancer": (name, inputs, a) => ({
        dnsName: `${inputs.name ?? name}.${a.region}.elb.amazonaws.com`,
        arnSuffix: `app/${inputs.name ?? name}/mock`,
        zoneId: "ZMOCKZONE",
    }),
    "aws:lb/targetGroup:TargetGroup": (name, inputs) => ({ arnSuffix: `targetgroup/${inputs.name ?? name}/mock` }),
    "random:index/randomPassword:RandomPassword": (name) => ({ result: `mock-password-${name}` }),
    "random:index/randomString:RandomString": (name) => ({ result: `mock-string-${name}` }),
    "random:index/randomId:RandomId": (name) => ({ hex: `mock${name}`, b64Std: `mock${name}` }),
    "aws:ecr/repository:Repository": (name, inputs, a) => ({
        repositoryUrl: `${a.accountId}.dkr.ecr.${a.region}.amazonaws.com/${inputs.name ?? name}`,
    }),
    "aws:kms/key:Key": (name) => ({ keyId: `mock-key-${name}` }),
    "aws:ecs/cluster:Cluster": (name, inputs, a) => ({ arn: `arn:aws:ecs:${a.region}:${a.accountId}:cluster/${inputs.name ?? name}` }),
    "aws:ecs/taskDefinition:TaskDefinition": (name, inputs, a) => ({
        arn: `arn:aws:ecs:${a.region}:${a.accountId}:task-definition/${inputs.family ?? name}:1`,
        arnWithoutRevision: `arn:aws:ecs:${a.region}:${a.accountId}:task-definition/${inputs.family ?? name}`,
        revision: 1,
    }),
    "aws:lambda/functionUrl:FunctionUrl": (name, _inputs, a) => ({ functionUrl: `https://${name}-mock.lambda-url.${a.region}.on.aws/` }),
    "aws:cloudwatch/logGroup:LogGroup": (name, inputs, a) => ({ arn: `arn:aws:logs:${a.region}:${a.accountId}:log-group:${inputs.name ?? name}` }),
    // IAM ARNs are global (no region) and typed: policy/<path><name>, group/<path><name>.
    "aws:iam/policy:Policy": (name, inputs, a) => ({ arn: `arn:aws:iam::${a.accountId}:policy${inputs.path ?? "/"}${inputs.name ?? name}` }),
    "aws:iam/group:Group": (name, inputs, a) => ({ arn: `arn:aws:iam::${a.accountId}:group${inputs.path ?? "/"}${inputs.name ?? name}` }),
    "aws:s3/bucketV2:BucketV2": (name, inputs) => ({ bucket: inputs.bucket ?? name, bucketDomainName: `${inputs.bucket ?? name}.s3.amazonaws.com` }),
    "aws:s3/bucket:Bucket": (name, inputs) => ({ bucket: inputs.bucket ?? name, bucketDomainName: `${inputs.bucket ?? name}.s3.amazonaws.com` }),
} satisfies Partial<Record<ResourceType, (name: string, inputs: State, account: MockAccount) => State>>;

export function awsMocks(account: MockAccount): pulumi.runtime.Mocks {
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: State } {
            const inputs = args.inputs as State;
            const physical = String(inputs.name ?? args.name);
            const state: State = {
                ...inputs,
                name: inputs.name ?? args.name,
                arn: `arn:aws:${service(args.type)}:${account.region}:${account.accountId}:${physical}`,
                ...(COMPUTED[args.type]?.(args.name, inputs, account) ?? {}),
            };
            return { id: `${args.name}-id`, state };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            switch (args.token) {
                case "aws:index/getCallerIdentity:getCallerIdentity":
                    return { accountId: account.accountId, arn: `arn:aws:iam::${account.accountId}:root`, userId: "mock" };
                case "aws:index/getRegion:getRegion":
                    return { name: account.region, region: account.region };
                case "aws:index/getPartition:getPartition":
                    return { partition: "aws", dnsSuffix: "amazonaws.com" };
                // Issue 17: a recovery stack looks up the primary's replicas in its region (data/adoptedReplicas.ts).
                case "aws:dynamodb/getTable:getTable":
                    return { ...args.inputs, arn: `arn:aws:dynamodb:${account.region}:${account.accountId}:table/${args.inputs.name}` };
                case "aws:secretsmanager/getSecret:getSecret": {
                    const arn = `arn:aws:secretsmanager:${account.region}:${account.accountId}:secret:${args.inputs.name}-MoCk01`;
                    return { ...args.inputs, arn, id: arn };
                }
                case "aws:secretsmanager/getSecretVersion:getSecretVersion":
                    return { ...args.inputs, secretString: JSON.stringify({ username: "mock", password: "mock-replicated-password" }) };
                case "aws:kms/getAlias:getAlias": {
                    const keyId = `mock-${String(args.inputs.name).replace(/^alias\//, "").replace(/\//g, "-")}`;
                    return {
                        ...args.inputs,
                        arn: `arn:aws:kms:${account.region}:${account.accountId}:${args.inputs.name}`,
                        targetKeyId: keyId,
                        targetKeyArn: `arn:aws:kms:${account.region}:${account.accountId}:key/${keyId}`,
                    };
                }
                default:
                    return args.inputs as Record<string, unknown>;
            }
        },
    };
}

/**
 * A stack's first `pulumi preview`: nothing exists yet, so the provider echoes a new resource's inputs
 * and everything the cloud computes (ids, ARNs, endpoints) stays unknown, and so does every input built
 * from one. Used to show which policy rules can give a verdict before anything exists.
 */
export function firstPreviewMocks(account: MockAccount): pulumi.runtime.Mocks {
    const offline = awsMocks(account);
    return {
        newResource: (args) => ({ id: undefined, state: args.inputs }),
        call: (args) => offline.call(args),
    };
}
