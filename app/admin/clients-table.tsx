import type { ClientView } from "@/lib/provisioning";
import { ClientRowActions } from "./client-row-actions";

// The enterprise admin's clients table (server component): one row per client, actions in ClientRowActions.

const STATUS_BADGE: Record<ClientView["status"], string> = {
  ACTIVE: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  SUSPENDED: "bg-amber-50 text-amber-800 ring-amber-600/20",
  PROVISIONING: "bg-sky-50 text-sky-800 ring-sky-600/20",
  FAILED: "bg-red-50 text-red-800 ring-red-600/20",
  ARCHIVED: "bg-slate-100 text-slate-600 ring-slate-500/20",
};
const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

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
    <span data-testid="client-status" className={`${badge} ${STATUS_BADGE[status]}`}>
      {status}
    </span>
  );
}

export function ClientsTable({ clients, tenantUrl }: { clients: ClientView[]; tenantUrl: (slug: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Clients, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Slug</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Segment</th>
            <th scope="col" className="px-4 py-2">Schema</th>
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((c) => (
            <tr key={c.id} data-testid={`client-row-${c.slug}`} className="align-top">
              <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">{c.name}</th>
              <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">
                <SlugLink slug={c.slug} status={c.status} tenantUrl={tenantUrl} />
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={c.status} />
                {c.failureReason ? <p className="mt-1 max-w-48 text-xs text-red-700">{c.failureReason}</p> : null}
              </td>
              <td className="px-4 py-3 text-slate-700">{c.segment ?? <span className="text-slate-400">—</span>}</td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-mono text-xs">{c.schemaVersion ?? "none"}</span>
                  {c.schemaBehind ? (
                    <span data-testid="schema-badge" className={`${badge} bg-amber-50 text-amber-800 ring-amber-600/20`}>behind</span>
                  ) : (
                    <span data-testid="schema-badge" className={`${badge} bg-emerald-50 text-emerald-800 ring-emerald-600/20`}>current</span>
                  )}
                </div>
                {c.lastMigrationStatus ? (
                  <p className={`mt-1 text-xs ${c.lastMigrationStatus === "failed" ? "text-red-700" : "text-slate-500"}`}>
                    Last migration {c.lastMigrationStatus}
                    {c.lastMigrationAt ? ` ${c.lastMigrationAt.slice(0, 16).replace("T", " ")} UTC` : ""}
                    {c.lastMigrationError ? `: ${c.lastMigrationError}` : ""}
                  </p>
                ) : null}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                <time dateTime={c.createdAt}>{c.createdAt.slice(0, 10)}</time>
              </td>
              <td className="px-4 py-3">
                <ClientRowActions id={c.id} slug={c.slug} name={c.name} status={c.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
