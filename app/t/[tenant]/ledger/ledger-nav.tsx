import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import type { LedgerAccess } from "./ledger-page";

// The ledger pages' header: breadcrumbs (the tenant, the ledger, the page) and
// the title. The ledger's pages themselves are in the app shell's navigation.

export { Badge, type Tone } from "@/components/ui/badge";

export function LedgerHeader({ tenantName, title, description, access }: { tenantName: string; title: string; description?: string; access: LedgerAccess }) {
  return (
    <PageHeader
      title={title}
      description={description}
      breadcrumbs={[{ label: tenantName, href: "/" }, { label: "General ledger", href: access.readJournal ? "/ledger" : undefined }, { label: title }]}
    />
  );
}

type Report = "trial-balance" | "income-statement" | "balance-sheet";

/** The report pages link to each other as tabs (they share ledger:reports:read, so whoever sees one sees all three). */
export function ReportsNav({ current }: { current: Report }) {
  const links: { key: Report; href: string; label: string }[] = [
    { key: "trial-balance", href: "/ledger/trial-balance", label: "Trial balance" },
    { key: "income-statement", href: "/ledger/income-statement", label: "Income statement" },
    { key: "balance-sheet", href: "/ledger/balance-sheet", label: "Balance sheet" },
  ];
  return (
    <nav aria-label="Reports" className="-mx-1 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 px-1">
        {links.map((l) => (
          <li key={l.key}>
            <Link
              href={l.href}
              aria-current={l.key === current ? "page" : undefined}
              className={cn(
                "block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                l.key === current ? "text-brand-800 border-brand-600" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
