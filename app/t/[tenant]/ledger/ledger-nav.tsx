import Link from "next/link";
import type { ReactNode } from "react";
import type { LedgerAccess } from "./ledger-page";

// The ledger pages' header: the tenant, the page, and links to the ledger pages the user may read.

type Current = "journal" | "accounts" | "trial-balance";

/** `current` is the header's link to mark; the income statement and balance sheet have none there (they are in ReportsNav). */
export function LedgerHeader({ tenantName, title, current, access }: { tenantName: string; title: string; current?: Current; access: LedgerAccess }) {
  const links: { key: Current; href: string; label: string; show: boolean }[] = [
    { key: "journal", href: "/ledger", label: "Journal", show: access.readJournal },
    { key: "accounts", href: "/ledger/accounts", label: "Chart of accounts", show: access.readAccounts },
    { key: "trial-balance", href: "/ledger/trial-balance", label: "Trial balance", show: access.readReports },
  ];
  return (
    <header className="space-y-3">
      <p className="text-sm text-slate-600">
        <Link href="/" className="text-brand-700 underline">
          {tenantName}
        </Link>{" "}
        / General ledger
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <nav aria-label="General ledger" className="flex flex-wrap gap-2">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <Link key={l.key} href={l.href} className={tab(l.key === current)} aria-current={l.key === current ? "page" : undefined}>
                {l.label}
              </Link>
            ))}
        </nav>
      </div>
    </header>
  );
}

const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm ${active ? "bg-slate-900 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-50"}`;

type Report = "trial-balance" | "income-statement" | "balance-sheet";

/** The report pages link to each other (they share ledger:reports:read, so whoever sees one sees all three). */
export function ReportsNav({ current }: { current: Report }) {
  const links: { key: Report; href: string; label: string }[] = [
    { key: "trial-balance", href: "/ledger/trial-balance", label: "Trial balance" },
    { key: "income-statement", href: "/ledger/income-statement", label: "Income statement" },
    { key: "balance-sheet", href: "/ledger/balance-sheet", label: "Balance sheet" },
  ];
  return (
    <nav aria-label="Reports" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Reports:</span>
      {links.map((l) => (
        <Link key={l.key} href={l.href} className={l.key === current ? "font-semibold text-slate-900" : "text-brand-700 underline"} aria-current={l.key === current ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}

const TONES = {
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  slate: "bg-slate-100 text-slate-600 ring-slate-500/20",
  red: "bg-red-50 text-red-800 ring-red-600/20",
} as const;

export type Tone = keyof typeof TONES;

export function Badge({ children, tone }: { children: ReactNode; tone: Tone }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
