import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAuditFilters, TENANT_ACTION_KINDS, ENTERPRISE_ACTION_KINDS, type SearchParams } from "@/app/_audit/filters";
import { adminAuditPage } from "@/app/admin/audit/audit-page";
import { tenantAuditPage } from "@/app/t/[tenant]/audit/audit-page";
import { createDefaultAccountsCore } from "@/app/t/[tenant]/ledger/action-cores";
import { createUserCore } from "@/app/t/[tenant]/users/action-cores";
import { appendEnterpriseAudit } from "@/lib/audit";
import { issueToken, verifyToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { tenantOrigin } from "@/lib/config/origin";
import { enterpriseDb } from "@/lib/db/enterprise";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { destroyTenants, makeEnterpriseAdminToken, makeSuperAdminToken, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";
import { pageOutcome as outcome } from "@/tests/helpers/pages";

// The audit log pages' access and data (app/t/[tenant]/audit/audit-page.ts,
// app/admin/audit/audit-page.ts), as the pages call them with a browser's
// session cookie: who may read which log, filters and paging on real entries,
// people and clients resolved, the chain check. Helpers: tests/unit/audit-ui.test.ts;
// the pages in a browser: tests/e2e/audit.spec.ts.

let tenant: TenantRecord;
let owner: TestUser;
let newUserId: string;
const sessions: Record<"owner" | "viewer" | "accountant" | "plain" | "enterpriseAdmin" | "superAdmin", string> = {
  owner: "",
  viewer: "",
  accountant: "",
  plain: "",
  enterpriseAdmin: "",
  superAdmin: "",
};
let enterpriseAdminId: string;
let n = 0;

const onTenant = (session?: string) => {
  const headers = new Headers({ host: `${tenant.slug}.localhost:3000`, origin: `http://${tenant.slug}.localhost:3000`, "x-forwarded-for": `10.9.0.${++n}` });
  if (session) headers.set("cookie", `bisman.session=${session}`);
  return headers;
};
const onApex = (session?: string) => new Headers({ host: "localhost:3000", ...(session ? { cookie: `bisman.session=${session}` } : {}) });
const session = async (u: TestUser) => (await issueToken(u.principal, { use: "session" })).token;
const adminSession = async (token: string) => (await issueToken(await verifyToken(token), { use: "session" })).token;

const tenantFilters = (params: SearchParams = {}, limit = 50) => parseAuditFilters(params, TENANT_ACTION_KINDS, limit);
const readTenant = (s: string, params?: SearchParams, limit?: number) => tenantAuditPage(tenant.slug, onTenant(s), tenantFilters(params, limit));
const readGlobal = (s: string | undefined, params: SearchParams = {}) =>
  adminAuditPage(onApex(s), parseAuditFilters(params, ENTERPRISE_ACTION_KINDS, 50), params.client);

afterAll(() => destroyTenants());
beforeAll(async () => {
  ({ tenant } = await makeTenant());
  owner = await makeUser(tenant, ["Owner"], "Olga Owner");
  sessions.owner = await session(owner);
  sessions.viewer = await session(await makeUser(tenant, ["Viewer"], "Vic Viewer"));
  sessions.accountant = await session(await makeUser(tenant, ["Accountant"], "Ann Accountant"));
  sessions.plain = await session(await makeUser(tenant, [], "Pat Plain"));
  const ea = await makeEnterpriseAdminToken();
  enterpriseAdminId = (await verifyToken(ea)).id;
  sessions.enterpriseAdmin = await adminSession(ea);
  sessions.superAdmin = await adminSession(await makeSuperAdminToken());

  // Entries written the way the app writes them: a user created by the owner, then the standard chart.
  const viewerRole = await withTenantDb(tenant, (db) => db.role.findFirstOrThrow({ where: { name: "Viewer" } }));
  const created = await createUserCore(onTenant(sessions.owner), {
    email: `newt@${tenant.slug}.test`,
    name: "Newt New",
    password: "newt-password-123",
    roles: [viewerRole.id],
  });
  if (!created.ok) throw new Error(created.problem.detail);
  newUserId = created.data.id;
  const chart = await createDefaultAccountsCore(onTenant(sessions.owner), {});
  if (!chart.ok) throw new Error(chart.problem.detail);
});

describe("the tenant's /audit", () => {
  it("an owner reads the tenant's log newest first, the users it names resolved to name and email", async () => {
    const { tenant: t, data } = await readTenant(sessions.owner);
    expect(t.id).toBe(tenant.id);
    const { entries } = data.page;
    expect(entries[0]).toMatchObject({ action: "account.defaults_created", actorType: "client-user", actorId: owner.principal.id });
    expect(entries.map((e) => Number(e.id))).toEqual(entries.map((e) => Number(e.id)).sort((a, b) => b - a));
    const createdUser = entries.find((e) => e.action === "user.created");
    expect(createdUser).toMatchObject({
      actorId: owner.principal.id,
      targetType: "user",
      targetId: newUserId,
      metadata: { email: `newt@${tenant.slug}.test`, roles: ["Viewer"] },
    });
    expect(data.people.get(owner.principal.id)).toEqual({ name: "Olga Owner", email: owner.principal.email });
    expect(data.people.get(newUserId)).toEqual({ name: "Newt New", email: `newt@${tenant.slug}.test` });
    expect(data.check).toBeUndefined(); // only when asked
  });

  it("a viewer reads it too; an accountant or a user without roles → 404; no session → the sign-in page", async () => {
    expect((await readTenant(sessions.viewer)).data.page.entries.length).toBeGreaterThanOrEqual(2);
    expect(await outcome(readTenant(sessions.accountant))).toBe("not found");
    expect(await outcome(readTenant(sessions.plain))).toBe("not found");
    expect(await outcome(tenantAuditPage(tenant.slug, onTenant(), tenantFilters()))).toBe("redirect /sign-in");
    // An admin's session is not a tenant user's.
    expect(await outcome(tenantAuditPage(tenant.slug, onTenant(sessions.enterpriseAdmin), tenantFilters()))).toBe("redirect /sign-in");
  });

  it("filters by action kind and by day (UTC), and pages with the cursor", async () => {
    const users = (await readTenant(sessions.owner, { action: "user." })).data.page.entries;
    expect(users.length).toBeGreaterThanOrEqual(1);
    expect(users.every((e) => e.action.startsWith("user."))).toBe(true);
    expect((await readTenant(sessions.owner, { action: "journal." })).data.page.entries).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const all = (await readTenant(sessions.owner)).data.page.entries;
    expect((await readTenant(sessions.owner, { from: today, to: today })).data.page.entries).toEqual(all);
    expect((await readTenant(sessions.owner, { to: "2000-01-01" })).data.page.entries).toEqual([]);
    // An invalid filter is left out (the unit tests have the alerts): the whole log again.
    expect((await readTenant(sessions.owner, { action: "nope", from: "soon" })).data.page.entries).toEqual(all);

    const first = (await readTenant(sessions.owner, {}, 1)).data.page;
    expect(first.entries.map((e) => e.id)).toEqual([all[0]!.id]);
    const second = (await readTenant(sessions.owner, { cursor: first.nextCursor! }, 1)).data.page;
    expect(second.entries.map((e) => e.id)).toEqual([all[1]!.id]);
  });

  it("?verify=1 checks the whole chain: intact, then broken at a forged row", async () => {
    const rows = await withTenantDb(tenant, (db) => db.auditLog.count());
    expect((await readTenant(sessions.viewer, { verify: "1" })).data.check).toEqual({ ok: true, count: rows });
    const forged = await withTenantDb(tenant, async (db) => {
      const last = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
      return db.auditLog.create({ data: { actorType: "system", action: "user.forged", prevHash: last.hash, hash: "f".repeat(64) } });
    });
    expect((await readTenant(sessions.viewer, { verify: "1" })).data.check).toEqual({ ok: false, count: rows + 1, brokenAt: forged.id.toString() });
  });
});

describe("the admin console's /admin/audit", () => {
  beforeAll(async () => {
    await appendEnterpriseAudit(enterpriseDb(), {
      actorType: "enterprise-admin",
      actorId: enterpriseAdminId,
      action: "client.updated",
      targetType: "client",
      targetId: tenant.id,
      clientId: tenant.id,
      metadata: { segment: "retail" },
      ip: "10.9.9.9",
    });
  });

  it("an enterprise admin filters by a client's slug or id: its entries, its slug linking to its host, the admin by name", async () => {
    const bySlug = await readGlobal(sessions.enterpriseAdmin, { client: tenant.slug.toUpperCase() });
    expect(bySlug.client).toBe(tenant.slug);
    expect(bySlug.clientAlert).toBeUndefined();
    const { entries } = bySlug.page;
    expect(entries.map((e) => e.action)).toEqual(["client.updated", "client.created"]);
    expect(entries.every((e) => e.clientId === tenant.id)).toBe(true);
    expect(bySlug.clients.get(tenant.id)).toEqual({ slug: tenant.slug, href: `${tenantOrigin(config(), tenant.slug)}/` });
    expect(bySlug.people.get(enterpriseAdminId)).toEqual({ name: "EA", email: expect.stringMatching(/@e\.test$/) });

    const byId = await readGlobal(sessions.enterpriseAdmin, { client: tenant.id.toUpperCase() });
    expect(byId.page.entries).toEqual(entries);
    expect(byId.client).toBe(tenant.id);
    expect((await readGlobal(sessions.enterpriseAdmin, { client: tenant.slug, action: "admin." })).page.entries).toEqual([]);
  });

  it("an unknown slug → an alert and every client; an unknown id → an alert, and that id's entries (none here)", async () => {
    const slug = await readGlobal(sessions.enterpriseAdmin, { client: "no-such-client" });
    expect(slug.clientAlert).toBe("There is no client “no-such-client”; showing every client.");
    expect(slug.client).toBe("");
    expect(slug.page.entries.map((e) => e.action)).toContain("client.created");
    const id = await readGlobal(sessions.enterpriseAdmin, { client: "00000000-0000-4000-8000-000000000000" });
    expect(id.clientAlert).toMatch(/^No current client has the id 00000000-0000-4000-8000-000000000000/);
    expect(id.page.entries).toEqual([]);
  });

  it("a super admin → 404; no session, or a tenant user's → the admin sign-in", async () => {
    expect(await outcome(readGlobal(sessions.superAdmin))).toBe("not found");
    expect(await outcome(readGlobal(undefined))).toBe("redirect /admin/sign-in");
    expect(await outcome(readGlobal(sessions.owner))).toBe("redirect /admin/sign-in");
  });

  it("?verify=1 checks the global chain: intact, then broken at a forged row", async () => {
    const db = enterpriseDb();
    const rows = await db.auditLog.count();
    expect((await readGlobal(sessions.enterpriseAdmin, { verify: "1" })).check).toEqual({ ok: true, count: rows });
    const last = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    const forged = await db.auditLog.create({ data: { actorType: "system", action: "client.forged", prevHash: last.hash, hash: "f".repeat(64) } });
    expect((await readGlobal(sessions.enterpriseAdmin, { verify: "1" })).check).toEqual({ ok: false, count: rows + 1, brokenAt: forged.id.toString() });
  });
});
