import type { EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";

type Tx = Parameters<Parameters<EnterpriseDb["$transaction"]>[0]>[0];

/**
 * A super admin sees only the clients assigned to them (ClientAssignment). Any
 * other id, existing or not, is the same 404: they cannot tell the two apart.
 */
export async function requireAssignedClient(db: EnterpriseDb | Tx, superAdminId: string, clientId: string): Promise<void> {
  const found = await db.clientAssignment.findUnique({ where: { superAdminId_clientId: { superAdminId, clientId } }, select: { clientId: true } });
  if (!found) throw new AppError("not_found", "No such client.");
}
