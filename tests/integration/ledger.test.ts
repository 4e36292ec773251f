import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCheckViolation } from "@/lib/db/errors";
import { withLedgerGuards } from "@/lib/modules/ledger/db-errors";
import { AppError } from "@/lib/errors";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { GET: listAccounts, POST: createAccount } = routeHandlers("/api/client/accounts");
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");
const { PATCH: updateAccount } = routeHandlers("/api/client/accounts/{id}");
const { GET: listEntries, POST: createEntry } = routeHandlers("/api/client/transactions");
const { GET: getEntry } = routeHandlers("/api/client/transactions/{id}");
const { POST: postEntry } = routeHandlers("/api/client/transactions/{id}/post");
const { POST: voidEntry } = routeHandlers("/api/client/transactions/{id}/void");
const { GET: trialBalance } = routeHandlers("/api/client/reports/trial-balance");

// The general ledger through its routes, against a real tenant database: exact
// money, the balance rule in the service and in the database, void, the trial
// balance, pagination and permissions.

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
  accountant = await makeUser(a, ["Accountant"], "Ada Accountant");
  viewer = await makeUser(a, ["Viewer"]);
  bOwner = await makeUser(b, ["Owner"]);
  const r = await call(createDefaults, "/api/client/accounts/defaults", { ...asA(accountant), method: "POST" });
  expect(r.status).toBe(200);
  for (const x of r.body.accounts as { id: string; code: string }[]) acct[x.code] = x.id;
});

const asA = (u: TestUser) => ({ token: u.token, headers: tenantHeaders(a) });
const asB = () => ({ token: bOwner.token, headers: tenantHeaders(b) });
const line = (code: string, side: "debit" | "credit", amount: string, memo?: string) => ({ accountId: acct[code]!, [side]: amount, ...(memo ? { memo } : {}) });
const entry = (date: string, lines: object[], extra: object = {}) => ({ date, description: `Entry of ${date}`, lines, ...extra });

async function countEntries(tenant: TenantRecord): Promise<{ entries: number; lines: number }> {
  return withTenantDb(tenant, async (db) => ({ entries: await db.journalEntry.count(), lines: await db.journalLine.count() }));
}

async function tb(asOf: string) {
  const r = await call(trialBalance, "/api/client/reports/trial-balance", { ...asA(viewer), query: { asOf } });
  expect(r.status).toBe(200);
  return r.body as {
    asOf: string;
    accounts: { code: string; debit: string; credit: string; balance: string }[];
    totals: { debit: string; credit: string; balanced: boolean };
  };
}

describe("chart of accounts", () => {
  it("seeds a default chart once (idempotent), lists it by code", async () => {
    expect(Object.keys(acct)).toEqual(expect.arrayContaining(["1000", "2000", "3000", "4000", "5000"]));
    const again = await call(createDefaults, "/api/client/accounts/defaults", { ...asA(accountant), method: "POST" });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    const list = await call(listAccounts, "/api/client/accounts", asA(viewer));
    expect(list.status).toBe(200);
    const codes = list.body.accounts.map((x: { code: string }) => x.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes.length).toBe(Object.keys(acct).length);
  });

  it("creates an account under a parent of the same type; duplicate code → 409; bad parent → 422", async () => {
    const r = await call(createAccount, "/api/client/accounts", {
      ...asA(accountant),
      body: { code: "1010", name: "Petty cash", type: "ASSET", parentId: acct["1000"] },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ code: "1010", name: "Petty cash", type: "ASSET", parentId: acct["1000"], isActive: true });
    acct["1010"] = r.body.id;
    expect((await call(createAccount, "/api/client/accounts", { ...asA(accountant), body: { code: "1010", name: "Again", type: "ASSET" } })).status).toBe(409);
    const wrongType = await call(createAccount, "/api/client/accounts", {
      ...asA(accountant),
      body: { code: "1020", name: "X", type: "LIABILITY", parentId: acct["1000"] },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.detail).toMatch(/same type/);
    const noParent = await call(createAccount, "/api/client/accounts", {
      ...asA(accountant),
      body: { code: "1030", name: "X", type: "ASSET", parentId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(noParent.status).toBe(422);
    expect((await call(createAccount, "/api/client/accounts", { ...asA(accountant), body: { code: "1040", name: "X", type: "CASH" } })).status).toBe(422);
  });
});

describe("journal", () => {
  it("records and posts a balanced entry, with lines, totals, the acting user and an audit entry", async () => {
    const r = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-10", [line("1000", "debit", "1500.25", "till"), line("4000", "credit", "1500.25")], { reference: "INV-1", post: true }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: "POSTED",
      date: "2026-01-10",
      reference: "INV-1",
      createdById: accountant.principal.id,
      totals: { debit: "1500.2500", credit: "1500.2500", balanced: true },
    });
    expect(r.body.lines).toHaveLength(2);
    expect(r.body.postedAt).not.toBeNull();
    const audit = await withTenantDb(a, (db) => db.auditLog.findFirst({ where: { action: "journal.created_posted", targetId: r.body.id } }));
    expect(audit?.actorId).toBe(accountant.principal.id);
  });

  it("refuses an unbalanced entry to post with 422 and writes nothing", async () => {
    const before = await countEntries(a);
    const r = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-11", [line("1000", "debit", "100"), line("4000", "credit", "99.99")], { post: true }),
    });
    expect(r.status).toBe(422);
    expect(r.body.detail).toMatch(/does not balance.*100\.0000.*99\.9900/);
    expect(await countEntries(a)).toEqual(before);
  });

  it("keeps money exact: 0.1 + 0.2 balances 0.3, and 0.1 + 0.2 does not balance 0.3001", async () => {
    const ok = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-12", [line("6000", "debit", "0.1"), line("6000", "debit", "0.2"), line("1100", "credit", "0.3")], { post: true }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.totals).toEqual({ debit: "0.3000", credit: "0.3000", balanced: true });
    const off = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-12", [line("6000", "debit", "0.1"), line("6000", "debit", "0.2"), line("1100", "credit", "0.3001")], { post: true }),
    });
    expect(off.status).toBe(422);
    // Large amounts keep every digit (a float would not: 2^53 < 10^15).
    const big = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-12", [line("1200", "debit", "999999999999999.9999"), line("3000", "credit", "999999999999999.9999")]),
    });
    expect(big.status).toBe(201);
    expect(big.body.lines.map((l: { debit: string; credit: string }) => l.debit + "/" + l.credit)).toEqual(
      expect.arrayContaining(["999999999999999.9999/0.0000", "0.0000/999999999999999.9999"]),
    );
  });

  it("validates lines: amounts as strings, exactly one side, at least two lines, known active accounts", async () => {
    const bad = [
      entry("2026-01-13", [{ accountId: acct["1000"], debit: 0.1 }, line("4000", "credit", "0.1")]),
      entry("2026-01-13", [{ accountId: acct["1000"], debit: "1", credit: "1" }, line("4000", "credit", "1")]),
      entry("2026-01-13", [{ accountId: acct["1000"] }, line("4000", "credit", "1")]),
      entry("2026-01-13", [{ accountId: acct["1000"], debit: "0" }, line("4000", "credit", "1")]),
      entry("2026-01-13", [line("1000", "debit", "1.00001"), line("4000", "credit", "1.00001")]),
      entry("2026-01-13", [line("1000", "debit", "-1"), line("4000", "credit", "1")]),
      entry("2026-01-13", [line("1000", "debit", "1")]),
      entry("2026-02-30", [line("1000", "debit", "1"), line("4000", "credit", "1")]),
      entry("2026-01-13", [{ accountId: "00000000-0000-4000-8000-000000000000", debit: "1" }, line("4000", "credit", "1")]),
    ];
    const before = await countEntries(a);
    for (const body of bad) expect((await call(createEntry, "/api/client/transactions", { ...asA(accountant), body })).status, JSON.stringify(body)).toBe(422);
    // An inactive account is refused too.
    const closed = await call(createAccount, "/api/client/accounts", { ...asA(accountant), body: { code: "1999", name: "Closed", type: "ASSET" } });
    const deactivated = await call(updateAccount, "/x", { ...asA(accountant), method: "PATCH", params: { id: closed.body.id }, body: { isActive: false } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ code: "1999", isActive: false });
    const r = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-13", [{ accountId: closed.body.id, debit: "1" }, line("4000", "credit", "1")]),
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: "lines.0.accountId", message: "the account is inactive" }]);
    expect(await countEntries(a)).toEqual(before);
  });

  it("a draft may be unbalanced; posting it is refused (422) until it is a balanced draft; 409 on a second post", async () => {
    const draft = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-14", [line("1000", "debit", "5"), line("4000", "credit", "4")]),
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "DRAFT", postedAt: null, totals: { balanced: false } });
    const refused = await call(postEntry, "/x", { ...asA(accountant), method: "POST", params: { id: draft.body.id } });
    expect(refused.status).toBe(422);
    expect(await withTenantDb(a, (db) => db.journalEntry.findUnique({ where: { id: draft.body.id }, select: { status: true } }))).toEqual({ status: "DRAFT" });

    const good = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-14", [line("1000", "debit", "7"), line("4000", "credit", "7")]),
    });
    const posted = await call(postEntry, "/x", { ...asA(accountant), method: "POST", params: { id: good.body.id } });
    expect(posted.status).toBe(200);
    expect(posted.body.status).toBe("POSTED");
    expect((await call(postEntry, "/x", { ...asA(accountant), method: "POST", params: { id: good.body.id } })).status).toBe(409);
    // Only POSTED entries can be voided.
    expect((await call(voidEntry, "/x", { ...asA(accountant), method: "POST", params: { id: draft.body.id } })).status).toBe(409);
  });

  it("the database refuses to post an unbalanced entry written by direct SQL (the deferred trigger), and that refusal maps to 422", async () => {
    const before = await countEntries(a);
    const attempt = withTenantDb(a, (db) =>
      db.$transaction(async (tx) => {
        const [e] = await tx.$queryRaw<
          { id: string }[]
        >`INSERT INTO "JournalEntry" ("id", "date", "description", "status") VALUES (gen_random_uuid(), DATE '2026-01-15', 'sneaky', 'POSTED') RETURNING "id"::text`;
        await tx.$executeRaw`INSERT INTO "JournalLine" ("id", "entryId", "accountId", "debit", "credit") VALUES (gen_random_uuid(), ${e!.id}::uuid, ${acct["1000"]}::uuid, 10, 0)`;
        await tx.$executeRaw`INSERT INTO "JournalLine" ("id", "entryId", "accountId", "debit", "credit") VALUES (gen_random_uuid(), ${e!.id}::uuid, ${acct["4000"]}::uuid, 0, 9)`;
        // Each statement succeeded: the check runs at COMMIT.
      }),
    );
    const err = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect(isCheckViolation(err)).toBe(true);
    expect(await countEntries(a)).toEqual(before);
    // The mapping the services use turns exactly this error into a 422.
    const mapped = await withLedgerGuards(() => Promise.reject(err)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).status).toBe(422);

    // Changing or deleting a posted entry's line so it no longer balances is refused the same way.
    const posted = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-15", [line("1000", "debit", "3"), line("4000", "credit", "3")], { post: true }),
    });
    const tamper = await withTenantDb(
      a,
      (db) => db.$executeRaw`UPDATE "JournalLine" SET "credit" = 2 WHERE "entryId" = ${posted.body.id}::uuid AND "credit" > 0`,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCheckViolation(tamper)).toBe(true);
    const removed = await withTenantDb(a, (db) => db.$executeRaw`DELETE FROM "JournalLine" WHERE "entryId" = ${posted.body.id}::uuid AND "credit" > 0`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCheckViolation(removed)).toBe(true);
    expect(await withTenantDb(a, (db) => db.journalLine.count({ where: { entryId: posted.body.id } }))).toBe(2);
  });
});

describe("trial balance", () => {
  it("sums POSTED entries up to asOf per account in one query, balances, and excludes VOID and DRAFT entries", async () => {
    const t0 = await tb("2026-03-31");
    expect(t0.totals.balanced).toBe(true);
    expect(t0.totals.debit).toBe(t0.totals.credit);
    const cash0 = t0.accounts.find((x) => x.code === "1000");

    const e = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-03-01", [line("1000", "debit", "250.5"), line("3000", "credit", "250.5")], { post: true }),
    });
    const t1 = await tb("2026-03-31");
    const cash1 = t1.accounts.find((x) => x.code === "1000")!;
    expect(cash1.debit).toBe((Number(cash0!.debit) + 250.5).toFixed(4));
    expect(t1.totals.balanced).toBe(true);
    // Before the entry's date it does not count.
    expect((await tb("2026-02-28")).accounts.find((x) => x.code === "1000")).toEqual(cash0);

    const voided = await call(voidEntry, "/x", { ...asA(accountant), method: "POST", params: { id: e.body.id } });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe("VOID");
    expect(await tb("2026-03-31")).toEqual(t0);
    // Voided entries are kept.
    expect(await withTenantDb(a, (db) => db.journalLine.count({ where: { entryId: e.body.id } }))).toBe(2);
    expect((await call(voidEntry, "/x", { ...asA(accountant), method: "POST", params: { id: e.body.id } })).status).toBe(409);
  });

  it("reports exact figures: the 0.1 + 0.2 entry is 0.3000 on the bank account", async () => {
    const t = await tb("2026-01-31");
    expect(t.accounts.find((x) => x.code === "1100")).toMatchObject({ debit: "0.0000", credit: "0.3000", balance: "-0.3000" });
    expect(t.accounts.find((x) => x.code === "6000")).toMatchObject({ debit: "0.3000", credit: "0.0000", balance: "0.3000" });
    expect(t.accounts.find((x) => x.code === "1200")).toBeUndefined(); // the big entry is a DRAFT
  });
});

describe("listing", () => {
  it("pages with a cursor through every entry once, newest first; filters by date, status and account", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: {
        status: number;
        body: { entries: { id: string; date: string; number: number; lines: unknown[]; totals: unknown }[]; nextCursor: string | null };
      } = await call(listEntries, "/api/client/transactions", {
        ...asA(viewer),
        query: { limit: "3", ...(cursor ? { cursor } : {}) },
      });
      expect(r.status).toBe(200);
      expect(r.body.entries.length).toBeLessThanOrEqual(3);
      for (const x of r.body.entries) expect(x.lines.length).toBeGreaterThanOrEqual(2);
      seen.push(...r.body.entries.map((x) => `${x.date}#${String(x.number).padStart(6, "0")}#${x.id}`));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const total = (await countEntries(a)).entries;
    expect(total).toBeGreaterThan(6);
    expect(pages).toBe(Math.ceil(total / 3));
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort().reverse());

    const march = await call(listEntries, "/api/client/transactions", { ...asA(viewer), query: { from: "2026-03-01", to: "2026-03-31" } });
    expect(march.body.entries.map((x: { status: string }) => x.status)).toEqual(["VOID"]);
    const drafts = await call(listEntries, "/api/client/transactions", { ...asA(viewer), query: { status: "DRAFT" } });
    expect(drafts.body.entries.length).toBeGreaterThan(0);
    expect(drafts.body.entries.every((x: { status: string }) => x.status === "DRAFT")).toBe(true);
    const bank = await call(listEntries, "/api/client/transactions", { ...asA(viewer), query: { accountId: acct["1100"]! } });
    expect(bank.body.entries).toHaveLength(1);
    expect(bank.body.entries[0].totals).toEqual({ debit: "0.3000", credit: "0.3000", balanced: true });
    expect((await call(listEntries, "/api/client/transactions", { ...asA(viewer), query: { status: "LOST" } })).status).toBe(422);
  });
});

describe("permissions and tenancy", () => {
  it("a Viewer reads but cannot write", async () => {
    expect((await call(listAccounts, "/api/client/accounts", asA(viewer))).status).toBe(200);
    expect((await call(listEntries, "/api/client/transactions", asA(viewer))).status).toBe(200);
    const before = await countEntries(a);
    expect((await call(createAccount, "/api/client/accounts", { ...asA(viewer), body: { code: "7000", name: "X", type: "EXPENSE" } })).status).toBe(403);
    expect((await call(createDefaults, "/api/client/accounts/defaults", { ...asA(viewer), method: "POST" })).status).toBe(403);
    expect(
      (
        await call(createEntry, "/api/client/transactions", {
          ...asA(viewer),
          body: entry("2026-01-20", [line("1000", "debit", "1"), line("4000", "credit", "1")], { post: true }),
        })
      ).status,
    ).toBe(403);
    const some = (await call(listEntries, "/api/client/transactions", asA(viewer))).body.entries[0];
    expect((await call(voidEntry, "/x", { ...asA(viewer), method: "POST", params: { id: some.id } })).status).toBe(403);
    expect(await countEntries(a)).toEqual(before);
  });

  it("another tenant's entry id → 404, and tenant B sees none of A's ledger", async () => {
    const some = (await call(listEntries, "/api/client/transactions", { ...asA(viewer), query: { status: "POSTED" } })).body.entries[0];
    expect((await call(voidEntry, "/x", { ...asB(), method: "POST", params: { id: some.id } })).status).toBe(404);
    expect((await call(postEntry, "/x", { ...asB(), method: "POST", params: { id: some.id } })).status).toBe(404);
    expect((await call(getEntry, "/x", { ...asB(), params: { id: some.id } })).status).toBe(404);
    const own = await call(getEntry, "/x", { ...asA(viewer), params: { id: some.id } });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(some);
    expect((await call(listEntries, "/api/client/transactions", asB())).body.entries).toEqual([]);
    expect((await call(listAccounts, "/api/client/accounts", asB())).body.accounts).toEqual([]);
    const tbB = await call(trialBalance, "/api/client/reports/trial-balance", asB());
    expect(tbB.body).toMatchObject({ accounts: [], totals: { debit: "0.0000", credit: "0.0000", balanced: true } });
  });
});

describe("account changes", () => {
  it("renames and deactivates; a draft naming a since-deactivated account cannot be posted; another tenant's account → 404", async () => {
    const acc = await call(createAccount, "/api/client/accounts", { ...asA(accountant), body: { code: "6100", name: "Travel", type: "EXPENSE" } });
    const renamed = await call(updateAccount, "/x", { ...asA(accountant), method: "PATCH", params: { id: acc.body.id }, body: { name: "Travel and lodging" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code: "6100", name: "Travel and lodging", type: "EXPENSE", isActive: true });
    const draft = await call(createEntry, "/api/client/transactions", {
      ...asA(accountant),
      body: entry("2026-01-25", [{ accountId: acc.body.id, debit: "40" }, line("1000", "credit", "40")]),
    });
    expect(draft.status).toBe(201);
    await call(updateAccount, "/x", { ...asA(accountant), method: "PATCH", params: { id: acc.body.id }, body: { isActive: false } });
    const refused = await call(postEntry, "/x", { ...asA(accountant), method: "POST", params: { id: draft.body.id } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: "lines.0.accountId", message: "the account is inactive" }]);
    await call(updateAccount, "/x", { ...asA(accountant), method: "PATCH", params: { id: acc.body.id }, body: { isActive: true } });
    expect((await call(postEntry, "/x", { ...asA(accountant), method: "POST", params: { id: draft.body.id } })).status).toBe(200);

    expect((await call(updateAccount, "/x", { ...asA(accountant), method: "PATCH", params: { id: acc.body.id }, body: { name: " " } })).status).toBe(422);
    const noop = await call(updateAccount, "/x", { ...asA(accountant), method: "PATCH", params: { id: acc.body.id }, body: {} });
    expect(noop.body).toMatchObject({ name: "Travel and lodging", isActive: true });
    const audits = await withTenantDb(a, (db) => db.auditLog.count({ where: { action: "account.updated", targetId: acc.body.id } }));
    expect(audits).toBe(3); // rename, deactivate, reactivate: the no-op is not audited
    expect((await call(updateAccount, "/x", { ...asA(viewer), method: "PATCH", params: { id: acc.body.id }, body: { name: "No" } })).status).toBe(403);
    expect((await call(updateAccount, "/x", { ...asB(), method: "PATCH", params: { id: acc.body.id }, body: { name: "No" } })).status).toBe(404);
  });
});
