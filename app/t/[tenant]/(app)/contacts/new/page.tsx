import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/ui/page-header";
import { tenantPageScope } from "@/lib/api/pages";
import { ContactForm } from "@/app/t/[tenant]/contacts/contact-form";
import { defaultAccountOptions } from "@/app/t/[tenant]/contacts/contact-page";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage({ params }: { params: Promise<{ tenant: string }> }) {
  // Without contacts:contacts:write → 404.
  const { tenant, data } = await tenantPageScope((await params).tenant, await headers(), "contacts:contacts:write", (ctx) => defaultAccountOptions(ctx));
  return (
    <>
      <PageHeader title="New contact" breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Contacts", href: "/contacts" }, { label: "New" }]} />
      <ContactForm income={data.income} expense={data.expense} />
    </>
  );
}
