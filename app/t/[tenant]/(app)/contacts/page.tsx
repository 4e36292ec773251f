import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/form-field";
import { Card, EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { tenantPageScope } from "@/lib/api/pages";
import { ZListContactsQuery } from "@/lib/modules/contacts/contacts.types";
import { listContacts } from "@/lib/modules/contacts/list-contacts";

export const metadata: Metadata = { title: "Contacts" };

type Search = Record<string, string | string[] | undefined>;

export default async function ContactsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Search> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = ZListContactsQuery.safeParse({ ...raw, limit: "25" });
  const query = parsed.success ? parsed.data : ZListContactsQuery.parse({ limit: "25" });
  const { tenant, data } = await tenantPageScope((await params).tenant, await headers(), "contacts:contacts:read", async (ctx, permissions) => ({
    page: await listContacts(ctx, query),
    canWrite: permissions.has("contacts:contacts:write"),
  }));
  const filters = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.role ? { role: query.role } : {}), active: query.active });
  return (
    <>
      <PageHeader
        title="Contacts"
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Contacts" }]}
        description="Customers and vendors: who you invoice and who bills you."
        actions={
          data.canWrite ? (
            <Link href="/contacts/new" className={buttonClass("primary")}>
              New contact
            </Link>
          ) : null
        }
      />
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end" role="search" aria-label="Find contacts">
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">Search</span>
            <Input name="q" defaultValue={query.q ?? ""} placeholder="Name, email or tax id" maxLength={100} />
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">Role</span>
            <Select name="role" defaultValue={query.role ?? ""}>
              <option value="">Any</option>
              <option value="customer">Customers</option>
              <option value="vendor">Vendors</option>
            </Select>
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">Status</span>
            <Select name="active" defaultValue={query.active}>
              <option value="true">Active</option>
              <option value="false">Inactive</option>
              <option value="all">All</option>
            </Select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
        {!parsed.success ? <p className="text-sm text-amber-800">Some filters were not understood and are ignored.</p> : null}
      </Card>
      {data.page.contacts.length === 0 ? (
        <EmptyState title="No contacts match.">{data.canWrite ? <p>Add customers and vendors with “New contact”.</p> : null}</EmptyState>
      ) : (
        <DataTable
          caption="Contacts, by name"
          data-testid="contacts-table"
          columns={[
            { key: "name", header: "Name", primary: true },
            { key: "role", header: "Role" },
            { key: "email", header: "Email" },
            { key: "terms", header: "Terms", align: "right" },
            { key: "status", header: "Status" },
          ]}
          rows={data.page.contacts.map((c) => ({
            id: c.id,
            muted: !c.isActive,
            testId: `contact-row-${c.name}`,
            cells: {
              name: (
                <Link href={`/contacts/${c.id}`} className="text-brand-800 font-medium hover:underline">
                  {c.name}
                </Link>
              ),
              role: [c.isCustomer ? "Customer" : null, c.isVendor ? "Vendor" : null].filter(Boolean).join(", "),
              email: c.email ? <span className="break-all">{c.email}</span> : null,
              terms: c.paymentTermsDays === 0 ? "On receipt" : `Net ${c.paymentTermsDays}`,
              status: c.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>,
            },
          }))}
        />
      )}
      <Pagination
        firstHref={query.cursor ? `/contacts?${filters}` : undefined}
        nextHref={data.page.nextCursor ? `/contacts?${filters}&cursor=${data.page.nextCursor}` : undefined}
      />
    </>
  );
}
