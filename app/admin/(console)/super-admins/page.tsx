import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/api/pages";
import { listSuperAdmins } from "@/lib/enterprise/super-admins";

export const metadata: Metadata = { title: "Super admins" };

// Read-only for now: super admins are created and changed through /api/enterprise/super-admins.

export default async function SuperAdminsPage() {
  const admin = await requireAdmin(await headers());
  if (admin.kind !== "enterprise-admin") notFound();
  const superAdmins = await listSuperAdmins();
  return (
    <>
      <PageHeader
        title="Super admins"
        breadcrumbs={[{ label: "Admin console", href: "/admin" }, { label: "Super admins" }]}
        description="Who looks after which clients, within which modules. Created and changed through the enterprise API (POST /api/enterprise/super-admins)."
      />
      <DataTable
        caption="Super admins, by name"
        initialSort={{ key: "name" }}
        columns={[
          { key: "name", header: "Name", primary: true, sortable: true },
          { key: "email", header: "Email", sortable: true },
          { key: "status", header: "Status", sortable: true },
          { key: "modules", header: "Modules" },
          { key: "segments", header: "Segments" },
          { key: "clients", header: "Clients", sortable: true, align: "right" },
          { key: "lastLogin", header: "Last sign-in", sortable: true },
        ]}
        rows={superAdmins.map((s) => ({
          id: s.id,
          testId: `super-admin-row-${s.email}`,
          muted: !s.isActive,
          sort: { name: s.name.toLowerCase(), email: s.email, status: s.isActive ? 0 : 1, clients: s.clientIds.length, lastLogin: s.lastLoginAt ?? "" },
          cells: {
            name: s.name,
            email: <span className="break-all">{s.email}</span>,
            status: s.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>,
            modules: s.modules.length ? <span className="font-mono text-xs">{s.modules.join(", ")}</span> : null,
            segments: s.segments.length ? s.segments.join(", ") : null,
            clients: <span className="font-mono">{s.clientIds.length}</span>,
            lastLogin: s.lastLoginAt ? <time dateTime={s.lastLoginAt}>{s.lastLoginAt.slice(0, 16).replace("T", " ")} UTC</time> : "never",
          },
        }))}
        empty={
          <EmptyState title="No super admins yet.">
            Enterprise admins create them through the enterprise API; each then sees the clients assigned to them.
          </EmptyState>
        }
      />
    </>
  );
}
