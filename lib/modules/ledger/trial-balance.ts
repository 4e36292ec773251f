import { z } from "zod";
import type { TenantContext } from "../../tenancy/types";
import type { AccountType } from "../../generated/client/enums.ts";
import { ZDate, todayUtc } from "./dates";
import { formatMoney, money } from "./money";

export const ZTrialBalanceQuery = z.object({ asOf: ZDate.optional() });
export type TrialBalanceQuery = z.infer<typeof ZTrialBalanceQuery>;

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  name: string;
  type: AccountType;
  debit: string;
  credit: string;
  /** debit − credit: positive is a debit balance, negative a credit balance. */
  balance: string;
}

export interface TrialBalance {
  asOf: string;
  accounts: TrialBalanceRow[];
  totals: { debit: string; credit: string; balanced: boolean };
}

/** One query answers both: each account's row and, repeated on every row, the grand totals. */
type Row = TrialBalanceRow & { totalDebit: string; totalCredit: string };

/**
 * Per account: the debits, credits and balance of POSTED entries dated on or before `asOf`
 * (DRAFT and VOID entries do not count), and the grand totals, from one aggregate query.
 * Sums stay numeric in SQL and reach JavaScript as text.
 */
export async function trialBalance(ctx: TenantContext, q: TrialBalanceQuery): Promise<TrialBalance> {
  const asOf = q.asOf ?? todayUtc();
  const rows = await ctx.db.$queryRaw<Row[]>`
    SELECT a."id"::text AS "accountId", a."code", a."name", a."type"::text AS "type",
           SUM(l."debit")::text AS "debit",
           SUM(l."credit")::text AS "credit",
           (SUM(l."debit") - SUM(l."credit"))::text AS "balance",
           (SUM(SUM(l."debit")) OVER ())::text AS "totalDebit",
           (SUM(SUM(l."credit")) OVER ())::text AS "totalCredit"
      FROM "JournalLine" l
      JOIN "JournalEntry" e ON e."id" = l."entryId"
      JOIN "Account" a ON a."id" = l."accountId"
     WHERE e."status" = 'POSTED' AND e."date" <= ${asOf}::date
     GROUP BY a."id", a."code", a."name", a."type"
     ORDER BY a."code"`;
  const totalDebit = money(rows[0]?.totalDebit);
  const totalCredit = money(rows[0]?.totalCredit);
  return {
    asOf,
    accounts: rows.map((r) => ({ accountId: r.accountId, code: r.code, name: r.name, type: r.type, debit: r.debit, credit: r.credit, balance: r.balance })),
    totals: { debit: formatMoney(totalDebit), credit: formatMoney(totalCredit), balanced: totalDebit.equals(totalCredit) },
  };
}
