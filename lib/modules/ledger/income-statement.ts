import type { TenantContext } from "../../tenancy/types";
import { formatMoney } from "./money";
import { postedAmounts, section, sectionView } from "./posted-amounts";
import type { IncomeStatement, IncomeStatementQuery } from "./reports.types";

/** Revenue (credit − debit) and expenses (debit − credit) of POSTED entries dated in [from, to], and net income. */
export async function incomeStatement(ctx: TenantContext, q: IncomeStatementQuery): Promise<IncomeStatement> {
  const rows = await postedAmounts(ctx, q, ["REVENUE", "EXPENSE"]);
  const revenue = section(rows, "REVENUE");
  const expenses = section(rows, "EXPENSE");
  return {
    from: q.from,
    to: q.to,
    revenue: sectionView(revenue),
    expenses: sectionView(expenses),
    netIncome: formatMoney(revenue.total.minus(expenses.total)),
  };
}
