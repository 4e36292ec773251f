import { describe, expect, it } from "vitest";
import { decideEdge } from "@/lib/edge/route-request";

const D = "localhost";
function decide(path: string, headers: Record<string, string>, production = true) {
  return decideEdge({ url: new URL(`http://localhost${path}`), headers: new Headers(headers), appDomain: D, production });
}
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const fakeSession = (claims: Record<string, unknown>) => `${b64({ alg: "HS256" })}.${b64(claims)}.sig`;
const A = { tenant_id: "6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", tenant_slug: "acme", aud: "bisman:client-user" };

describe("middleware decision", () => {
  it("rewrites pages on a tenant host to /t/<slug>/…, marking the edge's tenant", () => {
    const d = decide("/reports/x", { host: "acme.localhost:3000" });
    expect(d).toMatchObject({ action: "rewrite", pathname: "/t/acme/reports/x" });
    expect(d.action === "rewrite" && d.headers.get("x-bisman-tenant")).toBe("acme");
    expect(decide("/", { host: "acme.localhost:3000" })).toMatchObject({ action: "rewrite", pathname: "/t/acme" });
  });

  it("hides /t/… on every host", () => {
    for (const host of ["localhost:3000", "acme.localhost:3000", "127.0.0.1:3000"]) {
      expect(decide("/t/acme", { host })).toMatchObject({ action: "deny", status: 404 });
      expect(decide("/t/acme/sign-in", { host })).toMatchObject({ action: "deny", status: 404 });
    }
    expect(decide("/tables", { host: "localhost:3000" })).toMatchObject({ action: "next" });
  });

  it("drops spoofed internal headers and x-middleware-subrequest", () => {
    const spoof = {
      "x-bisman-tenant": "beta",
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
      "x-bisman-request-id": "x",
    };
    const apex = decide("/admin", { host: "localhost:3000", ...spoof });
    expect(apex.action).toBe("next");
    for (const h of Object.keys(spoof)) expect(apex.action === "next" && apex.headers.get(h)).toBe(null);
    const tenant = decide("/", { host: "acme.localhost:3000", ...spoof });
    expect(tenant.action === "rewrite" && tenant.headers.get("x-bisman-tenant")).toBe("acme");
    expect(tenant.action === "rewrite" && tenant.headers.get("x-middleware-subrequest")).toBe(null);
  });

  it("403 when the session's tenant, the header or the host disagree", () => {
    expect(decide("/", { host: "beta.localhost:3000", cookie: `bisman.session=${fakeSession(A)}` })).toMatchObject({ action: "deny", status: 403 });
    expect(decide("/", { host: "beta.localhost:3000", cookie: `__Host-bisman.session=${fakeSession(A)}` })).toMatchObject({ action: "deny", status: 403 });
    expect(decide("/", { host: "acme.localhost:3000", "x-tenant-id": "beta" })).toMatchObject({ action: "deny", status: 403 });
    expect(decide("/", { host: "acme.localhost:3000", cookie: `bisman.session=${fakeSession(A)}` })).toMatchObject({ action: "rewrite" });
  });

  it("a claim or a header never selects a tenant for a page; IP hosts are the apex", () => {
    expect(decide("/", { host: "localhost:3000", cookie: `bisman.session=${fakeSession(A)}` })).toMatchObject({ action: "next" });
    expect(decide("/", { host: "localhost:3000", "x-tenant-id": "acme" })).toMatchObject({ action: "next" });
    expect(decide("/", { host: "127.0.0.1:3000" })).toMatchObject({ action: "next" });
    expect(decide("/", { host: "acme.127.0.0.1:3000" })).toMatchObject({ action: "next" });
  });

  it("?tenant= rewrites on the apex only outside production", () => {
    expect(decide("/?tenant=acme", { host: "localhost:3000" }, false)).toMatchObject({ action: "rewrite", pathname: "/t/acme" });
    expect(decide("/?tenant=acme", { host: "localhost:3000" }, true)).toMatchObject({ action: "next" });
    expect(decide("/?tenant=beta", { host: "acme.localhost:3000" }, false)).toMatchObject({ action: "deny", status: 403 });
  });
});
