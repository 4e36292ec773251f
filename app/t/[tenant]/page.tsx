import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SignOutButton } from "@/app/admin/sign-out-button";
import { redirect } from "next/navigation";
import { tenantPage } from "@/lib/api/pages";
import { actorAccess } from "@/lib/modules/core/rbac/access";
import { withTenantContext } from "@/lib/tenancy/connections";
import { tenantSignOut } from "./actions";
import { ledgerAccess } from "./ledger/ledger-page";

export const metadata: Metadata = { title: "Home" };

export default async function TenantHomePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (!principal) redirect("/sign-in");
  const { permissions } = await withTenantContext(tenant, principal, actorAccess);
  const ledger = ledgerAccess(permissions);
  // Only the pages the user may read.
  const ledgerLinks = [
    { href: "/ledger", label: "Journal", description: "Journal entries: record, edit drafts, post, reverse and void.", show: ledger.readJournal },
    { href: "/ledger/accounts", label: "Chart of accounts", description: "The accounts entries are recorded to.", show: ledger.readAccounts },
    { href: "/ledger/trial-balance", label: "Trial balance", description: "Debits and credits per account as of a day.", show: ledger.readReports },
    { href: "/ledger/income-statement", label: "Income statement", description: "Revenue, expenses and net income over a period.", show: ledger.readReports },
    { href: "/ledger/balance-sheet", label: "Balance sheet", description: "Assets, liabilities and equity as of a day.", show: ledger.readReports },
  ].filter((l) => l.show);
  const adminLinks = [
    { href: "/users", label: "Users", description: "Who can sign in, and their roles.", show: permissions.has("core:users:read") },
    { href: "/audit", label: "Audit log", description: "Who changed what and when, and every sign-in.", show: permissions.has("core:audit:read") },
  ].filter((l) => l.show);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold" data-testid="tenant-name">
          {tenant.name}
        </h1>
        <SignOutButton action={tenantSignOut} to="/sign-in" />
      </header>
      <p>
        Welcome, <strong data-testid="user-name">{principal.name}</strong>.
      </p>
      {ledgerLinks.length ? (
        <nav aria-labelledby="ledger-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="ledger-heading" className="text-lg font-semibold">
            General ledger
          </h2>
          <LinkList links={ledgerLinks} />
        </nav>
      ) : null}
      {adminLinks.length ? (
        <nav aria-labelledby="admin-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="admin-heading" className="text-lg font-semibold">
            Administration
          </h2>
          <LinkList links={adminLinks} />
        </nav>
      ) : null}
    </main>
  );
}

function LinkList({ links }: { links: { href: string; label: string; description: string }[] }) {
  return (
    <ul className="space-y-2">
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href} className="font-medium text-brand-700 underline">
            {l.label}
          </Link>
          <span className="text-sm text-slate-600"> — {l.description}</span>
        </li>
      ))}
    </ul>
  );
}
