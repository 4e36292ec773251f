import { Prisma } from "../../generated/client/client.ts";
import type { AccountType } from "../../generated/client/enums.ts";
import type { TenantContext } from "../../tenancy/types";
import type { Decimal } from "./money";
import { formatMoney, money, sum } from "./money";
import type { ReportLine, ReportSection } from "./reports.types";

export type AmountRow = ReportLine & { type: AccountType };

/**
 * Per account of the given types, in one aggregate query: the POSTED lines dated in
 * [from, to] (no lower bound without `from`), as an amount on the account's normal side.
 * DRAFT and VOID entries do not count. Sums stay numeric in SQL and reach JavaScript as text.
 */
export async function postedAmounts(ctx: TenantContext, range: { from?: string; to: string }, types: readonly AccountType[]): Promise<AmountRow[]> {
  return ctx.db.$queryRaw<AmountRow[]>`
    SELECT a."id"::text AS "accountId", a."code", a."name", a."type"::text AS "type",
           (CASE WHEN a."type" IN ('ASSET', 'EXPENSE') THEN SUM(l."debit") - SUM(l."credit")
                 ELSE SUM(l."credit") - SUM(l."debit") END)::text AS "amount"
      FROM "JournalLine" l
      JOIN "JournalEntry" e ON e."id" = l."entryId"
      JOIN "Account" a ON a."id" = l."accountId"
     WHERE e."status" = 'POSTED'
       AND e."date" <= ${range.to}::date
       ${range.from ? Prisma.sql`AND e."date" >= ${range.from}::date` : Prisma.empty}
       AND a."type"::text IN (${Prisma.join([...types])})
     GROUP BY a."id", a."code", a."name", a."type"
     ORDER BY a."code"`;
}

/** The rows of one account type, and their exact total. */
export function section(rows: readonly AmountRow[], type: AccountType): { accounts: ReportLine[]; total: Decimal } {
  const accounts = rows.filter((r) => r.type === type).map(({ accountId, code, name, amount }) => ({ accountId, code, name, amount }));
  return { accounts, total: sum(accounts.map((a) => money(a.amount))) };
}

export function sectionView(s: { accounts: ReportLine[]; total: Decimal }): ReportSection {
  return { accounts: s.accounts, total: formatMoney(s.total) };
}
