import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/app/t/[tenant]/account/password/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { tenantPage } from "@/lib/api/pages";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, principal } = await tenantPage((await params).tenant, await headers());
  if (!principal) redirect("/sign-in");
  return (
    <>
      <PageHeader
        title="Change password"
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Your account" }, { label: "Change password" }]}
        description={`For ${principal.email}. Changing it signs out every session of yours, this one too: you then sign in with the new password.`}
      />
      <ChangePasswordForm email={principal.email} />
    </>
  );
}
