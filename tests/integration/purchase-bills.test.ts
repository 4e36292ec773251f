import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { makeBooks, expectStatus } from "@/tests/factories/books";
import { call } from "@/tests/helpers/http";
import { destroyTenants, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// Vendor bills: the mirror image of sales invoices (shared engine, tested in sales-invoices.test.ts);
// here what differs: the payable side of the entry, BILL-/VCN- numbers, the vendor's reference and the
// duplicate warning, vendors only, and access.

const { GET: list, POST: create } = routeHandlers("/api/client/purchases/bills");
const { GET: get, PATCH: patch } = routeHandlers("/api/client/purchases/bills/{id}");
const { POST: issue } = routeHandlers("/api/client/purchases/bills/{id}/issue");
const { POST: credit } = routeHandlers("/api/client/purchases/bills/{id}/credit-note");
const { PUT: putSettings } = routeHandlers("/api/client/purchases/settings");
const { POST: createTax } = routeHandlers("/api/client/taxes");
const { POST: createContact } = routeHandlers("/api/client/contacts");
const { GET: getEntry } = routeHandlers("/api/client/transactions/{id}");

let a: TenantRecord;
let b: TenantRecord;
let accountant: TestUser;
let viewer: TestUser;
let bOwner: TestUser;
const acct: Record<string, string> = {};
let vat20 = "";
let vendor = "";
let customerOnly = "";

const asA = (u: TestUser = accountant) => ({ token: u.token, headers: tenantHeaders(a) });
const ok = expectStatus;

afterAll(() => destroyTenants());
beforeAll(async () => {
  const books = await makeBooks();
  ({ a, b, accountant, viewer, bOwner } = books);
  Object.assign(acct, books.acct);
  vat20 = (await call(createTax, "/", { ...asA(), body: { name: "VAT 20%", rate: "20", accountId: acct["2100"] } })).body.id;
  vendor = (await call(createContact, "/", { ...asA(), body: { name: "Paper Co", isVendor: true, paymentTermsDays: 14, expenseAccountId: acct["6000"] } })).body
    .id;
  customerOnly = (await call(createContact, "/", { ...asA(), body: { name: "Only a customer", isCustomer: true } })).body.id;
});

const bill = (date: string, vendorReference: string | undefined, price = "100") =>
  call(create, "/", {
    ...asA(),
    body: { contactId: vendor, date, vendorReference, lines: [{ description: "Paper", quantity: "2", unitPrice: price, taxId: vat20 }] },
  });

describe("vendor bills", () => {
  it("drafts with the vendor's terms and reference; refuses a contact that is not a vendor (422)", async () => {
    const d = ok(await bill("2026-03-02", "F-118"), 201);
    expect(d).toMatchObject({ direction: "PURCHASE", status: "DRAFT", dueDate: "2026-03-16", vendorReference: "F-118", total: "240.0000", duplicates: [] });
    expect(d.lines[0].accountId).toBe(acct["6000"]);
    const wrong = await call(create, "/", {
      ...asA(),
      body: { contactId: customerOnly, date: "2026-03-02", lines: [{ description: "x", quantity: "1", unitPrice: "1" }] },
    });
    expect(wrong.body.errors).toEqual([{ path: "contactId", message: "the contact is not a vendor" }]);
  });

  it("issuing posts payable credit, expense and recoverable tax debits, numbered BILL-2026-0001", async () => {
    const d = ok(await bill("2026-03-03", "F-200"), 201);
    expect((await call(issue, "/", { ...asA(), params: { id: d.id } })).status).toBe(422); // no payable account yet
    expect((await call(putSettings, "/", { ...asA(), method: "PUT", body: { accountId: acct["1200"] } })).status).toBe(422);
    ok(await call(putSettings, "/", { ...asA(), method: "PUT", body: { accountId: acct["2000"] } }), 200);
    const issued = ok(await call(issue, "/", { ...asA(), params: { id: d.id } }), 200);
    expect(issued).toMatchObject({ status: "ISSUED", number: "BILL-2026-0001", vendorReference: "F-200" });
    const entry = ok(await call(getEntry, "/", { ...asA(), params: { id: issued.journalEntryId } }), 200);
    expect(entry.description).toBe("Bill BILL-2026-0001 — Paper Co");
    expect(entry.lines.map((l: { accountCode: string; debit: string; credit: string }) => [l.accountCode, l.debit, l.credit])).toEqual([
      ["2000", "0.0000", "240.0000"],
      ["6000", "200.0000", "0.0000"],
      ["2100", "40.0000", "0.0000"],
    ]);
    const actions = await withTenantDb(a, (db) => db.auditLog.findMany({ where: { targetId: d.id }, orderBy: { id: "asc" }, select: { action: true } }));
    expect(actions.map((x) => x.action)).toEqual(["bill.created", "bill.issued"]);
  });

  it("warns (without refusing) of another bill of the vendor with the same reference, in any case", async () => {
    const first = ok(await bill("2026-04-01", "DUP-7"), 201);
    const second = ok(await bill("2026-04-02", "dup-7"), 201);
    expect(second.duplicates).toEqual([{ id: first.id, number: null, date: "2026-04-01", status: "DRAFT" }]);
    const issued = ok(await call(issue, "/", { ...asA(), params: { id: first.id } }), 200);
    expect(ok(await call(get, "/", { ...asA(viewer), params: { id: second.id } }), 200).duplicates).toEqual([
      { id: first.id, number: issued.number, date: "2026-04-01", status: "ISSUED" },
    ]);
    const renamed = ok(await call(patch, "/", { ...asA(), method: "PATCH", params: { id: second.id }, body: { vendorReference: "DUP-8" } }), 200);
    expect(renamed.duplicates).toEqual([]);
    expect((await call(list, "/", { ...asA(viewer), query: { q: "dup-8" } })).body.documents.map((x: { id: string }) => x.id)).toEqual([second.id]);
  });

  it("a vendor credit note reverses the bill's entry (VCN-), and a full one voids the bill", async () => {
    const issued = ok(await call(issue, "/", { ...asA(), params: { id: ok(await bill("2026-05-01", "F-300", "50"), 201).id } }), 200);
    const vcn = ok(await call(credit, "/", { ...asA(), params: { id: issued.id }, body: { date: "2026-05-02" } }), 201);
    expect(vcn).toMatchObject({ kind: "CREDIT_NOTE", number: "VCN-2026-0001", total: "120.0000", amountApplied: "120.0000" });
    const entry = ok(await call(getEntry, "/", { ...asA(), params: { id: vcn.journalEntryId } }), 200);
    expect(entry.lines.map((l: { accountCode: string; debit: string; credit: string }) => [l.accountCode, l.debit, l.credit])).toEqual([
      ["2000", "120.0000", "0.0000"],
      ["6000", "0.0000", "100.0000"],
      ["2100", "0.0000", "20.0000"],
    ]);
    expect(ok(await call(get, "/", { ...asA(), params: { id: issued.id } }), 200).status).toBe("VOID");
  });

  it("a Viewer reads but cannot write; a sales invoice id is not a bill; another tenant's id → 404", async () => {
    const d = ok(await bill("2026-06-01", undefined), 201);
    expect((await call(create, "/", { ...asA(viewer), body: {} })).status).toBe(403);
    expect((await call(issue, "/", { ...asA(viewer), params: { id: d.id } })).status).toBe(403);
    const { GET: getInvoice } = routeHandlers("/api/client/sales/invoices/{id}");
    expect((await call(getInvoice, "/", { ...asA(), params: { id: d.id } })).status).toBe(404);
    expect((await call(get, "/", { token: bOwner.token, headers: tenantHeaders(b), params: { id: d.id } })).status).toBe(404);
  });
});
