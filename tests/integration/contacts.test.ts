import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// Contacts through their routes against a real tenant database: create, validation, default
// accounts checked by type, search and filters with cursor pagination, update, audit, permissions.

const { GET: list, POST: create } = routeHandlers("/api/client/contacts");
const { GET: get, PATCH: patch } = routeHandlers("/api/client/contacts/{id}");
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");
const { GET: exportCsv } = routeHandlers("/api/client/contacts/export");

let a: TenantRecord;
let b: TenantRecord;
let accountant: TestUser;
let viewer: TestUser;
let bOwner: TestUser;
const acct: Record<string, string> = {};

afterAll(() => destroyTenants());

beforeAll(async () => {
  ({ tenant: a } = await makeTenant());
  ({ tenant: b } = await makeTenant());
  accountant = await makeUser(a, ["Accountant"]);
  viewer = await makeUser(a, ["Viewer"]);
  bOwner = await makeUser(b, ["Owner"]);
  const r = await call(createDefaults, "/api/client/accounts/defaults", { ...asA(accountant), method: "POST" });
  for (const x of r.body.accounts as { id: string; code: string }[]) acct[x.code] = x.id;
});

const asA = (u: TestUser = accountant) => ({ token: u.token, headers: tenantHeaders(a) });

async function newContact(body: object) {
  const r = await call(create, "/api/client/contacts", { ...asA(), body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; name: string };
}

describe("contacts", () => {
  it("creates a customer with defaults, reads it back, audits it", async () => {
    const c = await newContact({ name: "  Acme Ltd ", isCustomer: true, email: "ap@acme.example", incomeAccountId: acct["4000"] });
    expect(c).toMatchObject({ name: "Acme Ltd", isCustomer: true, isVendor: false, paymentTermsDays: 30, isActive: true, incomeAccountId: acct["4000"] });
    const r = await call(get, `/api/client/contacts/${c.id}`, { ...asA(viewer), params: { id: c.id } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(c);
    const audit = await withTenantDb(a, (db) => db.auditLog.findFirst({ where: { action: "contact.created", targetId: c.id } }));
    expect(audit?.actorId).toBe(accountant.principal.id);
  });

  it("refuses a contact that is neither customer nor vendor, a bad email, numbers for strings (422)", async () => {
    for (const body of [
      { name: "Nobody" },
      { name: "Nobody", isCustomer: false, isVendor: false },
      { name: "X", isVendor: true, email: "not-an-email" },
      { name: "X", isVendor: true, paymentTermsDays: 400 },
      { name: "", isVendor: true },
    ]) {
      const r = await call(create, "/api/client/contacts", { ...asA(), body });
      expect(r.status, JSON.stringify(body)).toBe(422);
    }
  });

  it("checks default accounts: income must be REVENUE, expense EXPENSE, both known and active (422 naming the field)", async () => {
    const wrongType = await call(create, "/api/client/contacts", { ...asA(), body: { name: "X", isCustomer: true, incomeAccountId: acct["1000"] } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors).toEqual([{ path: "incomeAccountId", message: "must be a REVENUE account" }]);
    const unknown = await call(create, "/api/client/contacts", {
      ...asA(),
      body: { name: "X", isVendor: true, expenseAccountId: "00000000-0000-4000-8000-000000000001" },
    });
    expect(unknown.body.errors).toEqual([{ path: "expenseAccountId", message: "no such account" }]);
    const ok = await newContact({ name: "Paper Co", isVendor: true, expenseAccountId: acct["6000"] });
    expect(ok).toMatchObject({ expenseAccountId: acct["6000"] });
  });

  it("updates only the fields sent, clears with null, keeps one role, deactivates; an empty change is not audited", async () => {
    const c = await newContact({ name: "Both Ways", isCustomer: true, isVendor: true, phone: "123", paymentTermsDays: 14 });
    const r = await call(patch, `/api/client/contacts/${c.id}`, {
      params: { id: c.id },
      ...asA(),
      method: "PATCH",
      body: { phone: null, paymentTermsDays: 0, isCustomer: false },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: "Both Ways", phone: null, paymentTermsDays: 0, isCustomer: false, isVendor: true });
    const neither = await call(patch, `/api/client/contacts/${c.id}`, { params: { id: c.id }, ...asA(), method: "PATCH", body: { isVendor: false } });
    expect(neither.status).toBe(422);
    const off = await call(patch, `/api/client/contacts/${c.id}`, { params: { id: c.id }, ...asA(), method: "PATCH", body: { isActive: false } });
    expect(off.body.isActive).toBe(false);
    const before = await withTenantDb(a, (db) => db.auditLog.count({ where: { targetId: c.id } }));
    const same = await call(patch, `/api/client/contacts/${c.id}`, { params: { id: c.id }, ...asA(), method: "PATCH", body: { isActive: false } });
    expect(same.status).toBe(200);
    expect(await withTenantDb(a, (db) => db.auditLog.count({ where: { targetId: c.id } }))).toBe(before);
    const audit = await withTenantDb(a, (db) => db.auditLog.findMany({ where: { action: "contact.updated", targetId: c.id }, orderBy: { id: "asc" } }));
    expect(audit.map((x) => (x.metadata as { changed: string[] }).changed)).toEqual([["phone", "isCustomer", "paymentTermsDays"], ["isActive"]]);
  });

  it("searches name, email and tax id; filters by role and activity; pages with a cursor", async () => {
    const tag = `zz${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) await newContact({ name: `${tag} customer ${i}`, isCustomer: true });
    await newContact({ name: "Vendor by tax id", isVendor: true, taxId: `${tag.toUpperCase()}-TAX` });
    const inactive = await newContact({ name: `${tag} gone`, isCustomer: true });
    await call(patch, `/api/client/contacts/${inactive.id}`, { params: { id: inactive.id }, ...asA(), method: "PATCH", body: { isActive: false } });

    const names = async (query: Record<string, string>) => {
      const r = await call(list, "/api/client/contacts", { ...asA(viewer), query });
      expect(r.status).toBe(200);
      return r.body as { contacts: { name: string }[]; nextCursor: string | null };
    };
    expect((await names({ q: tag })).contacts.map((c) => c.name)).toEqual(["Vendor by tax id", ...[0, 1, 2, 3, 4].map((i) => `${tag} customer ${i}`)]);
    expect((await names({ q: tag, role: "vendor" })).contacts.map((c) => c.name)).toEqual(["Vendor by tax id"]);
    expect((await names({ q: tag, active: "false" })).contacts.map((c) => c.name)).toEqual([`${tag} gone`]);
    expect((await names({ q: tag, active: "all" })).contacts).toHaveLength(7);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { contacts: { name: string }[]; nextCursor: string | null } = await names({ q: tag, limit: "2", ...(cursor ? { cursor } : {}) });
      seen.push(...page.contacts.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it("a Viewer reads but cannot write; another tenant's id → 404", async () => {
    const c = await newContact({ name: "Private", isCustomer: true });
    expect((await call(create, "/api/client/contacts", { ...asA(viewer), body: { name: "X", isCustomer: true } })).status).toBe(403);
    expect((await call(patch, `/api/client/contacts/${c.id}`, { params: { id: c.id }, ...asA(viewer), method: "PATCH", body: { name: "Y" } })).status).toBe(
      403,
    );
    const foreign = { token: bOwner.token, headers: tenantHeaders(b) };
    expect((await call(get, `/api/client/contacts/${c.id}`, { ...foreign, params: { id: c.id } })).status).toBe(404);
    expect((await call(patch, `/api/client/contacts/${c.id}`, { params: { id: c.id }, ...foreign, method: "PATCH", body: { name: "Stolen" } })).status).toBe(
      404,
    );
  });

  it("exports the matching contacts as CSV: quoted where needed, formulas defused, a Viewer may, another tenant sees its own", async () => {
    const tag = `csv${Date.now().toString(36)}`;
    await newContact({ name: `${tag} "Quoted", Inc`, isCustomer: true, billingAddress: "1 Road\nTown", phone: "+44 1" });
    await newContact({ name: `${tag} =cmd`, isVendor: true, paymentTermsDays: 0 });
    const r = await call(exportCsv, "/api/client/contacts/export", { ...asA(viewer), query: { q: tag, active: "all" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.body).toBe(
      [
        "name,email,phone,taxId,billingAddress,isCustomer,isVendor,paymentTermsDays,isActive",
        `"${tag} ""Quoted"", Inc",,'+44 1,,"1 Road\nTown",true,false,30,true`,
        `${tag} =cmd,,,,,false,true,0,true`,
        "",
      ].join("\r\n"),
    );
    const other = await call(exportCsv, "/api/client/contacts/export", { token: bOwner.token, headers: tenantHeaders(b), query: { q: tag } });
    expect(other.body).toBe("name,email,phone,taxId,billingAddress,isCustomer,isVendor,paymentTermsDays,isActive\r\n");
  });
});
