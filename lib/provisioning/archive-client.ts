import { appendEnterpriseAudit } from "../audit";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import { invalidateTenant } from "../tenancy/registry";
import { getShard } from "../tenancy/shards";
import { resolveAdminUrl, withShardAdmin, type AdminUrlOverrides } from "./admin";
import { clientViewSelect, toClientView } from "./client-view";
import type { Actor } from "./create-client";
import { disableLogin, tenantRoleName } from "./resources";
import type { ClientView } from "./schemas";

// DELETE /api/enterprise/clients/:id — archives: the client is refused at once,
// its role can no longer log in (and its sessions end), and the database is
// kept for a grace period; `npm run purge` drops it afterwards.

export async function archiveClient(id: string, actor: Actor, opts: AdminUrlOverrides & { db?: EnterpriseDb } = {}): Promise<ClientView> {
  const db = opts.db ?? enterpriseDb();
  const current = await db.client.findUnique({ where: { id }, select: { status: true, shardId: true } });
  if (!current) throw new AppError("not_found", "No such client.");
  if (current.status === "PROVISIONING") throw new AppError("conflict", "The client is still being set up.");
  if (current.status !== "ARCHIVED") {
    await db.client.update({ where: { id }, data: { status: "ARCHIVED", archivedAt: new Date() } });
    await invalidateTenant(id);
    const adminUrl = resolveAdminUrl(await getShard(current.shardId, db), opts);
    await withShardAdmin(adminUrl, (admin) => disableLogin(admin, tenantRoleName(id)));
    await appendEnterpriseAudit(db, {
      actorType: actor.type,
      actorId: actor.id,
      ip: actor.ip ?? null,
      action: "client.archived",
      targetType: "client",
      targetId: id,
      clientId: id,
    });
  }
  return toClientView(await db.client.findUniqueOrThrow({ where: { id }, select: clientViewSelect }));
}
