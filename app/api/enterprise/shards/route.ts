// GET /api/enterprise/shards: the PostgreSQL servers tenants live on, with their clients by status → {shards}.
// POST /api/enterprise/shards: {name, adminUrlEnv, region?, capacity?, connectionBudget?} checks the server, prepares its client template, records it → 201 the shard.
import { created, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { listShards, registerShard, ZRegisterShardRequest } from "@/lib/enterprise/shards";

export const GET = route({ auth: "enterprise-admin" }, async () => ({ shards: await listShards() }));

export const POST = route({ auth: "enterprise-admin", body: ZRegisterShardRequest }, async ({ req, body, principal }) =>
  created(await registerShard(body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) })),
);
