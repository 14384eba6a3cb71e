/**
 * The mock LMS of dev (§4.1.1 "LMS: Mock service"): a Lambda function URL that answers the LMS calls
 * the payments engine makes with fixed, obviously fake data, so dev runs end to end without an LMS.
 * No dependencies, no AWS calls, no stored data. Bundled by operations/lambdaCode.ts.
 */

interface UrlEvent {
    readonly rawPath?: string;
    readonly requestContext?: { readonly http?: { readonly method?: string } };
}

interface UrlResult {
    readonly statusCode: number;
    readonly headers: Record<string, string>;
    readonly body: string;
}

const json = (statusCode: number, body: unknown): UrlResult => ({ statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The mock's routes: pure, tested. */
export function route(method: string, path: string): UrlResult {
    if (method === "GET" && path === "/health") return json(200, { status: "ok", mock: true });
    const loan = /^\/loans\/([A-Za-z0-9-]{1,64})$/.exec(path);
    if (method === "GET" && loan) {
        return json(200, { loanAccountId: loan[1], customerId: `MOCK-${loan[1]}`, status: "ACTIVE", outstandingAmount: 125000.0, currency: "INR", emiAmount: 5400.0, mock: true });
    }
    const payment = /^\/loans\/([A-Za-z0-9-]{1,64})\/payments$/.exec(path);
    if (method === "POST" && payment) return json(202, { loanAccountId: payment[1], accepted: true, mock: true });
    return json(404, { error: "not found", mock: true });
}

export async function handler(event: UrlEvent): Promise<UrlResult> {
    return route(event.requestContext?.http?.method ?? "GET", event.rawPath ?? "/");
}
