import type { Metadata } from "next";
import { headers } from "next/headers";
import Form from "next/form";
import { incomeStatement } from "@/lib/modules/ledger/income-statement";
import { formatAmount } from "@/app/t/[tenant]/ledger/amounts";
import { LedgerHeader, ReportsNav } from "@/app/t/[tenant]/ledger/ledger-nav";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";
import { incomeStatementDates } from "@/app/t/[tenant]/ledger/report-dates";
import { ReportTable, SectionRows, reportCell } from "@/app/t/[tenant]/ledger/report-table";

export const metadata: Metadata = { title: "Income statement" };

export default async function IncomeStatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { from, to } = await searchParams;
  const { query, alert } = incomeStatementDates(from, to);
  const {
    tenant,
    access,
    data: report,
  } = await ledgerPage((await params).tenant, await headers(), "/ledger/income-statement", (ctx) => incomeStatement(ctx, query));
  const loss = report.netIncome.startsWith("-");
  return (
    <>
      <LedgerHeader tenantName={tenant.name} title="Income statement" access={access} />
      <ReportsNav current="income-statement" />
      <Form action="/ledger/income-statement" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label className="block text-sm">
          <span className="text-slate-700">From</span>
          <input type="date" name="from" defaultValue={report.from} max="9999-12-31" className="mt-1 block rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <label className="block text-sm">
          <span className="text-slate-700">To</span>
          <input type="date" name="to" defaultValue={report.to} max="9999-12-31" className="mt-1 block rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Show
        </button>
        <p className="text-sm text-slate-600">
          Posted entries dated from the first day to the last, both included. Empty: to today (UTC), from 1 January of that year.
        </p>
        {alert ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {alert}
          </p>
        ) : null}
      </Form>

      <section aria-labelledby="report-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="report-heading" className="text-lg font-semibold">
            <time dateTime={report.from}>{report.from}</time> to <time dateTime={report.to}>{report.to}</time>
          </h2>
          <p data-testid="net-income" className="text-sm">
            {loss ? "Net loss" : "Net income"} <span className="font-mono font-semibold">{formatAmount(report.netIncome)}</span>
          </p>
        </div>
        <ReportTable caption={`Income statement from ${report.from} to ${report.to}, by account code`}>
          <SectionRows title="Revenue" section={report.revenue} totalLabel="Total revenue" empty="No revenue posted in this period." />
          <SectionRows title="Expenses" section={report.expenses} totalLabel="Total expenses" empty="No expenses posted in this period." />
          <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
            <tr>
              <th scope="row" colSpan={2} className="px-4 py-2 text-left">
                Net income (revenue − expenses)
              </th>
              <td className={reportCell}>{formatAmount(report.netIncome)}</td>
            </tr>
          </tfoot>
        </ReportTable>
      </section>
    </>
  );
}
