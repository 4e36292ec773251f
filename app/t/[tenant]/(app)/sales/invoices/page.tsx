import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/form-field";
import { Card, EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { tenantPageScope } from "@/lib/api/pages";
import { ZListDocumentsQuery } from "@/lib/modules/documents/documents.types";
import { listContacts } from "@/lib/modules/contacts/list-contacts";
import { listInvoices } from "@/lib/modules/sales/list-invoices";
import { StatusBadge } from "@/app/t/[tenant]/sales/status-badge";

export const metadata: Metadata = { title: "Sales invoices" };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["q", "status", "contactId", "from", "to", "overdue", "kind"] as const;

export default async function InvoicesPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Search> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = ZListDocumentsQuery.safeParse({ ...raw, limit: "25" });
  const query = parsed.success ? parsed.data : ZListDocumentsQuery.parse({ limit: "25" });
  const { tenant, data } = await tenantPageScope((await params).tenant, await headers(), "sales:invoices:read", async (ctx, permissions) => ({
    page: await listInvoices(ctx, query),
    customers: (await listContacts(ctx, { role: "customer", active: "all", limit: 200 })).contacts,
    canWrite: permissions.has("sales:invoices:write"),
  }));
  const kept = new URLSearchParams(FILTERS.flatMap((k) => (query[k] ? [[k, String(query[k])]] : [])));
  return (
    <>
      <PageHeader
        title="Sales invoices"
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Sales" }, { label: "Invoices" }]}
        description="Invoices and credit notes to customers, newest first."
        actions={
          data.canWrite ? (
            <Link href="/sales/invoices/new" className={buttonClass("primary")}>
              New invoice
            </Link>
          ) : null
        }
      />
      <Card>
        <form method="get" role="search" aria-label="Filter invoices" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
          <label className="block space-y-1 text-sm lg:col-span-2">
            <span className="font-medium text-slate-800">Number or reference</span>
            <Input name="q" defaultValue={query.q ?? ""} maxLength={100} />
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">Status</span>
            <Select name="status" defaultValue={query.status ?? ""}>
              <option value="">Any</option>
              {["DRAFT", "ISSUED", "PARTIALLY_PAID", "PAID", "VOID"].map((s) => (
                <option key={s} value={s}>
                  {s.replace("_", " ").toLowerCase()}
                </option>
              ))}
            </Select>
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">Customer</span>
            <Select name="contactId" defaultValue={query.contactId ?? ""}>
              <option value="">Any</option>
              {data.customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">From</span>
            <Input type="date" name="from" defaultValue={query.from ?? ""} />
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-800">To</span>
            <Input type="date" name="to" defaultValue={query.to ?? ""} />
          </label>
          <div className="flex items-center gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="overdue" value="true" defaultChecked={query.overdue === "true"} className="size-4 rounded border-slate-300" />{" "}
              Overdue
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              Filter
            </button>
          </div>
        </form>
        {!parsed.success ? <p className="text-sm text-amber-800">Some filters were not understood and are ignored.</p> : null}
      </Card>
      {data.page.documents.length === 0 ? (
        <EmptyState title="No invoices match." />
      ) : (
        <DataTable
          caption="Sales invoices and credit notes"
          data-testid="invoices-table"
          columns={[
            { key: "number", header: "Number", primary: true },
            { key: "customer", header: "Customer" },
            { key: "date", header: "Date" },
            { key: "due", header: "Due" },
            { key: "total", header: "Total", align: "right" },
            { key: "balance", header: "Balance due", align: "right" },
            { key: "status", header: "Status" },
          ]}
          rows={data.page.documents.map((d) => ({
            id: d.id,
            muted: d.status === "VOID",
            testId: `invoice-row-${d.number ?? d.id}`,
            cells: {
              number: (
                <Link href={`/sales/invoices/${d.id}`} className="text-brand-800 font-mono font-medium hover:underline">
                  {d.number ?? "Draft"}
                  {d.kind === "CREDIT_NOTE" ? " (credit)" : ""}
                </Link>
              ),
              customer: d.contactName,
              date: d.date,
              due: d.kind === "INVOICE" ? d.dueDate : null,
              total: <span className="tabular-nums">{d.total.slice(0, -2)}</span>,
              balance: <span className="tabular-nums">{d.balanceDue.slice(0, -2)}</span>,
              status: <StatusBadge status={d.status} />,
            },
          }))}
        />
      )}
      <Pagination
        firstHref={query.cursor ? `/sales/invoices?${kept}` : undefined}
        nextHref={data.page.nextCursor ? `/sales/invoices?${kept}${kept.size ? "&" : ""}cursor=${data.page.nextCursor}` : undefined}
      />
    </>
  );
}
