import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/admin/sign-in/sign-in-form";
import { tenantPage } from "@/lib/auth/pages";
import { tenantSignIn } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function TenantSignInPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (principal) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      {tenant.status === "ACTIVE" ? <SignInForm action={tenantSignIn} title={`Sign in to ${tenant.name}`} /> : <p>{tenant.name} is suspended. Contact your administrator.</p>}
    </main>
  );
}
