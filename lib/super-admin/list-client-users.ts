import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import { listUsers } from "../modules/core/users/list-users";
import type { UserView } from "../modules/core/users/users.types";
import { withTenantContext } from "../tenancy/connections";
import { getTenant } from "../tenancy/registry";
import { requireAssignedClient } from "./assigned-client";
import type { SuperAdminPrincipal } from "./schemas";

// GET /api/super-admin/clients/:id/users: an assigned client's users with their
// roles, read through a tenant context whose principal is the super admin (the
// tenant must be ACTIVE: suspended → 423, as for its own users).

export async function listClientUsers(principal: SuperAdminPrincipal, clientId: string, db: EnterpriseDb = enterpriseDb()): Promise<UserView[]> {
  await requireAssignedClient(db, principal.id, clientId);
  const tenant = await getTenant(clientId, db);
  if (!tenant) throw new AppError("not_found", "No such client.");
  return withTenantContext(tenant, principal, (ctx) => listUsers(ctx));
}
