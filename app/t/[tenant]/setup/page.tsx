import type { Metadata } from "next";
import { headers } from "next/headers";
import { SuspendedNotice } from "@/components/errors/suspended";
import { AuthFrame } from "@/components/shell/auth-frame";
import { tenantPage } from "@/lib/api/pages";
import { findSetupInvitation } from "@/lib/modules/core/users/find-setup-invitation";
import { SETUP_LINK_SPENT } from "@/lib/modules/core/users/setup-token";
import { SetupForm } from "./setup-form";
import { SpentLink } from "./spent-link";

// /setup?token=… on a tenant's host: the one-time link provisioning hands out for the first admin
// (lib/provisioning/setup-link.ts). Anonymous by design; the token is the credential, so the page
// sends no Referer and is kept out of search indexes.
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function SetupPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant } = await tenantPage((await params).tenant, await headers());
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length <= 2048 ? raw : "";
  const invitation = tenant.status === "ACTIVE" && token ? await findSetupInvitation(tenant, token) : null;
  if (tenant.status !== "ACTIVE") return <SuspendedNotice tenantName={tenant.name} />;
  return (
    <AuthFrame>
      {invitation ? <SetupForm token={token} email={invitation.email} tenantName={tenant.name} /> : <SpentLink detail={SETUP_LINK_SPENT} />}
    </AuthFrame>
  );
}
