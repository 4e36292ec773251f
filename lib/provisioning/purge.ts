import { appendEnterpriseAudit } from "../audit";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { log } from "../observability/log";
import { invalidateTenant } from "../tenancy/registry";
import { tenancySettings } from "../tenancy/settings";
import { getShard } from "../tenancy/shards";
import { resolveAdminUrl, withShardAdmin, type AdminUrlOverrides } from "./admin";
import { IDEMPOTENCY_TTL_MS } from "./idempotency";
import { dropResources, tenantRoleName } from "./resources";
import { safeError } from "./safe-error";

// `npm run purge`: archived clients past the grace period lose their database
// and role, then their row (the audit log keeps the record). Also forgets
// expired idempotency keys.

export interface PurgeOptions extends AdminUrlOverrides {
  db?: EnterpriseDb;
  graceDays?: number;
  now?: Date;
}

export async function purgeArchived(opts: PurgeOptions = {}): Promise<{ purged: string[]; failed: string[] }> {
  const db = opts.db ?? enterpriseDb();
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - (opts.graceDays ?? tenancySettings().ARCHIVE_GRACE_DAYS) * 86_400_000);
  const due = await db.client.findMany({
    where: { status: "ARCHIVED", archivedAt: { lte: cutoff } },
    select: { id: true, slug: true, dbName: true, shardId: true },
  });
  const purged: string[] = [];
  const failed: string[] = [];
  for (const c of due) {
    try {
      await dropTenant(db, c, opts);
      await appendEnterpriseAudit(db, {
        actorType: "system",
        action: "client.purged",
        targetType: "client",
        targetId: c.id,
        clientId: c.id,
        metadata: { slug: c.slug, dbName: c.dbName },
      });
      purged.push(c.id);
    } catch (err) {
      log.error("purge failed for a client; will retry next run", { clientId: c.id, err: safeError(err) });
      failed.push(c.id);
    }
  }
  await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  return { purged, failed };
}

/** Drops a client's database and role, then its row. Used by purge and by test cleanup. */
export async function dropTenant(db: EnterpriseDb, c: { id: string; dbName: string; shardId: string }, opts: AdminUrlOverrides = {}): Promise<void> {
  await invalidateTenant(c.id);
  const adminUrl = resolveAdminUrl(await getShard(c.shardId, db), opts);
  await withShardAdmin(adminUrl, (admin) => dropResources(admin, c.dbName, tenantRoleName(c.id)));
  await db.client.deleteMany({ where: { id: c.id } });
}
