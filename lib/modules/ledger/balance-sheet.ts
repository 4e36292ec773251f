import type { TenantContext } from "../../tenancy/types";
import { todayUtc } from "./dates";
import { formatMoney } from "./money";
import { postedAmounts, section, sectionView } from "./posted-amounts";
import type { BalanceSheet, BalanceSheetQuery } from "./reports.types";

/**
 * Assets, liabilities and equity of POSTED entries dated on or before asOf (default today, UTC),
 * from one aggregate query. Revenue and expenses are never closed into an equity account here,
 * so equity carries their difference as "current earnings": that is what makes
 * assets = liabilities + equity hold whenever every posted entry balances.
 */
export async function balanceSheet(ctx: TenantContext, q: BalanceSheetQuery): Promise<BalanceSheet> {
  const asOf = q.asOf ?? todayUtc();
  const rows = await postedAmounts(ctx, { to: asOf }, ["ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE"]);
  const assets = section(rows, "ASSET");
  const liabilities = section(rows, "LIABILITY");
  const equityAccounts = section(rows, "EQUITY");
  const currentEarnings = section(rows, "REVENUE").total.minus(section(rows, "EXPENSE").total);
  const equity = equityAccounts.total.plus(currentEarnings);
  const liabilitiesAndEquity = liabilities.total.plus(equity);
  return {
    asOf,
    assets: sectionView(assets),
    liabilities: sectionView(liabilities),
    equity: { accounts: equityAccounts.accounts, currentEarnings: formatMoney(currentEarnings), total: formatMoney(equity) },
    totals: { assets: formatMoney(assets.total), liabilitiesAndEquity: formatMoney(liabilitiesAndEquity) },
    balanced: assets.total.equals(liabilitiesAndEquity),
  };
}
