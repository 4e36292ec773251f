import { z } from "zod";
import { appendEnterpriseAudit } from "../../audit";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { ensureClientTemplate } from "../../provisioning/template";
import { parseWith } from "../../errors";
import { enterpriseDb, type EnterpriseDb } from "../../db/enterprise";
import type { EnterpriseActor } from "../super-admins";
import { checkShardServer } from "./check-server";
import { shardSelect, toShardView, type ShardView } from "./view";

// POST /api/enterprise/shards: an enterprise admin adds a PostgreSQL server for
// tenant databases. The admin URL stays in the environment (every app instance
// needs the same variable); the request names the variable. The server is
// checked and its client template made before the shard is recorded, so a shard
// that exists can take tenants at once, and a refused one leaves no row.

export const ZShardSettings = {
  region: z.string().trim().min(1).max(60),
  /** Most tenant databases this server should hold; new tenants go to the least-full shard with room. 0 drains it. */
  capacity: z.number().int().min(0).max(100_000),
  /** Connections one app instance may open to this server for tenant pools (keep it well under max_connections). */
  connectionBudget: z.number().int().min(2).max(10_000),
};

export const ZRegisterShardRequest = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, "must be 2–40 lowercase letters, digits or hyphens, starting with a letter"),
    adminUrlEnv: z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/, "must be an environment variable name such as SHARD_EU1_URL"),
    region: ZShardSettings.region.optional(),
    capacity: ZShardSettings.capacity.optional(),
    connectionBudget: ZShardSettings.connectionBudget.optional(),
  })
  .strict();
export type RegisterShardRequest = z.infer<typeof ZRegisterShardRequest>;

const TAKEN = "A shard with this name exists.";

export async function registerShard(input: unknown, actor: EnterpriseActor, db: EnterpriseDb = enterpriseDb()): Promise<ShardView> {
  const req = parseWith(ZRegisterShardRequest, input);
  if (await db.shard.findUnique({ where: { name: req.name }, select: { id: true } })) throw new AppError("conflict", TAKEN);
  const adminUrl = process.env[req.adminUrlEnv];
  if (!adminUrl) {
    throw new AppError("validation_failed", "The server cannot hold tenants.", {
      fields: [{ path: "adminUrlEnv", message: `is not set on this app instance (set ${req.adminUrlEnv} on every instance first)` }],
    });
  }
  const { version } = await checkShardServer(adminUrl);
  await ensureClientTemplate(adminUrl);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.shard.create({
        data: { name: req.name, adminUrlEnv: req.adminUrlEnv, region: req.region, capacity: req.capacity, connectionBudget: req.connectionBudget },
        select: shardSelect,
      });
      await appendEnterpriseAudit(tx, {
        actorType: actor.type,
        actorId: actor.id,
        ip: actor.ip ?? null,
        action: "shard.registered",
        targetType: "shard",
        targetId: created.id,
        metadata: {
          name: created.name,
          adminUrlEnv: created.adminUrlEnv,
          region: created.region,
          capacity: created.capacity,
          connectionBudget: created.connectionBudget,
          serverVersion: version,
        },
      });
      return created;
    });
    return toShardView(row, {});
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", TAKEN);
    throw err;
  }
}
