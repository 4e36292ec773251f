import { describe, expect, it } from "vitest";
import { decideEdge } from "@/lib/edge/route-request";

// The setup link (/setup?token=… on a tenant's host) is opened by someone with no session yet:
// the middleware must hand it to the tenant app like /sign-in, and never to another tenant.

const decide = (url: string, headers: Record<string, string>, production = true) =>
  decideEdge({ url: new URL(url), headers: new Headers(headers), appDomain: "localhost", production });
const TOKEN = "NmMxZDJlM2YtNGE1Yi00YzZkLThlN2YuNzE3.q-9_zZ";

describe("middleware and the setup link", () => {
  it("rewrites an anonymous /setup?token=… on a tenant host to the tenant app, like /sign-in", () => {
    for (const production of [true, false]) {
      const setup = decide(`http://acme.localhost:3000/setup?token=${TOKEN}`, { host: "acme.localhost:3000" }, production);
      expect(setup).toMatchObject({ action: "rewrite", pathname: "/t/acme/setup" });
      expect(setup.action === "rewrite" && setup.headers.get("x-bisman-tenant")).toBe("acme");
      expect(decide("http://acme.localhost:3000/sign-in", { host: "acme.localhost:3000" }, production)).toMatchObject({
        action: "rewrite",
        pathname: "/t/acme/sign-in",
      });
    }
  });

  it("does not serve /setup of the tenant app directly or on the apex", () => {
    expect(decide(`http://localhost:3000/t/acme/setup?token=${TOKEN}`, { host: "localhost:3000" })).toMatchObject({ action: "deny", status: 404 });
    expect(decide(`http://localhost:3000/setup?token=${TOKEN}`, { host: "localhost:3000" })).toMatchObject({ action: "next" });
  });
});
