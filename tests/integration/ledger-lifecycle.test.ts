import { routeHandlers } from "@/tests/helpers/api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/errors";
import { todayUtc } from "@/lib/modules/ledger/dates";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { POST: createAccount } = routeHandlers("/api/client/accounts");
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");
const { PATCH: updateAccount } = routeHandlers("/api/client/accounts/{id}");
const { POST: createEntry } = routeHandlers("/api/client/transactions");
const { DELETE: deleteEntry, GET: getEntry, PATCH: editEntry } = routeHandlers("/api/client/transactions/{id}");
const { POST: reverseEntry } = routeHandlers("/api/client/transactions/{id}/reverse");
const { POST: voidEntry } = routeHandlers("/api/client/transactions/{id}/void");
const { GET: balanceSheet } = routeHandlers("/api/client/reports/balance-sheet");
const { GET: incomeStatement } = routeHandlers("/api/client/reports/income-statement");
const { GET: trialBalance } = routeHandlers("/api/client/reports/trial-balance");

// The ledger's lifecycle beyond create/post/void: editing and deleting drafts,
// reversing posted entries (once, even under concurrency), and the income
// statement and balance sheet, against real tenant databases. Tenant A holds the
// lifecycle tests, tenant R a small fixture whose reports are computed by hand.

let a: TenantRecord;
let b: TenantRecord;
let r: TenantRecord;
let accountant: TestUser;
let viewer: TestUser;
let bOwner: TestUser;
let rAccountant: TestUser;
const acct: Record<string, string> = {};
const rAcct: Record<string, string> = {};

afterAll(() => destroyTenants());

beforeAll(async () => {
  ({ tenant: a } = await makeTenant());
  ({ tenant: b } = await makeTenant());
  ({ tenant: r } = await makeTenant());
  accountant = await makeUser(a, ["Accountant"]);
  viewer = await makeUser(a, ["Viewer"]);
  bOwner = await makeUser(b, ["Owner"]);
  rAccountant = await makeUser(r, ["Accountant"]);
  for (const [tenant, user, into] of [
    [a, accountant, acct],
    [r, rAccountant, rAcct],
  ] as const) {
    const res = await call(createDefaults, "/api/client/accounts/defaults", { token: user.token, headers: tenantHeaders(tenant), method: "POST" });
    expect(res.status).toBe(200);
    for (const x of res.body.accounts as { id: string; code: string }[]) into[x.code] = x.id;
  }
});

const asA = (u: TestUser = accountant) => ({ token: u.token, headers: tenantHeaders(a) });
const asB = () => ({ token: bOwner.token, headers: tenantHeaders(b) });
const asR = () => ({ token: rAccountant.token, headers: tenantHeaders(r) });
const line = (accountId: string, side: "debit" | "credit", amount: string, memo?: string) => ({ accountId, [side]: amount, ...(memo ? { memo } : {}) });

async function newEntry(as: object, date: string, lines: object[], extra: object = {}) {
  const res = await call(createEntry, "/api/client/transactions", { ...as, body: { date, description: `Entry of ${date}`, lines, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number; status: string };
}

const at = (id: string, o: object, method = "POST") => ({ ...o, method, params: { id } });
const patch = (id: string, body: unknown, as: object = asA()) => call(editEntry, "/x", { ...at(id, as, "PATCH"), body });
const remove = (id: string, as: object = asA()) => call(deleteEntry, "/x", at(id, as, "DELETE"));
const reverse = (id: string, body: unknown = {}, as: object = asA()) => call(reverseEntry, "/x", { ...at(id, as), body });
const voidIt = (id: string, as: object = asA()) => call(voidEntry, "/x", at(id, as));
const audits = (tenant: TenantRecord, action: string, targetId: string) =>
  withTenantDb(tenant, (db) => db.auditLog.findMany({ where: { action, targetId }, select: { metadata: true, actorId: true } }));

describe("editing a draft", () => {
  it("changes the fields sent, replaces every line, and is audited; an empty edit changes nothing", async () => {
    const draft = await newEntry(asA(), "2026-02-01", [line(acct["1000"]!, "debit", "10"), line(acct["4000"]!, "credit", "9")], { reference: "R-1" });
    const res = await patch(draft.id, {
      date: "2026-02-02",
      description: "Corrected",
      reference: null,
      lines: [line(acct["1100"]!, "debit", "12.5", "bank"), line(acct["4000"]!, "credit", "7.25"), line(acct["4000"]!, "credit", "5.25")],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: draft.id,
      number: draft.number,
      status: "DRAFT",
      date: "2026-02-02",
      description: "Corrected",
      reference: null,
      totals: { debit: "12.5000", credit: "12.5000", balanced: true },
    });
    expect(
      res.body.lines
        .map((l: { accountCode: string; debit: string; credit: string; memo: string | null }) => `${l.accountCode} ${l.debit}/${l.credit} ${l.memo}`)
        .sort(),
    ).toEqual(["1100 12.5000/0.0000 bank", "4000 0.0000/5.2500 null", "4000 0.0000/7.2500 null"]);
    expect(await withTenantDb(a, (db) => db.journalLine.count({ where: { entryId: draft.id } }))).toBe(3);
    expect((await audits(a, "journal.updated", draft.id)).map((x) => x.metadata)).toEqual([
      { number: draft.number, changed: ["date", "description", "reference", "lines"] },
    ]);

    const partial = await patch(draft.id, { description: "Only the description" });
    expect(partial.body).toMatchObject({ description: "Only the description", date: "2026-02-02", totals: { debit: "12.5000" } });
    const empty = await patch(draft.id, {});
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(partial.body);
    expect(await audits(a, "journal.updated", draft.id)).toHaveLength(2);
  });

  it("validates like create (≥ 2 lines, one side > 0, known active accounts, dates) and writes nothing when refused", async () => {
    const draft = await newEntry(asA(), "2026-02-03", [line(acct["1000"]!, "debit", "1"), line(acct["4000"]!, "credit", "1")]);
    const closed = await call(createAccount, "/api/client/accounts", { ...asA(), body: { code: "1998", name: "Closed", type: "ASSET" } });
    await call(updateAccount, "/x", { ...at(closed.body.id, asA(), "PATCH"), body: { isActive: false } });
    const bad = [
      { lines: [line(acct["1000"]!, "debit", "1")] },
      { lines: [{ accountId: acct["1000"], debit: "1", credit: "1" }, line(acct["4000"]!, "credit", "1")] },
      { lines: [{ accountId: acct["1000"], debit: 1 }, line(acct["4000"]!, "credit", "1")] },
      { lines: [line("00000000-0000-4000-8000-000000000000", "debit", "1"), line(acct["4000"]!, "credit", "1")] },
      { lines: [line(closed.body.id, "debit", "1"), line(acct["4000"]!, "credit", "1")] },
      { date: "2026-02-30" },
      { description: " " },
    ];
    for (const body of bad) expect((await patch(draft.id, body)).status, JSON.stringify(body)).toBe(422);
    const after = await call(getEntry, "/x", at(draft.id, asA(), "GET"));
    expect(after.body).toMatchObject({ date: "2026-02-03", totals: { debit: "1.0000", credit: "1.0000" } });
    expect(after.body.lines).toHaveLength(2);
  });

  it("with post: true, posts the edited draft in the same transaction; if it cannot be posted nothing is saved", async () => {
    const draft = await newEntry(asA(), "2026-02-03", [line(acct["1000"]!, "debit", "10"), line(acct["4000"]!, "credit", "10")], { reference: "EP-1" });
    const unbalanced = await patch(draft.id, {
      description: "Edited then posted",
      lines: [line(acct["1000"]!, "debit", "10"), line(acct["4000"]!, "credit", "9")],
      post: true,
    });
    expect(unbalanced.status).toBe(422);
    const kept = await call(getEntry, "/x", at(draft.id, asA(), "GET"));
    expect(kept.body).toMatchObject({ status: "DRAFT", description: `Entry of 2026-02-03`, totals: { debit: "10.0000", credit: "10.0000" } });
    expect(await audits(a, "journal.updated", draft.id)).toEqual([]);

    const posted = await patch(draft.id, {
      description: "Edited then posted",
      lines: [line(acct["1000"]!, "debit", "12"), line(acct["4000"]!, "credit", "12")],
      post: true,
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ status: "POSTED", description: "Edited then posted", totals: { debit: "12.0000", credit: "12.0000", balanced: true } });
    expect((await audits(a, "journal.updated", draft.id)).length).toBe(1);
    expect((await audits(a, "journal.posted", draft.id)).length).toBe(1);
    expect((await patch(draft.id, { post: true })).status).toBe(409);
  });

  it("refuses POSTED and VOID entries (409) and an unknown id (404)", async () => {
    const posted = await newEntry(asA(), "2026-02-04", [line(acct["1000"]!, "debit", "3"), line(acct["4000"]!, "credit", "3")], { post: true });
    const res = await patch(posted.id, { description: "Rewriting history" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.body.detail).toMatch(/DRAFT.*POSTED/);
    expect((await voidIt(posted.id)).status).toBe(200);
    expect((await patch(posted.id, {})).status).toBe(409);
    expect((await patch("00000000-0000-4000-8000-000000000000", {})).status).toBe(404);
    expect((await patch("not-a-uuid", {})).status).toBe(404);
  });
});

describe("line order", () => {
  it("lines read back in the order entered, through create, edit and reversal (ids are random: order by position)", async () => {
    const memos = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"];
    const lines = memos.map((m, i) => line(acct[i % 2 ? "4000" : "1000"]!, i % 2 ? "credit" : "debit", `${i + 1}`, m));
    // Balance it: debits 1+3+5+7 = 16, credits 2+4+6+8 = 20; the last debit takes the difference.
    lines[6] = line(acct["1000"]!, "debit", "11", "m7");
    const memosOf = (body: { lines: { memo: string | null }[] }) => body.lines.map((l) => l.memo);
    const created = await newEntry(asA(), "2026-03-01", lines);
    const read = await call(getEntry, "/x", at(created.id, asA(), "GET"));
    expect(memosOf(read.body)).toEqual(memos);

    const edited = await patch(created.id, { lines: [...lines].reverse() });
    expect(memosOf(edited.body)).toEqual([...memos].reverse());

    const posted = await newEntry(asA(), "2026-03-02", lines, { post: true });
    const reversal = await reverse(posted.id);
    expect(reversal.status).toBe(201);
    expect(memosOf(reversal.body)).toEqual(memos);
  });
});

describe("deleting a draft", () => {
  it("deletes the draft and its lines (204), keeping the number and description in the audit log", async () => {
    const draft = await newEntry(asA(), "2026-02-05", [line(acct["1000"]!, "debit", "4"), line(acct["4000"]!, "credit", "4")]);
    const res = await remove(draft.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(
      await withTenantDb(a, async (db) => [
        await db.journalEntry.count({ where: { id: draft.id } }),
        await db.journalLine.count({ where: { entryId: draft.id } }),
      ]),
    ).toEqual([0, 0]);
    const [audit] = await audits(a, "journal.deleted", draft.id);
    expect(audit).toMatchObject({
      actorId: accountant.principal.id,
      metadata: { number: draft.number, description: "Entry of 2026-02-05", date: "2026-02-05", lines: 2 },
    });
    expect((await remove(draft.id)).status).toBe(404);
  });

  it("never deletes a POSTED or VOID entry (409)", async () => {
    const posted = await newEntry(asA(), "2026-02-06", [line(acct["1000"]!, "debit", "5"), line(acct["4000"]!, "credit", "5")], { post: true });
    expect((await remove(posted.id)).status).toBe(409);
    await voidIt(posted.id);
    expect((await remove(posted.id)).status).toBe(409);
    expect(await withTenantDb(a, (db) => db.journalLine.count({ where: { entryId: posted.id } }))).toBe(2);
  });
});

describe("reversing a posted entry", () => {
  it("posts the mirror entry, linked both ways; the affected accounts' trial balance returns to zero", async () => {
    const x = await call(createAccount, "/api/client/accounts", { ...asA(), body: { code: "1310", name: "Reversal asset", type: "ASSET" } });
    const y = await call(createAccount, "/api/client/accounts", { ...asA(), body: { code: "4310", name: "Reversal revenue", type: "REVENUE" } });
    const original = await newEntry(
      asA(),
      "2026-02-10",
      [line(x.body.id, "debit", "123.45", "goods"), line(y.body.id, "credit", "100"), line(y.body.id, "credit", "23.45")],
      { post: true, reference: "INV-9" },
    );

    const tooEarly = await reverse(original.id, { date: "2026-02-09" });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors).toEqual([{ path: "date", message: "must be on or after 2026-02-10" }]);

    const res = await reverse(original.id, { date: "2026-02-12" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: "POSTED",
      date: "2026-02-12",
      description: `Reversal of #${original.number}: Entry of 2026-02-10`,
      reference: "INV-9",
      reversalOfId: original.id,
      reversalOfNumber: original.number,
      reversedById: null,
      reversedByNumber: null,
      createdById: accountant.principal.id,
      totals: { debit: "123.4500", credit: "123.4500", balanced: true },
    });
    expect(
      res.body.lines
        .map((l: { accountCode: string; debit: string; credit: string; memo: string | null }) => `${l.accountCode} ${l.debit}/${l.credit} ${l.memo}`)
        .sort(),
    ).toEqual(["1310 0.0000/123.4500 goods", "4310 100.0000/0.0000 null", "4310 23.4500/0.0000 null"]);
    expect((await call(getEntry, "/x", at(original.id, asA(viewer), "GET"))).body).toMatchObject({
      status: "POSTED",
      reversedById: res.body.id,
      reversedByNumber: res.body.number,
      reversalOfId: null,
      reversalOfNumber: null,
    });
    expect((await audits(a, "journal.reversed", original.id)).map((e) => e.metadata)).toEqual([
      { number: original.number, reversalId: res.body.id, reversalNumber: res.body.number, date: "2026-02-12" },
    ]);

    const tb = async (asOf: string) => {
      const t = await call(trialBalance, "/x", { ...asA(viewer), query: { asOf } });
      return t.body.accounts
        .filter((row: { code: string }) => ["1310", "4310"].includes(row.code))
        .map((row: { code: string; balance: string }) => `${row.code} ${row.balance}`);
    };
    expect(await tb("2026-02-11")).toEqual(["1310 123.4500", "4310 -123.4500"]);
    expect(await tb("2026-02-12")).toEqual(["1310 0.0000", "4310 0.0000"]);

    // Once only; a reversal is not reversed; neither side can be voided (the other would count alone).
    const again = await reverse(original.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already been reversed/);
    const ofReversal = await reverse(res.body.id);
    expect(ofReversal.status).toBe(409);
    expect(ofReversal.body.detail).toMatch(/reversal cannot be reversed/);
    expect((await voidIt(original.id)).status).toBe(409);
    expect((await voidIt(res.body.id)).status).toBe(409);
    expect(await tb("2026-12-31")).toEqual(["1310 0.0000", "4310 0.0000"]);
  });

  it("dates the reversal today by default; only POSTED entries can be reversed", async () => {
    const posted = await newEntry(asA(), "2026-01-05", [line(acct["1000"]!, "debit", "8"), line(acct["4000"]!, "credit", "8")], { post: true });
    const res = await reverse(posted.id, { description: "Booked twice" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ date: todayUtc() > "2026-01-05" ? todayUtc() : "2026-01-05", description: "Booked twice" });

    const draft = await newEntry(asA(), "2026-01-06", [line(acct["1000"]!, "debit", "8"), line(acct["4000"]!, "credit", "8")]);
    expect((await reverse(draft.id)).status).toBe(409);
    const voided = await newEntry(asA(), "2026-01-06", [line(acct["1000"]!, "debit", "8"), line(acct["4000"]!, "credit", "8")], { post: true });
    await voidIt(voided.id);
    expect((await reverse(voided.id)).status).toBe(409);
    expect((await reverse(posted.id, { date: "2026-13-01" })).status).toBe(422);
    expect((await reverse("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("of ten concurrent reversals exactly one succeeds; the unique index refuses a second reversal row", async () => {
    const posted = await newEntry(asA(), "2026-02-20", [line(acct["1000"]!, "debit", "42"), line(acct["4000"]!, "credit", "42")], { post: true });
    const results = await Promise.all(Array.from({ length: 10 }, () => reverse(posted.id, { date: "2026-02-21" })));
    const statuses = results.map((x) => x.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(await withTenantDb(a, (db) => db.journalEntry.count({ where: { reversalOfId: posted.id } }))).toBe(1);
    expect(await audits(a, "journal.reversed", posted.id)).toHaveLength(1);

    // The database's own guard, whatever the service checks: a second row naming the same original.
    const dup = await withTenantDb(a, (db) =>
      db.journalEntry.create({ data: { date: new Date("2026-02-22T00:00:00Z"), description: "dup", status: "DRAFT", reversalOfId: posted.id } }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(dup)).toBe(true);
  });
});

describe("permissions and tenancy", () => {
  it("a Viewer cannot edit, delete or reverse", async () => {
    const draft = await newEntry(asA(), "2026-02-25", [line(acct["1000"]!, "debit", "2"), line(acct["4000"]!, "credit", "2")]);
    const posted = await newEntry(asA(), "2026-02-25", [line(acct["1000"]!, "debit", "2"), line(acct["4000"]!, "credit", "2")], { post: true });
    expect((await patch(draft.id, { description: "No" }, asA(viewer))).status).toBe(403);
    expect((await remove(draft.id, asA(viewer))).status).toBe(403);
    expect((await reverse(posted.id, {}, asA(viewer))).status).toBe(403);
    expect((await call(getEntry, "/x", at(draft.id, asA(viewer), "GET"))).body.description).toBe("Entry of 2026-02-25");
    expect(await withTenantDb(a, (db) => db.journalEntry.count({ where: { reversalOfId: posted.id } }))).toBe(0);
    expect((await call(incomeStatement, "/x", asA(viewer))).status).toBe(200);
    expect((await call(balanceSheet, "/x", asA(viewer))).status).toBe(200);
  });

  it("another tenant's entry id → 404, and nothing changes", async () => {
    const draft = await newEntry(asA(), "2026-02-26", [line(acct["1000"]!, "debit", "2"), line(acct["4000"]!, "credit", "2")]);
    const posted = await newEntry(asA(), "2026-02-26", [line(acct["1000"]!, "debit", "2"), line(acct["4000"]!, "credit", "2")], { post: true });
    expect((await patch(draft.id, { description: "Theirs" }, asB())).status).toBe(404);
    expect((await remove(draft.id, asB())).status).toBe(404);
    expect((await reverse(posted.id, {}, asB())).status).toBe(404);
    expect((await call(getEntry, "/x", at(draft.id, asA(), "GET"))).status).toBe(200);
    const sheet = await call(balanceSheet, "/x", asB());
    expect(sheet.body).toMatchObject({ assets: { accounts: [], total: "0.0000" }, equity: { currentEarnings: "0.0000" }, balanced: true });
  });
});

describe("income statement and balance sheet", () => {
  // Tenant R: a small business's first quarter of 2025, plus what must not count.
  beforeAll(async () => {
    const service = await call(createAccount, "/api/client/accounts", { ...asR(), body: { code: "4100", name: "Service revenue", type: "REVENUE" } });
    rAcct["4100"] = service.body.id;
    const post = (date: string, lines: object[]) => newEntry(asR(), date, lines, { post: true });
    const [cash, ar, ap, taxes, owner, sales, cogs, opex] = ["1000", "1200", "2000", "2100", "3000", "4000", "5000", "6000"].map((c) => rAcct[c]!);
    await post("2024-12-20", [line(opex!, "debit", "50"), line(cash!, "credit", "50")]); // before the period
    await post("2025-01-02", [line(cash!, "debit", "10000"), line(owner!, "credit", "10000")]);
    await post("2025-02-10", [line(ar!, "debit", "2500.50"), line(sales!, "credit", "2500.50")]);
    await post("2025-02-15", [line(cash!, "debit", "1200.25"), line(rAcct["4100"]!, "credit", "1000.25"), line(taxes!, "credit", "200")]);
    await post("2025-03-01", [line(cogs!, "debit", "800.10"), line(cash!, "credit", "800.10")]);
    await post("2025-03-05", [line(opex!, "debit", "300.05"), line(ap!, "credit", "300.05")]);
    await post("2025-03-10", [line(sales!, "debit", "100"), line(cash!, "credit", "100")]); // a refund: revenue debited
    const voided = await post("2025-03-12", [line(opex!, "debit", "999"), line(cash!, "credit", "999")]);
    expect((await voidIt(voided.id, asR())).status).toBe(200);
    await newEntry(asR(), "2025-03-15", [line(cogs!, "debit", "555"), line(cash!, "credit", "555")]); // a draft
    await post("2025-05-01", [line(cash!, "debit", "400"), line(sales!, "credit", "400")]); // after the period
  });

  const lines = (s: { accounts: { code: string; amount: string }[] }) => s.accounts.map((x) => `${x.code} ${x.amount}`);

  it("income statement for Q1 2025: revenue credit − debit, expenses debit − credit, net income", async () => {
    const res = await call(incomeStatement, "/x", { ...asR(), query: { from: "2025-01-01", to: "2025-03-31" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: "2025-01-01", to: "2025-03-31", netIncome: "2300.6000" });
    expect(lines(res.body.revenue)).toEqual(["4000 2400.5000", "4100 1000.2500"]);
    expect(res.body.revenue.total).toBe("3400.7500");
    expect(lines(res.body.expenses)).toEqual(["5000 800.1000", "6000 300.0500"]);
    expect(res.body.expenses.total).toBe("1100.1500");
    expect(res.body.revenue.accounts[0]).toEqual({ accountId: rAcct["4000"], code: "4000", name: "Sales", amount: "2400.5000" });

    const year = await call(incomeStatement, "/x", { ...asR(), query: { from: "2025-01-01", to: "2025-12-31" } });
    expect(year.body.netIncome).toBe("2700.6000");
    const oneDay = await call(incomeStatement, "/x", { ...asR(), query: { from: "2025-03-01", to: "2025-03-01" } });
    expect(oneDay.body).toMatchObject({ revenue: { accounts: [], total: "0.0000" }, expenses: { total: "800.1000" }, netIncome: "-800.1000" });
  });

  it("defaults to 1 January … today (UTC); refuses from after to and bad dates (422)", async () => {
    const today = todayUtc();
    const res = await call(incomeStatement, "/x", asR());
    expect(res.body).toEqual({
      from: `${today.slice(0, 4)}-01-01`,
      to: today,
      revenue: { accounts: [], total: "0.0000" },
      expenses: { accounts: [], total: "0.0000" },
      netIncome: "0.0000",
    });
    expect((await call(incomeStatement, "/x", { ...asR(), query: { to: "2025-03-31" } })).body).toMatchObject({ from: "2025-01-01", netIncome: "2300.6000" });
    const reversed = await call(incomeStatement, "/x", { ...asR(), query: { from: "2025-03-31", to: "2025-01-01" } });
    expect(reversed.status).toBe(422);
    expect(reversed.headers.get("content-type")).toMatch(/problem\+json/);
    expect(reversed.body.errors).toEqual([{ path: "from", message: "must be on or before to" }]);
    expect((await call(incomeStatement, "/x", { ...asR(), query: { from: "2025-02-30" } })).status).toBe(422);
    expect((await call(balanceSheet, "/x", { ...asR(), query: { asOf: "yesterday" } })).status).toBe(422);
  });

  it("balance sheet at 31 March 2025: assets = liabilities + equity, with current earnings since the first entry", async () => {
    const res = await call(balanceSheet, "/x", { ...asR(), query: { asOf: "2025-03-31" } });
    expect(res.status).toBe(200);
    expect(lines(res.body.assets)).toEqual(["1000 10250.1500", "1200 2500.5000"]);
    expect(lines(res.body.liabilities)).toEqual(["2000 300.0500", "2100 200.0000"]);
    expect(lines(res.body.equity)).toEqual(["3000 10000.0000"]);
    expect(res.body).toMatchObject({
      asOf: "2025-03-31",
      assets: { total: "12750.6500" },
      liabilities: { total: "500.0500" },
      // 3400.75 revenue − (800.10 + 300.05 + 50.00 from 2024) expenses
      equity: { currentEarnings: "2250.6000", total: "12250.6000" },
      totals: { assets: "12750.6500", liabilitiesAndEquity: "12750.6500" },
      balanced: true,
    });
    const may = await call(balanceSheet, "/x", { ...asR(), query: { asOf: "2025-05-31" } });
    expect(may.body).toMatchObject({
      equity: { currentEarnings: "2650.6000" },
      totals: { assets: "13150.6500", liabilitiesAndEquity: "13150.6500" },
      balanced: true,
    });
    const before = await call(balanceSheet, "/x", { ...asR(), query: { asOf: "2024-12-31" } });
    expect(before.body).toMatchObject({
      assets: { total: "-50.0000" },
      equity: { accounts: [], currentEarnings: "-50.0000", total: "-50.0000" },
      balanced: true,
    });
  });

  it("balances after random postings and voids; current earnings equal the net income of everything up to asOf", async () => {
    const codes = ["1000", "1100", "1200", "2000", "2100", "3000", "3100", "4000", "5000", "6000"];
    // Amounts in ten-thousandths, so every generated amount is exact with 4 decimals.
    const amount = fc.integer({ min: 1, max: 99_999_999_999 }).map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, "0")}`);
    const transfer = fc.record({ from: fc.constantFrom(...codes), to: fc.constantFrom(...codes), amount });
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
    await fc.assert(
      fc.asyncProperty(fc.array(transfer, { minLength: 1, maxLength: 3 }), day, day, fc.boolean(), async (transfers, date, asOf, thenVoid) => {
        const entryLines = transfers.flatMap((t) => [line(acct[t.to]!, "debit", t.amount), line(acct[t.from]!, "credit", t.amount)]);
        const posted = await newEntry(asA(), date, entryLines, { post: true });
        if (thenVoid) expect((await voidIt(posted.id)).status).toBe(200);
        const sheet = (await call(balanceSheet, "/x", { ...asA(viewer), query: { asOf } })).body;
        expect(sheet.balanced).toBe(true);
        expect(sheet.totals.assets).toBe(sheet.totals.liabilitiesAndEquity);
        const income = (await call(incomeStatement, "/x", { ...asA(viewer), query: { from: "2000-01-01", to: asOf } })).body;
        expect(sheet.equity.currentEarnings).toBe(income.netIncome);
      }),
      { numRuns: 20 },
    );
  });
});
