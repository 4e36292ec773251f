import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/api/pages";
import { CreateClientForm } from "@/app/admin/clients/new/create-client-form";

export const metadata: Metadata = { title: "New client" };
// A fresh Idempotency-Key per render: never cached.
export const dynamic = "force-dynamic";

export default async function NewClientPage() {
  const admin = await requireAdmin(await headers());
  if (admin.kind !== "enterprise-admin") notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title="New client"
        breadcrumbs={[{ label: "Admin console", href: "/admin" }, { label: "Clients", href: "/admin" }, { label: "New client" }]}
        description="Creates the client's own database, its roles and its first admin (as Owner). This takes a few seconds."
      />
      <CreateClientForm idempotencyKey={randomUUID()} />
    </div>
  );
}
