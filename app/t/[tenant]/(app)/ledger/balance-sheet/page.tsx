import type { Metadata } from "next";
import { headers } from "next/headers";
import Form from "next/form";
import { balanceSheet } from "@/lib/modules/ledger/balance-sheet";
import { todayUtc } from "@/lib/modules/ledger/dates";
import { formatAmount } from "@/app/t/[tenant]/ledger/amounts";
import { Badge, LedgerHeader, ReportsNav } from "@/app/t/[tenant]/ledger/ledger-nav";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";
import { asOfDate } from "@/app/t/[tenant]/ledger/report-dates";
import { ReportTable, SectionRows, reportCell } from "@/app/t/[tenant]/ledger/report-table";

export const metadata: Metadata = { title: "Balance sheet" };

export default async function BalanceSheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { query, alert } = asOfDate((await searchParams).asOf);
  const { tenant, access, data: report } = await ledgerPage((await params).tenant, await headers(), "/ledger/balance-sheet", (ctx) => balanceSheet(ctx, query));
  return (
    <>
      <LedgerHeader tenantName={tenant.name} title="Balance sheet" access={access} />
      <ReportsNav current="balance-sheet" />
      <Form action="/ledger/balance-sheet" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label className="block text-sm">
          <span className="text-slate-700">As of</span>
          <input type="date" name="asOf" defaultValue={report.asOf} max="9999-12-31" className="mt-1 block rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Show
        </button>
        <p className="text-sm text-slate-600">Posted entries dated on or before this day. Empty: today ({todayUtc()}, UTC).</p>
        {alert ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {alert}
          </p>
        ) : null}
      </Form>

      <section aria-labelledby="report-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="report-heading" className="text-lg font-semibold">
            As of <time dateTime={report.asOf}>{report.asOf}</time>
          </h2>
          <p data-testid="balance-sheet-status" className="text-sm">
            {report.balanced ? <Badge tone="green">Balanced</Badge> : <Badge tone="red">Not balanced</Badge>}{" "}
            <span className="text-slate-600">
              {report.balanced
                ? "Assets equal liabilities plus equity."
                : `Assets ${formatAmount(report.totals.assets)} ≠ liabilities and equity ${formatAmount(report.totals.liabilitiesAndEquity)}.`}
            </span>
          </p>
        </div>
        <ReportTable caption={`Balance sheet as of ${report.asOf}, by account code`}>
          <SectionRows title="Assets" section={report.assets} totalLabel="Total assets" empty="No assets posted." />
          <SectionRows title="Liabilities" section={report.liabilities} totalLabel="Total liabilities" empty="No liabilities posted." />
          <SectionRows
            title="Equity"
            section={report.equity}
            totalLabel="Total equity"
            empty="No equity posted."
            extra={
              // Revenue − expenses up to asOf: nothing is closed into an equity account, so equity carries them.
              <tr>
                <td className="px-4 py-1.5" />
                <th scope="row" className="px-4 py-1.5 text-left font-normal text-slate-900">
                  Current earnings
                </th>
                <td className={reportCell}>{formatAmount(report.equity.currentEarnings)}</td>
              </tr>
            }
          />
          <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
            <tr>
              <th scope="row" colSpan={2} className="px-4 py-2 text-left">
                Total liabilities and equity
              </th>
              <td className={reportCell}>{formatAmount(report.totals.liabilitiesAndEquity)}</td>
            </tr>
          </tfoot>
        </ReportTable>
      </section>
    </>
  );
}
