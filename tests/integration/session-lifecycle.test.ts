import { routeHandlers } from "@/tests/helpers/api";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetAdminActivity } from "@/lib/auth/active";
import { revokeSession } from "@/lib/auth/revocation";
import { issueToken, verifyTokenFull } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { accessChanged } from "@/lib/modules/core/rbac/access";
import { withTenantDb } from "@/lib/tenancy/connections";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser } from "@/tests/helpers/tenants";
const { GET: listClients } = routeHandlers("/api/enterprise/clients");
const { GET: listUsers } = routeHandlers("/api/client/users");

// Valid tokens stop working when the account is deactivated, and a signed-out
// session stops working even where a copy of its cookie survives.

afterAll(() => destroyTenants());

describe("deactivation", () => {
  it("an enterprise admin's valid token stops working once the admin is deactivated", async () => {
    const db = enterpriseDb();
    const a = await db.enterpriseAdmin.create({ data: { email: `ea-${randomUUID()}@e.test`, name: "EA", passwordHash: "x" } });
    const { token } = await issueToken({ kind: "enterprise-admin", id: a.id, email: a.email, name: a.name });
    expect((await call(listClients, "/api/enterprise/clients", { token })).status).toBe(200);
    await db.enterpriseAdmin.update({ where: { id: a.id }, data: { isActive: false } });
    forgetAdminActivity(a.id);
    expect((await call(listClients, "/api/enterprise/clients", { token })).status).toBe(401);
  });

  it("a client user's valid token stops working once the user is deactivated", async () => {
    const { tenant } = await makeTenant();
    const u = await makeUser(tenant, ["Owner"]);
    expect((await call(listUsers, "/api/client/users", { token: u.token })).status).toBe(200);
    // Changed by hand, beside the services: the access cache is told as the services tell it (accessChanged).
    await withTenantDb(tenant, (db) => db.user.update({ where: { id: u.principal.id }, data: { isActive: false } }));
    await accessChanged(tenant.id);
    expect((await call(listUsers, "/api/client/users", { token: u.token })).status).toBe(401);
  });
});

describe("sign-out", () => {
  let tenantUser: Awaited<ReturnType<typeof makeUser>>;
  let host: string;
  beforeAll(async () => {
    const { tenant } = await makeTenant();
    tenantUser = await makeUser(tenant, ["Owner"]);
    host = `${tenant.slug}.localhost:3000`;
  });

  it("a revoked session cookie is refused; other sessions of the same user are not", async () => {
    const one = await issueToken(tenantUser.principal, { use: "session" });
    const two = await issueToken(tenantUser.principal, { use: "session" });
    const cookie = (t: string) => ({ host, headers: { cookie: `bisman.session=${t}` } });
    expect((await call(listUsers, "/api/client/users", cookie(one.token))).status).toBe(200);
    const { jti, exp } = await verifyTokenFull(one.token, { use: "session" });
    await revokeSession(jti, exp);
    expect((await call(listUsers, "/api/client/users", cookie(one.token))).status).toBe(401);
    expect((await call(listUsers, "/api/client/users", cookie(two.token))).status).toBe(200);
  });
});
