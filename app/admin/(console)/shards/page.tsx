import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/api/pages";
import { listShards } from "@/lib/enterprise/shards";

export const metadata: Metadata = { title: "Shards" };

// Read-only for now: shards are registered and changed through /api/enterprise/shards.

export default async function ShardsPage() {
  const admin = await requireAdmin(await headers());
  if (admin.kind !== "enterprise-admin") notFound();
  const shards = await listShards();
  return (
    <>
      <PageHeader
        title="Shards"
        breadcrumbs={[{ label: "Admin console", href: "/admin" }, { label: "Shards" }]}
        description="The PostgreSQL servers tenant databases live on. New clients go to the least-loaded one with room. Registered through the enterprise API (POST /api/enterprise/shards)."
      />
      <DataTable
        caption="Shards"
        initialSort={{ key: "name" }}
        columns={[
          { key: "name", header: "Name", primary: true, sortable: true },
          { key: "region", header: "Region", sortable: true },
          { key: "clients", header: "Clients", sortable: true, align: "right" },
          { key: "capacity", header: "Capacity", sortable: true, align: "right" },
          { key: "budget", header: "Connections", align: "right" },
          { key: "url", header: "Admin URL" },
        ]}
        rows={shards.map((s) => {
          const live = s.clients.ACTIVE + s.clients.SUSPENDED + s.clients.PROVISIONING;
          return {
            id: s.id,
            testId: `shard-row-${s.name}`,
            sort: { name: s.name, region: s.region, clients: live, capacity: s.capacity },
            cells: {
              name: (
                <span className="inline-flex flex-wrap items-center gap-2">
                  {s.name} {s.isDefault ? <Badge tone="blue">default</Badge> : null}
                </span>
              ),
              region: s.region,
              clients: (
                <span
                  className="font-mono"
                  title={`${s.clients.ACTIVE} active, ${s.clients.SUSPENDED} suspended, ${s.clients.PROVISIONING} provisioning, ${s.clients.ARCHIVED} archived`}
                >
                  {live}
                </span>
              ),
              capacity: <span className="font-mono">{s.capacity}</span>,
              budget: <span className="font-mono">{s.connectionBudget ?? "auto"}</span>,
              url: (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs">{s.adminUrlEnv}</span>
                  {s.adminUrlConfigured ? <Badge tone="green">configured</Badge> : <Badge tone="red">not set here</Badge>}
                </span>
              ),
            },
          };
        })}
        empty={<EmptyState title="No shards registered.">The default server is registered at start-up.</EmptyState>}
      />
    </>
  );
}
