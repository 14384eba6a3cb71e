/**
 * §11 "Health endpoint checks": `https://<alb>/health` must answer 200 within a timeout. (The guide's
 * script used plain http; the ALB redirects port 80 to 443 (§3.1.2), so https is what users reach.)
 *
 * `endpoint` exists so tests can point the check at a plain-http server on 127.0.0.1 and a free
 * port; the CLI always uses HTTPS_ENDPOINT. `hostName` (the CLI's --health-host) is for an ALB whose
 * certificate names a custom domain rather than its AWS DNS name: the request still goes to the ALB,
 * with that name as TLS server name, certificate name and Host header.
 */
import * as http from "http";
import * as https from "https";
import { CheckRow } from "./checks";

export interface HealthEndpoint {
    readonly scheme: "http" | "https";
    /** Default: the scheme's port (443 / 80). */
    readonly port?: number;
}

export const HTTPS_ENDPOINT: HealthEndpoint = Object.freeze({ scheme: "https" });
export const HEALTH_PATH = "/health";

export interface HealthOptions {
    readonly timeoutMs: number;
    readonly endpoint?: HealthEndpoint;
    readonly hostName?: string;
}

/** Pure: the URL the check requests (as printed in the table). */
export function healthUrl(albDnsName: string, endpoint: HealthEndpoint = HTTPS_ENDPOINT): string {
    const port = endpoint.port === undefined ? "" : `:${endpoint.port}`;
    return `${endpoint.scheme}://${albDnsName}${port}${HEALTH_PATH}`;
}

/** GETs the health URL; resolves (never rejects) with a PASS row only for a 200 within the timeout. */
export function checkHealth(albDnsName: string, options: HealthOptions): Promise<CheckRow> {
    const endpoint = options.endpoint ?? HTTPS_ENDPOINT;
    const url = healthUrl(albDnsName, endpoint);
    const started = Date.now();
    const row = (ok: boolean, detail: string): CheckRow => ({ check: "health", target: options.hostName ? `${url} (as ${options.hostName})` : url, ok, detail });

    return new Promise((resolve) => {
        let settled = false;
        const finish = (result: CheckRow) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(result);
        };
        const requestOptions: https.RequestOptions = {
            host: albDnsName,
            port: endpoint.port,
            path: HEALTH_PATH,
            method: "GET",
            headers: options.hostName ? { host: options.hostName } : {},
            ...(endpoint.scheme === "https" && options.hostName ? { servername: options.hostName } : {}),
        };
        const request = (endpoint.scheme === "https" ? https : http).request(requestOptions, (response) => {
            response.resume(); // drain the body so the socket is released
            const status = response.statusCode ?? 0;
            finish(row(status === 200, `HTTP ${status} in ${Date.now() - started} ms`));
            request.destroy();
        });
        const timer = setTimeout(() => {
            finish(row(false, `no answer within ${options.timeoutMs} ms`));
            request.destroy();
        }, options.timeoutMs);
        request.on("error", (e) => finish(row(false, `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message}`)));
        request.end();
    });
}
