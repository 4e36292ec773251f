import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignOutButton } from "@/app/admin/sign-out-button";
import { redirect } from "next/navigation";
import { tenantPage } from "@/lib/auth/pages";
import { tenantSignOut } from "./actions";

export const metadata: Metadata = { title: "Home" };

export default async function TenantHomePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (!principal) redirect("/sign-in");
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold" data-testid="tenant-name">
          {tenant.name}
        </h1>
        <SignOutButton action={tenantSignOut} to="/sign-in" />
      </header>
      <p>
        Welcome, <strong data-testid="user-name">{principal.name}</strong>.
      </p>
    </main>
  );
}
