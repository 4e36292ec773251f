import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/page-header";
import type { AssignedClientView } from "@/lib/super-admin";
import { AssignedClientActions } from "./assigned-client-actions";
import { SlugLink, StatusBadge } from "./clients-table";

// A super admin's assigned clients (server component): what they are, and a new setup link for an active one.

export function AssignedClients({ clients, tenantUrl }: { clients: AssignedClientView[]; tenantUrl: (slug: string) => string }) {
  return (
    <DataTable
      caption="Clients assigned to you"
      columns={[
        { key: "name", header: "Name", primary: true, sortable: true },
        { key: "slug", header: "Slug", sortable: true },
        { key: "status", header: "Status", sortable: true },
        { key: "segment", header: "Segment" },
        { key: "modules", header: "Modules" },
        { key: "schema", header: "Schema" },
        { key: "actions", header: "Actions", bare: true },
      ]}
      rows={clients.map((c) => ({
        id: c.id,
        testId: `assigned-row-${c.slug}`,
        sort: { name: c.name.toLowerCase(), slug: c.slug, status: c.status },
        cells: {
          name: c.name,
          slug: (
            <span className="font-mono text-xs whitespace-nowrap">
              <SlugLink slug={c.slug} status={c.status} tenantUrl={tenantUrl} />
            </span>
          ),
          status: <StatusBadge status={c.status} />,
          segment: c.segment,
          modules: <span className="font-mono text-xs">{c.modules.join(", ")}</span>,
          schema: <span className="font-mono text-xs">{c.schemaVersion ?? "none"}</span>,
          actions: c.status === "ACTIVE" ? <AssignedClientActions id={c.id} name={c.name} /> : null,
        },
      }))}
      empty={
        <EmptyState data-testid="assigned-clients-empty" title="No clients are assigned to you yet.">
          <p>An enterprise admin assigns them.</p>
        </EmptyState>
      }
    />
  );
}
