import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/page-header";
import { tenantPageScope } from "@/lib/api/pages";
import { AppError } from "@/lib/errors";
import { getContact } from "@/lib/modules/contacts/get-contact";
import { ContactForm } from "@/app/t/[tenant]/contacts/contact-form";
import { defaultAccountOptions } from "@/app/t/[tenant]/contacts/contact-page";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: param, id } = await params;
  const { tenant, data } = await tenantPageScope(param, await headers(), "contacts:contacts:read", async (ctx, permissions) => {
    const contact = /^[0-9a-f-]{36}$/i.test(id)
      ? await getContact(ctx, id).catch((e) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e)))
      : null;
    const canWrite = permissions.has("contacts:contacts:write");
    return { contact, canWrite, options: canWrite && contact ? await defaultAccountOptions(ctx) : { income: [], expense: [] } };
  });
  const c = data.contact;
  if (!c) notFound();
  return (
    <>
      <PageHeader
        title={c.name}
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Contacts", href: "/contacts" }, { label: c.name }]}
        actions={
          <>
            {c.isCustomer ? <Badge tone="blue">Customer</Badge> : null}
            {c.isVendor ? <Badge tone="blue">Vendor</Badge> : null}
            {c.isActive ? null : <Badge tone="slate">Inactive</Badge>}
          </>
        }
      />
      {data.canWrite ? (
        <ContactForm key={c.updatedAt} contact={c} income={data.options.income} expense={data.options.expense} />
      ) : (
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {(
              [
                ["Email", c.email],
                ["Phone", c.phone],
                ["Tax id", c.taxId],
                ["Payment terms", c.paymentTermsDays === 0 ? "Due on receipt" : `Net ${c.paymentTermsDays}`],
                ["Billing address", c.billingAddress],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt className="font-medium text-slate-800">{k}</dt>
                <dd className="whitespace-pre-line text-slate-700">{v ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </Card>
      )}
    </>
  );
}
