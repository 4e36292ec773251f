import { z } from "zod";
import { passwordFingerprint, verifySetupToken } from "../../../auth/setup-link";
import type { TenantRecord } from "../../../tenancy/types";

// The setup link's token (lib/auth/setup-link.ts) checked against the
// tenant whose host it was opened on. It is only the first half of the check:
// the link counts while the user it names is active and has no password yet.

/** One answer for a forged, expired, foreign or spent link: the visitor learns nothing about which. */
export const SETUP_LINK_SPENT = "This link was already used or has expired.";

const ZUserId = z.uuid();

export interface SetupClaim {
  userId: string;
  /** Reset links only: the fingerprint of the password they replace. */
  replaces?: string;
}

/** The user a setup (or reset) token names on this tenant, or null (forged, expired, or another tenant's). */
export function setupTokenUser(tenant: TenantRecord, token: string, now = Date.now()): SetupClaim | null {
  const claim = verifySetupToken(token, now);
  if (!claim || claim.tenantId !== tenant.id) return null;
  if (!ZUserId.safeParse(claim.userId).success) return null;
  return claim.replaces ? { userId: claim.userId, replaces: claim.replaces } : { userId: claim.userId };
}

/** Whether the link still applies to the user as stored: a setup link while there is no password, a reset link while the password it replaces is still the one stored. */
export function linkApplies(claim: SetupClaim, passwordHash: string | null): boolean {
  return claim.replaces ? passwordHash !== null && passwordFingerprint(passwordHash) === claim.replaces : passwordHash === null;
}
