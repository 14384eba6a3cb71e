/**
 * The listener's routing as config/albRouting.ts evaluates it, and the routes §11 checks (issue 13,
 * fault 6): each service's health route must be one the ALB sends to that service.
 */
import { expect } from "chai";
import { parseStackConfig } from "../../config";
import { AlbRouting, healthRoutes, routedService } from "../../config/albRouting";
import { rawStackConfig } from "../support/config";

const HOST: AlbRouting = { mode: "host", portalHostnames: ["portal.fivestar.in", "*.pay.fivestar.in", "app?.fivestar.in"] };
const PATH: AlbRouting = { mode: "path", portalPathPatterns: ["/portal", "/portal/*"] };

describe("ALB routing as the listener evaluates it", () => {
    const cases: [string, AlbRouting, [host: string, path: string, expected: string][]][] = [
        ["host mode: the portal's host names (case-insensitive, * and ?), everything else to internal-pe", HOST, [
            ["portal.fivestar.in", "/health", "customer-portal"], ["PORTAL.Fivestar.IN", "/", "customer-portal"], ["a.b.pay.fivestar.in", "/", "customer-portal"],
            ["app1.fivestar.in", "/", "customer-portal"], ["app12.fivestar.in", "/", "internal-pe"], ["payments.fivestar.in", "/health", "internal-pe"],
            ["portalxfivestar.in", "/", "internal-pe"],
        ]],
        ["path mode: the portal's path patterns (case-sensitive, the query ignored), everything else to internal-pe", PATH, [
            ["x.fivestar.in", "/portal", "customer-portal"], ["x.fivestar.in", "/portal/app.js?v=2", "customer-portal"], ["x.fivestar.in", "/Portal/", "internal-pe"],
            ["x.fivestar.in", "/portals", "internal-pe"], ["x.fivestar.in", "/health", "internal-pe"],
        ]],
    ];
    for (const [title, routing, requests] of cases) {
        it(title, () => {
            expect(requests.map(([host, path]) => `${host}${path} -> ${routedService(routing, host, path)}`))
                .to.deep.equal(requests.map(([host, path, expected]) => `${host}${path} -> ${expected}`));
        });
    }
});

describe("§11 health routes per stack", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack}: internal-pe's /health on its own host, the portal's / on the portal's host, each routed to its service`, () => {
            const cfg = parseStackConfig(rawStackConfig(stack));
            const sub = stack === "prod" ? "" : `${stack}.`;
            const routes = healthRoutes(cfg.alb.routing, cfg.alb.internalPeHostname);
            expect(routes).to.deep.equal([
                { service: "internal-pe", host: `payments.${sub}fivestar-payments.example`, path: "/health" },
                { service: "customer-portal", host: `portal.${sub}fivestar-payments.example`, path: "/" },
            ]);
            for (const r of routes) expect(routedService(cfg.alb.routing, r.host, r.path)).to.equal(r.service);
        });
    }

    it("host mode with only wildcard portal names: a name the wildcard covers", () => {
        expect(healthRoutes({ mode: "host", portalHostnames: ["*.portal.fivestar.in"] }, "api.fivestar.in")[1]).to.deep.equal(
            { service: "customer-portal", host: "health.portal.fivestar.in", path: "/" });
    });

    it("path mode: both on internal-pe's host, the portal under its directory pattern", () => {
        expect(healthRoutes(PATH, "pay.fivestar.in")).to.deep.equal([
            { service: "internal-pe", host: "pay.fivestar.in", path: "/health" },
            { service: "customer-portal", host: "pay.fivestar.in", path: "/portal/" },
        ]);
    });

    it("without internal-pe's host name: no internal-pe route (validation fails it); in path mode no portal route either", () => {
        expect(healthRoutes(HOST, undefined).map((r) => r.service)).to.deep.equal(["customer-portal"]);
        expect(healthRoutes(PATH, undefined)).to.deep.equal([]);
    });

    it("refuses a route the listener would send to the other service", () => {
        expect(() => healthRoutes(HOST, "portal.fivestar.in")).to.throw("the health check of internal-pe at https://portal.fivestar.in/health would be routed to customer-portal");
    });
});
