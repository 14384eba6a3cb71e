/**
 * The container contract (issue 13, fault 7): what the images under docker/ must provide for the task
 * definitions (compute/containerDefinitions.ts) to run them on Fargate — the port, the non-root user,
 * a VOLUME for every writable path under the read-only root file system (and task volumes and mount
 * points for exactly those), the health check's tool in the runtime image, and for the portal an
 * nginx.conf listening on the port with its pid file and temp paths in writable paths.
 *
 * The Dockerfiles are parsed with dockerfile-ast (the parser of the VS Code Docker extension); only
 * the last stage (the runtime image) counts. nginx.conf is read for its few top-level directives.
 */
import { DockerfileParser, Healthcheck, Instruction } from "dockerfile-ast";
import { CONTAINER_PORTS, ServiceName } from "../../config/names";
import { AppSettings } from "../../compute/appSettings";
import { CONTAINER_HARDENING, containerDefinitions, ContainerInput, taskVolumes } from "../../compute/containerDefinitions";

/**
 * Tools a base image ships, by exact image reference. An image not listed fails the contract until
 * someone checks it and adds it here with the source.
 *  - Both are Alpine images: BusyBox provides `wget` (with --spider; --no-verbose and --tries are
 *    accepted, busybox networking/wget.c). Neither ships curl: the .NET runtime-deps Alpine image
 *    installs only its runtime libraries (dotnet/dotnet-docker src/runtime-deps/8.0/alpine*).
 */
export const BASE_IMAGE_TOOLS: Readonly<Record<string, readonly string[]>> = Object.freeze({
    "mcr.microsoft.com/dotnet/aspnet:8.0-alpine": ["wget"],
    "nginx:1.28-alpine": ["wget"],
});

export interface HealthcheckFacts {
    /** The shell command after CMD, words separated by single spaces. */
    readonly command: string;
    readonly intervalSeconds?: number;
    readonly timeoutSeconds?: number;
    readonly startPeriodSeconds?: number;
    readonly retries?: number;
}

/** What the runtime (last) stage of a Dockerfile declares. */
export interface ImageFacts {
    readonly baseImage: string;
    readonly user?: string;
    readonly exposedPorts: readonly number[];
    readonly volumes: readonly string[];
    /** Packages the stage installs with `apk add`. */
    readonly installed: readonly string[];
    readonly env: Readonly<Record<string, string>>;
    /** COPY destination → source, for files copied from the build context. */
    readonly copies: Readonly<Record<string, string>>;
    readonly healthcheck?: HealthcheckFacts;
}

const seconds = (v: string | undefined) => (v === undefined ? undefined : Number(/^(\d+)s$/.exec(v)?.[1] ?? NaN));

function healthcheckFacts(h: Healthcheck): HealthcheckFacts | undefined {
    const args = h.getArguments().map((a) => a.getValue());
    const cmd = args.indexOf("CMD");
    if (cmd < 0) return undefined;
    const flag = (name: string) => h.getFlags().find((f) => f.getName() === name)?.getValue() ?? undefined;
    return {
        command: args.slice(cmd + 1).join(" "),
        intervalSeconds: seconds(flag("interval")),
        timeoutSeconds: seconds(flag("timeout")),
        startPeriodSeconds: seconds(flag("start-period")),
        retries: flag("retries") === undefined ? undefined : Number(flag("retries")),
    };
}

function jsonOrWords(i: Instruction): string[] {
    const json = (i as Instruction & { getJSONStrings?: () => { getJSONValue(): string }[] }).getJSONStrings?.() ?? [];
    return json.length > 0 ? json.map((s) => s.getJSONValue()) : i.getArguments().map((a) => a.getValue());
}

export function imageFacts(dockerfile: string): ImageFacts {
    const parsed = DockerfileParser.parse(dockerfile);
    const froms = parsed.getFROMs();
    if (froms.length === 0) throw new Error("no FROM: not a Dockerfile");
    const last = froms[froms.length - 1];
    const startLine = last.getRange().start.line;
    const stage = parsed.getInstructions().filter((i) => i.getRange().start.line >= startLine);
    let user: string | undefined;
    const exposedPorts: number[] = [];
    const volumes: string[] = [];
    const installed: string[] = [];
    const env: Record<string, string> = {};
    const copies: Record<string, string> = {};
    let healthcheck: HealthcheckFacts | undefined;
    for (const i of stage) {
        const args = i.getArguments().map((a) => a.getValue());
        switch (i.getKeyword()) {
            case "USER":
                user = args[0];
                break;
            case "EXPOSE":
                exposedPorts.push(...args.map((a) => Number(a.split("/")[0])));
                break;
            case "VOLUME":
                volumes.push(...jsonOrWords(i));
                break;
            case "ENV":
                for (const p of (i as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) env[p.getName()] = p.getValue() ?? "";
                break;
            case "RUN": {
                const apk = /\bapk\s+add\b([^&;|]*)/.exec(i.getArgumentsContent() ?? "");
                if (apk) installed.push(...apk[1].split(/\s+/).filter((w) => w !== "" && !w.startsWith("-")));
                break;
            }
            case "COPY":
                if (!(i as unknown as { getFlags(): { getName(): string }[] }).getFlags().some((f) => f.getName() === "from")) copies[args[args.length - 1]] = args[0];
                break;
            case "HEALTHCHECK":
                healthcheck = healthcheckFacts(i as Healthcheck);
                break;
        }
    }
    return { baseImage: last.getArguments()[0]?.getValue() ?? "", user, exposedPorts, volumes, installed, env, copies, healthcheck };
}

export interface NginxFacts {
    readonly listenPorts: readonly number[];
    readonly pid?: string;
    /** directive → path, for the five *_temp_path directives that are set. */
    readonly tempPaths: Readonly<Record<string, string>>;
}

/** Where the nginx image's build puts temp files unless nginx.conf says otherwise (its configure --http-*-temp-path). */
const NGINX_DEFAULT_TEMP_DIR = "/var/cache/nginx";
export const NGINX_TEMP_PATHS = ["client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path"] as const;

export function nginxFacts(conf: string): NginxFacts {
    const directives = conf.split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l.endsWith(";"))
        .map((l) => l.slice(0, -1).trim().split(/\s+/));
    const value = (name: string) => directives.find((d) => d[0] === name)?.[1];
    return {
        listenPorts: directives.filter((d) => d[0] === "listen").map((d) => Number(/(\d+)$/.exec(d[1])?.[1] ?? NaN)),
        pid: value("pid"),
        tempPaths: Object.fromEntries(NGINX_TEMP_PATHS.flatMap((n) => (value(n) ? [[n, value(n)!]] : []))),
    };
}

const SAMPLE_APP: AppSettings = {
    environment: "prod", debug: false, logLevel: "INFO",
    integrations: { razorpayEnvironment: "production", juspayEnvironment: "production", lmsEnvironment: "production", lmsEndpoint: "https://lms.example.com" },
};
const SAMPLE: Readonly<Record<ServiceName, ContainerInput>> = {
    "internal-pe": {
        service: "internal-pe", image: "x:1", region: "ap-south-1", logGroupName: "/ecs/x", aspnetcoreEnvironment: "Production", app: SAMPLE_APP,
        databaseSecretArn: "arn:aws:secretsmanager:ap-south-1:123456789014:secret:x",
    },
    "customer-portal": { service: "customer-portal", image: "x:1", region: "ap-south-1", logGroupName: "/ecs/x", app: SAMPLE_APP },
};

/** The parts of a task definition the contract reads. */
export interface TaskDefinitionParts {
    readonly container: TaskContainer;
    readonly volumes: readonly { name: string }[];
}

/** The service's task definition as compute/ builds it (containerDefinitions.ts). */
export function taskDefinitionParts(service: ServiceName): TaskDefinitionParts {
    return { container: containerDefinitions(SAMPLE[service])[0] as unknown as TaskContainer, volumes: taskVolumes(service) };
}

export interface TaskContainer {
    user: string;
    portMappings: { containerPort: number }[];
    environment: { name: string; value: string }[];
    healthCheck: { command: string[]; interval: number; timeout: number; startPeriod: number; retries: number };
    readonlyRootFilesystem: boolean;
    mountPoints: { sourceVolume: string; containerPath: string; readOnly: boolean }[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
const list = (a: readonly unknown[]) => (a.length ? a.join(", ") : "none");
const under = (path: string, dirs: readonly string[]) => dirs.some((d) => path === d || path.startsWith(`${d}/`));

/**
 * Every way the service's Dockerfile (and, for the portal, nginx.conf) disagrees with its task
 * definition; empty when they agree. Each problem starts with what it concerns: port, user, volumes,
 * health check, nginx.
 */
export function contractProblems(service: ServiceName, dockerfile: string, nginxConf?: string, task: TaskDefinitionParts = taskDefinitionParts(service)): string[] {
    const image = imageFacts(dockerfile);
    const container = task.container;
    const hardening = CONTAINER_HARDENING[service];
    const port = CONTAINER_PORTS[service];
    const writable = hardening.writablePaths.map((w) => w.path);
    const problems: string[] = [];

    // Port: the task definition's container port, the image's EXPOSE and what the server listens on.
    if (container.portMappings[0]?.containerPort !== port) problems.push(`port: the task definition maps ${container.portMappings[0]?.containerPort}, the service's port is ${port}`);
    if (!sameSet(image.exposedPorts.map(String), [String(port)])) problems.push(`port: the image exposes ${list(image.exposedPorts)}, the task definition maps ${port}`);
    if (service === "internal-pe") {
        const urls = image.env.ASPNETCORE_URLS;
        const taskUrls = container.environment.find((e) => e.name === "ASPNETCORE_URLS")?.value;
        if (urls !== taskUrls) problems.push(`port: the image sets ASPNETCORE_URLS=${urls ?? "(unset)"}, the task definition ${taskUrls}`);
    }

    // User: the image runs as the task definition's non-root UID.
    if (image.user !== container.user) problems.push(`user: the image runs as ${image.user ?? "root (no USER)"}, the task definition as ${container.user}`);
    if (container.user === "0" || container.user === "root") problems.push("user: the task definition runs as root");

    // Writable paths: a VOLUME in the image, a task volume and a read-write mount point for each, nothing else.
    if (!container.readonlyRootFilesystem) problems.push("volumes: the task definition's root file system is not read-only");
    if (!sameSet(image.volumes, writable)) problems.push(`volumes: the image declares VOLUME ${list(image.volumes)}, the task definition's writable paths are ${list(writable)}`);
    const mounts = container.mountPoints;
    if (!sameSet(mounts.map((m) => m.containerPath), writable) || mounts.some((m) => m.readOnly)) {
        problems.push(`volumes: the task definition mounts ${list(mounts.map((m) => `${m.containerPath}${m.readOnly ? " (read-only)" : ""}`))}, its writable paths are ${list(writable)}`);
    }
    if (!sameSet(task.volumes.map((v) => v.name), mounts.map((m) => m.sourceVolume))) {
        problems.push(`volumes: the task definition's volumes ${list(task.volumes.map((v) => v.name))} are not the ones its mount points use (${list(mounts.map((m) => m.sourceVolume))})`);
    }

    // Health check: the image's is the task definition's, and its tool is in the runtime image.
    const check = container.healthCheck;
    const taskCommand = check.command[0] === "CMD-SHELL" ? check.command[1] : check.command.slice(1).join(" ");
    const tool = taskCommand.split(/\s+/)[0];
    const tools = BASE_IMAGE_TOOLS[image.baseImage];
    if (tools === undefined) problems.push(`health check: unknown runtime image ${image.baseImage}: record the tools it ships in BASE_IMAGE_TOOLS (with the source)`);
    else if (![...tools, ...image.installed].includes(tool)) {
        problems.push(`health check: the task definition runs ${tool}, which ${image.baseImage} does not ship and the image does not install (installs: ${list(image.installed)})`);
    }
    const h = image.healthcheck;
    if (!h) problems.push("health check: the image has no HEALTHCHECK CMD");
    else {
        if (h.command !== taskCommand.split(/\s+/).join(" ")) problems.push(`health check: the image runs "${h.command}", the task definition "${taskCommand}"`);
        const timings = (x: { i?: number; t?: number; s?: number; r?: number }) => `interval ${x.i}s, timeout ${x.t}s, start period ${x.s}s, retries ${x.r}`;
        const mine = timings({ i: h.intervalSeconds, t: h.timeoutSeconds, s: h.startPeriodSeconds, r: h.retries });
        const theirs = timings({ i: check.interval, t: check.timeout, s: check.startPeriod, r: check.retries });
        if (mine !== theirs) problems.push(`health check: the image's ${mine}; the task definition's ${theirs}`);
    }

    // The portal's nginx: listens on the port, pid file and temp paths in writable paths.
    if (service === "customer-portal") {
        if (nginxConf === undefined) problems.push("nginx: no nginx.conf given");
        else {
            if (image.copies["/etc/nginx/nginx.conf"] !== "nginx.conf") problems.push("nginx: the image does not COPY nginx.conf to /etc/nginx/nginx.conf");
            const conf = nginxFacts(nginxConf);
            if (!sameSet(conf.listenPorts.map(String), [String(port)])) problems.push(`nginx: listens on ${list(conf.listenPorts)}, the task definition maps ${port}`);
            if (!conf.pid || !under(conf.pid, writable)) problems.push(`nginx: pid file ${conf.pid ?? "(default /var/run/nginx.pid)"} is not in a writable path (${list(writable)})`);
            for (const name of NGINX_TEMP_PATHS) {
                const p = conf.tempPaths[name] ?? NGINX_DEFAULT_TEMP_DIR;
                if (!under(p, writable)) problems.push(`nginx: ${name} ${p} is not in a writable path (${list(writable)})`);
            }
        }
    }
    return problems;
}
