import type { Metadata } from "next";
import { headers } from "next/headers";
import Form from "next/form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { todayUtc } from "@/lib/modules/ledger/dates";
import { trialBalance, ZTrialBalanceQuery } from "@/lib/modules/ledger/trial-balance";
import { amountUnits, formatAmount, unitsToAmount } from "@/app/t/[tenant]/ledger/amounts";
import { Badge, LedgerHeader, ReportsNav } from "@/app/t/[tenant]/ledger/ledger-nav";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";

export const metadata: Metadata = { title: "Trial balance" };

/** A balance (debit − credit) as accountants read it: "1,500.00 Dr" or "250.00 Cr". */
function drCr(balance: string): string {
  const negative = balance.trim().startsWith("-");
  const amount = formatAmount(negative ? balance.trim().slice(1) : balance);
  return amount === "0.00" ? amount : `${amount} ${negative ? "Cr" : "Dr"}`;
}

export default async function TrialBalancePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const asOf = (await searchParams).asOf;
  const requested = typeof asOf === "string" && asOf !== "" ? asOf : undefined;
  const parsed = ZTrialBalanceQuery.safeParse({ asOf: requested });
  const {
    tenant,
    access,
    data: report,
  } = await ledgerPage((await params).tenant, await headers(), "/ledger/trial-balance", (ctx) => trialBalance(ctx, parsed.success ? parsed.data : {}));
  return (
    <>
      <LedgerHeader tenantName={tenant.name} title="Trial balance" access={access} />
      <ReportsNav current="trial-balance" />
      <Form action="/ledger/trial-balance" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label className="block text-sm">
          <span className="text-slate-700">As of</span>
          <input
            type="date"
            name="asOf"
            defaultValue={parsed.success ? report.asOf : requested}
            max="9999-12-31"
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Show
        </button>
        <p className="text-sm text-slate-600">
          Posted entries dated on or before this day (drafts and voided entries do not count). Empty: today ({todayUtc()}, UTC).
        </p>
        {!parsed.success ? (
          <p role="alert" className="w-full text-sm text-red-700">
            “{requested}” is not a date (YYYY-MM-DD); showing today instead.
          </p>
        ) : null}
      </Form>

      <section aria-labelledby="report-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="report-heading" className="text-lg font-semibold">
            As of <time dateTime={report.asOf}>{report.asOf}</time>
          </h2>
          <p data-testid="trial-balance-status" className="text-sm">
            {report.totals.balanced ? <Badge tone="green">Balanced</Badge> : <Badge tone="red">Not balanced</Badge>}{" "}
            <span className="text-slate-600">
              {report.totals.balanced
                ? "Total debits equal total credits."
                : `Debits ${formatAmount(report.totals.debit)} ≠ credits ${formatAmount(report.totals.credit)}.`}
            </span>
          </p>
        </div>
        <ScrollRegion label={`Trial balance as of ${report.asOf}`}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Trial balance as of {report.asOf}, by account code</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Code
                </th>
                <th scope="col" className="px-4 py-2">
                  Account
                </th>
                <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                  Type
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Debit
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Credit
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Balance
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.accounts.length === 0 ? (
                <tr>
                  <td colSpan={6} className="px-4 py-6 text-center text-slate-600">
                    No posted entries on or before this day.
                  </td>
                </tr>
              ) : (
                report.accounts.map((a) => (
                  <tr key={a.accountId}>
                    <td className="px-4 py-2 font-mono">{a.code}</td>
                    <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                      {a.name}
                    </th>
                    <td className="hidden px-4 py-2 text-slate-700 sm:table-cell">{a.type}</td>
                    <td className="px-4 py-2 text-right font-mono whitespace-nowrap">{formatAmount(a.debit)}</td>
                    <td className="px-4 py-2 text-right font-mono whitespace-nowrap">{formatAmount(a.credit)}</td>
                    <td className="px-4 py-2 text-right font-mono whitespace-nowrap">{drCr(a.balance)}</td>
                  </tr>
                ))
              )}
            </tbody>
            <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
              <tr>
                <th scope="row" colSpan={2} className="px-4 py-2 text-left">
                  Totals
                </th>
                <td className="hidden sm:table-cell" />
                <td className="px-4 py-2 text-right font-mono whitespace-nowrap">{formatAmount(report.totals.debit)}</td>
                <td className="px-4 py-2 text-right font-mono whitespace-nowrap">{formatAmount(report.totals.credit)}</td>
                <td className="px-4 py-2 text-right font-mono whitespace-nowrap">
                  {drCr(unitsToAmount((amountUnits(report.totals.debit) ?? BigInt(0)) - (amountUnits(report.totals.credit) ?? BigInt(0))))}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      </section>
    </>
  );
}
