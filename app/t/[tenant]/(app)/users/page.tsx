import type { Metadata } from "next";
import { headers } from "next/headers";
import { CreateUserForm } from "@/app/t/[tenant]/users/create-user-form";
import { UserRowActions } from "@/app/t/[tenant]/users/user-row-actions";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { tenantPageScope } from "@/lib/api/pages";
import { listUsers } from "@/lib/modules/core/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  // Without core:users:read → 404: hide what one may not read.
  const {
    tenant,
    principal,
    data: view,
  } = await tenantPageScope((await params).tenant, await headers(), "/users", async (ctx, permissions) => ({
    users: await listUsers(ctx),
    canWrite: permissions.has("core:users:write"),
  }));
  return (
    <>
      <PageHeader
        title="Users"
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Administration" }, { label: "Users" }]}
        description={`Who can sign in to ${tenant.name}, and their roles.`}
      />
      <DataTable
        caption={`Users of ${tenant.name}`}
        initialSort={{ key: "name" }}
        columns={[
          { key: "name", header: "Name", primary: true, sortable: true },
          { key: "email", header: "Email", sortable: true },
          { key: "roles", header: "Roles" },
          { key: "status", header: "Status", sortable: true },
          ...(view.canWrite ? [{ key: "actions", header: "Actions", bare: true, align: "right" as const }] : []),
        ]}
        rows={view.users.map((u) => ({
          id: u.id,
          testId: `user-row-${u.email}`,
          muted: !u.isActive,
          sort: { name: u.name.toLowerCase(), email: u.email, status: u.isActive ? 0 : 1 },
          cells: {
            name: u.name,
            email: <span className="break-all">{u.email}</span>,
            roles: u.roles.length ? (
              <span className="text-xs">{u.roles.map((r) => r.name).join(", ")}</span>
            ) : (
              <span className="text-xs text-slate-600">no role</span>
            ),
            status: (
              <Badge tone={u.isActive ? "green" : "slate"} data-testid="user-status">
                {u.isActive ? "active" : "deactivated"}
              </Badge>
            ),
            actions:
              u.id === principal.id ? <span className="text-xs text-slate-600">you</span> : <UserRowActions id={u.id} name={u.name} isActive={u.isActive} />,
          },
        }))}
      />
      {view.canWrite ? <CreateUserForm /> : null}
    </>
  );
}
