/**
 * A stand-in for the ALB for the §11 health checks: a TLS server on 127.0.0.1 with a throw-away
 * self-signed certificate for the given host names (never for 127.0.0.1, the address the check
 * connects to), which forwards each request to a fake internal-pe or customer-portal exactly as the
 * listener would (config/albRouting.ts routedService), and records what it saw.
 */
import * as https from "https";
import { AddressInfo } from "net";
import { generate } from "selfsigned";
import { AlbRouting, routedService } from "../../config/albRouting";
import { ServiceName } from "../../config/names";

export interface Answer {
    readonly status: number;
    readonly contentType: string;
    readonly body: string;
}
/** What a fake service answers for a path; "hang" never answers. */
export type Backend = (path: string) => Answer | "hang";

const HTML = "text/html; charset=utf-8";
/** ASP.NET Core's health endpoint and its UI from wwwroot. */
export const INTERNAL_PE: Backend = (path) => (path === "/health"
    ? { status: 200, contentType: "text/plain", body: "Healthy" }
    : { status: 200, contentType: HTML, body: "<!doctype html><title>internal-pe</title>" });
/** A single-page app at its worst: every path, /health included, answers its index page. */
export const PORTAL: Backend = () => ({ status: 200, contentType: HTML, body: "<!doctype html><title>customer portal</title>" });

export interface Certificate {
    readonly key: string;
    readonly cert: string;
}

/** A self-signed certificate naming exactly `hostNames` (P-256: quick to make). */
export async function certificateFor(hostNames: readonly string[]): Promise<Certificate> {
    const pems = await generate([{ name: "commonName", value: hostNames[0] }], {
        keyType: "ec",
        curve: "P-256",
        extensions: [{ name: "subjectAltName", altNames: hostNames.map((value) => ({ type: 2 as const, value })) }],
    });
    return { key: pems.private, cert: pems.cert };
}

export interface Seen {
    readonly servername: string;
    readonly host: string;
    readonly path: string;
    readonly routedTo: ServiceName;
}

export interface FakeAlb {
    readonly port: number;
    readonly seen: Seen[];
    close(): Promise<void>;
}

export async function startFakeAlb(certificate: Certificate, routing: AlbRouting, backends: Readonly<Record<ServiceName, Backend>>): Promise<FakeAlb> {
    const seen: Seen[] = [];
    const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
        const host = String(req.headers.host ?? "");
        const path = req.url ?? "/";
        const routedTo = routedService(routing, host, path);
        seen.push({ servername: String((req.socket as { servername?: string }).servername ?? ""), host, path, routedTo });
        const answer = backends[routedTo](path);
        if (answer === "hang") return;
        res.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        port: (server.address() as AddressInfo).port,
        seen,
        close: async () => {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(resolve));
        },
    };
}
