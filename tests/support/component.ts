/**
 * Component tests: construct one component with typed args under in-process Pulumi mocks and get
 * back every resource it registered (same record as the offline plan: type, name, parent, provider,
 * protect, inputs, secret paths).
 *
 *   const { component, resources } = await construct(() => new Network("network", args, inAccount()));
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsMocks } from "../../tools/offline/mocks";
import { recordRegistrations, waitForRegistrations, withoutStackTraces } from "../../tools/offline/evaluate";
import { RegisteredResource } from "../../lib/planRecord";

export const TEST_ACCOUNT = { accountId: "123456789012", region: "ap-south-1" } as const;

/** Where a component's buckets send their S3 server access logs in component tests (index.ts: the stack's log bucket). */
export const TEST_LOG_TARGET = { targetBucket: "fivestar-payments-test-s3-access-logs-123456789012" } as const;

let recorded: RegisteredResource[] | undefined;

async function ensureMocks(): Promise<RegisteredResource[]> {
    if (!recorded) {
        await pulumi.runtime.setMocks(awsMocks(TEST_ACCOUNT), "fivestar-payments", "test", false);
        recorded = recordRegistrations();
    }
    return recorded;
}

/** Component options that hand children an explicit AWS provider, as index.ts does. */
export function inAccount(): pulumi.ComponentResourceOptions {
    return { providers: { aws: new aws.Provider("test-account", { region: TEST_ACCOUNT.region }) } };
}

export interface Constructed<T> {
    readonly component: T;
    /** Every resource registered while building (including the component and any test provider). */
    readonly resources: RegisteredResource[];
    ofType(type: string): RegisteredResource[];
    one(type: string, name: string): RegisteredResource;
}

export async function construct<T>(build: () => T): Promise<Constructed<T>> {
    const all = await ensureMocks();
    const start = all.length;
    const component = await withoutStackTraces(async () => {
        const built = build();
        await waitForRegistrations();
        return built;
    });
    const resources = all.slice(start);
    const ofType = (type: string) => resources.filter((r) => r.type === type);
    return {
        component,
        resources,
        ofType,
        one(type: string, name: string) {
            const found = resources.filter((r) => r.type === type && r.name === name);
            if (found.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${found.length} (have: ${ofType(type).map((r) => r.name).join(", ") || "none"})`);
            return found[0];
        },
    };
}

/** The resolved value of an Output (or plain value) under mocks. */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(output).apply((v) => { resolve(v as T); return v; }));
}
