import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvoiceCore, creditInvoiceCore, deleteInvoiceCore, issueInvoiceCore } from "@/app/t/[tenant]/sales/action-cores";
import { invoiceFormOptions } from "@/app/t/[tenant]/sales/load";
import { tenantPageScope } from "@/lib/api/pages";
import { issueToken } from "@/lib/auth/tokens";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { pageOutcome } from "@/tests/helpers/pages";
import { destroyTenants, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";

// The sales pages' server actions as a browser calls them (session cookie on the tenant's host), the invoice
// form's options, and the pages' gates. Who may call: authz-matrix.test.ts; in a browser: tests/e2e/sales.spec.ts.

let tenant: TenantRecord;
const sessions: Record<"owner" | "viewer", string> = { owner: "", viewer: "" };
let n = 0;
const h = (session?: string) => {
  const headers = new Headers({ host: `${tenant.slug}.localhost:3000`, origin: `http://${tenant.slug}.localhost:3000`, "x-forwarded-for": `10.10.0.${++n}` });
  if (session) headers.set("cookie", `bisman.session=${session}`);
  return headers;
};
const session = async (u: TestUser) => (await issueToken(u.principal, { use: "session" })).token;
let customer = "";

afterAll(() => destroyTenants());
beforeAll(async () => {
  ({ tenant } = await makeTenant());
  sessions.owner = await session(await makeUser(tenant, ["Owner"]));
  sessions.viewer = await session(await makeUser(tenant, ["Viewer"]));
  await withTenantDb(tenant, async (db) => {
    const ar = await db.account.create({ data: { code: "1200", name: "Receivables", type: "ASSET" } });
    const sales = await db.account.create({ data: { code: "4000", name: "Sales", type: "REVENUE" } });
    await db.documentSettings.create({ data: { id: 1, receivableAccountId: ar.id } });
    customer = (await db.contact.create({ data: { name: "Acme", isCustomer: true, incomeAccountId: sales.id } })).id;
    await db.contact.create({ data: { name: "Vendor only", isVendor: true } });
  });
});

describe("sales pages", () => {
  it("offers active customers only; drafts, issues, credits in full and deletes a draft through the actions", async () => {
    const options = await tenantPageScope(tenant.slug, h(sessions.owner), "sales:invoices:write", (ctx) => invoiceFormOptions(ctx));
    expect(options.data.customers.map((c) => c.name)).toEqual(["Acme"]);
    const draft = await createInvoiceCore(h(sessions.owner), {
      contactId: customer,
      date: "2026-03-02",
      lines: [{ description: "Work", quantity: "2", unitPrice: "12.50", taxId: null }],
    });
    expect(draft.ok && draft.data).toMatchObject({ status: "DRAFT", total: "25.0000" });
    const id = draft.ok ? draft.data.id : "";
    const issued = await issueInvoiceCore(h(sessions.owner), { id });
    expect(issued.ok && issued.data.number).toBe("INV-2026-0001");
    const credited = await creditInvoiceCore(h(sessions.owner), { id });
    expect(credited.ok && credited.data).toMatchObject({ kind: "CREDIT_NOTE", total: "25.0000" });
    const another = await createInvoiceCore(h(sessions.owner), {
      contactId: customer,
      date: "2026-03-03",
      lines: [{ description: "x", quantity: "1", unitPrice: "1" }],
    });
    const gone = await deleteInvoiceCore(h(sessions.owner), { id: another.ok ? another.data.id : "" });
    expect(gone.ok).toBe(true);
    const again = await deleteInvoiceCore(h(sessions.owner), { id });
    expect(!again.ok && again.problem.status).toBe(409);
  });

  it("a refusal names the line's field; a viewer cannot draft; the pages' gates", async () => {
    const bad = await createInvoiceCore(h(sessions.owner), {
      contactId: customer,
      date: "2026-03-02",
      lines: [{ description: "x", quantity: "0", unitPrice: "1" }],
    });
    expect(!bad.ok && bad.problem.errors?.map((e) => e.path)).toEqual(["lines.0.quantity"]);
    const viewer = await createInvoiceCore(h(sessions.viewer), { contactId: customer, date: "2026-03-02", lines: [] });
    expect(!viewer.ok && viewer.problem.status).toBe(403);
    expect(await pageOutcome(tenantPageScope(tenant.slug, h(sessions.viewer), "sales:invoices:read", async () => null))).toBe("rendered");
    expect(await pageOutcome(tenantPageScope(tenant.slug, h(sessions.viewer), "sales:invoices:write", async () => null))).toBe("not found");
  });
});
