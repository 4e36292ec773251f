import { z } from "zod";
import { verifySetupToken } from "../../provisioning/setup-link";
import type { TenantRecord } from "../../tenancy/types";

// The setup link's token (lib/provisioning/setup-link.ts) checked against the
// tenant whose host it was opened on. It is only the first half of the check:
// the link counts while the user it names is active and has no password yet.

/** One answer for a forged, expired, foreign or spent link: the visitor learns nothing about which. */
export const SETUP_LINK_SPENT = "This link was already used or has expired.";

const ZUserId = z.uuid();

/** The id of the user a setup token names on this tenant, or null (forged, expired, or another tenant's). */
export function setupTokenUser(tenant: TenantRecord, token: string, now = Date.now()): string | null {
  const claim = verifySetupToken(token, now);
  if (!claim || claim.tenantId !== tenant.id) return null;
  return ZUserId.safeParse(claim.userId).success ? claim.userId : null;
}
