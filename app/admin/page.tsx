import type { Metadata } from "next";
import { headers } from "next/headers";
import { requireAdmin } from "@/lib/auth/pages";
import { adminSignOut } from "./actions";

export const metadata: Metadata = { title: "Admin console" };

export default async function AdminHomePage() {
  const admin = await requireAdmin(await headers());
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Admin console</h1>
        <form action={adminSignOut}>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            Sign out
          </button>
        </form>
      </header>
      <p data-testid="admin-identity">
        Signed in as <strong>{admin.name}</strong> ({admin.email}), {admin.kind === "enterprise-admin" ? "enterprise admin" : "super admin"}.
      </p>
    </main>
  );
}
