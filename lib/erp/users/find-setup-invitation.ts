import { withTenantDb } from "../../tenancy/connections";
import type { TenantRecord } from "../../tenancy/types";
import { setupTokenUser } from "./setup-token";

export interface SetupInvitation {
  email: string;
  name: string;
}

/** Who a setup link invites on this tenant, or null when the link is forged, expired, foreign or already spent. */
export async function findSetupInvitation(tenant: TenantRecord, token: string): Promise<SetupInvitation | null> {
  const userId = setupTokenUser(tenant, token);
  if (!userId) return null;
  return withTenantDb(tenant, (db) => db.user.findFirst({ where: { id: userId, isActive: true, passwordHash: null }, select: { email: true, name: true } }));
}
