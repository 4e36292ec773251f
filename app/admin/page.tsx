import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignOutButton } from "@/app/admin/sign-out-button";
import { requireAdmin } from "@/lib/auth/pages";
import { adminSignOut } from "./actions";

export const metadata: Metadata = { title: "Admin console" };

export default async function AdminHomePage() {
  const admin = await requireAdmin(await headers());
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Admin console</h1>
        <SignOutButton action={adminSignOut} to="/admin/sign-in" />
      </header>
      <p data-testid="admin-identity">
        Signed in as <strong>{admin.name}</strong> ({admin.email}), {admin.kind === "enterprise-admin" ? "enterprise admin" : "super admin"}.
      </p>
    </main>
  );
}
