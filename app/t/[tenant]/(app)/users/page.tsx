import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { CreateUserForm } from "@/app/t/[tenant]/users/create-user-form";
import { UserRowActions } from "@/app/t/[tenant]/users/user-row-actions";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { tenantPage } from "@/lib/api/pages";
import { actorAccess } from "@/lib/modules/core/rbac/access";
import { listUsers } from "@/lib/modules/core/users/list-users";
import { withTenantContext } from "@/lib/tenancy/connections";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (!principal) redirect("/sign-in");
  const view = await withTenantContext(tenant, principal, async (ctx) => {
    const access = await actorAccess(ctx);
    if (!access.permissions.has("core:users:read")) return null;
    return { users: await listUsers(ctx), canWrite: access.permissions.has("core:users:write") };
  });
  if (!view) notFound(); // hide what one may not read
  return (
    <>
      <PageHeader title="Users" breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Administration" }, { label: "Users" }]} description={`Who can sign in to ${tenant.name}, and their roles.`} />
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
            roles: u.roles.length ? <span className="text-xs">{u.roles.map((r) => r.name).join(", ")}</span> : <span className="text-xs text-slate-600">no role</span>,
            status: (
              <Badge tone={u.isActive ? "green" : "slate"} data-testid="user-status">
                {u.isActive ? "active" : "deactivated"}
              </Badge>
            ),
            actions: u.id === principal.id ? <span className="text-xs text-slate-600">you</span> : <UserRowActions id={u.id} name={u.name} isActive={u.isActive} />,
          },
        }))}
      />
      {view.canWrite ? <CreateUserForm /> : null}
    </>
  );
}
