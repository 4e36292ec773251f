import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// Taxes and products through their routes against a real tenant database.

const { GET: listTaxes, POST: createTax } = routeHandlers("/api/client/taxes");
const { PATCH: updateTax } = routeHandlers("/api/client/taxes/{id}");
const { GET: listProducts, POST: createProduct } = routeHandlers("/api/client/products");
const { PATCH: updateProduct } = routeHandlers("/api/client/products/{id}");
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");

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
  const r = await call(createDefaults, "/api/client/accounts/defaults", { ...asA(), method: "POST" });
  for (const x of r.body.accounts as { id: string; code: string }[]) acct[x.code] = x.id;
});

const asA = (u: TestUser = accountant) => ({ token: u.token, headers: tenantHeaders(a) });

describe("taxes", () => {
  it("creates rates (exclusive by default, inclusive on request), lists them, renames and deactivates; duplicate name → 409", async () => {
    const vat = await call(createTax, "/api/client/taxes", { ...asA(), body: { name: "VAT 20%", rate: "20", accountId: acct["2100"] } });
    expect(vat.status).toBe(201);
    expect(vat.body).toMatchObject({ name: "VAT 20%", rate: "20.0000", isInclusive: false, accountId: acct["2100"], isActive: true });
    const incl = await call(createTax, "/api/client/taxes", {
      ...asA(),
      body: { name: "VAT 5% incl", rate: "5.5", isInclusive: true, accountId: acct["2100"] },
    });
    expect(incl.body).toMatchObject({ rate: "5.5000", isInclusive: true });
    expect((await call(createTax, "/api/client/taxes", { ...asA(), body: { name: "VAT 20%", rate: "20", accountId: acct["2100"] } })).status).toBe(409);
    const off = await call(updateTax, "/", { ...asA(), method: "PATCH", params: { id: incl.body.id }, body: { isActive: false, name: "Old 5.5%" } });
    expect(off.body).toMatchObject({ name: "Old 5.5%", isActive: false, rate: "5.5000" });
    const list = await call(listTaxes, "/api/client/taxes", asA(viewer));
    expect(list.body.taxes.map((t: { name: string }) => t.name)).toEqual(["VAT 20%", "Old 5.5%"]);
    const audit = await withTenantDb(a, (db) => db.auditLog.findMany({ where: { targetType: "tax" }, select: { action: true } }));
    expect(audit.map((x) => x.action)).toEqual(["tax.created", "tax.created", "tax.updated"]);
  });

  it("refuses rates over 100, more than 4 decimals, numbers, and accounts that cannot hold tax (422)", async () => {
    for (const rate of ["100.5", "1.23456", 20, "-1"]) {
      const r = await call(createTax, "/api/client/taxes", { ...asA(), body: { name: `r${rate}`, rate, accountId: acct["2100"] } });
      expect(r.status, String(rate)).toBe(422);
    }
    const revenue = await call(createTax, "/api/client/taxes", { ...asA(), body: { name: "Wrong", rate: "1", accountId: acct["4000"] } });
    expect(revenue.status).toBe(422);
    expect(revenue.body.errors).toEqual([{ path: "accountId", message: "must be a LIABILITY or ASSET account" }]);
  });
});

describe("products", () => {
  it("creates with defaults and links checked by type; duplicate code → 409; updates only what changed", async () => {
    const vat = await call(createTax, "/api/client/taxes", { ...asA(), body: { name: "VAT P", rate: "20", accountId: acct["2100"] } });
    const p = await call(createProduct, "/api/client/products", {
      ...asA(),
      body: { code: "CONSULT", name: "Consulting", unit: "h", unitPrice: "120.5", incomeAccountId: acct["4000"], taxId: vat.body.id },
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ code: "CONSULT", kind: "SERVICE", unit: "h", unitPrice: "120.5000", taxId: vat.body.id, isActive: true });
    expect((await call(createProduct, "/api/client/products", { ...asA(), body: { code: "CONSULT", name: "Again" } })).status).toBe(409);
    const bad = await call(createProduct, "/api/client/products", { ...asA(), body: { code: "X1", name: "X", incomeAccountId: acct["1000"] } });
    expect(bad.body.errors).toEqual([{ path: "incomeAccountId", message: "must be a REVENUE account" }]);
    await call(updateTax, "/", { ...asA(), method: "PATCH", params: { id: vat.body.id }, body: { isActive: false } });
    const inactiveTax = await call(createProduct, "/api/client/products", { ...asA(), body: { code: "X2", name: "X", taxId: vat.body.id } });
    expect(inactiveTax.body.errors).toEqual([{ path: "taxId", message: "the tax is inactive" }]);

    const same = await call(updateProduct, "/", { ...asA(), method: "PATCH", params: { id: p.body.id }, body: { unitPrice: "120.50", taxId: vat.body.id } });
    expect(same.status).toBe(200);
    const up = await call(updateProduct, "/", { ...asA(), method: "PATCH", params: { id: p.body.id }, body: { unitPrice: "135", taxId: null } });
    expect(up.body).toMatchObject({ unitPrice: "135.0000", taxId: null });
    const audit = await withTenantDb(a, (db) => db.auditLog.findMany({ where: { targetId: p.body.id }, select: { action: true, metadata: true } }));
    expect(audit.map((x) => [x.action, (x.metadata as { changed?: string[] }).changed ?? null])).toEqual([
      ["product.created", null],
      ["product.updated", ["unitPrice", "taxId"]],
    ]);
  });

  it("searches code and name, filters inactive, pages; a viewer cannot write; another tenant's id → 404", async () => {
    for (const [code, name] of [
      ["W-1", "Widget small"],
      ["W-2", "Widget large"],
      ["G-1", "Gadget"],
    ])
      await call(createProduct, "/api/client/products", { ...asA(), body: { code, name, kind: "PRODUCT", unitPrice: "1" } });
    const found = await call(listProducts, "/api/client/products", { ...asA(viewer), query: { q: "widget", limit: "1" } });
    expect(found.body.products.map((p: { code: string }) => p.code)).toEqual(["W-2"]);
    const next = await call(listProducts, "/api/client/products", { ...asA(viewer), query: { q: "widget", limit: "1", cursor: found.body.nextCursor } });
    expect(next.body.products.map((p: { code: string }) => p.code)).toEqual(["W-1"]);
    expect((await call(listProducts, "/api/client/products", { ...asA(viewer), query: { q: "g-1" } })).body.products).toHaveLength(1);
    expect((await call(createProduct, "/api/client/products", { ...asA(viewer), body: { code: "V", name: "V" } })).status).toBe(403);
    const foreign = await call(updateProduct, "/", {
      token: bOwner.token,
      headers: tenantHeaders(b),
      method: "PATCH",
      params: { id: found.body.products[0].id },
      body: {},
    });
    expect(foreign.status).toBe(404);
  });
});
