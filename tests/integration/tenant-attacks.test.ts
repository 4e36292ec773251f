import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT, UnsecuredJWT } from "jose";
import { issueToken } from "@/lib/auth/tokens";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";
const { GET: listUsers, POST: createUser } = routeHandlers("/api/client/users");

// Header and host attacks against the Node side, which must hold even when
// the middleware never ran (it does not run on /api/*, and can be skipped).

let a: TenantRecord;
let b: TenantRecord;
let ownerA: TestUser;
let ownerB: TestUser;

afterAll(() => destroyTenants());

beforeAll(async () => {
  ({ tenant: a } = await makeTenant());
  ({ tenant: b } = await makeTenant());
  ownerA = await makeUser(a, ["Owner"], "Alice A");
  ownerB = await makeUser(b, ["Owner"], "Bob B");
});

const hostOf = (t: TenantRecord) => `${t.slug}.localhost:3000`;

describe("tenant attacks on route handlers", () => {
  it("a token of tenant A with x-tenant-id naming B (by slug or id) → 403", async () => {
    expect((await call(listUsers, "/api/client/users", { token: ownerA.token, headers: { "x-tenant-id": b.slug } })).status).toBe(403);
    expect((await call(listUsers, "/api/client/users", { token: ownerA.token, headers: { "x-tenant-id": b.id } })).status).toBe(403);
    expect((await call(listUsers, "/api/client/users", { token: ownerA.token, headers: { "x-tenant-id": a.id } })).status).toBe(200);
  });

  it("a token of tenant A on B's subdomain → 403; on its own subdomain → 200", async () => {
    expect((await call(listUsers, "/api/client/users", { token: ownerA.token, host: hostOf(b) })).status).toBe(403);
    expect((await call(listUsers, "/api/client/users", { token: ownerA.token, host: hostOf(a) })).status).toBe(200);
  });

  it("the token's tenant alone selects the tenant when nothing else is sent", async () => {
    const r = await call(listUsers, "/api/client/users", { token: ownerA.token });
    expect(r.status).toBe(200);
    expect(r.body.users.map((u: { name: string }) => u.name)).toContain("Alice A");
    expect(r.body.users.map((u: { name: string }) => u.name)).not.toContain("Bob B");
  });

  it("a spoofed edge header naming another tenant → 403; x-middleware-subrequest changes nothing", async () => {
    expect((await call(listUsers, "/api/client/users", { token: ownerA.token, headers: { "x-bisman-tenant": b.slug } })).status).toBe(403);
    expect(
      (
        await call(listUsers, "/api/client/users", {
          headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-tenant-id": a.slug },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call(listUsers, "/api/client/users", {
          token: ownerB.token,
          headers: { "x-middleware-subrequest": "middleware", "x-bisman-tenant": a.slug, "x-tenant-id": a.slug },
        })
      ).status,
    ).toBe(403);
  });

  it("a token claiming a user id of tenant A but tenant B's tenant_id is useless (the user does not exist in B)", async () => {
    const forgedIdentity = await issueToken({ ...ownerA.principal, tenantId: b.id, tenantSlug: b.slug });
    expect((await call(listUsers, "/api/client/users", { token: forgedIdentity.token })).status).toBe(401);
  });

  it("tenant A's session cookie presented on B's host → 403, and a session cookie is not a bearer token", async () => {
    const session = await issueToken(ownerA.principal, { use: "session" });
    const cookie = `bisman.session=${session.token}`;
    expect((await call(listUsers, "/api/client/users", { host: hostOf(b), headers: { cookie } })).status).toBe(403);
    expect((await call(listUsers, "/api/client/users", { host: hostOf(a), headers: { cookie } })).status).toBe(200);
    expect((await call(listUsers, "/api/client/users", { token: session.token })).status).toBe(401);
    const access = await issueToken(ownerA.principal);
    expect((await call(listUsers, "/api/client/users", { host: hostOf(a), headers: { cookie: `bisman.session=${access.token}` } })).status).toBe(401);
  });

  it("a state-changing request from another origin (another tenant's subdomain) is refused, even with a valid session", async () => {
    const session = await issueToken(ownerA.principal, { use: "session" });
    const r = await call(createUser, "/api/client/users", {
      host: hostOf(a),
      headers: { cookie: `bisman.session=${session.token}`, origin: `http://${hostOf(b)}`, "sec-fetch-site": "same-site" },
      body: { email: "x@a.test", name: "X", password: "long-enough-password" },
    });
    expect(r.status).toBe(403);
  });

  it("malformed Authorization and garbage tokens → 401 problem+json without details", async () => {
    for (const authorization of ["Basic abc", "Bearer", "Bearer a.b", `Bearer ${ownerA.token}x`]) {
      const r = await call(listUsers, "/api/client/users", { headers: { authorization } });
      expect(r.status).toBe(401);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(JSON.stringify(r.body)).not.toMatch(/signature|JWS|stack/i);
    }
  });

  it("forged tokens reach no route: alg none, a guessed key, an edited tenant_id, another audience", async () => {
    const payload = JSON.parse(Buffer.from(ownerA.token.split(".")[1]!, "base64url").toString());
    const header = JSON.parse(Buffer.from(ownerA.token.split(".")[0]!, "base64url").toString());
    const forged = [
      new UnsecuredJWT(payload).encode(),
      await new SignJWT(payload).setProtectedHeader(header).sign(new TextEncoder().encode(process.env.AUTH_SECRET!)), // the raw secret, not the derived key
      `${ownerA.token.split(".")[0]}.${Buffer.from(JSON.stringify({ ...payload, tenant_id: b.id, tenant_slug: b.slug })).toString("base64url")}.${ownerA.token.split(".")[2]}`,
      `${ownerA.token.split(".")[0]}.${Buffer.from(JSON.stringify({ ...payload, aud: "bisman:enterprise-admin" })).toString("base64url")}.${ownerA.token.split(".")[2]}`,
    ];
    for (const token of forged) {
      expect((await call(listUsers, "/api/client/users", { token })).status).toBe(401);
      expect((await call(listUsers, "/api/client/users", { token, headers: { "x-tenant-id": b.slug } })).status).toBe(401);
    }
  });
});
