/**
 * Issue 13, fault 7: the Dockerfiles under docker/ satisfy the task definitions — port, non-root user,
 * a VOLUME for every writable path (and matching task volumes and mount points), the health check's
 * tool in the runtime image, and nginx on 8443 with its pid file and temp paths in writable paths. The
 * guide's own Dockerfiles (§5.1) and single-line breakages of ours must fail, each for its reason.
 * (No Docker engine here: the images are not built, only read.)
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { ServiceName } from "../../config/names";
import { contractProblems, imageFacts, nginxFacts, taskDefinitionParts } from "./contract";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), "utf8");
const DOCKERFILE: Record<ServiceName, string> = {
    "internal-pe": read("docker", "internal-pe", "Dockerfile"),
    "customer-portal": read("docker", "customer-portal", "Dockerfile"),
};
const NGINX_CONF = read("docker", "customer-portal", "nginx.conf");
const FIXTURES = ["tests", "docker", "fixtures"];

/** Our Dockerfile with one line replaced; fails the test if the line is not there. */
function broken(service: ServiceName, line: string, replacement: string): string {
    const text = DOCKERFILE[service];
    expect(text.split("\n"), `fixture line "${line}"`).to.include(line);
    return text.split("\n").map((l) => (l === line ? replacement : l)).join("\n");
}

describe("docker/: the images satisfy the task definitions (§5.1, §5.2.1)", () => {
    it("internal-pe: UID 1654, port 8080, VOLUME /tmp, curl installed for its health check", () => {
        const facts = imageFacts(DOCKERFILE["internal-pe"]);
        expect(facts).to.deep.include({ baseImage: "mcr.microsoft.com/dotnet/aspnet:8.0-alpine", user: "1654", exposedPorts: [8080], volumes: ["/tmp"], installed: ["curl"] });
        expect(facts.env).to.deep.equal({ ASPNETCORE_ENVIRONMENT: "Production", ASPNETCORE_URLS: "http://+:8080" });
        expect(contractProblems("internal-pe", DOCKERFILE["internal-pe"])).to.deep.equal([]);
    });

    it("customer-portal: UID 101, port 8443, VOLUMEs /tmp and /var/cache/nginx, nginx.conf on 8443 with pid and temp paths in /tmp", () => {
        expect(imageFacts(DOCKERFILE["customer-portal"])).to.deep.include({ baseImage: "nginx:1.28-alpine", user: "101", exposedPorts: [8443], volumes: ["/tmp", "/var/cache/nginx"] });
        expect(nginxFacts(NGINX_CONF)).to.deep.equal({
            listenPorts: [8443],
            pid: "/tmp/nginx.pid",
            tempPaths: {
                client_body_temp_path: "/tmp/client_temp", proxy_temp_path: "/tmp/proxy_temp", fastcgi_temp_path: "/tmp/fastcgi_temp",
                uwsgi_temp_path: "/tmp/uwsgi_temp", scgi_temp_path: "/tmp/scgi_temp",
            },
        });
        expect(contractProblems("customer-portal", DOCKERFILE["customer-portal"], NGINX_CONF)).to.deep.equal([]);
    });

    it("the guide's internal-pe Dockerfile fails: root user, no VOLUME, no curl, a health check unlike the task definition's", () => {
        expect(contractProblems("internal-pe", read(...FIXTURES, "guide-internal-pe.Dockerfile"))).to.deep.equal([
            "user: the image runs as root (no USER), the task definition as 1654",
            "volumes: the image declares VOLUME none, the task definition's writable paths are /tmp",
            "health check: the task definition runs curl, which mcr.microsoft.com/dotnet/aspnet:8.0-alpine does not ship and the image does not install (installs: none)",
            "health check: the image's interval 30s, timeout 3s, start period 5s, retries 3; the task definition's interval 30s, timeout 5s, start period 60s, retries 3",
        ]);
    });

    it("the guide's portal Dockerfile with the stock nginx.conf fails: port 80, root, no VOLUMEs, pid in /var/run", () => {
        const problems = contractProblems("customer-portal", read(...FIXTURES, "guide-customer-portal.Dockerfile"), read(...FIXTURES, "stock-nginx.conf"));
        expect(problems).to.deep.equal([
            "port: the image exposes 80, the task definition maps 8443",
            "user: the image runs as root (no USER), the task definition as 101",
            "volumes: the image declares VOLUME none, the task definition's writable paths are /tmp, /var/cache/nginx",
            "health check: unknown runtime image nginx:alpine: record the tools it ships in BASE_IMAGE_TOOLS (with the source)",
            "health check: the image runs \"wget --no-verbose --tries=1 --spider http://localhost/ || exit 1\", the task definition \"wget --no-verbose --tries=1 --spider http://localhost:8443/ || exit 1\"",
            "nginx: listens on 80, the task definition maps 8443",
            "nginx: pid file /var/run/nginx.pid is not in a writable path (/tmp, /var/cache/nginx)",
        ]);
    });

    describe("one broken line of ours fails for its reason", () => {
        const cases: [string, ServiceName, string, string, RegExp][] = [
            ["the wrong port", "internal-pe", "EXPOSE 8080", "EXPOSE 80", /^port: the image exposes 80, the task definition maps 8080$/],
            ["ASPNETCORE_URLS on another port", "internal-pe", "ENV ASPNETCORE_URLS=http://+:8080", "ENV ASPNETCORE_URLS=http://+:5000", /^port: the image sets ASPNETCORE_URLS=http:\/\/\+:5000/],
            ["root", "internal-pe", "USER 1654", "USER root", /^user: the image runs as root, the task definition as 1654$/],
            ["a missing writable path", "customer-portal", "VOLUME [\"/tmp\", \"/var/cache/nginx\"]", "VOLUME [\"/tmp\"]", /^volumes: the image declares VOLUME \/tmp, the task definition's writable paths are/],
            ["curl not installed", "internal-pe", "RUN apk add --no-cache curl", "RUN apk add --no-cache tzdata", /^health check: the task definition runs curl, which .* does not ship and the image does not install \(installs: tzdata\)$/],
            ["a different health check", "customer-portal", "  CMD wget --no-verbose --tries=1 --spider http://localhost:8443/ || exit 1", "  CMD wget -q --spider http://localhost:8443/ || exit 1", /^health check: the image runs "wget -q/],
        ];
        for (const [what, service, line, replacement, expected] of cases) {
            it(`${service}: ${what}`, () => {
                const problems = contractProblems(service, broken(service, line, replacement), NGINX_CONF);
                expect(problems).to.have.length(1);
                expect(problems[0]).to.match(expected);
            });
        }

        it("the task definition's side: a read-only mount, a volume no mount uses, root, a writable root", () => {
            const real = taskDefinitionParts("customer-portal");
            const task = {
                container: { ...real.container, user: "0", readonlyRootFilesystem: false, mountPoints: real.container.mountPoints.map((m, i) => (i === 1 ? { ...m, readOnly: true } : m)) },
                volumes: [...real.volumes, { name: "spare" }],
            };
            expect(contractProblems("customer-portal", DOCKERFILE["customer-portal"], NGINX_CONF, task)).to.deep.equal([
                "user: the image runs as 101, the task definition as 0",
                "user: the task definition runs as root",
                "volumes: the task definition's root file system is not read-only",
                "volumes: the task definition mounts /tmp, /var/cache/nginx (read-only), its writable paths are /tmp, /var/cache/nginx",
                "volumes: the task definition's volumes tmp, nginx-cache, spare are not the ones its mount points use (tmp, nginx-cache)",
            ]);
        });

        it("customer-portal: nginx listening on 8080 with its pid file on the read-only root", () => {
            const conf = NGINX_CONF.replace("listen 8443;", "listen 8080;").replace("pid /tmp/nginx.pid;", "pid /run/nginx.pid;").replace("proxy_temp_path /tmp/proxy_temp;", "proxy_temp_path /etc/nginx/proxy_temp;");
            expect(contractProblems("customer-portal", DOCKERFILE["customer-portal"], conf)).to.deep.equal([
                "nginx: listens on 8080, the task definition maps 8443",
                "nginx: pid file /run/nginx.pid is not in a writable path (/tmp, /var/cache/nginx)",
                "nginx: proxy_temp_path /etc/nginx/proxy_temp is not in a writable path (/tmp, /var/cache/nginx)",
            ]);
        });
    });
});
