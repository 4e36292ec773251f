import { routeHandlers } from "@/tests/helpers/api";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyEnterpriseAuditChain } from "@/lib/audit";
import { issueToken, verifyToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { modules } from "@/lib/modules/registry";
import { getTenant } from "@/lib/tenancy/registry";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { createClient } from "@/lib/provisioning";
import { destroyTenants, makeEnterpriseAdminToken, makeTenant, makeUser } from "@/tests/helpers/tenants";
const { GET: listModulesRoute } = routeHandlers("/api/enterprise/modules");
const { PUT: updateClientRoute } = routeHandlers("/api/enterprise/clients/{id}");
const { GET: listSuperAdminsRoute, POST: createSuperAdminRoute } = routeHandlers("/api/enterprise/super-admins");
const { PUT: updateSuperAdminRoute } = routeHandlers("/api/enterprise/super-admins/{id}");
const { POST: superAdminLogin } = routeHandlers("/api/super-admin/auth/login");
const { POST: assignModuleRoute } = routeHandlers("/api/super-admin/clients/{id}/assign-module");
const { POST: setupLinkRoute } = routeHandlers("/api/super-admin/clients/{id}/setup-link");
const { GET: clientUsersRoute } = routeHandlers("/api/super-admin/clients/{id}/users");
const { GET: myClientsRoute } = routeHandlers("/api/super-admin/clients");

// Super admins: created and managed by enterprise admins, then working on the
// clients assigned to them only. In-process route calls with real tokens.

let ea: string;
let a: TenantRecord; // assigned to the super admin below, has only "core"
let b: TenantRecord; // not assigned
let ownerEmailA: string;

const PASSWORD = "super-admin-password-1";
const ip = (n: number) => ({ "x-forwarded-for": `10.9.0.${n}` });

afterAll(() => destroyTenants());

beforeAll(async () => {
  ea = await makeEnterpriseAdminToken();
  let owner;
  ({ tenant: a, owner } = await makeTenant({ modules: ["core"] }));
  ownerEmailA = owner.email;
  ({ tenant: b } = await makeTenant({ modules: ["core"] }));
});

async function createSA(body: Record<string, unknown>) {
  return call(createSuperAdminRoute, "/api/enterprise/super-admins", { token: ea, body });
}

/** A super admin through the API, assigned to the given clients through the clients API; signed in through the API. */
async function superAdmin(modules: string[], clients: TenantRecord[] = []) {
  const email = `sa-${randomUUID()}@e.test`;
  const r = await createSA({ email, name: "Sam Super", password: PASSWORD, modules, segments: ["retail"] });
  expect(r.status).toBe(201);
  for (const c of clients) {
    const current = (await enterpriseDb().clientAssignment.findMany({ where: { clientId: c.id } })).map((x) => x.superAdminId);
    const u = await call(updateClientRoute, `/api/enterprise/clients/${c.id}`, {
      method: "PUT",
      token: ea,
      params: { id: c.id },
      body: { superAdminIds: [...current, r.body.id] },
    });
    expect(u.status).toBe(200);
  }
  const login = await call(superAdminLogin, "/api/super-admin/auth/login", { headers: ip(1), body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return { id: r.body.id as string, email, token: login.body.token as string };
}

const auditOf = (action: string, targetId: string) => enterpriseDb().auditLog.findMany({ where: { action, targetId }, orderBy: { id: "asc" } });

describe("enterprise admins manage super admins", () => {
  it("creates one (201, argon2id, audited) who can sign in with their modules; the answer and the list hold no hash", async () => {
    const email = `Mixed-${randomUUID()}@E.test`;
    const r = await createSA({ email, name: "Sara Super", password: PASSWORD, segments: ["retail", "retail", "wholesale"], modules: ["ledger", "core"] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      email: email.toLowerCase(),
      name: "Sara Super",
      segments: ["retail", "wholesale"],
      modules: ["core", "ledger"],
      clientIds: [],
      isActive: true,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/passwordHash|argon2/);
    const row = await enterpriseDb().superAdmin.findUniqueOrThrow({ where: { id: r.body.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    const login = await call(superAdminLogin, "/api/super-admin/auth/login", { headers: ip(2), body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(await verifyToken(login.body.token)).toMatchObject({ kind: "super-admin", id: r.body.id, modules: ["core", "ledger"] });

    const [entry] = await auditOf("super_admin.created", r.body.id);
    expect(entry).toMatchObject({ actorType: "enterprise-admin", targetType: "super_admin" });
    expect(JSON.stringify(entry!.metadata)).not.toContain(PASSWORD);
    expect((await verifyEnterpriseAuditChain(enterpriseDb())).ok).toBe(true);

    const list = await call(listSuperAdminsRoute, "/api/enterprise/super-admins", { token: ea });
    expect(list.status).toBe(200);
    expect(list.body.superAdmins.find((s: { id: string }) => s.id === r.body.id)).toMatchObject({
      modules: ["core", "ledger"],
      segments: ["retail", "wholesale"],
    });
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses a taken email (409, also an enterprise admin's, any case) and invalid bodies or unknown modules (422)", async () => {
    const email = `dup-${randomUUID()}@e.test`;
    expect((await createSA({ email, name: "One", password: PASSWORD })).status).toBe(201);
    expect((await createSA({ email: email.toUpperCase(), name: "Two", password: PASSWORD })).status).toBe(409);
    const eaEmail = (await verifyToken(ea)).email;
    expect((await createSA({ email: eaEmail, name: "Three", password: PASSWORD })).status).toBe(409);

    for (const body of [
      { email: "not-an-email", name: "X", password: PASSWORD },
      { email: `x-${randomUUID()}@e.test`, name: "X", password: "short" },
      { email: `x-${randomUUID()}@e.test`, name: "", password: PASSWORD },
      { email: `x-${randomUUID()}@e.test`, name: "X", password: PASSWORD, isActive: false },
      { email: `x-${randomUUID()}@e.test`, name: "X", password: PASSWORD, segments: "retail" },
    ]) {
      expect((await createSA(body)).status, JSON.stringify(body)).toBe(422);
    }
    const unknown = await createSA({ email: `x-${randomUUID()}@e.test`, name: "X", password: PASSWORD, modules: ["core", "payroll"] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: "modules", message: "unknown module: payroll" }]);
    expect(await enterpriseDb().superAdmin.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
  });

  it("lists each super admin's assigned client ids", async () => {
    const sa = await superAdmin(["core"], [a]);
    const list = await call(listSuperAdminsRoute, "/api/enterprise/super-admins", { token: ea });
    expect(list.body.superAdmins.find((s: { id: string }) => s.id === sa.id)).toMatchObject({
      email: sa.email,
      clientIds: [a.id],
      modules: ["core"],
      segments: ["retail"],
    });
  });

  it("updates name, segments and modules (replacing the set; audited); refuses unknown modules, empty bodies and unknown ids", async () => {
    const sa = await superAdmin(["core"]);
    const put = (id: string, body: unknown) =>
      call(updateSuperAdminRoute, `/api/enterprise/super-admins/${id}`, { method: "PUT", token: ea, params: { id }, body });
    const r = await put(sa.id, { name: "Renamed", segments: ["services"], modules: ["ledger"] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: sa.id, name: "Renamed", segments: ["services"], modules: ["ledger"], isActive: true });
    expect(await auditOf("super_admin.updated", sa.id)).toHaveLength(1);

    expect((await put(sa.id, { modules: ["nope"] })).status).toBe(422);
    expect((await put(sa.id, {})).status).toBe(422);
    expect((await put(sa.id, { email: "x@e.test" })).status).toBe(422);
    expect((await put(randomUUID(), { name: "Ghost" })).status).toBe(404);
    expect((await put("not-a-uuid", { name: "Ghost" })).status).toBe(404);
    // The refused changes changed nothing.
    const row = await enterpriseDb().superAdmin.findUniqueOrThrow({ where: { id: sa.id }, include: { modules: { include: { module: true } } } });
    expect(row.modules.map((m) => m.module.key)).toEqual(["ledger"]);
  });

  it("deactivating stops the super admin's token at once and their sign-in; reactivated, they sign in again (the old token stays ended)", async () => {
    const sa = await superAdmin(["core"], [a]);
    const put = (body: unknown) =>
      call(updateSuperAdminRoute, `/api/enterprise/super-admins/${sa.id}`, { method: "PUT", token: ea, params: { id: sa.id }, body });
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: sa.token })).status).toBe(200);

    const off = await put({ isActive: false });
    expect(off.status).toBe(200);
    expect(off.body.isActive).toBe(false);
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: sa.token })).status).toBe(401);
    expect((await call(clientUsersRoute, `/api/super-admin/clients/${a.id}/users`, { token: sa.token, params: { id: a.id } })).status).toBe(401);
    expect((await call(superAdminLogin, "/api/super-admin/auth/login", { headers: ip(3), body: { email: sa.email, password: PASSWORD } })).status).toBe(401);
    expect(await auditOf("super_admin.deactivated", sa.id)).toHaveLength(1);

    expect((await put({ isActive: true })).status).toBe(200);
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: sa.token })).status).toBe(401); // issued before the deactivation
    const principal = await verifyToken(sa.token);
    const later = (await issueToken(principal, { now: Date.now() + 1_000 })).token; // a sign-in after the deactivation's second
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: later })).status).toBe(200);
    expect((await call(superAdminLogin, "/api/super-admin/auth/login", { headers: ip(4), body: { email: sa.email, password: PASSWORD } })).status).toBe(200);
    expect(await auditOf("super_admin.reactivated", sa.id)).toHaveLength(1);
  });
});

describe("GET /api/enterprise/modules", () => {
  it("answers the catalogue to enterprise and super admins", async () => {
    const sa = await superAdmin([]);
    for (const token of [ea, sa.token]) {
      const r = await call(listModulesRoute, "/api/enterprise/modules", { token });
      expect(r.status).toBe(200);
      expect(r.body.modules).toEqual(
        modules()
          .map((m) => ({ key: m.key, name: m.name, description: m.description, permissions: Object.keys(m.permissions) }))
          .sort((x, y) => x.key.localeCompare(y.key)),
      );
    }
  });
});

describe("super admins work on their assigned clients only", () => {
  it("lists only the assigned clients, without database details", async () => {
    const sa = await superAdmin(["core"], [a]);
    const r = await call(myClientsRoute, "/api/super-admin/clients", { token: sa.token });
    expect(r.status).toBe(200);
    expect(r.body.clients).toEqual([
      { id: a.id, slug: a.slug, name: a.name, segment: null, status: "ACTIVE", modules: ["core"], schemaVersion: a.schemaVersion },
    ]);
    const none = await superAdmin(["core"]);
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: none.token })).body.clients).toEqual([]);
  });

  it("assigns a module it holds (200, idempotent, audited once) and the tenant's registry entry changes at once", async () => {
    const { tenant: c } = await makeTenant({ modules: ["core"] });
    const sa = await superAdmin(["core", "ledger"], [c]);
    expect((await getTenant(c.id))!.modules).toEqual(["core"]); // cached now
    const assign = () =>
      call(assignModuleRoute, `/api/super-admin/clients/${c.id}/assign-module`, { token: sa.token, params: { id: c.id }, body: { module: "ledger" } });
    const r = await assign();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: c.id, modules: ["core", "ledger"] });
    expect((await getTenant(c.id))!.modules).toEqual(["core", "ledger"]);
    const again = await assign();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(r.body);
    const entries = await auditOf("client.module_assigned", c.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "super-admin", actorId: sa.id, clientId: c.id, metadata: { module: "ledger" } });
  });

  it("refuses a module it does not hold (403), an unknown module (422), and another client's id (404) without changing anything", async () => {
    const sa = await superAdmin(["core"], [a]);
    const assign = (id: string, body: unknown) =>
      call(assignModuleRoute, `/api/super-admin/clients/${id}/assign-module`, { token: sa.token, params: { id }, body });
    expect((await assign(a.id, { module: "ledger" })).status).toBe(403);
    expect((await assign(a.id, { module: "payroll" })).status).toBe(422);
    expect((await assign(a.id, { modules: ["core"] })).status).toBe(422);
    expect((await assign(a.id, { module: "core" })).status).toBe(200); // held and already there: fine
    const other = await assign(b.id, { module: "core" });
    const missing = await assign(randomUUID(), { module: "core" });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body.detail).toBe(missing.body.detail);
    expect((await assign("nope", { module: "core" })).status).toBe(404);
    expect((await getTenant(a.id))!.modules).toEqual(["core"]);
    expect(await auditOf("client.module_assigned", a.id)).toHaveLength(0);
  });

  it("goes by the modules recorded now, not the ones in an older token", async () => {
    const sa = await superAdmin(["ledger"], [b]);
    await call(updateSuperAdminRoute, `/api/enterprise/super-admins/${sa.id}`, { method: "PUT", token: ea, params: { id: sa.id }, body: { modules: [] } });
    expect(await verifyToken(sa.token)).toMatchObject({ kind: "super-admin", modules: ["ledger"] }); // the token still says ledger
    const r = await call(assignModuleRoute, `/api/super-admin/clients/${b.id}/assign-module`, {
      token: sa.token,
      params: { id: b.id },
      body: { module: "ledger" },
    });
    expect(r.status).toBe(403);
  });

  it("lists an assigned client's users with their roles through the tenant context; another client → 404", async () => {
    const viewer = await makeUser(a, ["Viewer"], "Vera Viewer");
    const sa = await superAdmin(["core"], [a]);
    const r = await call(clientUsersRoute, `/api/super-admin/clients/${a.id}/users`, { token: sa.token, params: { id: a.id } });
    expect(r.status).toBe(200);
    const byEmail = Object.fromEntries(r.body.users.map((u: { email: string; roles: { name: string }[] }) => [u.email, u.roles.map((x) => x.name)]));
    expect(byEmail[ownerEmailA]).toEqual(["Owner"]);
    expect(byEmail[viewer.principal.email]).toEqual(["Viewer"]);
    expect(JSON.stringify(r.body)).not.toMatch(/passwordHash|argon2/);

    expect((await call(clientUsersRoute, `/api/super-admin/clients/${b.id}/users`, { token: sa.token, params: { id: b.id } })).status).toBe(404);
    expect((await call(clientUsersRoute, `/api/super-admin/clients/${randomUUID()}/users`, { token: sa.token, params: { id: randomUUID() } })).status).toBe(
      404,
    );
  });

  it("issues a new setup link for an assigned client's owner without a password (audited as the super admin); another client → 404", async () => {
    const slug = `salink${randomUUID().slice(0, 8)}`;
    const { body } = await createClient({ name: "Setup For Super", slug, adminEmail: `first@${slug}.test` }, { type: "system", id: null });
    const c = (await getTenant(body.clientId))!;
    const sa = await superAdmin(["core"], [c]);
    const link = (id: string) => call(setupLinkRoute, `/api/super-admin/clients/${id}/setup-link`, { method: "POST", token: sa.token, params: { id } });
    const r = await link(c.id);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ email: `first@${slug}.test` });
    expect(r.body.setupLink.startsWith(`http://${slug}.localhost:`)).toBe(true);
    expect(await auditOf("client.setup_link_issued", c.id)).toMatchObject([{ actorType: "super-admin", actorId: sa.id }]);
    expect((await link(b.id)).status).toBe(404); // not assigned to them
    expect((await link(a.id)).status).toBe(404); // assigned to other super admins only
  });

  it("refuses other kinds of principal on the super admin routes", async () => {
    const owner = await makeUser(a, ["Owner"]);
    const forged = (await issueToken({ kind: "super-admin", id: randomUUID(), email: "ghost@e.test", name: "Ghost", modules: ["core", "ledger"] })).token;
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: ea })).status).toBe(403);
    expect(
      (await call(clientUsersRoute, `/api/super-admin/clients/${a.id}/users`, { token: owner.token, headers: { "x-tenant-id": a.slug }, params: { id: a.id } }))
        .status,
    ).toBe(403);
    // A genuine token of an admin who does not exist (deleted) is refused.
    expect((await call(myClientsRoute, "/api/super-admin/clients", { token: forged })).status).toBe(401);
  });
});
