import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireAdmin } from "@/lib/api/pages";
import { adminNavigation } from "@/lib/modules/navigation";
import { adminSignOut } from "../actions";

// The admin console's frame (this route group; the sign-in page stays outside it):
// enterprise admins see every section, super admins their narrower set. Each page
// still checks who may see it.

export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin(await headers());
  const items = adminNavigation(admin.kind).map(({ label, path, icon }) => ({ label, path, icon }));
  return (
    <AppShell
      org="Admin console"
      orgDetail={admin.kind === "enterprise-admin" ? "Enterprise admin" : "Super admin"}
      homeHref="/admin"
      sections={[{ key: "console", items }]}
      user={{ name: admin.name, detail: admin.email, signOut: adminSignOut, signOutTo: "/admin/sign-in" }}
    >
      {children}
    </AppShell>
  );
}
