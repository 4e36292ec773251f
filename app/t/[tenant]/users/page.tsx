import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { tenantPage } from "@/lib/api/pages";
import { actorAccess } from "@/lib/modules/core/rbac/access";
import { listUsers } from "@/lib/modules/core/users/list-users";
import { withTenantContext } from "@/lib/tenancy/connections";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

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
    <main className="mx-auto max-w-4xl space-y-6 px-6 py-10">
      <h1 className="text-2xl font-semibold">{tenant.name}: users</h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Users of {tenant.name}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Roles</th>
              <th scope="col" className="px-4 py-2">Status</th>
              {view.canWrite ? <th scope="col" className="px-4 py-2 text-right">Actions</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.email}`} className={u.isActive ? "" : "text-slate-400"}>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {u.name}
                </th>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2 text-xs">{u.roles.map((r) => r.name).join(", ") || "—"}</td>
                <td className="px-4 py-2 text-xs" data-testid="user-status">
                  {u.isActive ? "active" : "deactivated"}
                </td>
                {view.canWrite ? <td className="px-4 py-2">{u.id === principal.id ? <span className="text-xs text-slate-400">you</span> : <UserRowActions id={u.id} name={u.name} isActive={u.isActive} />}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.canWrite ? <CreateUserForm /> : null}
    </main>
  );
}
