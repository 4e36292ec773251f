import { routeHandlers } from "@/tests/helpers/api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setUserActiveCore } from "@/app/t/[tenant]/users/action-cores";
import { issueToken } from "@/lib/auth/tokens";
import { ADVISORY_LOCKS } from "@/lib/db/locks";
import { withDatabase } from "@/lib/db/url";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { GET: listAccounts } = routeHandlers("/api/client/accounts");
const { POST: clientLogin } = routeHandlers("/api/client/auth/login");
const { POST: createRole } = routeHandlers("/api/client/roles");
const { POST: createUser } = routeHandlers("/api/client/users");
const { PATCH: updateUser } = routeHandlers("/api/client/users/{id}");

// Deactivating and reactivating tenant users through PATCH /api/client/users/:id:
// refused at once, no acting on oneself or on someone more powerful, and the
// tenant always keeps an active Owner, even under concurrent changes.

const adminUrl = inject("pgAdminUrl");
let t: TenantRecord;
let owner: TestUser;
const as = (u: TestUser) => ({ token: u.token, headers: tenantHeaders(t) });
const patch = (actor: TestUser, id: string, body: unknown) =>
  call(updateUser, `/api/client/users/${id}`, { ...as(actor), method: "PATCH", params: { id }, body });
const audits = (action: string, targetId: string) =>
  withTenantDb(t, (db) => db.auditLog.findMany({ where: { action, targetId }, select: { metadata: true, actorId: true } }));

beforeAll(async () => {
  ({ tenant: t } = await makeTenant());
  owner = await makeUser(t, ["Owner"]);
});
afterAll(() => destroyTenants());

describe("deactivating a user", () => {
  it("refuses their token and their sign-in at once; reactivating lets them sign in again (not reuse the old token); both audited", async () => {
    const created = await call(createUser, "/x", {
      ...as(owner),
      body: { email: `acc@${t.slug}.test`, name: "Ada Accountant", password: "accountant-password-1" },
    });
    expect(created.status).toBe(201);
    const accountant = await makeUser(t, ["Accountant"]);
    expect((await call(listAccounts, "/x", as(accountant))).status).toBe(200);

    const off = await patch(owner, accountant.principal.id, { isActive: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: accountant.principal.id, isActive: false });
    expect((await call(listAccounts, "/x", as(accountant))).status).toBe(401); // the same, unexpired token

    const withPassword = created.body.id as string;
    await patch(owner, withPassword, { isActive: false });
    const login = (ip: string) =>
      call(clientLogin, "/x", {
        host: `${t.slug}.localhost:3000`,
        headers: { "x-forwarded-for": ip },
        body: { email: `acc@${t.slug}.test`, password: "accountant-password-1" },
      });
    expect((await login("10.81.0.1")).status).toBe(401);
    expect((await patch(owner, withPassword, { isActive: true })).status).toBe(200);
    expect((await login("10.81.0.2")).status).toBe(200);

    expect((await patch(owner, accountant.principal.id, { isActive: true })).status).toBe(200);
    expect((await call(listAccounts, "/x", as(accountant))).status).toBe(401); // the token from before stays ended
    const later = (await issueToken(accountant.principal, { now: Date.now() + 1_000 })).token; // signed in again afterwards
    expect((await call(listAccounts, "/x", { token: later, headers: tenantHeaders(t) })).status).toBe(200);
    expect((await audits("user.deactivated", accountant.principal.id)).map((a) => a.actorId)).toEqual([owner.principal.id]);
    expect(await audits("user.reactivated", accountant.principal.id)).toHaveLength(1);
  });

  it("ends every earlier token for good: reactivating revives none, a new sign-in works", async () => {
    const u = await makeUser(t, ["Viewer"]);
    // A session of two seconds ago (token times are whole seconds).
    const old = (await issueToken(u.principal, { use: "access", now: Date.now() - 2_000 })).token;
    expect((await call(listAccounts, "/x", { token: old, headers: tenantHeaders(t) })).status).toBe(200);
    expect((await patch(owner, u.principal.id, { isActive: false })).status).toBe(200);
    expect((await patch(owner, u.principal.id, { isActive: true })).status).toBe(200);
    expect((await call(listAccounts, "/x", { token: old, headers: tenantHeaders(t) })).status).toBe(401);
    const fresh = (await issueToken(u.principal, { now: Date.now() + 1_000 })).token; // a sign-in after the deactivation's second
    expect((await call(listAccounts, "/x", { token: fresh, headers: tenantHeaders(t) })).status).toBe(200);
  });

  it("renames (audited with from/to); an empty or unchanged patch writes nothing", async () => {
    const u = await makeUser(t, ["Viewer"], "Old Name");
    const r = await patch(owner, u.principal.id, { name: "New Name" });
    expect(r.body).toMatchObject({ name: "New Name", isActive: true });
    expect((await audits("user.updated", u.principal.id)).map((a) => a.metadata)).toEqual([
      { email: u.principal.email, name: { from: "Old Name", to: "New Name" } },
    ]);
    expect((await patch(owner, u.principal.id, {})).status).toBe(200);
    expect((await patch(owner, u.principal.id, { name: "New Name", isActive: true })).status).toBe(200);
    expect(await audits("user.updated", u.principal.id)).toHaveLength(1);
    expect((await patch(owner, u.principal.id, { name: "" })).status).toBe(422);
  });

  it("nobody deactivates themselves, or someone holding permissions they lack", async () => {
    expect((await patch(owner, owner.principal.id, { isActive: false })).status).toBe(409);
    const role = await call(createRole, "/x", { ...as(owner), body: { name: "User managers", permissions: ["core:users:read", "core:users:write"] } });
    expect(role.status).toBe(201);
    const manager = await makeUser(t, ["User managers"]);
    const accountant = await makeUser(t, ["Accountant"]);
    const viewerless = await makeUser(t, []);
    const r = await patch(manager, accountant.principal.id, { isActive: false });
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/ledger:/);
    expect((await patch(manager, viewerless.principal.id, { isActive: false })).status).toBe(200); // holds nothing the manager lacks
  });
});

describe("the tenant keeps an active Owner", () => {
  it("refuses to deactivate the last active Owner", async () => {
    const { tenant: solo } = await makeTenant();
    const admin = await makeUser(solo, ["Admin"]);
    const ownerRow = await withTenantDb(solo, (db) => db.user.findFirstOrThrow({ where: { roles: { some: { role: { name: "Owner" } } } } }));
    const r = await call(updateUser, "/x", {
      token: admin.token,
      headers: tenantHeaders(solo),
      method: "PATCH",
      params: { id: ownerRow.id },
      body: { isActive: false },
    });
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe("The tenant must keep at least one active Owner.");
    expect((await withTenantDb(solo, (db) => db.user.findUniqueOrThrow({ where: { id: ownerRow.id } }))).isActive).toBe(true);
  });

  it("two Owners deactivating each other at once: one wins, one Owner stays active", async () => {
    const { tenant: pair } = await makeTenant();
    await withTenantDb(pair, (db) => db.user.updateMany({ data: { isActive: false } })); // only the two below are Owners in force
    const [o1, o2] = [await makeUser(pair, ["Owner"]), await makeUser(pair, ["Owner"])];
    const off = (actor: TestUser, target: TestUser) =>
      call(updateUser, "/x", {
        token: actor.token,
        headers: tenantHeaders(pair),
        method: "PATCH",
        params: { id: target.principal.id },
        body: { isActive: false },
      });
    // Make the race certain: hold the Owners lock from outside until both requests have made their change and wait for it.
    const outside = new pg.Client({ connectionString: withDatabase(adminUrl, pair.dbName) });
    await outside.connect();
    await outside.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCKS.tenantOwners]);
    const racing = Promise.all([off(o1, o2), off(o2, o1)]);
    // (Bounded: were the service not to take the lock, both would finish unblocked and the assertion below says so.)
    for (let waiting = 0, polls = 0; waiting < 2 && polls < 150; polls++) {
      await new Promise((r) => setTimeout(r, 20));
      waiting = Number(
        (await outside.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted", [ADVISORY_LOCKS.tenantOwners])).rows[0]
          .count,
      );
    }
    await outside.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.tenantOwners]);
    await outside.end();
    const results = await racing;
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const active = await withTenantDb(pair, (db) => db.userRole.count({ where: { role: { name: "Owner" }, user: { isActive: true } } }));
    expect(active).toBe(1);
  });
});

describe("the users page's action", () => {
  it("deactivates and reactivates through the same service, as the browser's session calls it", async () => {
    const session = (await issueToken(owner.principal, { use: "session" })).token;
    const h = () =>
      new Headers({
        host: `${t.slug}.localhost:3000`,
        origin: `http://${t.slug}.localhost:3000`,
        "x-bisman-tenant": t.slug,
        cookie: `bisman.session=${session}`,
      });
    const target = await makeUser(t, ["Viewer"]);
    const off = await setUserActiveCore(h(), { id: target.principal.id, isActive: false });
    expect(off.ok && off.data.isActive).toBe(false);
    expect((await call(listAccounts, "/x", as(target))).status).toBe(401);
    const self = await setUserActiveCore(h(), { id: owner.principal.id, isActive: false });
    expect(self.ok ? 200 : self.problem.status).toBe(409);
    const on = await setUserActiveCore(h(), { id: target.principal.id, isActive: true });
    expect(on.ok && on.data.isActive).toBe(true);
  });
});
