import { enterpriseDb, type EnterpriseDb } from "../../db/enterprise";
import { shardSelect, toShardView, type ShardView } from "./view";

/** GET /api/enterprise/shards: every server with its clients by status (default first, then by name). */
export async function listShards(db: EnterpriseDb = enterpriseDb()): Promise<ShardView[]> {
  const [shards, counts] = await Promise.all([
    db.shard.findMany({ select: shardSelect, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
    db.client.groupBy({ by: ["shardId", "status"], _count: { _all: true } }),
  ]);
  return shards.map((s) => toShardView(s, Object.fromEntries(counts.filter((c) => c.shardId === s.id).map((c) => [c.status, c._count._all]))));
}
