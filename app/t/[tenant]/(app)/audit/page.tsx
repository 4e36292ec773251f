import type { Metadata } from "next";
import { headers } from "next/headers";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { AuditFilterForm, AuditPager, ChainCheck } from "@/app/_audit/audit-controls";
import { AuditTable } from "@/app/_audit/audit-table";
import { parseAuditFilters, TENANT_ACTION_KINDS, type SearchParams } from "@/app/_audit/filters";
import { tenantAuditPage } from "@/app/t/[tenant]/audit/audit-page";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const PATH = "/audit";

export default async function TenantAuditPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<SearchParams> }) {
  const filters = parseAuditFilters(await searchParams, TENANT_ACTION_KINDS, PAGE_SIZE);
  const { tenant, data } = await tenantAuditPage((await params).tenant, await headers(), filters);
  const { entries, nextCursor } = data.page;
  const { cursor } = filters.query;
  return (
    <>
      <PageHeader
        title="Audit log"
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Administration" }, { label: "Audit log" }]}
        description="Every change to users, roles, accounts and journal entries, and every sign-in, newest first. Entries cannot be edited or removed."
      />

      <AuditFilterForm path={PATH} kinds={TENANT_ACTION_KINDS} values={filters.form} alerts={filters.alerts} />
      <ChainCheck path={PATH} filters={{ ...filters.form }} cursor={cursor} check={data.check} />

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries
        </h2>
        {entries.length === 0 ? (
          <EmptyState title={cursor ? "No older entries." : "No entries match."} />
        ) : (
          <AuditTable entries={entries} people={data.people} caption="Audit log entries, newest first" />
        )}
        <AuditPager path={PATH} filters={{ ...filters.form }} cursor={cursor} nextCursor={nextCursor} />
      </section>
    </>
  );
}
