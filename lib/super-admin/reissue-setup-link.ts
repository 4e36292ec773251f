import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { reissueSetupLink, type SetupLinkIssued } from "../provisioning/reissue-setup-link";
import { requireAssignedClient } from "./assigned-client";
import type { SuperAdminPrincipal } from "./schemas";

// POST /api/super-admin/clients/:id/setup-link: the design's "super admin creates the
// initial client admin" — for a client assigned to them, a new setup link for its
// owner who has not set a password yet (the same service as the enterprise route).

export async function reissueAssignedSetupLink(
  principal: SuperAdminPrincipal,
  clientId: string,
  query: { email?: string },
  meta: { ip?: string | null } = {},
  db: EnterpriseDb = enterpriseDb(),
): Promise<SetupLinkIssued> {
  await requireAssignedClient(db, principal.id, clientId);
  return reissueSetupLink(clientId, query, { principal, ip: meta.ip }, db);
}
