/**
 * §11 "Health endpoint checks", one per service, through the ALB as clients reach it. The guide's
 * `http://<alb-dns>/health` cannot work on this ALB: port 80 only redirects (§3.1.2), no certificate
 * covers the ALB's AWS name, and with host routing the host decides the service. So each check
 * connects to the ALB's address, sends the service's host name as TLS server name (SNI) and Host
 * header, verifies the certificate for that name, and requests a host and path the listener routes
 * to that service (the stack output `healthRoutes`, from config/albRouting.ts).
 *
 * What counts as healthy, per service, so that a request the ALB sent to the wrong service fails:
 *  - internal-pe: `/health` answers 200 with "Healthy" in the body (ASP.NET Core health checks write
 *    the status, "Healthy", as the response; the portal's nginx never answers it: docker/customer-portal/nginx.conf);
 *  - customer-portal: `/` answers 200 with an HTML page (what its target group and container check probe).
 *
 * `port` and `ca` exist so tests can run the same code against a local TLS server on 127.0.0.1 with a
 * throw-away certificate; the CLI passes neither (port 443, the system's trusted roots).
 */
import * as https from "https";
import type { HealthRoute } from "../../config/albRouting";
import { ServiceName } from "../../config/names";
import { CheckRow } from "./checks";

export interface HealthOptions {
    readonly timeoutMs: number;
    /** The ALB's HTTPS port; default 443. */
    readonly port?: number;
    /** PEM certificates to trust instead of the system's roots; default: the system's roots. */
    readonly ca?: string;
}

/** How much of a response body is read to recognise the service. */
const MAX_BODY_BYTES = 4096;

/** Pure: why an answer is not the service's healthy answer (undefined: it is). */
export function healthProblem(service: ServiceName, status: number, contentType: string, body: string): string | undefined {
    if (status !== 200) return `HTTP ${status}`;
    const seen = `${contentType || "no content type"} ${JSON.stringify(body.trim().slice(0, 40))}`;
    if (service === "internal-pe" && !body.includes("Healthy")) return `HTTP 200 but not internal-pe's health answer ("Healthy"): ${seen}; routed to another service?`;
    if (service === "customer-portal" && !/^text\/html\b/i.test(contentType)) return `HTTP 200 but not the portal's page (text/html): ${seen}; routed to another service?`;
    return undefined;
}

/** Pure: what the row names as its target. */
export function healthTarget(route: HealthRoute, port?: number): string {
    return `${route.service} https://${route.host}${port === undefined ? "" : `:${port}`}${route.path}`;
}

/** GETs one service's health route at the ALB's address; resolves (never rejects) with its row. */
export function checkHealthRoute(albAddress: string, route: HealthRoute, options: HealthOptions): Promise<CheckRow> {
    const started = Date.now();
    const row = (ok: boolean, detail: string): CheckRow => ({ check: "health", target: healthTarget(route, options.port), ok, detail: `${detail} (at ${albAddress})` });

    return new Promise((resolve) => {
        let settled = false;
        const finish = (result: CheckRow) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            request.destroy();
            resolve(result);
        };
        const request = https.request({
            host: albAddress,
            port: options.port ?? 443,
            path: route.path,
            method: "GET",
            // The certificate is verified for `servername` (Node checks the server identity against it).
            servername: route.host,
            headers: { host: route.host, accept: "*/*" },
            ca: options.ca,
            rejectUnauthorized: true,
            agent: false,
        }, (response) => {
            const chunks: Buffer[] = [];
            let size = 0;
            const done = () => {
                const problem = healthProblem(route.service, response.statusCode ?? 0, String(response.headers["content-type"] ?? ""), Buffer.concat(chunks).toString("utf8"));
                finish(row(problem === undefined, `${problem ?? `HTTP ${response.statusCode}`} in ${Date.now() - started} ms`));
            };
            response.on("data", (chunk: Buffer) => {
                chunks.push(chunk);
                size += chunk.length;
                if (size >= MAX_BODY_BYTES) done();
            });
            response.on("end", done);
            response.on("error", (e) => finish(row(false, `${e.name}: ${e.message}`)));
        });
        const timer = setTimeout(() => finish(row(false, `no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
        request.on("error", (e) => finish(row(false, `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message}`)));
        request.end();
    });
}
