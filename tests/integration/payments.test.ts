import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { makeBooks, expectStatus } from "@/tests/factories/books";
import { call } from "@/tests/helpers/http";
import { destroyTenants, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// Payments through their routes against a real tenant database: allocation to several documents, the
// remainder as credit, state changes, the entry, refusals, concurrent allocation, void, access.

const { GET: list, POST: record } = routeHandlers("/api/client/payments");
const { GET: get } = routeHandlers("/api/client/payments/{id}");
const { POST: voidIt } = routeHandlers("/api/client/payments/{id}/void");
const { POST: createInvoice } = routeHandlers("/api/client/sales/invoices");
const { GET: getInvoice } = routeHandlers("/api/client/sales/invoices/{id}");
const { POST: issueInvoice } = routeHandlers("/api/client/sales/invoices/{id}/issue");
const { POST: createBill } = routeHandlers("/api/client/purchases/bills");
const { GET: getBill } = routeHandlers("/api/client/purchases/bills/{id}");
const { POST: issueBill } = routeHandlers("/api/client/purchases/bills/{id}/issue");
const { PUT: salesSettings } = routeHandlers("/api/client/sales/settings");
const { PUT: purchaseSettings } = routeHandlers("/api/client/purchases/settings");
const { POST: createContact } = routeHandlers("/api/client/contacts");
const { GET: getEntry } = routeHandlers("/api/client/transactions/{id}");
const { POST: voidEntry } = routeHandlers("/api/client/transactions/{id}/void");

let a: TenantRecord;
let b: TenantRecord;
let accountant: TestUser;
let viewer: TestUser;
let bOwner: TestUser;
const acct: Record<string, string> = {};
let customer = "";
let other = "";
let vendor = "";

const asA = (u: TestUser = accountant) => ({ token: u.token, headers: tenantHeaders(a) });
const ok = expectStatus;

afterAll(() => destroyTenants());
beforeAll(async () => {
  const books = await makeBooks();
  ({ a, b, accountant, viewer, bOwner } = books);
  Object.assign(acct, books.acct);
  await call(salesSettings, "/", { ...asA(), method: "PUT", body: { accountId: acct["1200"] } });
  await call(purchaseSettings, "/", { ...asA(), method: "PUT", body: { accountId: acct["2000"] } });
  customer = (await call(createContact, "/", { ...asA(), body: { name: "Acme", isCustomer: true, incomeAccountId: acct["4000"] } })).body.id;
  other = (await call(createContact, "/", { ...asA(), body: { name: "Other", isCustomer: true, incomeAccountId: acct["4000"] } })).body.id;
  vendor = (await call(createContact, "/", { ...asA(), body: { name: "Paper Co", isVendor: true, expenseAccountId: acct["6000"] } })).body.id;
});

async function invoice(date: string, amount: string, contactId = customer): Promise<string> {
  const d = ok(
    await call(createInvoice, "/", { ...asA(), body: { contactId, date, lines: [{ description: "Work", quantity: "1", unitPrice: amount }] } }),
    201,
  );
  ok(await call(issueInvoice, "/", { ...asA(), params: { id: d.id } }), 200);
  return d.id;
}
const status = async (id: string) => ok(await call(getInvoice, "/", { ...asA(), params: { id } }), 200);
const pay = (body: object) => call(record, "/", { ...asA(), body: { direction: "RECEIVED", contactId: customer, accountId: acct["1100"], ...body } });

describe("payments", () => {
  it("allocates to several invoices, keeps the rest as credit, moves their states and posts cash debit / receivable credit", async () => {
    const i1 = await invoice("2026-03-01", "100");
    const i2 = await invoice("2026-03-02", "50");
    const p = ok(
      await pay({
        date: "2026-03-10",
        amount: "120",
        allocations: [
          { documentId: i1, amount: "100" },
          { documentId: i2, amount: "15" },
        ],
      }),
      201,
    );
    expect(p).toMatchObject({ number: "RCPT-2026-0001", status: "POSTED", amount: "120.0000", unallocated: "5.0000" });
    expect(await status(i1)).toMatchObject({ status: "PAID", amountPaid: "100.0000", balanceDue: "0.0000" });
    expect(await status(i2)).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "15.0000", balanceDue: "35.0000" });
    const entry = ok(await call(getEntry, "/", { ...asA(), params: { id: p.journalEntryId } }), 200);
    expect(entry.lines.map((l: { accountCode: string; debit: string; credit: string }) => [l.accountCode, l.debit, l.credit])).toEqual([
      ["1100", "120.0000", "0.0000"],
      ["1200", "0.0000", "120.0000"],
    ]);
    expect((await call(voidEntry, "/", { ...asA(), params: { id: p.journalEntryId } })).status).toBe(409);
    const actions = await withTenantDb(a, (db) =>
      db.auditLog.findMany({ where: { action: { in: ["payment.recorded", "invoice.status_changed"] } }, select: { action: true } }),
    );
    expect(actions.map((x) => x.action).sort()).toEqual(["invoice.status_changed", "invoice.status_changed", "payment.recorded"]);
  });

  it("refuses allocations that do not fit (422) and writes nothing", async () => {
    const i = await invoice("2026-04-01", "80");
    const foreign = await invoice("2026-04-01", "80", other);
    const count = () => withTenantDb(a, (db) => db.payment.count());
    const before = await count();
    const cases: [object, string][] = [
      [{ date: "2026-04-05", amount: "90", allocations: [{ documentId: i, amount: "81" }] }, "allocations.0.documentId"],
      [{ date: "2026-04-05", amount: "50", allocations: [{ documentId: i, amount: "60" }] }, "allocations"],
      [{ date: "2026-04-05", amount: "50", allocations: [{ documentId: foreign, amount: "10" }] }, "allocations.0.documentId"],
      [{ date: "2026-03-31", amount: "50", allocations: [{ documentId: i, amount: "10" }] }, "allocations.0.documentId"],
      [{ date: "2026-04-05", amount: "50", accountId: acct["4000"] }, "accountId"],
      [{ date: "2026-04-05", amount: "50", accountId: acct["1200"] }, "accountId"],
      [{ date: "2026-04-05", amount: "0" }, "amount"],
      [{ date: "2026-04-05", amount: "50", allocations: [{ documentId: "00000000-0000-4000-8000-000000000000", amount: "1" }] }, "allocations"],
    ];
    for (const [body, path] of cases) {
      const r = await pay(body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await count()).toBe(before);
    expect((await pay({ date: "2026-04-05", amount: "1", contactId: vendor })).status).toBe(422);
  });

  it("of two concurrent payments settling the same balance, one is recorded and the other refused", async () => {
    const i = await invoice("2026-05-01", "70");
    const rs = await Promise.all([1, 2].map(() => pay({ date: "2026-05-02", amount: "70", allocations: [{ documentId: i, amount: "70" }] })));
    expect(rs.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await status(i)).toMatchObject({ status: "PAID", amountPaid: "70.0000" });
  });

  it("voiding a payment undoes its allocations and voids its entry; twice → 409", async () => {
    const i = await invoice("2026-06-01", "60");
    const p1 = ok(await pay({ date: "2026-06-02", amount: "20", allocations: [{ documentId: i, amount: "20" }] }), 201);
    const p2 = ok(await pay({ date: "2026-06-03", amount: "40", allocations: [{ documentId: i, amount: "40" }] }), 201);
    expect((await status(i)).status).toBe("PAID");
    const v = ok(await call(voidIt, "/", { ...asA(), params: { id: p2.id } }), 200);
    expect(v).toMatchObject({ status: "VOID" });
    expect(await status(i)).toMatchObject({ status: "PARTIALLY_PAID", amountPaid: "20.0000" });
    expect(ok(await call(getEntry, "/", { ...asA(), params: { id: p2.journalEntryId } }), 200).status).toBe("VOID");
    expect((await call(voidIt, "/", { ...asA(), params: { id: p2.id } })).status).toBe(409);
    ok(await call(voidIt, "/", { ...asA(), params: { id: p1.id } }), 200);
    expect((await status(i)).status).toBe("ISSUED");
  });

  it("pays a bill: payable debit, bank credit, PAY- numbers", async () => {
    const d = ok(
      await call(createBill, "/", {
        ...asA(),
        body: { contactId: vendor, date: "2026-03-01", lines: [{ description: "Paper", quantity: "1", unitPrice: "30" }] },
      }),
      201,
    );
    ok(await call(issueBill, "/", { ...asA(), params: { id: d.id } }), 200);
    const p = ok(
      await call(record, "/", {
        ...asA(),
        body: {
          direction: "PAID",
          contactId: vendor,
          date: "2026-03-05",
          amount: "30",
          accountId: acct["1100"],
          allocations: [{ documentId: d.id, amount: "30" }],
        },
      }),
      201,
    );
    expect(p.number).toBe("PAY-2026-0001");
    expect(ok(await call(getBill, "/", { ...asA(), params: { id: d.id } }), 200).status).toBe("PAID");
    const entry = ok(await call(getEntry, "/", { ...asA(), params: { id: p.journalEntryId } }), 200);
    expect(entry.lines.map((l: { accountCode: string; debit: string; credit: string }) => [l.accountCode, l.debit, l.credit])).toEqual([
      ["2000", "30.0000", "0.0000"],
      ["1100", "0.0000", "30.0000"],
    ]);
    // A sales invoice is not a bill: allocating a PAID payment to it → 422.
    const inv = await invoice("2026-03-01", "5");
    const wrong = await call(record, "/", {
      ...asA(),
      body: { direction: "PAID", contactId: vendor, date: "2026-03-05", amount: "5", accountId: acct["1100"], allocations: [{ documentId: inv, amount: "5" }] },
    });
    expect(wrong.status).toBe(422);
  });

  it("lists with filters; a Viewer reads but cannot record; another tenant's id → 404", async () => {
    const all = ok(await call(list, "/", { ...asA(viewer), query: { direction: "RECEIVED", contactId: customer, status: "VOID" } }), 200);
    expect(all.payments.length).toBe(2);
    expect((await pay({ date: "2026-07-01", amount: "1" })).status).toBe(201);
    expect((await call(record, "/", { ...asA(viewer), body: {} })).status).toBe(403);
    const id = all.payments[0].id;
    expect((await call(get, "/", { ...asA(viewer), params: { id } })).status).toBe(200);
    expect((await call(get, "/", { token: bOwner.token, headers: tenantHeaders(b), params: { id } })).status).toBe(404);
    expect((await call(voidIt, "/", { token: bOwner.token, headers: tenantHeaders(b), params: { id } })).status).toBe(404);
  });
});
