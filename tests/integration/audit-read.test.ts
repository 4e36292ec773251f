import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundSettled } from "@/lib/auth/background";
import { hashPassword } from "@/lib/auth/password";
import { enterpriseDb } from "@/lib/db/enterprise";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeEnterpriseAdminToken, makeTenant, makeUser, OWNER_PASSWORD, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { GET: tenantAudit } = routeHandlers("/api/client/audit");
const { GET: tenantVerify } = routeHandlers("/api/client/audit/verify");
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");
const { POST: createUser } = routeHandlers("/api/client/users");
const { GET: enterpriseAudit } = routeHandlers("/api/enterprise/audit");
const { GET: enterpriseVerify } = routeHandlers("/api/enterprise/audit/verify");
const { POST: enterpriseLogin } = routeHandlers("/api/enterprise/auth/login");
const { POST: clientLogin } = routeHandlers("/api/client/auth/login");
const { POST: createRole } = routeHandlers("/api/client/roles");
const { POST: setRolePermissions } = routeHandlers("/api/client/roles/{id}/permissions");
const { POST: setUserRoles } = routeHandlers("/api/client/users/{id}/roles");

// Reading the audit logs through the API: a tenant's own log (core:audit:read)
// and the global one (enterprise admins), paged, filtered and verified.

let a: TenantRecord;
let b: TenantRecord;
let ownerA: TestUser;
let ownerB: TestUser;
let viewerA: TestUser;
let accountantA: TestUser;
let admin: string;

beforeAll(async () => {
  ({ tenant: a } = await makeTenant());
  ({ tenant: b } = await makeTenant());
  ownerA = await makeUser(a, ["Owner"]);
  ownerB = await makeUser(b, ["Owner"]);
  viewerA = await makeUser(a, ["Viewer"]);
  accountantA = await makeUser(a, ["Accountant"]);
  admin = await makeEnterpriseAdminToken();
  // Something to audit in A: the standard chart and two users.
  expect((await call(createDefaults, "/x", { method: "POST", token: ownerA.token, headers: tenantHeaders(a) })).status).toBe(200);
  for (const n of [1, 2]) {
    const r = await call(createUser, "/x", {
      token: ownerA.token,
      headers: tenantHeaders(a),
      body: { email: `audited${n}@${a.slug}.test`, name: `Audited ${n}`, password: "audited-password-1" },
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => destroyTenants());

const readA = (query: Record<string, string> = {}, u: TestUser = ownerA) =>
  call(tenantAudit, "/api/client/audit", { token: u.token, headers: tenantHeaders(a), query });
type Entry = { id: string; action: string; at: string; actorId: string | null; clientId?: string | null; hash: string; prevHash: string };

describe("a tenant's audit log", () => {
  it("is readable with core:audit:read (Owner, Viewer) and not without it (Accountant)", async () => {
    const r = await readA();
    expect(r.status).toBe(200);
    const actions = (r.body.entries as Entry[]).map((e) => e.action);
    expect(actions).toEqual(["user.created", "user.created", "account.defaults_created"]); // newest first
    expect(r.body.nextCursor).toBeNull();
    expect((await readA({}, viewerA)).status).toBe(200);
    expect((await readA({}, accountantA)).status).toBe(403);
  });

  it("holds only the tenant's own entries", async () => {
    const r = await call(tenantAudit, "/api/client/audit", { token: ownerB.token, headers: tenantHeaders(b) });
    expect(r.status).toBe(200);
    expect(r.body.entries).toEqual([]);
  });

  it("pages newest first with an id cursor, and each page links into the chain", async () => {
    const first = await readA({ limit: "2" });
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.entries[1].id);
    const second = await readA({ limit: "2", cursor: first.body.nextCursor });
    expect((second.body.entries as Entry[]).map((e) => e.action)).toEqual(["account.defaults_created"]);
    expect(second.body.nextCursor).toBeNull();
    const [newer, older] = first.body.entries as Entry[];
    expect(newer!.prevHash).toBe(older!.hash);
    expect(older!.prevHash).toBe((second.body.entries as Entry[])[0]!.hash);
  });

  it("filters by action (exact, or a kind ending with a dot), actor and time", async () => {
    expect((await readA({ action: "user.created" })).body.entries).toHaveLength(2);
    expect((await readA({ action: "account." })).body.entries.map((e: Entry) => e.action)).toEqual(["account.defaults_created"]);
    expect((await readA({ action: "user" })).body.entries).toEqual([]); // no dot: exact only
    expect((await readA({ actorId: ownerA.principal.id })).body.entries).toHaveLength(3);
    expect((await readA({ actorId: viewerA.principal.id })).body.entries).toHaveLength(0);
    const all = (await readA()).body.entries as Entry[];
    const oldest = all[all.length - 1]!;
    expect((await readA({ to: oldest.at })).body.entries.map((e: Entry) => e.id)).toEqual([oldest.id]);
    expect((await readA({ from: "2000-01-01", to: "2000-12-31" })).body.entries).toEqual([]);
  });

  it("refuses bad filters with 422 problem+json", async () => {
    for (const query of [
      { cursor: "abc" },
      { cursor: "0" },
      { limit: "0" },
      { limit: "201" },
      { from: "2026-02-30" },
      { from: "2026-05-02", to: "2026-05-01" },
    ] as Record<string, string>[]) {
      const r = await readA(query);
      expect(r.status, JSON.stringify(query)).toBe(422);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("verifies its chain", async () => {
    const r = await call(tenantVerify, "/api/client/audit/verify", { token: ownerA.token, headers: tenantHeaders(a) });
    expect(r.body).toEqual({ ok: true, count: 3 });
  });
});

describe("the global audit log", () => {
  it("shows the provisioning of each client, filtered by client, and verifies", async () => {
    const forA = await call(enterpriseAudit, "/api/enterprise/audit", { token: admin, query: { clientId: a.id } });
    expect(forA.status).toBe(200);
    const entries = forA.body.entries as Entry[];
    expect(entries.map((e) => e.action)).toContain("client.created");
    expect(entries.every((e) => e.clientId === a.id)).toBe(true);
    const created = await call(enterpriseAudit, "/api/enterprise/audit", { token: admin, query: { action: "client.created" } });
    expect((created.body.entries as Entry[]).map((e) => e.clientId).sort()).toEqual(expect.arrayContaining([a.id, b.id].sort()));
    const v = await call(enterpriseVerify, "/api/enterprise/audit/verify", { token: admin });
    expect(v.body).toMatchObject({ ok: true });
    expect(v.body.count).toBeGreaterThanOrEqual(2);
  });

  it("is for enterprise admins only", async () => {
    expect((await call(enterpriseAudit, "/api/enterprise/audit", { token: ownerA.token })).status).toBe(403);
    expect((await call(enterpriseAudit, "/api/enterprise/audit")).status).toBe(401);
  });
});

describe("what is audited", () => {
  it("a tenant user's sign-ins and refusals (with the address), never an unknown email's", async () => {
    const { tenant: c, owner } = await makeTenant();
    const login = (email: string, password: string, ip: string) =>
      call(clientLogin, "/api/client/auth/login", { host: `${c.slug}.localhost:3000`, headers: { "x-forwarded-for": ip }, body: { email, password } });
    expect((await login(owner.email, OWNER_PASSWORD, "10.77.0.1")).status).toBe(200);
    expect((await login(owner.email, "not-the-password", "10.77.0.2")).status).toBe(401);
    expect((await login(`nobody@${c.slug}.test`, "not-the-password", "10.77.0.3")).status).toBe(401);
    await backgroundSettled(); // a refusal's audit entry is written off the response path (lib/auth/background.ts)
    const ownerUser = await makeUser(c, ["Owner"]);
    const log = await call(tenantAudit, "/api/client/audit", { token: ownerUser.token, headers: tenantHeaders(c) });
    expect((log.body.entries as (Entry & { ip: string })[]).map((e) => [e.action, e.ip])).toEqual([
      ["user.sign_in_failed", "10.77.0.2"],
      ["user.signed_in", "10.77.0.1"],
    ]);
  });

  it("an enterprise admin's sign-in, in the global log", async () => {
    const email = `audited-admin-${a.slug}@e.test`;
    const row = await enterpriseDb().enterpriseAdmin.create({ data: { email, name: "Audited", passwordHash: await hashPassword("audited-admin-password") } });
    expect(
      (await call(enterpriseLogin, "/x", { headers: { "x-forwarded-for": "10.78.0.1" }, body: { email, password: "audited-admin-password" } })).status,
    ).toBe(200);
    const r = await call(enterpriseAudit, "/api/enterprise/audit", { token: admin, query: { actorId: row.id } });
    expect((r.body.entries as (Entry & { ip: string })[]).map((e) => [e.action, e.ip])).toEqual([["admin.signed_in", "10.78.0.1"]]);
  });

  it("roles created, their permissions changed, and users' roles changed, with what changed", async () => {
    const as = { token: ownerA.token, headers: { ...tenantHeaders(a), "x-forwarded-for": "10.79.0.9" } };
    const role = await call(createRole, "/x", { ...as, body: { name: "Auditors", permissions: ["core:audit:read"] } });
    expect(role.status).toBe(201);
    const perms = await call(setRolePermissions, "/x", { ...as, params: { id: role.body.id }, body: { permissions: ["core:audit:read", "core:users:read"] } });
    expect(perms.status).toBe(200);
    const roles = await call(setUserRoles, "/x", { ...as, params: { id: accountantA.principal.id }, body: { roles: [role.body.id] } });
    expect(roles.status).toBe(200);
    const entries = (await readA({ limit: "3" })).body.entries as (Entry & { metadata: unknown; targetId: string; ip: string | null })[];
    expect(entries.map((e) => [e.action, e.targetId, e.metadata])).toEqual([
      ["user.roles_changed", accountantA.principal.id, { email: accountantA.principal.email, added: ["Auditors"], removed: ["Accountant"] }],
      ["role.permissions_changed", role.body.id, { name: "Auditors", added: ["core:users:read"], removed: [] }],
      ["role.created", role.body.id, { name: "Auditors", permissions: ["core:audit:read"] }],
    ]);
    expect(entries.every((e) => e.actorId === ownerA.principal.id)).toBe(true);
    expect(entries.map((e) => e.ip)).toEqual(["10.79.0.9", "10.79.0.9", "10.79.0.9"]); // the request's address
  });
});
