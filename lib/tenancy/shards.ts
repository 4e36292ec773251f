import { withDatabase } from "../db/url";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";

// Shards: the PostgreSQL servers tenant databases live on. A shard's admin URL
// is named by an environment variable (Shard.adminUrlEnv) and never stored.

export interface ShardInfo {
  id: string;
  name: string;
  adminUrlEnv: string;
  /** null: derived from the server (lib/tenancy/connections.ts). */
  connectionBudget: number | null;
  capacity: number;
  isDefault: boolean;
}

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; shard: ShardInfo }>();
const select = { id: true, name: true, adminUrlEnv: true, connectionBudget: true, capacity: true, isDefault: true } as const;

export async function getShard(id: string, db: EnterpriseDb = enterpriseDb()): Promise<ShardInfo> {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.shard;
  const shard = await db.shard.findUnique({ where: { id }, select });
  if (!shard) throw new Error(`shard ${id} does not exist`);
  cache.set(id, { at: Date.now(), shard });
  return shard;
}

/** Drops a shard's cached settings after a change (each instance's copy also expires within TTL_MS). */
export function forgetShard(id: string): void {
  cache.delete(id);
}

/** The shard's superuser-ish admin URL (for DDL and provisioning). Never log it. */
export function shardAdminUrl(shard: Pick<ShardInfo, "adminUrlEnv" | "name">): string {
  const url = process.env[shard.adminUrlEnv];
  if (!url) throw new Error(`shard ${shard.name}: environment variable ${shard.adminUrlEnv} is not set`);
  return url;
}

/** Admin URL of one tenant database (what client migrations run with). Never log it. */
export async function tenantAdminUrl(tenant: { shardId: string; dbName: string }, db?: EnterpriseDb): Promise<string> {
  return withDatabase(shardAdminUrl(await getShard(tenant.shardId, db)), tenant.dbName);
}

/** The shard a new tenant goes to: the one asked for, else the least loaded with room (default first on ties). */
export async function pickShard(db: EnterpriseDb, shardId?: string): Promise<ShardInfo> {
  if (shardId) {
    const shard = await db.shard.findUnique({ where: { id: shardId }, select });
    if (!shard) throw new AppError("validation_failed", "Unknown shard.", { fields: [{ path: "shardId", message: "no such shard" }] });
    return shard;
  }
  const shards = await db.shard.findMany({ select: { ...select, _count: { select: { clients: true } } } });
  const open = shards.filter((s) => s._count.clients < s.capacity && process.env[s.adminUrlEnv]);
  open.sort((a, b) => a._count.clients / a.capacity - b._count.clients / b.capacity || Number(b.isDefault) - Number(a.isDefault));
  const chosen = open[0];
  if (!chosen) throw new AppError("unavailable", "No database server has room for a new client.");
  const { _count, ...shard } = chosen;
  void _count;
  return shard;
}
