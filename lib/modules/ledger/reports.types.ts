import { z } from "zod";
import { ZDate, todayUtc } from "./dates";

/** [from, to]; `to` defaults to today (UTC), `from` to 1 January of `to`'s year; from after to → 422. */
export const ZIncomeStatementQuery = z
  .object({ from: ZDate.optional(), to: ZDate.optional() })
  .transform((q) => {
    const to = q.to ?? todayUtc();
    return { from: q.from ?? `${to.slice(0, 4)}-01-01`, to };
  })
  .refine((q) => q.from <= q.to, { path: ["from"], message: "must be on or before to" });
export type IncomeStatementQuery = z.infer<typeof ZIncomeStatementQuery>;

export const ZBalanceSheetQuery = z.object({ asOf: ZDate.optional() });
export type BalanceSheetQuery = z.infer<typeof ZBalanceSheetQuery>;

/** An account's amount on its normal side (assets and expenses debit − credit; the others credit − debit). */
export interface ReportLine {
  accountId: string;
  code: string;
  name: string;
  amount: string;
}

export interface ReportSection {
  accounts: ReportLine[];
  total: string;
}

export interface IncomeStatement {
  from: string;
  to: string;
  revenue: ReportSection;
  expenses: ReportSection;
  /** revenue − expenses */
  netIncome: string;
}

export interface BalanceSheet {
  asOf: string;
  assets: ReportSection;
  liabilities: ReportSection;
  /** `total` includes `currentEarnings`: revenue − expenses of every POSTED entry up to asOf (nothing is closed to equity). */
  equity: ReportSection & { currentEarnings: string };
  totals: { assets: string; liabilitiesAndEquity: string };
  /** assets = liabilities + equity (always, while every POSTED entry balances). */
  balanced: boolean;
}
