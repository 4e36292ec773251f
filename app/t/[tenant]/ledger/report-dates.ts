import { ZDate } from "@/lib/modules/ledger/dates";
import { ZBalanceSheetQuery, ZIncomeStatementQuery, type BalanceSheetQuery, type IncomeStatementQuery } from "@/lib/modules/ledger/reports.types";

// The report pages' dates from their URL (?from=&to=, ?asOf=): a hand-typed date that
// the service would refuse is dropped with an alert, and the service's default takes
// its place, rather than failing the page.

type Param = string | string[] | undefined;

const given = (v: Param): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const notADate = (v: string) => `“${v}” is not a date (YYYY-MM-DD)`;

export interface ReportDates<Q> {
  query: Q;
  /** Why some of what was asked for is not used; undefined when all of it is. */
  alert?: string;
}

/** `from`/`to` as ZIncomeStatementQuery reads them; an invalid one is left to its default, from after to → both defaults (this year to date). */
export function incomeStatementDates(from: Param, to: Param): ReportDates<IncomeStatementQuery> {
  const asked = { from: given(from), to: given(to) };
  const bad = Object.values(asked).filter((v): v is string => v !== undefined && !ZDate.safeParse(v).success);
  const valid = (v: string | undefined) => (v !== undefined && !bad.includes(v) ? v : undefined);
  const parsed = ZIncomeStatementQuery.safeParse({ from: valid(asked.from), to: valid(asked.to) });
  if (!parsed.success)
    return { query: ZIncomeStatementQuery.parse({}), alert: `From ${asked.from} is after To ${asked.to}; showing 1 January to today instead.` };
  return { query: parsed.data, alert: bad.length ? `${bad.map(notADate).join("; ")}; the default date is used instead.` : undefined };
}

/** `asOf` as ZBalanceSheetQuery reads it; an invalid one → today (the service's default). */
export function asOfDate(asOf: Param): ReportDates<BalanceSheetQuery> {
  const asked = given(asOf);
  const parsed = ZBalanceSheetQuery.safeParse({ asOf: asked });
  return parsed.success ? { query: parsed.data } : { query: {}, alert: `${notADate(asked!)}; showing today instead.` };
}
