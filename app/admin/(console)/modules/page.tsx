import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/api/pages";
import { listModules } from "@/lib/enterprise/list-modules";
import { findModule } from "@/lib/modules/registry";

export const metadata: Metadata = { title: "Modules" };

export default async function ModulesPage() {
  const admin = await requireAdmin(await headers());
  if (admin.kind !== "enterprise-admin") notFound();
  const catalogue = await listModules();
  return (
    <>
      <PageHeader
        title="Modules"
        breadcrumbs={[{ label: "Admin console", href: "/admin" }, { label: "Modules" }]}
        description="What a client can have. Each module brings its own permissions; a client's roles only count the permissions of the modules it has. Core is always on."
      />
      {catalogue.length === 0 ? (
        <EmptyState title="The module catalogue is empty.">It is written at start-up; restart the app to fill it.</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {catalogue.map((m) => {
            const labels = findModule(m.key)?.permissions as Record<string, string> | undefined;
            return (
              <li key={m.key} data-testid={`module-${m.key}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
                <div>
                  <h2 className="text-lg font-semibold text-slate-900">
                    {m.name} <span className="font-mono text-sm font-normal text-slate-600">({m.key})</span>
                  </h2>
                  <p className="text-sm text-slate-600">{m.description}</p>
                </div>
                <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Permissions</h3>
                <ul className="space-y-1.5 text-sm">
                  {m.permissions.map((p) => (
                    <li key={p} className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
                      <span className="font-mono text-xs text-slate-800 sm:w-56 sm:shrink-0">{p}</span>
                      {labels?.[p] ? <span className="text-slate-600">{labels[p]}</span> : null}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
