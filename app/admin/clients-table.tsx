import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { ClientView } from "@/lib/provisioning";
import { ClientRowActions } from "./client-row-actions";

// The enterprise admin's clients table (server component): one row per client, actions in ClientRowActions.

const STATUS_TONE: Record<ClientView["status"], Tone> = { ACTIVE: "green", SUSPENDED: "amber", PROVISIONING: "blue", FAILED: "red", ARCHIVED: "slate" };

/** The client's slug, linking to its host while it can be reached. */
export function SlugLink({ slug, status, tenantUrl }: { slug: string; status: ClientView["status"]; tenantUrl: (slug: string) => string }) {
  if (status !== "ACTIVE" && status !== "SUSPENDED") return <>{slug}</>;
  return (
    <a href={tenantUrl(slug)} className="text-brand-700 underline" target="_blank" rel="noreferrer">
      {slug}
    </a>
  );
}

export function StatusBadge({ status }: { status: ClientView["status"] }) {
  return (
    <Badge tone={STATUS_TONE[status]} data-testid="client-status">
      {status}
    </Badge>
  );
}

export function ClientsTable({ clients, tenantUrl }: { clients: ClientView[]; tenantUrl: (slug: string) => string }) {
  return (
    <DataTable
      caption="Clients, newest first"
      columns={[
        { key: "name", header: "Name", primary: true, sortable: true },
        { key: "slug", header: "Slug", sortable: true },
        { key: "status", header: "Status", sortable: true },
        { key: "segment", header: "Segment", sortable: true },
        { key: "schema", header: "Schema" },
        { key: "created", header: "Created", sortable: true },
        { key: "actions", header: "Actions", bare: true },
      ]}
      rows={clients.map((c) => ({
        id: c.id,
        testId: `client-row-${c.slug}`,
        sort: { name: c.name.toLowerCase(), slug: c.slug, status: c.status, segment: c.segment ?? "", created: c.createdAt },
        cells: {
          name: c.name,
          slug: (
            <span className="font-mono text-xs whitespace-nowrap">
              <SlugLink slug={c.slug} status={c.status} tenantUrl={tenantUrl} />
            </span>
          ),
          status: (
            <div className="space-y-1">
              <StatusBadge status={c.status} />
              {c.failureReason ? <p className="max-w-48 text-xs text-red-700">{c.failureReason}</p> : null}
            </div>
          ),
          segment: c.segment,
          schema: (
            <div className="space-y-1">
              <div className="flex flex-wrap items-center gap-1.5 max-sm:justify-end">
                <span className="font-mono text-xs">{c.schemaVersion ?? "none"}</span>
                {c.schemaBehind ? (
                  <Badge tone="amber" data-testid="schema-badge">
                    behind
                  </Badge>
                ) : (
                  <Badge tone="green" data-testid="schema-badge">
                    current
                  </Badge>
                )}
              </div>
              {c.lastMigrationStatus ? (
                <p className={`text-xs ${c.lastMigrationStatus === "failed" ? "text-red-700" : "text-slate-600"}`}>
                  Last migration {c.lastMigrationStatus}
                  {c.lastMigrationAt ? ` ${c.lastMigrationAt.slice(0, 16).replace("T", " ")} UTC` : ""}
                  {c.lastMigrationError ? `: ${c.lastMigrationError}` : ""}
                </p>
              ) : null}
            </div>
          ),
          created: (
            <time dateTime={c.createdAt} className="whitespace-nowrap">
              {c.createdAt.slice(0, 10)}
            </time>
          ),
          actions: <ClientRowActions id={c.id} slug={c.slug} name={c.name} status={c.status} />,
        },
      }))}
    />
  );
}
