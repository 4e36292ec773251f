import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { ShellNavSection } from "@/components/shell/types";
import { tenantPageScope } from "@/lib/api/pages";
import { tenantNavigation } from "@/lib/modules/navigation";
import { tenantSignOut } from "../actions";

// The frame of the tenant app's signed-in pages (this route group; sign-in and
// setup stay outside it): navigation from the tenant's modules, filtered by the
// user's permissions. Each page still checks its own access.

export default async function TenantAppLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant, principal, permissions } = await tenantPageScope((await params).tenant, await headers(), null, async () => null);
  const sections: ShellNavSection[] = [
    { key: "home", items: [{ label: "Home", path: "/", icon: "home" }] },
    ...tenantNavigation(tenant.modules, permissions).map((s) => ({
      key: s.key,
      label: s.label,
      items: s.items.map(({ label, path, icon }) => ({ label, path, icon })),
    })),
  ];
  return (
    <AppShell
      org={tenant.name}
      orgDetail={`${tenant.slug} · workspace`}
      homeHref="/"
      sections={sections}
      user={{ name: principal.name, detail: principal.email, passwordHref: "/account/password", signOut: tenantSignOut, signOutTo: "/sign-in" }}
    >
      {children}
    </AppShell>
  );
}
