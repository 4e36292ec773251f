import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { invalidateTenant } from "@/lib/tenancy/registry";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { POST: clientLogin } = routeHandlers("/api/client/auth/login");
const { GET: listRoles, POST: createRole } = routeHandlers("/api/client/roles");
const { POST: setRolePermissions } = routeHandlers("/api/client/roles/{id}/permissions");
const { GET: listUsers, POST: createUser } = routeHandlers("/api/client/users");
const { GET: listAccounts } = routeHandlers("/api/client/accounts");
const { POST: setUserRoles } = routeHandlers("/api/client/users/{id}/roles");

let a: TenantRecord;
let b: TenantRecord;
let aOwner: { email: string; password: string };
let owner: TestUser;
let viewer: TestUser;
let nobody: TestUser;
let bOwner: TestUser;

afterAll(() => destroyTenants());

beforeAll(async () => {
  ({ tenant: a, owner: aOwner } = await makeTenant({ modules: ["core"] }));
  ({ tenant: b } = await makeTenant());
  owner = await makeUser(a, ["Owner"], "Olga Owner");
  viewer = await makeUser(a, ["Viewer"]);
  nobody = await makeUser(a, []);
  bOwner = await makeUser(b, ["Owner"]);
});

const asA = (u: TestUser) => ({ token: u.token, headers: tenantHeaders(a) });

describe("POST /api/client/auth/login", () => {
  it("signs in the seeded owner by x-tenant-id slug, by id, and by subdomain", async () => {
    for (const o of [{ headers: { "x-tenant-id": a.slug } }, { headers: { "x-tenant-id": a.id } }, { host: `${a.slug}.localhost:3000` }]) {
      const r = await call(clientLogin, "/api/client/auth/login", { ...o, body: { email: aOwner.email, password: aOwner.password } });
      expect(r.status).toBe(200);
      expect(await verifyToken(r.body.token)).toMatchObject({ kind: "client-user", tenantId: a.id, tenantSlug: a.slug, email: aOwner.email });
    }
  });

  it("does not sign a tenant A user in at tenant B, and answers unknown emails the same way", async () => {
    const headers = { "x-tenant-id": b.slug, "x-forwarded-for": "10.1.1.1" };
    const atB = await call(clientLogin, "/api/client/auth/login", { headers, body: { email: aOwner.email, password: aOwner.password } });
    const unknown = await call(clientLogin, "/api/client/auth/login", { headers, body: { email: "nobody@x.test", password: aOwner.password } });
    expect(atB.status).toBe(401);
    expect(atB.body).toEqual(unknown.body);
  });

  it("refuses a header that disagrees with the subdomain, and a request naming no tenant", async () => {
    const both = await call(clientLogin, "/api/client/auth/login", {
      host: `${a.slug}.localhost:3000`,
      headers: { "x-tenant-id": b.slug },
      body: { email: aOwner.email, password: aOwner.password },
    });
    expect(both.status).toBe(403);
    const byId = await call(clientLogin, "/api/client/auth/login", {
      host: `${a.slug}.localhost:3000`,
      headers: { "x-tenant-id": b.id },
      body: { email: aOwner.email, password: aOwner.password },
    });
    expect(byId.status).toBe(403);
    const none = await call(clientLogin, "/api/client/auth/login", { body: { email: aOwner.email, password: aOwner.password } });
    expect(none.status).toBe(400);
  });
});

describe("client RBAC", () => {
  it("lists the system roles and the users", async () => {
    const roles = await call(listRoles, "/api/client/roles", asA(owner));
    expect(roles.status).toBe(200);
    expect(
      roles.body.roles
        .filter((r: { isSystem: boolean }) => r.isSystem)
        .map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(["Accountant", "Admin", "Owner", "Viewer"]);
    const users = await call(listUsers, "/api/client/users", asA(viewer));
    expect(users.status).toBe(200);
    expect(users.body.users.map((u: { email: string }) => u.email)).toContain(aOwner.email);
    expect(JSON.stringify(users.body)).not.toContain("passwordHash");
  });

  it("creates a user (201) who can then sign in; duplicate email → 409", async () => {
    const viewerRole = (await call(listRoles, "/api/client/roles", asA(owner))).body.roles.find((r: { name: string }) => r.name === "Viewer");
    const body = { email: `new-${Date.now()}@a.test`, name: "Nia New", password: "a-long-password-1", roles: [viewerRole.id] };
    const r = await call(createUser, "/api/client/users", { ...asA(owner), body });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ email: body.email, name: "Nia New", roles: [{ name: "Viewer" }] });
    expect((await call(createUser, "/api/client/users", { ...asA(owner), body })).status).toBe(409);
    const login = await call(clientLogin, "/api/client/auth/login", { headers: tenantHeaders(a), body: { email: body.email, password: body.password } });
    expect(login.status).toBe(200);
  });

  it("a viewer cannot create users or roles (403)", async () => {
    expect(
      (await call(createUser, "/api/client/users", { ...asA(viewer), body: { email: "x@a.test", name: "X", password: "a-long-password-1" } })).status,
    ).toBe(403);
    expect((await call(createRole, "/api/client/roles", { ...asA(viewer), body: { name: "Nope" } })).status).toBe(403);
    expect((await call(listUsers, "/api/client/users", asA(nobody))).status).toBe(403);
  });

  it("creates a custom role, sets its permissions, assigns it; refuses unknown permissions and system-role edits", async () => {
    const created = await call(createRole, "/api/client/roles", { ...asA(owner), body: { name: "Clerk", permissions: ["core:users:read"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Clerk", isSystem: false, permissions: ["core:users:read"] });
    const set = await call(setRolePermissions, "/x", {
      ...asA(owner),
      params: { id: created.body.id },
      body: { permissions: ["core:users:read", "core:roles:read"] },
    });
    expect(set.status).toBe(200);
    expect(set.body.permissions).toEqual(["core:roles:read", "core:users:read"]);
    const unknown = await call(setRolePermissions, "/x", { ...asA(owner), params: { id: created.body.id }, body: { permissions: ["core:everything:write"] } });
    expect(unknown.status).toBe(422);
    const system = (await call(listRoles, "/api/client/roles", asA(owner))).body.roles.find((r: { name: string }) => r.name === "Viewer");
    expect((await call(setRolePermissions, "/x", { ...asA(owner), params: { id: system.id }, body: { permissions: [] } })).status).toBe(409);

    const assigned = await call(setUserRoles, "/x", { ...asA(owner), params: { id: nobody.principal.id }, body: { roles: [created.body.id] } });
    expect(assigned.status).toBe(200);
    expect(assigned.body.roles.map((r: { name: string }) => r.name)).toEqual(["Clerk"]);
    expect((await call(listUsers, "/api/client/users", asA(nobody))).status).toBe(200);
    expect((await call(setUserRoles, "/x", { ...asA(owner), params: { id: nobody.principal.id }, body: { roles: [] } })).status).toBe(200);
    expect((await call(listUsers, "/api/client/users", asA(nobody))).status).toBe(403);
  });

  it("a permission counts only while the tenant has its module", async () => {
    // Tenant A has only "core": ledger permissions cannot be granted (the owner does not effectively hold them).
    const r = await call(createRole, "/api/client/roles", { ...asA(owner), body: { name: "Books", permissions: ["ledger:transactions:read"] } });
    expect(r.status).toBe(403);
    // Removing "ledger" from tenant B takes ledger permissions away from B's owner at once (after invalidation);
    // removing "core" takes nothing: core is always on (a tenant must always be able to manage its users).
    const db = enterpriseDb();
    const asB = { token: bOwner.token, headers: tenantHeaders(b) };
    expect((await call(listAccounts, "/api/client/accounts", asB)).status).toBe(200);
    const removed = await db.module.findMany({ where: { key: { in: ["core", "ledger"] } } });
    await db.clientModule.deleteMany({ where: { clientId: b.id, moduleId: { in: removed.map((m) => m.id) } } });
    await invalidateTenant(b.id);
    try {
      expect((await call(listAccounts, "/api/client/accounts", asB)).status).toBe(403);
      expect((await call(listUsers, "/api/client/users", asB)).status).toBe(200);
    } finally {
      await db.clientModule.createMany({ data: removed.map((m) => ({ clientId: b.id, moduleId: m.id })) });
      await invalidateTenant(b.id);
    }
  });

  it("no privilege escalation: a user with users:write but not roles:write cannot assign Owner to themselves", async () => {
    const clerk = await call(createRole, "/api/client/roles", {
      ...asA(owner),
      body: { name: "User admin", permissions: ["core:users:read", "core:users:write"] },
    });
    const u = await makeUser(a, ["User admin"]);
    const ownerRole = (await call(listRoles, "/api/client/roles", asA(owner))).body.roles.find((r: { name: string }) => r.name === "Owner");
    const r = await call(setUserRoles, "/x", { ...asA(u), params: { id: u.principal.id }, body: { roles: [clerk.body.id, ownerRole.id] } });
    expect(r.status).toBe(403);
  });

  it("keeps at least one Owner", async () => {
    const users = (await call(listUsers, "/api/client/users", asA(owner))).body.users as { id: string; roles: { name: string }[] }[];
    const owners = users.filter((u) => u.roles.some((r) => r.name === "Owner"));
    // Demote all owners but the last; the last demotion is refused.
    for (const [i, o] of owners.entries()) {
      const r = await call(setUserRoles, "/x", { ...asA(owner), params: { id: o.id }, body: { roles: [] } });
      expect(r.status).toBe(i === owners.length - 1 ? 409 : 200);
      if (o.id === owner.principal.id) break; // the acting owner demoted themselves: stop before losing the right to continue
    }
  });

  it("another tenant's object by id → 404, a malformed id → 404", async () => {
    const asB = { token: bOwner.token, headers: tenantHeaders(b) };
    expect((await call(setUserRoles, "/x", { ...asB, params: { id: owner.principal.id }, body: { roles: [] } })).status).toBe(404);
    const role = (await call(listRoles, "/api/client/roles", asA(owner))).body.roles.find((r: { name: string }) => r.name === "Clerk");
    expect((await call(setRolePermissions, "/x", { ...asB, params: { id: role.id }, body: { permissions: [] } })).status).toBe(404);
    expect((await call(setUserRoles, "/x", { ...asB, params: { id: "not-a-uuid" }, body: { roles: [] } })).status).toBe(404);
  });

  it("a suspended tenant answers 423", async () => {
    const { tenant: c } = await makeTenant();
    const u = await makeUser(c, ["Owner"]);
    await enterpriseDb().client.update({ where: { id: c.id }, data: { status: "SUSPENDED" } });
    await invalidateTenant(c.id);
    expect((await call(listUsers, "/api/client/users", { token: u.token, headers: tenantHeaders(c) })).status).toBe(423);
  });
});
