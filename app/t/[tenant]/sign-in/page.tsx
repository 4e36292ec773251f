import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/admin/sign-in/sign-in-form";
import { AuthFrame } from "@/components/shell/auth-frame";
import { SuspendedNotice } from "@/components/errors/suspended";
import { tenantPage } from "@/lib/api/pages";
import { tenantSignIn } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function TenantSignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (principal) redirect("/");
  // ?email=…&setup=done: where the setup page sends a user who has just set their password.
  const query = await searchParams;
  const email = typeof query.email === "string" && query.email.length <= 254 ? query.email : undefined;
  const subtitle =
    query.setup === "done"
      ? "Your password is set. Sign in to continue."
      : query.changed === "password"
        ? "Your password is changed. Sign in with the new one."
        : undefined;
  if (tenant.status !== "ACTIVE") return <SuspendedNotice tenantName={tenant.name} />;
  return (
    <AuthFrame>
      <SignInForm action={tenantSignIn} title={`Sign in to ${tenant.name}`} subtitle={subtitle} email={email} />
    </AuthFrame>
  );
}
