import type { AssignedClientView } from "@/lib/super-admin";
import { AssignedClientActions } from "./assigned-client-actions";
import { SlugLink, StatusBadge } from "./clients-table";

// A super admin's assigned clients (server component): what they are, and a new setup link for an active one.

export function AssignedClients({ clients, tenantUrl }: { clients: AssignedClientView[]; tenantUrl: (slug: string) => string }) {
  if (clients.length === 0) {
    return (
      <p data-testid="assigned-clients-empty" className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-500">
        No clients are assigned to you yet. An enterprise admin assigns them.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Clients assigned to you</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Slug</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Segment</th>
            <th scope="col" className="px-4 py-2">Modules</th>
            <th scope="col" className="px-4 py-2">Schema</th>
            <th scope="col" className="px-4 py-2">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((c) => (
            <tr key={c.id} data-testid={`assigned-row-${c.slug}`}>
              <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">{c.name}</th>
              <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">
                <SlugLink slug={c.slug} status={c.status} tenantUrl={tenantUrl} />
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={c.status} />
              </td>
              <td className="px-4 py-2 text-slate-700">{c.segment ?? <span className="text-slate-400">—</span>}</td>
              <td className="px-4 py-2 font-mono text-xs">{c.modules.join(", ")}</td>
              <td className="px-4 py-2 font-mono text-xs">{c.schemaVersion ?? "none"}</td>
              <td className="px-4 py-2">{c.status === "ACTIVE" ? <AssignedClientActions id={c.id} name={c.name} /> : <span className="text-xs text-slate-400">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
