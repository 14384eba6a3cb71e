import type { CaseTable } from "../support/cases";
import { ecsCluster, ecsService, internalPeContainer, taskDefinition } from "../support/compliant";
import { withInputs } from "../support/fixtures";

const container = (changes: Record<string, unknown>) => {
    const c: Record<string, unknown> = { ...internalPeContainer(), ...changes };
    for (const [k, v] of Object.entries(changes)) if (v === undefined) delete c[k];
    return c;
};
const withContainer = (changes: Record<string, unknown>) => [taskDefinition([container(changes)])];
const environment = (name: string, value: string) => withContainer({ environment: [{ name, value }] });

export const ecsCases: CaseTable = {
    "ecs-2-no-public-ip": {
        pass: [{ title: "tasks in private subnets without public IPs", resources: [ecsService()] }],
        fail: [{
            title: "assignPublicIp: true",
            resources: [withInputs(ecsService(), { networkConfiguration: { subnets: ["network-public-a-id"], assignPublicIp: true } })],
            expect: /assignPublicIp is true/,
        }],
    },
    "ecs-4-not-privileged": {
        pass: [{ title: "the internal-pe container", resources: [taskDefinition()] }, { title: "privileged: false", resources: withContainer({ privileged: false }) }],
        fail: [
            { title: "privileged: true", resources: withContainer({ privileged: true }), expect: /container "internal-pe" is privileged/ },
            { title: "unparseable container definitions", resources: [withInputs(taskDefinition(), { containerDefinitions: "[{" })], expect: /not valid JSON/ },
        ],
    },
    "ecs-5-read-only-root-fs": {
        pass: [{ title: "readonlyRootFilesystem: true", resources: [taskDefinition()] }],
        fail: [
            { title: "readonlyRootFilesystem unset", resources: withContainer({ readonlyRootFilesystem: undefined }), expect: /has a writable root filesystem/ },
            { title: "a second container writable", resources: [taskDefinition([internalPeContainer(), container({ name: "sidecar", readonlyRootFilesystem: false })])], expect: /container "sidecar"/ },
        ],
    },
    "ecs-8-no-secrets-in-environment": {
        pass: [
            { title: "secrets injected, non-secret environment (incl. a secret's ARN)", resources: [taskDefinition()] },
            { title: "a database URL without credentials", resources: environment("DATABASE_URL", "postgresql://db.internal:5432/fivestar_payments") },
        ],
        fail: [
            { title: "a password in the environment", resources: environment("DATABASE_PASSWORD", "hunter2"), expect: /DATABASE_PASSWORD names a credential/ },
            { title: "AWS_SECRET_ACCESS_KEY (Security Hub's list)", resources: environment("AWS_SECRET_ACCESS_KEY", "x"), expect: /is an AWS credential/ },
            { title: "an access key id under an innocent name", resources: environment("UPLOADER", "AKIAABCDEFGHIJKLMNOP"), expect: /UPLOADER holds a credential value/ },
            { title: "credentials inside a URL", resources: environment("DATABASE_URL", "postgresql://fivestar_app:hunter2@db:5432/x"), expect: /DATABASE_URL holds a credential value/ },
        ],
    },
    "ecs-9-log-configuration": {
        pass: [{ title: "awslogs to the service's group", resources: [taskDefinition()] }],
        fail: [
            { title: "no logConfiguration", resources: withContainer({ logConfiguration: undefined }), expect: /no logConfiguration\.logDriver/ },
            { title: "an empty logConfiguration", resources: withContainer({ logConfiguration: {} }), expect: /no logConfiguration\.logDriver/ },
        ],
    },
    "ecs-12-container-insights": {
        pass: [
            { title: "containerInsights enabled", resources: [ecsCluster()] },
            { title: "containerInsights enhanced", resources: [withInputs(ecsCluster(), { settings: [{ name: "containerInsights", value: "enhanced" }] })] },
        ],
        fail: [
            { title: "no settings", resources: [withInputs(ecsCluster(), { settings: undefined })], expect: /containerInsights is not set/ },
            { title: "containerInsights disabled", resources: [withInputs(ecsCluster(), { settings: [{ name: "containerInsights", value: "disabled" }] })], expect: /containerInsights is "disabled"/ },
        ],
    },
};
