import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AuditFilterForm, AuditPager, ChainCheck } from "@/app/_audit/audit-controls";
import { AuditTable } from "@/app/_audit/audit-table";
import { parseAuditFilters, TENANT_ACTION_KINDS, type SearchParams } from "@/app/_audit/filters";
import { tenantAuditPage } from "./audit-page";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const PATH = "/audit";

export default async function TenantAuditPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<SearchParams> }) {
  const filters = parseAuditFilters(await searchParams, TENANT_ACTION_KINDS, PAGE_SIZE);
  const { tenant, data } = await tenantAuditPage((await params).tenant, await headers(), filters);
  const { entries, nextCursor } = data.page;
  const { cursor } = filters.query;
  return (
    <main className="mx-auto max-w-7xl space-y-6 px-6 py-10">
      <header className="space-y-3">
        <p className="text-sm text-slate-600">
          <Link href="/" className="text-brand-700 underline">
            {tenant.name}
          </Link>{" "}
          / Administration
        </p>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-600">Every change to users, roles, accounts and journal entries, and every sign-in, newest first. Entries cannot be edited or removed.</p>
      </header>

      <AuditFilterForm path={PATH} kinds={TENANT_ACTION_KINDS} values={filters.form} alerts={filters.alerts} />
      <ChainCheck path={PATH} filters={{ ...filters.form }} cursor={cursor} check={data.check} />

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries
        </h2>
        {entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{cursor ? "No older entries." : "No entries match."}</p>
        ) : (
          <AuditTable entries={entries} people={data.people} caption="Audit log entries, newest first" />
        )}
        <AuditPager path={PATH} filters={{ ...filters.form }} cursor={cursor} nextCursor={nextCursor} />
      </section>
    </main>
  );
}
