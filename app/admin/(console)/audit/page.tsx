import type { Metadata } from "next";
import { headers } from "next/headers";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { AuditFilterForm, AuditPager, ChainCheck } from "@/app/_audit/audit-controls";
import { AuditTable } from "@/app/_audit/audit-table";
import { ENTERPRISE_ACTION_KINDS, parseAuditFilters, type SearchParams } from "@/app/_audit/filters";
import { adminAuditPage } from "@/app/admin/audit/audit-page";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const PATH = "/admin/audit";

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = parseAuditFilters(params, ENTERPRISE_ACTION_KINDS, PAGE_SIZE);
  const data = await adminAuditPage(await headers(), filters, params.client);
  const { entries, nextCursor } = data.page;
  const { cursor } = filters.query;
  const shown = { ...filters.form, client: data.client };
  return (
    <>
      <PageHeader
        title="Audit log"
        breadcrumbs={[{ label: "Admin console", href: "/admin" }, { label: "Audit log" }]}
        description={
          <>
            The global log: clients&apos; lifecycle, super admins, shards and admin sign-ins, newest first. Each client&apos;s own changes are in its log, on
            its host at /audit.
          </>
        }
      />

      <AuditFilterForm
        path={PATH}
        kinds={ENTERPRISE_ACTION_KINDS}
        values={filters.form}
        client={data.client}
        alerts={data.clientAlert ? [...filters.alerts, data.clientAlert] : filters.alerts}
      />
      <ChainCheck path={PATH} filters={shown} cursor={cursor} check={data.check} />

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries
        </h2>
        {entries.length === 0 ? (
          <EmptyState title={cursor ? "No older entries." : "No entries match."} />
        ) : (
          <AuditTable entries={entries} people={data.people} clients={data.clients} caption="Global audit log entries, newest first" />
        )}
        <AuditPager path={PATH} filters={shown} cursor={cursor} nextCursor={nextCursor} />
      </section>
    </>
  );
}
