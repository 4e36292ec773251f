import { routeHandlers } from "@/tests/helpers/api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBalanced } from "@/lib/modules/ledger/balance";
import { formatMoney, money, sum } from "@/lib/modules/ledger/money";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");
const { GET: listAccounts } = routeHandlers("/api/client/accounts");
const { POST: createEntry } = routeHandlers("/api/client/transactions");
const { GET: getEntry } = routeHandlers("/api/client/transactions/{id}");
const { GET: balanceSheet } = routeHandlers("/api/client/reports/balance-sheet");
const { GET: incomeStatement } = routeHandlers("/api/client/reports/income-statement");
const { GET: trialBalance } = routeHandlers("/api/client/reports/trial-balance");

// Finding 3 (issue 10): Prisma.Decimal keeps 20 significant digits, so sums of
// numeric(19,4) amounts past that were rounded: with 150 lines of 999999999999999
// and small lines of 0.0037 a balanced entry was refused, a draft off by 0.0049
// showed balanced: true, and the reports disagreed with the exact SQL trial
// balance. The model here is BigInt in ten-thousandths: exact by construction.

const MAX = 9_999_999_999_999_999_999n; // 999999999999999.9999: the column's largest value, in ten-thousandths
const fmt = (n: bigint) => `${n < 0n ? "-" : ""}${(n < 0n ? -n : n) / 10_000n}.${((n < 0n ? -n : n) % 10_000n).toString().padStart(4, "0")}`;
/** Amounts > 0 that fit the column, weighted towards its maximum and towards tiny values (where rounding bites). */
const amount = fc.oneof(
  fc.bigInt({ min: MAX - 1_000_000n, max: MAX }),
  fc.constant(9_999_999_999_999_990_000n), // 999999999999999
  fc.bigInt({ min: 1n, max: 100n }),
  fc.bigInt({ min: 1n, max: MAX }),
);

describe("finding 3: sums are exact for anything the columns hold", () => {
  it("sum() and assertBalanced() agree with exact arithmetic, up to 500 lines at the column maximum", () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 500 }), fc.array(amount, { minLength: 1, maxLength: 500 }), (debits, credits) => {
        const d = debits.reduce((a, b) => a + b, 0n);
        const c = credits.reduce((a, b) => a + b, 0n);
        expect(formatMoney(sum(debits.map((v) => money(fmt(v)))))).toBe(fmt(d));
        const lines = [
          ...debits.map((v) => ({ debit: money(fmt(v)), credit: money("0") })),
          ...credits.map((v) => ({ debit: money("0"), credit: money(fmt(v)) })),
        ];
        if (d === c) expect(() => assertBalanced(lines)).not.toThrow();
        else expect(() => assertBalanced(lines)).toThrow(`difference ${fmt(d > c ? d - c : c - d)}`);
      }),
      { numRuns: 300 },
    );
  });

  it("the red team's example: 150 × 999999999999999 with 0.0037s balances; off by 0.0049 does not", () => {
    const big = Array.from({ length: 150 }, () => ({ debit: money("999999999999999"), credit: money("0") }));
    const small = (side: "debit" | "credit", v: string) => ({ debit: money(side === "debit" ? v : "0"), credit: money(side === "credit" ? v : "0") });
    const credits = Array.from({ length: 150 }, () => small("credit", "999999999999999"));
    expect(() => assertBalanced([small("debit", "0.0037"), ...big, small("credit", "0.0037"), ...credits])).not.toThrow();
    expect(() => assertBalanced([...big, small("debit", "0.0049"), ...credits])).toThrow("difference 0.0049");
  });
});

describe("finding 3, through the API and PostgreSQL", () => {
  let tenant: TenantRecord;
  let owner: TestUser;
  const accounts: Record<string, string> = {};
  const as = () => ({ token: owner.token, headers: tenantHeaders(tenant) });
  const balances = new Map<string, bigint>(); // account id → debit − credit of everything posted

  beforeAll(async () => {
    ({ tenant } = await makeTenant());
    owner = await makeUser(tenant, ["Owner"]);
    expect((await call(createDefaults, "/x", { ...as(), method: "POST" })).status).toBeLessThan(300);
    for (const a of (await call(listAccounts, "/x", as())).body.accounts ?? (await call(listAccounts, "/x", as())).body) accounts[a.type] ??= a.id;
  });
  afterAll(() => destroyTenants());

  it("entries of up to 500 lines at the column maximum: posted iff exactly balanced, drafts' totals exact; the reports agree with exact sums", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ v: amount, from: fc.constantFrom("ASSET", "EXPENSE"), to: fc.constantFrom("REVENUE", "LIABILITY", "EQUITY") }), {
          minLength: 120,
          maxLength: 250,
        }),
        fc.constantFrom(0n, 1n, 37n, 49n),
        async (pairs, off) => {
          const lines = pairs.flatMap(({ v, from, to }, i) => [
            { accountId: accounts[from]!, debit: fmt(i === 0 ? (v + off > MAX ? v - off : v + off) : v) },
            { accountId: accounts[to]!, credit: fmt(v) },
          ]);
          const d = lines.reduce((a, l) => a + (l.debit ? BigInt(l.debit.replace(".", "")) : 0n), 0n);
          const c = lines.reduce((a, l) => a + (l.credit ? BigInt(l.credit.replace(".", "")) : 0n), 0n);
          const posted = await call(createEntry, "/x", { ...as(), body: { date: "2026-06-01", description: "big", lines, post: true } });
          expect(posted.status).toBe(d === c ? 201 : 422);
          if (d === c)
            for (const l of lines)
              balances.set(l.accountId, (balances.get(l.accountId) ?? 0n) + (l.debit ? BigInt(l.debit.replace(".", "")) : -BigInt(l.credit!.replace(".", ""))));
          const draft = await call(createEntry, "/x", { ...as(), body: { date: "2026-06-01", description: "draft", lines } });
          expect(draft.status).toBe(201);
          const shown = await call(getEntry, "/x", { ...as(), params: { id: draft.body.id } });
          expect(shown.body.totals).toEqual({ debit: fmt(d), credit: fmt(c), balanced: d === c });
        },
      ),
      { numRuns: 6 },
    );
    const tb = (await call(trialBalance, "/x", { ...as(), query: { asOf: "2026-12-31" } })).body;
    const bs = (await call(balanceSheet, "/x", { ...as(), query: { asOf: "2026-12-31" } })).body;
    const is = (await call(incomeStatement, "/x", { ...as(), query: { from: "2026-01-01", to: "2026-12-31" } })).body;
    const bal = (type: string) => balances.get(accounts[type]!) ?? 0n;
    expect(tb.totals.balanced).toBe(true);
    expect(is.netIncome).toBe(fmt(-bal("REVENUE") - bal("EXPENSE")));
    expect(bs.totals.assets).toBe(fmt(bal("ASSET")));
    expect(bs.totals.liabilitiesAndEquity).toBe(fmt(-bal("LIABILITY") - bal("EQUITY") - bal("REVENUE") - bal("EXPENSE")));
    expect(bs.balanced).toBe(true);
  }, 120_000);
});
