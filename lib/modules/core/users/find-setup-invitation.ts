import { withTenantDb } from "../../../tenancy/connections";
import type { TenantRecord } from "../../../tenancy/types";
import { linkApplies, setupTokenUser } from "./setup-token";

export interface SetupInvitation {
  email: string;
  name: string;
}

/** Who a setup (or reset) link is for on this tenant, or null when the link is forged, expired, foreign or already spent. */
export async function findSetupInvitation(tenant: TenantRecord, token: string): Promise<SetupInvitation | null> {
  const claim = setupTokenUser(tenant, token);
  if (!claim) return null;
  const user = await withTenantDb(tenant, (db) =>
    db.user.findFirst({ where: { id: claim.userId, isActive: true }, select: { email: true, name: true, passwordHash: true } }),
  );
  return user && linkApplies(claim, user.passwordHash) ? { email: user.email, name: user.name } : null;
}
