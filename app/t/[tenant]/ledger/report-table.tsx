import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { ReportSection } from "@/lib/modules/ledger/reports.types";
import { formatAmount } from "./amounts";

// The income statement's and balance sheet's table: one <tbody> per section
// (a heading row, its accounts by code, its total), three columns.

export const reportCell = "px-4 py-2 text-right font-mono whitespace-nowrap";

export function ReportTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="w-28 px-4 py-2">
              Code
            </th>
            <th scope="col" className="px-4 py-2">
              Account
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        {children}
      </table>
    </ScrollRegion>
  );
}

/** A section: heading, one row per account, `extra` rows (e.g. current earnings), and the total. */
export function SectionRows({
  title,
  section,
  totalLabel,
  empty,
  extra,
}: {
  title: string;
  section: ReportSection;
  totalLabel: string;
  empty: string;
  extra?: ReactNode;
}) {
  return (
    <tbody className="border-t border-slate-200">
      <tr className="bg-slate-50/60">
        <th scope="colgroup" colSpan={3} className="px-4 pt-3 pb-1 text-left font-semibold text-slate-900">
          {title}
        </th>
      </tr>
      {section.accounts.length === 0 && !extra ? (
        <tr>
          <td colSpan={3} className="px-4 py-2 text-slate-600">
            {empty}
          </td>
        </tr>
      ) : null}
      {section.accounts.map((a) => (
        <tr key={a.accountId}>
          <td className="px-4 py-1.5 font-mono">{a.code}</td>
          <th scope="row" className="px-4 py-1.5 text-left font-normal text-slate-900">
            {a.name}
          </th>
          <td className={reportCell}>{formatAmount(a.amount)}</td>
        </tr>
      ))}
      {extra}
      <tr className="border-t border-slate-200 font-semibold">
        <th scope="row" colSpan={2} className="px-4 py-2 text-left">
          {totalLabel}
        </th>
        <td className={reportCell}>{formatAmount(section.total)}</td>
      </tr>
    </tbody>
  );
}
