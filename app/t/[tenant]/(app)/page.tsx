import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Icon } from "@/components/ui/icon";
import { PageHeader } from "@/components/ui/page-header";
import { tenantPage } from "@/lib/api/pages";
import { actorAccess } from "@/lib/modules/core/rbac/access";
import { whoToAsk } from "@/lib/modules/core/who-to-ask";
import { tenantNavigation } from "@/lib/modules/navigation";
import { withTenantContext } from "@/lib/tenancy/connections";

export const metadata: Metadata = { title: "Home" };

/** "Ann", "Ann or Bob", "Ann, Bob or Cy". */
function either(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

export default async function TenantHomePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (!principal) redirect("/sign-in");
  const { sections, askable } = await withTenantContext(tenant, principal, async (ctx) => {
    const { permissions } = await actorAccess(ctx);
    const sections = tenantNavigation(tenant.modules, permissions);
    return { sections, askable: sections.length === 0 ? await whoToAsk(ctx) : [] };
  });
  const first = principal.name.split(/\s+/)[0] || principal.name;
  return (
    <>
      <PageHeader title={<span data-testid="tenant-name">{tenant.name}</span>} description={`Welcome back, ${first}.`} />
      {sections.length === 0 ? (
        <Alert tone="info" live={false} title="You have no access yet" data-testid="no-access">
          <p>
            Your account is set up, but no role has been given to you, so there is nothing here for you to open yet.{" "}
            {askable.length ? (
              <>
                Ask <strong>{either(askable)}</strong> to give you a role.
              </>
            ) : (
              "Ask your administrator to give you a role."
            )}
          </p>
        </Alert>
      ) : (
        sections.map((s) => (
          <section key={s.key} aria-labelledby={`home-${s.key}`} className="space-y-3">
            <h2 id={`home-${s.key}`} className="text-lg font-semibold text-slate-900">
              {s.label}
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {s.items.map((i) => (
                <li key={i.path}>
                  <Link
                    href={i.path}
                    className="group flex h-full gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 hover:shadow"
                  >
                    <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-brand-50 text-brand-700">
                      <Icon name={i.icon} className="size-5" />
                    </span>
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-900 group-hover:text-brand-700">{i.label}</span>
                      {i.description ? <span className="mt-0.5 block text-sm text-slate-600">{i.description}</span> : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
