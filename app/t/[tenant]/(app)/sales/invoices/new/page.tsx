import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { tenantPageScope } from "@/lib/api/pages";
import { todayUtc } from "@/lib/modules/ledger/dates";
import { InvoiceForm } from "@/app/t/[tenant]/sales/invoice-form";
import { invoiceFormOptions } from "@/app/t/[tenant]/sales/load";

export const metadata: Metadata = { title: "New invoice" };

export default async function NewInvoicePage({ params }: { params: Promise<{ tenant: string }> }) {
  // Without sales:invoices:write → 404.
  const { tenant, data } = await tenantPageScope((await params).tenant, await headers(), "sales:invoices:write", (ctx) => invoiceFormOptions(ctx));
  return (
    <>
      <PageHeader title="New invoice" breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Invoices", href: "/sales/invoices" }, { label: "New" }]} />
      {data.customers.length === 0 ? (
        <EmptyState title="No customers yet.">
          <p>
            <Link href="/contacts/new" className="text-brand-800 underline">
              Add a customer
            </Link>{" "}
            first.
          </p>
        </EmptyState>
      ) : (
        <InvoiceForm customers={data.customers} products={data.products} taxes={data.taxes} today={todayUtc()} />
      )}
    </>
  );
}
