import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { makeBooks, expectStatus } from "@/tests/factories/books";
import { call } from "@/tests/helpers/http";
import { destroyTenants, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// Sales invoices and credit notes through their routes against a real tenant database: exact line
// arithmetic, due dates from terms, issuing (gap-free numbers per year, also under concurrent issuing and
// after a failed issue; one posted entry), credit notes (partial, full → VOID), refusals, filters, access.

const { GET: list, POST: create } = routeHandlers("/api/client/sales/invoices");
const { GET: get, PATCH: patch, DELETE: del } = routeHandlers("/api/client/sales/invoices/{id}");
const { POST: issue } = routeHandlers("/api/client/sales/invoices/{id}/issue");
const { POST: credit } = routeHandlers("/api/client/sales/invoices/{id}/credit-note");
const { GET: getSettings, PUT: putSettings } = routeHandlers("/api/client/sales/settings");
const { POST: createAccount } = routeHandlers("/api/client/accounts");
const { POST: createTax } = routeHandlers("/api/client/taxes");
const { POST: createProduct } = routeHandlers("/api/client/products");
const { POST: createContact } = routeHandlers("/api/client/contacts");
const { GET: getEntry } = routeHandlers("/api/client/transactions/{id}");
const { POST: voidEntry } = routeHandlers("/api/client/transactions/{id}/void");
const { POST: reverseEntry } = routeHandlers("/api/client/transactions/{id}/reverse");
const { PATCH: updateAccount } = routeHandlers("/api/client/accounts/{id}");

let a: TenantRecord;
let b: TenantRecord;
let accountant: TestUser;
let viewer: TestUser;
let bOwner: TestUser;
const acct: Record<string, string> = {};
let vat20 = "";
let vat5incl = "";
let product = "";
let customer = "";
let vendorOnly = "";

const asA = (u: TestUser = accountant) => ({ token: u.token, headers: tenantHeaders(a) });
const ok = (r: { status: number; body: unknown }, status: number) => expectStatus<Doc>(r, status);

interface Doc {
  id: string;
  number: string | null;
  status: string;
  date: string;
  dueDate: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  amountCredited: string;
  amountApplied: string;
  balanceDue: string;
  journalEntryId: string | null;
  lines: { net: string; taxAmount: string; total: string; description: string; accountId: string }[];
}

afterAll(() => destroyTenants());
beforeAll(async () => {
  const books = await makeBooks();
  ({ a, b, accountant, viewer, bOwner } = books);
  Object.assign(acct, books.acct);
  vat20 = (await call(createTax, "/", { ...asA(), body: { name: "VAT 20%", rate: "20", accountId: acct["2100"] } })).body.id;
  vat5incl = (await call(createTax, "/", { ...asA(), body: { name: "VAT 5% incl", rate: "5", isInclusive: true, accountId: acct["2100"] } })).body.id;
  product = (await call(createProduct, "/", { ...asA(), body: { code: "CONS", name: "Consulting", unit: "h", unitPrice: "19.99", taxId: vat20 } })).body.id;
  customer = (await call(createContact, "/", { ...asA(), body: { name: "Acme Ltd", isCustomer: true, paymentTermsDays: 30, incomeAccountId: acct["4000"] } }))
    .body.id;
  vendorOnly = (await call(createContact, "/", { ...asA(), body: { name: "Supplier", isVendor: true } })).body.id;
});

const draft = (date: string, lines: object[], extra: object = {}) => call(create, "/", { ...asA(), body: { contactId: customer, date, lines, ...extra } });
const simple = (date: string, price = "100") => draft(date, [{ description: "Work", quantity: "1", unitPrice: price, taxId: null }]);
const issueIt = (id: string, u: TestUser = accountant) => call(issue, "/", { ...asA(u), params: { id } });

describe("sales invoices", () => {
  it("computes exact totals per line (discount, exclusive and inclusive tax, no tax) and the due date from the terms", async () => {
    const d = ok(
      await draft("2026-03-02", [
        { productId: product, quantity: "3", discountPercent: "10" },
        { description: "Licence", quantity: "1", unitPrice: "105", taxId: vat5incl },
        { description: "Stamps", quantity: "2", unitPrice: "0.10", taxId: null },
      ]),
      201,
    );
    expect(d).toMatchObject({ status: "DRAFT", number: null, dueDate: "2026-04-01", subtotal: "154.1700", taxTotal: "15.7900", total: "169.9600" });
    expect(d.lines.map((l) => [l.description, l.net, l.taxAmount, l.total])).toEqual([
      ["Consulting", "53.9700", "10.7900", "64.7600"],
      ["Licence", "100.0000", "5.0000", "105.0000"],
      ["Stamps", "0.2000", "0.0000", "0.2000"],
    ]);
    expect(d.lines[0]!.accountId).toBe(acct["4000"]);
  });

  it("refuses a non-customer, a line without an account, numbers, a due date before the date (422)", async () => {
    const notCustomer = await call(create, "/", {
      ...asA(),
      body: { contactId: vendorOnly, date: "2026-03-02", lines: [{ productId: product, quantity: "1" }] },
    });
    expect(notCustomer.body.errors).toEqual([{ path: "contactId", message: "the contact is not a customer" }]);
    const plain = (await call(createContact, "/", { ...asA(), body: { name: "Plain", isCustomer: true } })).body.id;
    const noAccount = await call(create, "/", {
      ...asA(),
      body: { contactId: plain, date: "2026-03-02", lines: [{ description: "x", quantity: "1", unitPrice: "1" }] },
    });
    expect(noAccount.body.errors).toEqual([{ path: "lines.0.accountId", message: "choose the income account" }]);
    expect((await draft("2026-03-02", [{ description: "x", quantity: 1, unitPrice: "1" }])).status).toBe(422);
    expect((await draft("2026-03-02", [{ description: "x", quantity: "0", unitPrice: "1" }])).status).toBe(422);
    expect((await draft("2026-03-02", [{ productId: product, quantity: "1" }], { dueDate: "2026-03-01" })).status).toBe(422);
    const wrongAccount = await draft("2026-03-02", [{ description: "x", quantity: "1", unitPrice: "1", accountId: acct["1000"] }]);
    expect(wrongAccount.body.errors).toEqual([{ path: "lines.0.accountId", message: "must be a REVENUE account" }]);
  });

  it("issuing needs a receivable account (422), then numbers INV-2026-0001 and posts one balanced entry", async () => {
    const d = ok(
      await draft("2026-03-02", [
        { productId: product, quantity: "3", discountPercent: "10" },
        { description: "Stamps", quantity: "2", unitPrice: "0.10", taxId: null },
      ]),
      201,
    );
    expect((await issueIt(d.id)).status).toBe(422);
    expect((await call(getSettings, "/", asA(viewer))).body).toEqual({ accountId: null });
    expect((await call(putSettings, "/", { ...asA(), method: "PUT", body: { accountId: acct["2000"] } })).status).toBe(422);
    expect((await call(putSettings, "/", { ...asA(), method: "PUT", body: { accountId: acct["1200"] } })).status).toBe(200);
    const issued = ok(await issueIt(d.id), 200);
    expect(issued).toMatchObject({ status: "ISSUED", number: "INV-2026-0001", total: "64.9600", balanceDue: "64.9600" });
    const entry = await call(getEntry, "/", { ...asA(), params: { id: issued.journalEntryId! } });
    expect(entry.body).toMatchObject({ status: "POSTED", date: "2026-03-02", reference: "INV-2026-0001", description: "Invoice INV-2026-0001 — Acme Ltd" });
    const lines = (entry.body.lines as { accountCode: string; debit: string; credit: string }[]).map((l) => [l.accountCode, l.debit, l.credit]);
    expect(lines).toEqual([
      ["1200", "64.9600", "0.0000"],
      ["4000", "0.0000", "54.1700"],
      ["2100", "0.0000", "10.7900"],
    ]);
    const actions = await withTenantDb(a, (db) => db.auditLog.findMany({ where: { targetId: d.id }, select: { action: true }, orderBy: { id: "asc" } }));
    expect(actions.map((x) => x.action)).toEqual(["invoice.created", "invoice.issued"]);
  });

  it("an issued invoice is not issued, edited or deleted again (409); the ledger will not void or reverse its entry (409)", async () => {
    const d = ok(await issueIt(ok(await simple("2026-03-05"), 201).id), 200);
    expect((await issueIt(d.id)).status).toBe(409);
    expect((await call(patch, "/", { ...asA(), method: "PATCH", params: { id: d.id }, body: { notes: "x" } })).status).toBe(409);
    expect((await call(del, "/", { ...asA(), method: "DELETE", params: { id: d.id } })).status).toBe(409);
    expect((await call(voidEntry, "/", { ...asA(), params: { id: d.journalEntryId! } })).status).toBe(409);
    expect((await call(reverseEntry, "/", { ...asA(), params: { id: d.journalEntryId! }, body: {} })).status).toBe(409);
  });

  it("edits and deletes drafts; a zero total cannot be issued (422)", async () => {
    const d = ok(await simple("2026-03-06", "0"), 201);
    expect((await issueIt(d.id)).status).toBe(422);
    const edited = ok(
      await call(patch, "/", {
        ...asA(),
        method: "PATCH",
        params: { id: d.id },
        body: { lines: [{ productId: product, quantity: "2" }], dueDate: "2026-03-20" },
      }),
      200,
    );
    expect(edited).toMatchObject({ total: "47.9800", dueDate: "2026-03-20" });
    const moved = ok(await call(patch, "/", { ...asA(), method: "PATCH", params: { id: d.id }, body: { date: "2026-03-10", dueDate: null } }), 200);
    expect(moved).toMatchObject({ dueDate: "2026-04-09", total: "47.9800" });
    expect((await call(del, "/", { ...asA(), method: "DELETE", params: { id: d.id } })).status).toBe(204);
    expect((await call(get, "/", { ...asA(), params: { id: d.id } })).status).toBe(404);
  });

  it("gives gap-free numbers: concurrent issues, a failed issue in between, a new year", async () => {
    const drafts = await Promise.all(Array.from({ length: 12 }, () => simple("2026-04-01")));
    const issued = await Promise.all(drafts.map((d) => issueIt(d.body.id)));
    expect(issued.map((r) => r.status)).toEqual(Array(12).fill(200));
    const numbers = issued.map((r) => r.body.number as string).sort();
    const start = Number(numbers[0]!.slice(-4));
    expect(numbers).toEqual(numbers.map((_, i) => `INV-2026-${String(start + i).padStart(4, "0")}`));

    // An issue that fails after taking its number (the income account was deactivated) gives it back.
    const sideAccount = await call(createAccount, "/api/client/accounts", { ...asA(), body: { code: "4100", name: "Side income", type: "REVENUE" } });
    const failing = ok(await draft("2026-04-02", [{ description: "x", quantity: "1", unitPrice: "5", accountId: sideAccount.body.id, taxId: null }]), 201);
    await call(updateAccount, "/", { ...asA(), method: "PATCH", params: { id: sideAccount.body.id }, body: { isActive: false } });
    expect((await issueIt(failing.id)).status).toBe(422);
    const next = ok(await issueIt(ok(await simple("2026-04-02"), 201).id), 200);
    expect(next.number).toBe(`INV-2026-${String(start + 12).padStart(4, "0")}`);
    expect(ok(await issueIt(ok(await simple("2027-01-04"), 201).id), 200).number).toBe("INV-2027-0001");
  });

  it("credit notes: part of an invoice (PARTIALLY_PAID), then the rest (VOID); nothing more to credit (409)", async () => {
    const inv = ok(await issueIt(ok(await draft("2026-05-01", [{ productId: product, quantity: "10" }]), 201).id), 200);
    expect(inv.total).toBe("239.8800");
    const part = ok(
      await call(credit, "/", { ...asA(), params: { id: inv.id }, body: { date: "2026-05-03", lines: [{ productId: product, quantity: "2" }] } }),
      201,
    );
    expect(part).toMatchObject({ kind: "CREDIT_NOTE", status: "ISSUED", total: "47.9800", amountApplied: "47.9800", balanceDue: "0.0000", creditOfId: inv.id });
    expect(part.number).toMatch(/^CRN-2026-\d{4}$/);
    const entry = await call(getEntry, "/", { ...asA(), params: { id: part.journalEntryId! } });
    expect((entry.body.lines as { accountCode: string; debit: string; credit: string }[]).map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ["1200", "0.0000", "47.9800"],
      ["4000", "39.9800", "0.0000"],
      ["2100", "8.0000", "0.0000"],
    ]);
    expect(ok(await call(get, "/", { ...asA(), params: { id: inv.id } }), 200)).toMatchObject({
      status: "PARTIALLY_PAID",
      amountCredited: "47.9800",
      balanceDue: "191.9000",
    });
    const early = await call(credit, "/", { ...asA(), params: { id: inv.id }, body: { date: "2026-04-30" } });
    expect(early.status).toBe(422);
    const rest = ok(
      await call(credit, "/", { ...asA(), params: { id: inv.id }, body: { date: "2026-05-04", lines: [{ productId: product, quantity: "8" }] } }),
      201,
    );
    expect(rest.amountApplied).toBe("191.9000");
    expect(ok(await call(get, "/", { ...asA(), params: { id: inv.id } }), 200)).toMatchObject({ status: "VOID", balanceDue: "0.0000" });
    expect((await call(credit, "/", { ...asA(), params: { id: inv.id }, body: {} })).status).toBe(409);
    expect((await call(credit, "/", { ...asA(), params: { id: rest.id }, body: {} })).status).toBe(409);
  });

  it("a full credit note copies every line; more than is owed leaves the customer a credit", async () => {
    const inv = ok(
      await issueIt(
        ok(
          await draft("2026-06-01", [
            { productId: product, quantity: "1" },
            { description: "Fee", quantity: "1", unitPrice: "5", taxId: null },
          ]),
          201,
        ).id,
      ),
      200,
    );
    const all = ok(await call(credit, "/", { ...asA(), params: { id: inv.id }, body: { date: "2026-06-02" } }), 201);
    expect(all).toMatchObject({ total: inv.total, amountApplied: inv.total });
    expect(all.lines.map((l) => l.description)).toEqual(["Consulting", "Fee"]);
    const inv2 = ok(await issueIt(ok(await simple("2026-06-03", "10"), 201).id), 200);
    const over = ok(
      await call(credit, "/", {
        ...asA(),
        params: { id: inv2.id },
        body: { date: "2026-06-03", lines: [{ description: "Refund", quantity: "1", unitPrice: "25", taxId: null }] },
      }),
      201,
    );
    expect(over).toMatchObject({ total: "25.0000", amountApplied: "10.0000", balanceDue: "15.0000" });
  });

  it("lists with filters: status, contact, dates, overdue, number; pages with a cursor", async () => {
    const q = async (query: Record<string, string>) =>
      (await call(list, "/", { ...asA(viewer), query })).body as { documents: Doc[]; nextCursor: string | null };
    expect((await q({ q: "INV-2026-0001" })).documents.map((d) => d.number)).toEqual(["INV-2026-0001"]);
    expect((await q({ status: "VOID" })).documents.every((d) => d.status === "VOID")).toBe(true);
    expect((await q({ kind: "CREDIT_NOTE" })).documents.length).toBe(4);
    const may = await q({ from: "2026-05-01", to: "2026-05-31", kind: "INVOICE" });
    expect(may.documents.map((d) => d.date)).toEqual(["2026-05-01"]);
    const overdue = await q({ overdue: "true", limit: "200" });
    expect(overdue.documents.length).toBeGreaterThan(10);
    expect(overdue.documents.every((d) => ["ISSUED", "PARTIALLY_PAID"].includes(d.status))).toBe(true);
    const first = await q({ limit: "3" });
    const second = await q({ limit: "3", cursor: first.nextCursor! });
    expect(new Set([...first.documents, ...second.documents].map((d) => d.id)).size).toBe(6);
  });

  it("a Viewer reads but cannot draft or issue; another tenant's id → 404", async () => {
    const d = ok(await simple("2026-07-01"), 201);
    expect((await call(create, "/", { ...asA(viewer), body: {} })).status).toBe(403);
    expect((await issueIt(d.id, viewer)).status).toBe(403);
    expect((await call(get, "/", { ...asA(viewer), params: { id: d.id } })).status).toBe(200);
    const foreign = { token: bOwner.token, headers: tenantHeaders(b), params: { id: d.id } };
    expect((await call(get, "/", foreign)).status).toBe(404);
    expect((await call(issue, "/", foreign)).status).toBe(404);
  });
});
