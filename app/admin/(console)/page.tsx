import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin, type AdminPrincipal } from "@/lib/api/pages";
import { config } from "@/lib/config";
import { tenantOrigin } from "@/lib/config/origin";
import { AppError } from "@/lib/errors";
import { listClients, ZListClientsQuery } from "@/lib/provisioning";
import { listAssignedClients } from "@/lib/super-admin";
import { AssignedClients } from "@/app/admin/assigned-clients";
import { ClientsTable } from "@/app/admin/clients-table";

export const metadata: Metadata = { title: "Admin console" };

const PAGE_SIZE = 20;

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin(await headers());
  return (
    <>
      <PageHeader
        title={admin.kind === "enterprise-admin" ? "Clients" : "Your clients"}
        description={
          <span data-testid="admin-identity">
            Signed in as <strong>{admin.name}</strong> ({admin.email}), {admin.kind === "enterprise-admin" ? "enterprise admin" : "super admin"}.
          </span>
        }
        actions={
          admin.kind === "enterprise-admin" ? (
            <Link href="/admin/clients/new" className={buttonClass("primary")}>
              New client
            </Link>
          ) : undefined
        }
      />
      {admin.kind === "enterprise-admin" ? <Clients query={await searchParams} /> : <SuperAdminNotice admin={admin} />}
    </>
  );
}

async function SuperAdminNotice({ admin }: { admin: AdminPrincipal }) {
  if (admin.kind !== "super-admin") return null;
  const clients = await listAssignedClients(admin);
  return (
    <>
      <Card title="What you can do here" titleId="super-admin-heading">
        <p className="text-sm text-slate-700">
          As a super admin you look after the clients an enterprise admin assigned to you, within your modules
          {admin.modules.length ? (
            <>
              {" "}
              (<span className="font-mono">{admin.modules.join(", ")}</span>)
            </>
          ) : null}
          : you can give them those modules and see their users (through the super-admin API). Creating, suspending and archiving clients is done by enterprise
          admins.
        </p>
      </Card>
      <AssignedClients clients={clients} tenantUrl={tenantUrlFor()} />
    </>
  );
}

function tenantUrlFor(): (slug: string) => string {
  const env = config();
  return (slug) => `${tenantOrigin(env, slug)}/`;
}

async function Clients({ query }: { query: Record<string, string | string[] | undefined> }) {
  const behind = query.schema === "behind";
  const parsed = ZListClientsQuery.safeParse({
    limit: PAGE_SIZE,
    cursor: typeof query.cursor === "string" ? query.cursor : undefined,
    schema: behind ? "behind" : undefined,
  });
  // A stale or hand-edited cursor starts again from the first page rather than failing the page.
  const q = parsed.success ? parsed.data : ZListClientsQuery.parse({ limit: PAGE_SIZE, schema: behind ? "behind" : undefined });
  const page = await listClients(q).catch((err: unknown) => {
    if (q.cursor && err instanceof AppError && err.code === "validation_failed") return listClients({ ...q, cursor: undefined });
    throw err;
  });
  const href = (p: { cursor?: string | null; behind?: boolean }) => {
    const s = new URLSearchParams();
    if (p.behind) s.set("schema", "behind");
    if (p.cursor) s.set("cursor", p.cursor);
    const qs = s.toString();
    return qs ? `/admin?${qs}` : "/admin";
  };
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm ${active ? "bg-slate-900 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-50"}`;
  return (
    <section aria-labelledby="clients-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="clients-heading" className="sr-only">
          Client list
        </h2>
        <div className="flex items-center gap-3">
          <nav aria-label="Filter clients" className="flex flex-wrap gap-2">
            <Link href={href({})} className={tab(!behind)} aria-current={!behind ? "page" : undefined}>
              All
            </Link>
            <Link href={href({ behind: true })} className={tab(behind)} aria-current={behind ? "page" : undefined}>
              Schema behind
            </Link>
          </nav>
        </div>
      </div>
      {page.items.length === 0 ? (
        <EmptyState data-testid="clients-empty" title={behind ? "No client is behind." : q.cursor ? "No more clients." : "No clients yet."}>
          {behind ? (
            <p>
              Every client&apos;s schema is current. Clients fall behind when a new client migration ships; `npm run migrate:clients` brings them up to date.
            </p>
          ) : q.cursor ? null : (
            <>
              <p>
                Create the first one with{" "}
                <Link href="/admin/clients/new" className="text-brand-700 underline">
                  New client
                </Link>
                : give it a name and its first admin&apos;s email; it gets its own database in a few seconds.
              </p>
            </>
          )}
        </EmptyState>
      ) : (
        <ClientsTable clients={page.items} tenantUrl={tenantUrlFor()} />
      )}
      <Pagination firstHref={q.cursor ? href({ behind }) : undefined} nextHref={page.nextCursor ? href({ behind, cursor: page.nextCursor }) : undefined} />
    </section>
  );
}
