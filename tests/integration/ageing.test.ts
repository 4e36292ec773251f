import fc from "fast-check";
import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// Ageing and statements: a hand-computed fixture, payables, and a fast-check property: after any sequence of
// invoices, credit notes, payments (allocated or not) and voided payments, the receivables ageing as of any
// date equals the receivable accounts' balance in the ledger (the trial balance) at that date.

const { GET: receivables } = routeHandlers("/api/client/sales/reports/ageing");
const { GET: payables } = routeHandlers("/api/client/purchases/reports/ageing");
const { GET: statement } = routeHandlers("/api/client/sales/customers/{id}/statement");
const { POST: createInvoice } = routeHandlers("/api/client/sales/invoices");
const { GET: getInvoice } = routeHandlers("/api/client/sales/invoices/{id}");
const { POST: issueInvoice } = routeHandlers("/api/client/sales/invoices/{id}/issue");
const { POST: credit } = routeHandlers("/api/client/sales/invoices/{id}/credit-note");
const { POST: createBill } = routeHandlers("/api/client/purchases/bills");
const { POST: issueBill } = routeHandlers("/api/client/purchases/bills/{id}/issue");
const { POST: pay } = routeHandlers("/api/client/payments");
const { POST: voidPayment } = routeHandlers("/api/client/payments/{id}/void");
const { PUT: salesSettings } = routeHandlers("/api/client/sales/settings");
const { PUT: purchaseSettings } = routeHandlers("/api/client/purchases/settings");
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");
const { POST: createAccount } = routeHandlers("/api/client/accounts");
const { POST: createTax } = routeHandlers("/api/client/taxes");
const { POST: createContact } = routeHandlers("/api/client/contacts");
const { GET: trialBalance } = routeHandlers("/api/client/reports/trial-balance");

let a: TenantRecord;
let owner: TestUser;
let viewer: TestUser;
const acct: Record<string, string> = {};
let vat20 = "";

const as = (u: TestUser = owner) => ({ token: u.token, headers: tenantHeaders(a) });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
const ok = (r: { status: number; body: any }, status: number) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};

afterAll(() => destroyTenants());
beforeAll(async () => {
  ({ tenant: a } = await makeTenant());
  owner = await makeUser(a, ["Owner"]);
  viewer = await makeUser(a, ["Viewer"]);
  const r = await call(createDefaults, "/api/client/accounts/defaults", { ...as(), method: "POST" });
  for (const x of r.body.accounts as { id: string; code: string }[]) acct[x.code] = x.id;
  vat20 = (await call(createTax, "/", { ...as(), body: { name: "VAT 20%", rate: "20", accountId: acct["2100"] } })).body.id;
  ok(await call(purchaseSettings, "/", { ...as(), method: "PUT", body: { accountId: acct["2000"] } }), 200);
});

async function customer(name: string): Promise<string> {
  return ok(await call(createContact, "/", { ...as(), body: { name, isCustomer: true, paymentTermsDays: 30, incomeAccountId: acct["4000"] } }), 201).id;
}
async function invoice(contactId: string, date: string, price: string, taxId: string | null = null): Promise<{ id: string; total: string; date: string }> {
  const d = ok(
    await call(createInvoice, "/", { ...as(), body: { contactId, date, lines: [{ description: "Work", quantity: "1", unitPrice: price, taxId }] } }),
    201,
  );
  return ok(await call(issueInvoice, "/", { ...as(), params: { id: d.id } }), 200);
}
async function ageingOf(asOf: string) {
  return ok(await call(receivables, "/", { ...as(viewer), query: { asOf } }), 200);
}
async function balanceOf(asOf: string, accountIds: string[]): Promise<string> {
  const tb = ok(await call(trialBalance, "/", { ...as(), query: { asOf } }), 200);
  const cents = (tb.accounts as { accountId: string; balance: string }[])
    .filter((x) => accountIds.includes(x.accountId))
    .reduce((s, x) => s + BigInt(x.balance.replace(".", "")), 0n);
  const neg = cents < 0n;
  const abs = (neg ? -cents : cents).toString().padStart(5, "0");
  return `${neg ? "-" : ""}${abs.slice(0, -4)}.${abs.slice(-4)}`;
}

describe("receivables ageing", () => {
  it("ages a hand-computed fixture as of two dates, and agrees with the ledger", async () => {
    ok(await call(salesSettings, "/", { ...as(), method: "PUT", body: { accountId: acct["1200"] } }), 200);
    const c = await customer("Fixture Ltd");
    await invoice(c, "2026-01-01", "100");
    const i2 = await invoice(c, "2026-05-01", "200");
    const i3 = await invoice(c, "2026-06-15", "300");
    ok(
      await call(pay, "/", {
        ...as(),
        body: {
          direction: "RECEIVED",
          contactId: c,
          date: "2026-05-10",
          amount: "50",
          accountId: acct["1100"],
          allocations: [{ documentId: i2.id, amount: "50" }],
        },
      }),
      201,
    );
    ok(await call(pay, "/", { ...as(), body: { direction: "RECEIVED", contactId: c, date: "2026-06-20", amount: "40", accountId: acct["1100"] } }), 201);
    ok(
      await call(credit, "/", {
        ...as(),
        params: { id: i3.id },
        body: { date: "2026-06-16", lines: [{ description: "Discount", quantity: "1", unitPrice: "30", taxId: null }] },
      }),
      201,
    );

    const june = await ageingOf("2026-06-30");
    expect(june.contacts).toEqual([
      {
        contactId: c,
        name: "Fixture Ltd",
        current: "270.0000",
        days1to30: "110.0000",
        days31to60: "0.0000",
        days61to90: "0.0000",
        over90: "100.0000",
        total: "480.0000",
      },
    ]);
    expect(june).toMatchObject({ ledgerBalance: "480.0000", reconciled: true });
    expect(await balanceOf("2026-06-30", [acct["1200"]!])).toBe("480.0000");
    const may = await ageingOf("2026-05-05");
    expect(may.contacts[0]).toMatchObject({ current: "200.0000", over90: "100.0000", total: "300.0000" });
    expect(may.reconciled).toBe(true);

    const st = ok(await call(statement, "/", { ...as(viewer), params: { id: c }, query: { from: "2026-05-01", to: "2026-06-30" } }), 200);
    expect(st.openingBalance).toBe("100.0000");
    expect(st.lines.map((l: { type: string; amount: string; balance: string }) => [l.type, l.amount, l.balance])).toEqual([
      ["invoice", "200.0000", "300.0000"],
      ["payment", "-50.0000", "250.0000"],
      ["invoice", "300.0000", "550.0000"],
      ["credit_note", "-30.0000", "520.0000"],
      ["payment", "-40.0000", "480.0000"],
    ]);
    expect(st.closingBalance).toBe("480.0000");
    expect(st.open.map((o: { balanceDue: string }) => o.balanceDue)).toEqual(["100.0000", "150.0000", "270.0000"]);
    expect((await call(statement, "/", { ...as(), params: { id: c }, query: { from: "2026-07-01", to: "2026-06-30" } })).status).toBe(422);
  });

  it("payables ageing mirrors it and reconciles with the payable account", async () => {
    const v = ok(
      await call(createContact, "/", { ...as(), body: { name: "Vendor", isVendor: true, paymentTermsDays: 10, expenseAccountId: acct["6000"] } }),
      201,
    ).id;
    const d = ok(
      await call(createBill, "/", {
        ...as(),
        body: { contactId: v, date: "2026-03-01", lines: [{ description: "Paper", quantity: "1", unitPrice: "100", taxId: vat20 }] },
      }),
      201,
    );
    ok(await call(issueBill, "/", { ...as(), params: { id: d.id } }), 200);
    ok(
      await call(pay, "/", {
        ...as(),
        body: { direction: "PAID", contactId: v, date: "2026-03-05", amount: "20", accountId: acct["1100"], allocations: [{ documentId: d.id, amount: "20" }] },
      }),
      201,
    );
    const r = ok(await call(payables, "/", { ...as(), query: { asOf: "2026-04-15" } }), 200);
    expect(r.contacts).toEqual([
      {
        contactId: v,
        name: "Vendor",
        current: "0.0000",
        days1to30: "0.0000",
        days31to60: "100.0000",
        days61to90: "0.0000",
        over90: "0.0000",
        total: "100.0000",
      },
    ]);
    expect(r).toMatchObject({ ledgerBalance: "100.0000", reconciled: true });
  });

  it("property: the ageing equals the receivable accounts' balance as of any date, after any sequence of documents", async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
    const price = fc.integer({ min: 1, max: 500_00 }).map((c) => (c / 100).toFixed(2));
    const op = fc.oneof(
      fc.record({ t: fc.constant("inv" as const), day: fc.integer({ min: 0, max: 200 }), price, taxed: fc.boolean() }),
      fc.record({ t: fc.constant("cn" as const), pick: fc.nat(), after: fc.integer({ min: 0, max: 60 }), price }),
      fc.record({ t: fc.constant("pay" as const), day: fc.integer({ min: 0, max: 260 }), price, picks: fc.array(fc.nat(), { maxLength: 3 }) }),
      fc.record({ t: fc.constant("void" as const), pick: fc.nat() }),
    );
    const arAccounts: string[] = [acct["1200"]!];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 3 }),
        async (ops, asOfDays) => {
          run += 1;
          // Each run posts to a receivable account of its own; the report covers every run's documents.
          const ar = ok(
            await call(createAccount, "/api/client/accounts", { ...as(), body: { code: `AR-${run}`, name: `Receivable ${run}`, type: "ASSET" } }),
            201,
          ).id;
          arAccounts.push(ar);
          ok(await call(salesSettings, "/", { ...as(), method: "PUT", body: { accountId: ar } }), 200);
          const c = await customer(`Property ${run}`);
          const invoices: { id: string; date: string }[] = [];
          const payments: string[] = [];
          for (const o of ops) {
            if (o.t === "inv") invoices.push(await invoice(c, day(o.day), o.price, o.taxed ? vat20 : null));
            else if (o.t === "cn" && invoices.length) {
              const inv = invoices[o.pick % invoices.length]!;
              const date = new Date(Date.parse(`${inv.date}T00:00:00Z`) + o.after * 86_400_000).toISOString().slice(0, 10);
              const r = await call(credit, "/", {
                ...as(),
                params: { id: inv.id },
                body: { date, lines: [{ description: "Credit", quantity: "1", unitPrice: o.price, taxId: null }] },
              });
              expect([201, 409]).toContain(r.status); // 409: the invoice is VOID (credited in full) already
            } else if (o.t === "pay") {
              const date = day(o.day);
              let left = BigInt(o.price.replace(".", ""));
              const allocations: { documentId: string; amount: string }[] = [];
              for (const p of o.picks) {
                const inv = invoices.length ? invoices[p % invoices.length]! : null;
                if (!inv || inv.date > date || allocations.some((x) => x.documentId === inv.id)) continue;
                const due = BigInt(ok(await call(getInvoice, "/", { ...as(), params: { id: inv.id } }), 200).balanceDue.replace(".", "")) / 100n;
                const amount = left < due ? left : due;
                if (amount <= 0n) continue;
                left -= amount;
                allocations.push({ documentId: inv.id, amount: (Number(amount) / 100).toFixed(2) });
              }
              const r = await call(pay, "/", {
                ...as(),
                body: { direction: "RECEIVED", contactId: c, date, amount: o.price, accountId: acct["1100"], allocations },
              });
              expect(r.status, JSON.stringify(r.body)).toBe(201);
              payments.push(r.body.id);
            } else if (o.t === "void" && payments.length) {
              const r = await call(voidPayment, "/", { ...as(), params: { id: payments[o.pick % payments.length]! } });
              expect([200, 409]).toContain(r.status);
            }
          }
          for (const n of asOfDays) {
            const asOf = day(n);
            const report = await ageingOf(asOf);
            const mine = report.contacts.find((x: { contactId: string }) => x.contactId === c);
            expect(mine?.total ?? "0.0000").toBe(await balanceOf(asOf, [ar]));
            expect(report.totals.total).toBe(await balanceOf(asOf, arAccounts));
            expect(report.reconciled).toBe(true);
            const buckets = ["current", "days1to30", "days31to60", "days61to90", "over90"].reduce((s, k) => s + BigInt(report.totals[k].replace(".", "")), 0n);
            expect(buckets).toBe(BigInt(report.totals.total.replace(".", "")));
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
