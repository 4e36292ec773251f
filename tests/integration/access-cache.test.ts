import { routeHandlers } from "@/tests/helpers/api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { TEST_REDIS_URL, connectTestRedis } from "@/tests/helpers/redis";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { GET: listUsers } = routeHandlers("/api/client/users");
const { GET: listAccounts } = routeHandlers("/api/client/accounts");
const { POST: createRole } = routeHandlers("/api/client/roles");
const { POST: setRolePermissions } = routeHandlers("/api/client/roles/{id}/permissions");
const { PATCH: updateUser } = routeHandlers("/api/client/users/{id}");

// The caller's access (active, sessionsNotBefore, roles → permissions) is read from the tenant database once
// per user and tenant, then served from memory until something changes it: an authenticated read costs at most
// two tenant-database round trips, and every change still counts from the very next request.

let tenant: TenantRecord;
let owner: TestUser;
let clerk: TestUser;
let clerkRole: string;
let redis: Redis | undefined;
const as = (u: TestUser) => ({ token: u.token, headers: tenantHeaders(tenant) });

beforeAll(async () => {
  redis = await connectTestRedis("cross-instance access invalidation");
  if (redis) process.env.REDIS_URL = TEST_REDIS_URL; // before the registry's first use in this file
  ({ tenant } = await makeTenant());
  owner = await makeUser(tenant, ["Owner"]);
  const role = await call(createRole, "/api/client/roles", { ...as(owner), body: { name: "Clerk", permissions: ["core:users:read", "ledger:accounts:read"] } });
  clerkRole = role.body.id;
  clerk = await makeUser(tenant, []);
  const { POST: setUserRoles } = routeHandlers("/api/client/users/{id}/roles");
  expect((await call(setUserRoles, "/x", { ...as(owner), params: { id: clerk.principal.id }, body: { roles: [clerkRole] } })).status).toBe(200);
});
afterAll(async () => {
  redis?.disconnect();
  await destroyTenants();
});

/** Statements sent to the tenant's database (by any pg client of this process) while fn runs. */
async function tenantRoundTrips<T>(fn: () => Promise<T>): Promise<{ result: T; trips: number }> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let trips = 0;
  proto.query = function (this: pg.Client, ...a: unknown[]) {
    if (this.database === tenant.dbName) trips++;
    return original.apply(this, a);
  };
  try {
    return { result: await fn(), trips };
  } finally {
    proto.query = original;
  }
}

describe("per-request cost", () => {
  it("an authenticated read makes at most 2 tenant-database round trips once the caller's access is cached", async () => {
    // The journal page (GET /api/client/transactions: entries, lines, accounts, authors) still takes 5; issue 9.
    for (const [handler, path] of [
      [listUsers, "/api/client/users"],
      [listAccounts, "/api/client/accounts"],
    ] as const) {
      expect((await call(handler, path, as(owner))).status).toBe(200);
      const { result, trips } = await tenantRoundTrips(() => call(handler, path, as(owner)));
      expect(result.status).toBe(200);
      expect(trips, path).toBeLessThanOrEqual(2);
      expect(trips, path).toBeGreaterThan(0);
    }
  });
});

describe("changes count from the next request", () => {
  it("a role's permission taken away", async () => {
    expect((await call(listAccounts, "/api/client/accounts", as(clerk))).status).toBe(200);
    const set = await call(setRolePermissions, "/x", { ...as(owner), params: { id: clerkRole }, body: { permissions: ["core:users:read"] } });
    expect(set.status).toBe(200);
    expect((await call(listAccounts, "/api/client/accounts", as(clerk))).status).toBe(403);
    expect((await call(listUsers, "/api/client/users", as(clerk))).status).toBe(200);
  });

  it("deactivation", async () => {
    const u = await makeUser(tenant, ["Viewer"]);
    expect((await call(listUsers, "/api/client/users", as(u))).status).toBe(200);
    expect((await call(updateUser, "/x", { ...as(owner), params: { id: u.principal.id }, body: { isActive: false } })).status).toBe(200);
    expect((await call(listUsers, "/api/client/users", as(u))).status).toBe(401);
  });
});

describe("across instances", () => {
  it("an access change published by another instance (over Redis) drops this instance's cached access", async (t) => {
    if (!redis) t.skip();
    const u = await makeUser(tenant, ["Viewer"]);
    expect((await call(listUsers, "/api/client/users", as(u))).status).toBe(200);
    // Another instance deactivates the user (here: straight in the database, as its service would) and publishes.
    await withTenantDb(tenant, (db) => db.user.update({ where: { id: u.principal.id }, data: { isActive: false } }));
    expect((await call(listUsers, "/api/client/users", as(u))).status).toBe(200); // still cached here
    await expect
      .poll(
        async () => {
          await redis!.publish("bisman:tenant-invalidated", `access:${tenant.id}`); // what accessChanged() sends
          return (await call(listUsers, "/api/client/users", as(u))).status;
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(401);
  });
});
