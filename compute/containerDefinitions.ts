/**
 * The container of each service's task definition (§5.1, §5.2.1), as a pure function of plain values.
 *
 * Hardening, where the images allow it (Security Hub ECS.5 read-only root, non-root user):
 *  - internal-pe runs as `app` (UID 1654), the non-root user the .NET 8 aspnet images ship (APP_UID),
 *    on 8080 (no privileged port). Its root file system is read-only; /tmp is a writable task volume.
 *  - customer-portal runs as `nginx` (UID 101) on 8443, like nginxinc/nginx-unprivileged: its nginx.conf
 *    must `listen 8443`, put `pid` and the `*_temp_path`s under /tmp. /tmp and /var/cache/nginx are
 *    writable task volumes; everything else is read-only.
 *  - Fargate creates a task volume owned by root unless the image declares `VOLUME` for that path, in
 *    which case it copies the image's directory (and its owner and mode) into it: both Dockerfiles must
 *    declare `VOLUME` for the writable paths below. The Dockerfiles are in docker/; tests/docker/
 *    contract.test.ts fails when they and these definitions disagree (port, user, volumes, health check).
 *  - All Linux capabilities dropped (neither process needs one), an init process reaps zombies and
 *    forwards SIGTERM.
 */
import { CONTAINER_PORTS, ServiceName } from "../config/names";
import { AppSettings, customerPortalSettingsEnvironment, internalPeSettingsEnvironment } from "./appSettings";

export { type AppLogLevel, DOTNET_LOG_LEVELS } from "./appSettings";
export type AspnetcoreEnvironment = "Development" | "Staging" | "Production";

interface CommonInput {
    /** `<repositoryUrl>:<tag>` */
    readonly image: string;
    readonly region: string;
    /** The service's log group (§8.1.1), created by the monitoring module. */
    readonly logGroupName: string;
    /** §4.1 Debug, LogLevel and the integration environments (compute/appSettings.ts). */
    readonly app: AppSettings;
}

export interface InternalPeContainerInput extends CommonInput {
    readonly service: "internal-pe";
    readonly aspnetcoreEnvironment: AspnetcoreEnvironment;
    /** `fivestar/payments/<env>/database` (§4.2.2), injected whole as DATABASE_CONNECTION_STRING. */
    readonly databaseSecretArn: string;
}

export interface CustomerPortalContainerInput extends CommonInput {
    readonly service: "customer-portal";
}

export type ContainerInput = InternalPeContainerInput | CustomerPortalContainerInput;

export interface WritablePath {
    readonly volume: string;
    readonly path: string;
}

export interface ContainerHardening {
    /** UID the process runs as. */
    readonly user: string;
    readonly writablePaths: readonly WritablePath[];
    /** Seconds between SIGTERM and SIGKILL (Fargate allows up to 120). */
    readonly stopTimeout: number;
}

export const CONTAINER_HARDENING: Readonly<Record<ServiceName, ContainerHardening>> = Object.freeze({
    // 120 s, Fargate's maximum: an in-flight payment may wait on a gateway; this is also the Spot warning.
    "internal-pe": { user: "1654", writablePaths: [{ volume: "tmp", path: "/tmp" }], stopTimeout: 120 },
    "customer-portal": {
        user: "101",
        writablePaths: [{ volume: "tmp", path: "/tmp" }, { volume: "nginx-cache", path: "/var/cache/nginx" }],
        stopTimeout: 30,
    },
});

/** The task-level volumes a service's container mounts (empty Fargate task storage). */
export function taskVolumes(service: ServiceName): { name: string }[] {
    return CONTAINER_HARDENING[service].writablePaths.map((w) => ({ name: w.volume }));
}

export interface HealthCheck {
    command: string[];
    interval: number;
    timeout: number;
    retries: number;
    startPeriod: number;
}

/** §5.2.1 (internal-pe) and §5.1.2 (portal, on its 8443). */
export function containerHealthCheck(service: ServiceName): HealthCheck {
    const port = CONTAINER_PORTS[service];
    return service === "internal-pe"
        ? { command: ["CMD-SHELL", `curl -f http://localhost:${port}/health || exit 1`], interval: 30, timeout: 5, retries: 3, startPeriod: 60 }
        : { command: ["CMD-SHELL", `wget --no-verbose --tries=1 --spider http://localhost:${port}/ || exit 1`], interval: 30, timeout: 3, retries: 3, startPeriod: 5 };
}

function environmentOf(input: ContainerInput): { name: string; value: string }[] {
    if (input.service === "customer-portal") return customerPortalSettingsEnvironment(input.app);
    return [
        { name: "ASPNETCORE_ENVIRONMENT", value: input.aspnetcoreEnvironment },
        // The listening port is the ALB target's and the security group's (CONTAINER_PORTS), not the image's.
        { name: "ASPNETCORE_URLS", value: `http://+:${CONTAINER_PORTS["internal-pe"]}` },
        ...internalPeSettingsEnvironment(input.app),
    ];
}

/** The container definitions JSON of a service's task definition (one essential container). */
export function containerDefinitions(input: ContainerInput): Record<string, unknown>[] {
    const service = input.service;
    const hardening = CONTAINER_HARDENING[service];
    return [{
        name: service,
        image: input.image,
        essential: true,
        portMappings: [{ containerPort: CONTAINER_PORTS[service], protocol: "tcp" }],
        environment: environmentOf(input),
        secrets: input.service === "internal-pe" ? [{ name: "DATABASE_CONNECTION_STRING", valueFrom: input.databaseSecretArn }] : [],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": input.logGroupName, "awslogs-region": input.region, "awslogs-stream-prefix": "ecs" },
        },
        healthCheck: containerHealthCheck(service),
        user: hardening.user,
        readonlyRootFilesystem: true,
        mountPoints: hardening.writablePaths.map((w) => ({ sourceVolume: w.volume, containerPath: w.path, readOnly: false })),
        linuxParameters: { initProcessEnabled: true, capabilities: { drop: ["ALL"] } },
        stopTimeout: hardening.stopTimeout,
    }];
}
