import { z } from "zod";
import { appendEnterpriseAudit } from "../../audit";
import { AppError } from "../../errors";
import { parseWith } from "../../errors";
import { forgetShard } from "../../tenancy/shards";
import { enterpriseDb, type EnterpriseDb } from "../../db/enterprise";
import type { EnterpriseActor } from "../super-admins";
import { listShards } from "./list-shards";
import { ZShardSettings } from "./register-shard";
import type { ShardView } from "./view";

// PUT /api/enterprise/shards/:id: region, capacity (0 drains: no new tenants
// there) and connection budget. The name, the admin URL's variable and which
// shard is the default do not change here.

export const ZUpdateShardRequest = z
  .object({
    region: ZShardSettings.region.optional(),
    capacity: ZShardSettings.capacity.optional(),
    connectionBudget: ZShardSettings.connectionBudget.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateShardRequest = z.infer<typeof ZUpdateShardRequest>;

export async function updateShard(id: string, input: unknown, actor: EnterpriseActor, db: EnterpriseDb = enterpriseDb()): Promise<ShardView> {
  const req = parseWith(ZUpdateShardRequest, input);
  await db.$transaction(async (tx) => {
    const before = await tx.shard.findUnique({ where: { id }, select: { region: true, capacity: true, connectionBudget: true } });
    if (!before) throw new AppError("not_found", "No such shard.");
    await tx.shard.update({ where: { id }, data: req });
    const changed = Object.fromEntries(Object.entries(req).map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]));
    await appendEnterpriseAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      ip: actor.ip ?? null,
      action: "shard.updated",
      targetType: "shard",
      targetId: id,
      metadata: changed,
    });
  });
  forgetShard(id);
  return (await listShards(db)).find((s) => s.id === id)!;
}
