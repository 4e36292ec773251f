import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { tenantPage } from "@/lib/auth/pages";
import { actorAccess } from "@/lib/erp/rbac/access";
import { listUsers } from "@/lib/erp/users/list-users";
import { withTenantContext } from "@/lib/tenancy/connections";
import { CreateUserForm } from "./create-user-form";

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
    <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
      <h1 className="text-2xl font-semibold">{tenant.name}: users</h1>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {view.users.map((u) => (
          <li key={u.id} className="px-4 py-2">
            {u.name} <span className="text-slate-500">{u.email}</span> <span className="text-xs text-slate-500">{u.roles.map((r) => r.name).join(", ")}</span>
          </li>
        ))}
      </ul>
      {view.canWrite ? <CreateUserForm /> : null}
    </main>
  );
}
